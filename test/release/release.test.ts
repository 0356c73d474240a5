/**
 * `specsmith release` in a project of its own (specs/tasker from the
 * fixtures, a configuration with the @acme scope): the first release, an
 * addition, a breaking change, a re-run that changes nothing, a dry run that
 * writes nothing, a bad spec that releases nothing, and `npm publish
 * --dry-run` of the released package (offline: the registry is a closed
 * loopback port).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextVersion, bumpFor } from '../../generator/release/next-version.js';
import { fixturesDir, hashTree, runCli, tempDir } from '../generator/helpers.js';

const run = promisify(execFile);
let temp: { path: string; remove: () => Promise<void> };
let spec: string;
const file = (path: string): Promise<string> => readFile(join(temp.path, path), 'utf8');
const manifest = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await file(path)) as Record<string, unknown>;

beforeAll(async () => {
  temp = await tempDir('release');
  await mkdir(join(temp.path, 'specs', 'tasker'), { recursive: true });
  spec = join(temp.path, 'specs', 'tasker', 'openapi.yaml');
  await cp(join(fixturesDir, 'tasker', 'openapi.yaml'), spec);
  await writeFile(
    join(temp.path, 'specsmith.config.json'),
    `${JSON.stringify({ scope: '@acme', license: 'MIT', repository: 'https://example.test/acme/sdks.git' }, null, 2)}\n`,
  );
});
afterAll(() => temp.remove());

async function editSpec(from: string, to: string): Promise<void> {
  const text = await readFile(spec, 'utf8');
  expect(text).toContain(from);
  await writeFile(spec, text.replace(from, to));
}

describe('a package released through its history', () => {
  it('the first release is 0.1.0, with a changelog, the released spec and the version in the configuration', async () => {
    const { code, stderr } = await runCli(['release'], temp.path);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('specsmith: released @acme/tasker 0.1.0 (first release)');
    expect(await manifest('generated/tasker/package.json')).toMatchObject({ name: '@acme/tasker', version: '0.1.0' });
    expect((await manifest('generated/tasker/package.json'))['files']).toContain('CHANGELOG.md');
    expect(await file('generated/tasker/CHANGELOG.md')).toBe(await file('releases/tasker/CHANGELOG.md'));
    expect(await file('releases/tasker/CHANGELOG.md')).toContain(
      '## 0.1.0\n\nGenerated from `specs/tasker/openapi.yaml` (API version 1.0).\n\nFirst release of `@acme/tasker`.\n',
    );
    expect(JSON.parse(await file('releases/tasker/openapi.json'))).toMatchObject({ info: { title: 'Tasker API' } });
    expect(JSON.parse(await file('specsmith.config.json'))).toEqual({
      scope: '@acme',
      license: 'MIT',
      repository: 'https://example.test/acme/sdks.git',
      packages: { tasker: { version: '0.1.0' } },
    });
  });

  it('re-running without a spec change changes nothing', async () => {
    const before = await hashTree(temp.path);
    const { code, stderr } = await runCli(['release'], temp.path);
    expect(code).toBe(0);
    expect(stderr).toContain('@acme/tasker 0.1.0: up to date');
    expect(await hashTree(temp.path)).toEqual(before);
  });

  it('an added optional parameter is a minor release listed under Additions', async () => {
    await editSpec(
      '        - { name: offset, in: query, schema: { type: integer } }\n',
      '        - { name: offset, in: query, schema: { type: integer } }\n        - { name: q, in: query, schema: { type: string } }\n',
    );
    const { code, stderr } = await runCli(['release'], temp.path);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('released @acme/tasker 0.1.0 -> 0.2.0 (0 breaking, 1 additions, 0 other)');
    const changelog = await file('generated/tasker/CHANGELOG.md');
    expect(changelog).toMatch(
      /## 0\.2\.0\n\nGenerated from .*\n\n### Additions\n\n- `GET \/projects`: query parameter "q" added \(new-optional-request-parameter\)\.\n\n## 0\.1\.0\n/,
    );
    expect(await manifest('generated/tasker/package.json')).toMatchObject({ version: '0.2.0' });
    expect(await manifest('generated/tasker-mcp/package.json')).toMatchObject({
      version: '0.2.0',
      dependencies: { '@acme/tasker': '0.2.0' },
    });
  });

  it('a removed operation is breaking: the minor position while 0.x, with the migration in the changelog', async () => {
    await editSpec(
      "    delete:\n      operationId: deleteProject\n      tags: [Projects]\n      summary: Delete a project\n      responses:\n        '204':\n          description: Deleted.\n",
      '',
    );
    const { code, stderr } = await runCli(['release'], temp.path);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('released @acme/tasker 0.2.0 -> 0.3.0');
    const changelog = await file('generated/tasker/CHANGELOG.md');
    const entry = changelog.slice(changelog.indexOf('## 0.3.0'), changelog.indexOf('## 0.2.0'));
    expect(entry).toContain('### Breaking changes');
    expect(entry).toContain(
      '- `DELETE /projects/{}`: DELETE /projects/{} removed (api-removed). **Migration:** Stop calling this operation;',
    );
    expect(entry).toContain(
      '- `client.projects.delete`: client.projects.delete() removed (sdk-method-removed). **Migration:**',
    );
    // Newest first, every earlier release kept.
    expect([...changelog.matchAll(/^## (\S+)$/gm)].map((match) => match[1])).toEqual(['0.3.0', '0.2.0', '0.1.0']);
  });

  it('--dry-run says what it would release and writes nothing', async () => {
    await editSpec('summary: List projects', 'summary: List every project');
    const before = await hashTree(temp.path);
    const { code, stderr } = await runCli(['release', '--dry-run'], temp.path);
    expect(code).toBe(0);
    expect(stderr).toContain('would release @acme/tasker 0.3.0 -> 0.3.1 (0 breaking, 0 additions, 1 other)');
    expect(await hashTree(temp.path)).toEqual(before);
  });

  it('a spec that does not load releases nothing (exit 1, diagnostic with file:line)', async () => {
    const good = await readFile(spec, 'utf8');
    await writeFile(
      spec,
      good.replace("$ref: '#/components/schemas/Project' }", "$ref: '#/components/schemas/Missing' }"),
    );
    try {
      const before = await hashTree(temp.path);
      const { code, stderr } = await runCli(['release'], temp.path);
      expect(code).toBe(1);
      expect(stderr).toMatch(/specs\/tasker\/openapi\.yaml:\d+:\d+ error \[dangling-ref\]/);
      expect(stderr).toContain('specsmith: nothing was released');
      expect(await hashTree(temp.path)).toEqual(before);
    } finally {
      await writeFile(spec, good);
    }
  });

  it('a damaged released spec (releases/<name>/openapi.json) is a diagnostic naming it, and nothing is released', async () => {
    const released = join(temp.path, 'releases', 'tasker', 'openapi.json');
    const good = await readFile(released, 'utf8');
    await writeFile(released, good.slice(0, Math.floor(good.length / 2)));
    try {
      const before = await hashTree(temp.path);
      const { code, stderr } = await runCli(['release'], temp.path);
      expect(code).toBe(1);
      expect(stderr).toMatch(/releases\/tasker\/openapi\.json:\d+:\d+ error \[json-syntax\]/);
      expect(stderr).toContain('specsmith: nothing was released');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(await hashTree(temp.path)).toEqual(before);
    } finally {
      await writeFile(released, good);
    }
  });

  // npm asks the registry whether the version exists; a refused loopback connection, not retried, is an answer.
  it('the released package passes npm publish --dry-run, shipping its changelog (offline)', async () => {
    const { stdout } = await run(
      'npm',
      ['publish', '--dry-run', '--ignore-scripts', '--json', '--registry', 'http://127.0.0.1:1', '--fetch-retries=0'],
      {
        cwd: join(temp.path, 'generated', 'tasker'),
        env: {
          ...process.env,
          npm_config_audit: 'false',
          npm_config_fund: 'false',
          npm_config_update_notifier: 'false',
        },
      },
    );
    const report = JSON.parse(stdout) as Record<
      string,
      { name: string; version: string; files: Array<{ path: string }> }
    >;
    const published = report['@acme/tasker'];
    expect(published).toMatchObject({ name: '@acme/tasker', version: '0.3.0' });
    expect(published?.files.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['CHANGELOG.md', 'README.md', 'package.json', 'openapi.json', 'src/index.ts']),
    );
  });
});

describe('next version', () => {
  it.each<[string, 'breaking' | 'non-breaking' | 'informational' | undefined, string]>([
    ['0.3.1', 'breaking', '0.4.0'],
    ['1.4.2', 'breaking', '2.0.0'],
    ['0.3.1', 'non-breaking', '0.4.0'],
    ['1.4.2', 'non-breaking', '1.5.0'],
    ['1.4.2', 'informational', '1.4.3'],
    ['1.4.2', undefined, '1.4.3'],
    ['2.0.0-beta.1', 'breaking', '3.0.0'],
  ])('%s with %s changes -> %s', (current, worst, expected) => {
    expect(nextVersion(current, bumpFor(worst))).toBe(expected);
  });
});
