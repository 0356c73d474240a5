/**
 * Writing is all or nothing: a failed run leaves an existing package exactly
 * as it was, a successful one replaces the generated files but keeps dist/,
 * node_modules/ and build info, and no staging directory is left behind.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeOutput } from '../../generator/write/write-output.js';
import { fixturesDir, hashTree, listFiles, runCli, tempDir } from './helpers.js';

const tasker = join(fixturesDir, 'tasker/openapi.yaml');
const badSpecs = [
  'missing-openapi.yaml',
  'bad-extensions.yaml',
  'split-bad/nested-dangling.yaml',
  'malformed-yaml.yaml',
].map((name) => join(fixturesDir, 'bad', name));

/** tasker generated once, in a temp dir of its own that no test touches. */
let template: Awaited<ReturnType<typeof tempDir>>;
let temp: Awaited<ReturnType<typeof tempDir>>;
let out: string;

beforeAll(async () => {
  // A sibling of every test's temp dir, so the spec path the package names (relative to the run's folder) is the same.
  template = await tempDir('atomic-template');
  const { code, stderr } = await runCli(['generate', tasker, '--out', 'pkg'], template.path);
  expect(code, stderr).toBe(0);
});
afterAll(async () => {
  await template.remove();
});

beforeEach(async () => {
  temp = await tempDir('atomic');
  out = join(temp.path, 'pkg');
  await cp(join(template.path, 'pkg'), out, { recursive: true });
  // The MCP server package generate writes beside the client (<out>-mcp).
  await cp(join(template.path, 'pkg-mcp'), `${out}-mcp`, { recursive: true });
  // What a user's checkout has next to the generated files.
  await mkdir(join(out, 'dist'), { recursive: true });
  await writeFile(join(out, 'dist', 'index.js'), 'export const built = true;\n');
  await mkdir(join(out, 'node_modules', 'left-pad'), { recursive: true });
  await writeFile(join(out, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1;\n');
  await writeFile(join(out, 'tsconfig.tsbuildinfo'), '{}\n');
});

afterEach(async () => {
  await temp.remove();
});

describe('a failed run', () => {
  it.each(badSpecs)('leaves the existing output byte-identical (%s)', async (spec) => {
    const before = await hashTree(temp.path);
    const { code, stderr } = await runCli(['generate', spec, '--out', 'pkg'], temp.path);
    expect(code).toBe(1);
    expect(stderr).toContain('nothing was written');
    expect(await hashTree(temp.path)).toEqual(before);
  });

  it('that breaks while writing puts nothing in place and leaves no staging directory', async () => {
    const before = await hashTree(temp.path);
    // "a" is written as a file, then needed as a directory: the write fails half-way.
    await expect(
      writeOutput(
        out,
        new Map([
          ['a', 'file'],
          ['a/b', 'nested'],
        ]),
      ),
    ).rejects.toThrow();
    expect(await hashTree(temp.path)).toEqual(before);
  });
});

describe('a successful run', () => {
  it('replaces the generated files, removes ones no longer generated, and keeps dist/, node_modules/, build info and files it did not write', async () => {
    const pristine = await readFile(join(out, 'src', 'client.ts'), 'utf8');
    await writeFile(join(out, 'src', 'client.ts'), '// stale\n');
    // Files an earlier run wrote (listed in its manifest) that this run no longer generates.
    await writeFile(join(out, 'src', 'leftover.ts'), 'export {};\n');
    await mkdir(join(out, 'src', 'old-folder'), { recursive: true });
    await writeFile(join(out, 'src', 'old-folder', 'gone.ts'), 'export {};\n');
    const manifestPath = join(out, '.specsmith-manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: string[] };
    await writeFile(
      manifestPath,
      JSON.stringify({ ...manifest, files: [...manifest.files, 'src/leftover.ts', 'src/old-folder/gone.ts'] }),
    );
    // A file nobody listed: the user's.
    await writeFile(join(out, 'src', 'notes.md'), 'mine\n');

    const { code, stderr } = await runCli(['generate', tasker, '--out', 'pkg'], temp.path);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('specsmith: pkg: 4 files written'); // client.ts, the manifest and the two removals

    expect(await readFile(join(out, 'src', 'client.ts'), 'utf8')).toBe(pristine);
    const files = await listFiles(out);
    expect(files).not.toContain('src/leftover.ts');
    expect(files).not.toContain('src/old-folder/gone.ts');
    expect(await readFile(join(out, 'src', 'notes.md'), 'utf8')).toBe('mine\n');
    expect(await readFile(join(out, 'dist', 'index.js'), 'utf8')).toBe('export const built = true;\n');
    expect(await readFile(join(out, 'node_modules', 'left-pad', 'index.js'), 'utf8')).toBe('module.exports = 1;\n');
    expect(await readFile(join(out, 'tsconfig.tsbuildinfo'), 'utf8')).toBe('{}\n');
    expect((await readdir(temp.path)).sort()).toEqual(['pkg', 'pkg-mcp']);
  });

  it('into a new directory creates it and leaves nothing beside it', async () => {
    const { code } = await runCli(['generate', tasker, '--out', 'fresh/pkg'], temp.path);
    expect(code).toBe(0);
    expect((await readdir(join(temp.path, 'fresh'))).sort()).toEqual(['pkg', 'pkg-mcp']);
    expect(await listFiles(join(temp.path, 'fresh', 'pkg'))).toEqual(
      (await listFiles(out)).filter((path) => !/^(dist|node_modules)\/|\.tsbuildinfo$/.test(path)),
    );
  });

  it('with nothing to change touches nothing', async () => {
    const before = await hashTree(temp.path);
    const { code, stderr } = await runCli(['generate', tasker, '--out', 'pkg'], temp.path);
    expect(code).toBe(0);
    expect(stderr).toContain('specsmith: pkg: up to date');
    expect(await hashTree(temp.path)).toEqual(before);
  });
});
