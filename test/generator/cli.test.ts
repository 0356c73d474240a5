/**
 * The command line: usage errors exit 2 with a message and the usage text;
 * `--check` compares instead of writing and names each stale file. The CLI is
 * run in-process through its `main` (what generator/bin/specsmith.js calls);
 * cli-binary.test.ts checks the real binary's exit codes.
 */
import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir, hashTree, runCli, tempDir } from './helpers.js';

const tasker = join(fixturesDir, 'tasker/openapi.yaml');

describe('usage errors exit 2', () => {
  it.each<[string, string[], string]>([
    ['an unknown command', ['frobnicate'], 'specsmith: unknown command "frobnicate"'],
    ['an unknown flag', ['generate', tasker, '--out', 'x', '--colour'], 'specsmith: unknown option --colour'],
    ['a spec without --out', ['generate', tasker], 'specsmith: --out <dir> is required when a spec file is given'],
    ['--out without a value', ['generate', tasker, '--out'], 'specsmith: --out needs a value'],
    [
      '--watch with --check',
      ['generate', tasker, '--out', 'x', '--watch', '--check'],
      'specsmith: --watch and --check cannot be combined',
    ],
    ['two spec files', ['generate', tasker, tasker, '--out', 'x'], 'specsmith: give at most one spec file'],
    [
      'a spec file that does not exist',
      ['generate', 'nowhere/openapi.yaml', '--out', 'x'],
      'specsmith: spec file not found: nowhere/openapi.yaml',
    ],
    ['no command at all', [], 'Usage:'],
  ])('%s', async (_label, argv, firstLine) => {
    const temp = await tempDir('usage');
    try {
      const before = await hashTree(temp.path);
      const { code, stdout, stderr } = await runCli(argv, temp.path);
      expect(code).toBe(2);
      const printed = argv.length === 0 ? stdout : stderr;
      expect(printed.split('\n')[0]).toBe(firstLine);
      expect(printed).toContain('specsmith generate <spec-file> --out <dir>');
      expect(await hashTree(temp.path)).toEqual(before);
    } finally {
      await temp.remove();
    }
  });

  it('--help is not an error', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage:\n/);
  });
});

describe('generate --check', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  const check = (): ReturnType<typeof runCli> => runCli(['generate', tasker, '--out', 'copy', '--check'], temp.path);

  beforeAll(async () => {
    temp = await tempDir('check');
    // A generated package, then a fresh copy of it to check against.
    const generated = await runCli(['generate', tasker, '--out', 'pkg'], temp.path);
    expect(generated.code, generated.stderr).toBe(0);
  });
  afterAll(async () => {
    await temp.remove();
  });

  // The client and, beside it, its MCP server package (generate writes <out> and <out>-mcp).
  const freshCopy = async (): Promise<void> => {
    for (const suffix of ['', '-mcp']) {
      await rm(join(temp.path, `copy${suffix}`), { recursive: true, force: true });
      await cp(join(temp.path, `pkg${suffix}`), join(temp.path, `copy${suffix}`), { recursive: true });
    }
  };

  it('exits 0 and prints nothing on stdout when the package is up to date', async () => {
    await freshCopy();
    const before = await hashTree(temp.path);
    const { code, stdout } = await check();
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(await hashTree(temp.path)).toEqual(before);
  });

  it('ignores build output and installed dependencies', async () => {
    await freshCopy();
    await cp(join(temp.path, 'pkg', 'src'), join(temp.path, 'copy', 'dist'), { recursive: true });
    await cp(join(temp.path, 'pkg', 'src'), join(temp.path, 'copy', 'node_modules', 'some-dep'), { recursive: true });
    expect((await check()).code).toBe(0);
  });

  it.each<[string, (copy: string) => Promise<void>, string]>([
    ['an edited file', (copy) => appendFile(join(copy, 'src', 'client.ts'), '// hand edit\n'), 'copy/src/client.ts'],
    ['a deleted file', (copy) => rm(join(copy, 'src', 'types.ts')), 'copy/src/types.ts'],
    [
      'an edited file of the MCP package',
      (copy) => appendFile(join(`${copy}-mcp`, 'src', 'index.ts'), '// hand edit\n'),
      'copy-mcp/src/index.ts',
    ],
  ])('exits 1 and prints the path of %s, writing nothing', async (_label, change, path) => {
    await freshCopy();
    await change(join(temp.path, 'copy'));
    const before = await hashTree(temp.path);
    const { code, stdout, stderr } = await check();
    expect(code).toBe(1);
    expect(stdout).toBe(`${path}\n`);
    expect(stderr).toContain('specsmith: 1 generated file is stale; run `specsmith generate`');
    expect(await hashTree(temp.path)).toEqual(before);
  });

  it('lists a file an earlier run wrote (in the manifest) that this one no longer generates', async () => {
    await freshCopy();
    const manifestPath = join(temp.path, 'copy', '.specsmith-manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: string[] };
    await writeFile(
      manifestPath,
      JSON.stringify({ ...manifest, files: [...manifest.files, 'src/resources/stray.ts'] }),
    );
    await writeFile(join(temp.path, 'copy', 'src', 'resources', 'stray.ts'), 'export {};\n');
    const { code, stdout, stderr } = await check();
    expect(code).toBe(1);
    expect(stdout).toBe('copy/.specsmith-manifest.json\ncopy/src/resources/stray.ts\n');
    expect(stderr).toContain('specsmith: 2 generated files are stale');
  });

  it('does not list a file specsmith did not write (not in the manifest): a run would keep it', async () => {
    await freshCopy();
    await writeFile(join(temp.path, 'copy', 'src', 'resources', 'notes.md'), 'mine\n');
    expect(await check()).toMatchObject({ code: 0, stdout: '' });
  });

  it('lists several stale files, sorted', async () => {
    await freshCopy();
    await appendFile(join(temp.path, 'copy', 'src', 'types.ts'), ' ');
    await appendFile(join(temp.path, 'copy', 'README.md'), ' ');
    const { code, stdout } = await check();
    expect(code).toBe(1);
    expect(stdout).toBe('copy/README.md\ncopy/src/types.ts\n');
  });

  it('the copy it compared is still the package a plain run would write', async () => {
    await freshCopy();
    const before = await readFile(join(temp.path, 'copy', 'src', 'client.ts'), 'utf8');
    expect((await runCli(['generate', tasker, '--out', 'copy'], temp.path)).stderr).toContain('copy: up to date');
    expect(await readFile(join(temp.path, 'copy', 'src', 'client.ts'), 'utf8')).toBe(before);
  });
});

describe('docs for one spec', () => {
  // The landing page names the client package as `generate` would: from --name, else from the spec's folder.
  it.each<[string, string[], string]>([
    ['--name names the package', ['--name', '@acme/tasker-client'], '<code>@acme/tasker-client</code>'],
    ['without --name, the spec folder does', [], '<code>@specsmith/tasker</code>'],
  ])('%s', async (_label, extra, named) => {
    const temp = await tempDir('docs');
    try {
      const { code, stderr } = await runCli(['docs', tasker, '--out', 'site', ...extra], temp.path);
      expect(code, stderr).toBe(0);
      expect(await readFile(join(temp.path, 'site/index.html'), 'utf8')).toContain(named);
    } finally {
      await temp.remove();
    }
  });
});
