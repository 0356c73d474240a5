/**
 * specsmith.config.json: what it puts into the generated package.json files
 * (name, scope, version, license, author, repository, for the client and its
 * MCP server), and every bad configuration under
 * test/fixtures/hostile/release/config-*.json as a diagnostic with file, line
 * and pointer, exit 1 and nothing written.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA } from '../../generator/config/config-schema.js';
import { packageSettings } from '../../generator/config/project-config.js';
import { fixturesDir, hashTree, repoRoot, runCli, tempDir } from '../generator/helpers.js';

const hostile = join(repoRoot, 'test/fixtures/hostile/release');

async function project(config: string | undefined): Promise<{ path: string; remove: () => Promise<void> }> {
  const temp = await tempDir('config');
  await mkdir(join(temp.path, 'specs', 'tasker'), { recursive: true });
  await cp(join(fixturesDir, 'tasker', 'openapi.yaml'), join(temp.path, 'specs', 'tasker', 'openapi.yaml'));
  if (config !== undefined) await writeFile(join(temp.path, 'specsmith.config.json'), config);
  return temp;
}

describe('the configuration in the generated packages', () => {
  let temp: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    temp = await project(
      JSON.stringify({
        scope: '@acme',
        license: 'Apache-2.0',
        author: { name: 'Acme APIs', email: 'apis@acme.test' },
        repository: 'https://github.com/acme/sdks',
        packages: { tasker: { version: '2.3.4' } },
      }),
    );
    const { code, stderr } = await runCli(['generate'], temp.path);
    expect(code, stderr).toBe(0);
  });
  afterAll(() => temp.remove());

  it('the client package.json carries the configured name, version, license, author and repository', async () => {
    const manifest = JSON.parse(await readFile(join(temp.path, 'generated/tasker/package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@acme/tasker',
      version: '2.3.4',
      license: 'Apache-2.0',
      author: { name: 'Acme APIs', email: 'apis@acme.test' },
      repository: { type: 'git', url: 'https://github.com/acme/sdks', directory: 'generated/tasker' },
    });
  });

  it('the MCP package is <name>-mcp at the same version and depends on exactly that client', async () => {
    const manifest = JSON.parse(await readFile(join(temp.path, 'generated/tasker-mcp/package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name: '@acme/tasker-mcp',
      version: '2.3.4',
      license: 'Apache-2.0',
      repository: { directory: 'generated/tasker-mcp' },
    });
    expect(manifest.dependencies['@acme/tasker']).toBe('2.3.4');
  });

  it('the client sends its name and version in its User-Agent', async () => {
    expect(await readFile(join(temp.path, 'generated/tasker/src/operations.ts'), 'utf8')).toContain(
      '@acme/tasker/2.3.4',
    );
  });

  it('a second generate changes nothing', async () => {
    const before = await hashTree(join(temp.path, 'generated'));
    expect((await runCli(['generate', '--check'], temp.path)).code).toBe(0);
    expect((await runCli(['generate'], temp.path)).code).toBe(0);
    expect(await hashTree(join(temp.path, 'generated'))).toEqual(before);
  });
});

describe('defaults', () => {
  it('without a configuration: @specsmith/<name>, 0.1.0, MIT, no author or repository', () => {
    expect(packageSettings(undefined, 'tasker', 'generated/tasker')).toEqual({
      name: '@specsmith/tasker',
      version: '0.1.0',
      license: 'MIT',
      author: undefined,
      repository: undefined,
    });
  });

  it('a configuration without a scope makes unscoped packages; a package name overrides the scope', () => {
    expect(packageSettings({}, 'tasker', 'generated/tasker').name).toBe('tasker');
    expect(
      packageSettings({ scope: '@acme', packages: { tasker: { name: 'tasker-sdk' } } }, 'tasker', 'generated/tasker')
        .name,
    ).toBe('tasker-sdk');
  });

  it('the committed specsmith.config.schema.json is the schema the loader checks with', async () => {
    expect(JSON.parse(await readFile(join(repoRoot, 'generator', 'specsmith.config.schema.json'), 'utf8'))).toEqual(
      CONFIG_SCHEMA,
    );
  });
});

describe('hostile configurations: a diagnostic, exit 1, nothing written', () => {
  it.each<[string, RegExp[]]>([
    [
      'config-unknown-field.json',
      [/^specsmith\.config\.json:1:\d+ error \[bad-config\] #\/licence: unknown field "licence"$/m],
    ],
    [
      'config-bad-scope.json',
      [/^specsmith\.config\.json:2:\d+ error \[bad-config\] #\/scope: scope must match/m, /npm names are lowercase/],
    ],
    [
      'config-bad-version.json',
      [
        /^specsmith\.config\.json:3:\d+ error \[bad-config\] #\/packages\/tasker\/version: packages\/tasker\/version must be a semantic version such as 1\.2\.3$/m,
      ],
    ],
    ['config-syntax.json', [/^specsmith\.config\.json:3:\d+ error \[json-syntax\]/m]],
    [
      'config-not-object.json',
      [/^specsmith\.config\.json:1(:\d+)? error \[bad-config\] #: the configuration must be object$/m],
    ],
    [
      'config-path-names.json',
      [
        /^specsmith\.config\.json:3:\d+ error \[bad-config\] #\/packages\/\.\.~1escape: "\.\.\/escape" is not a spec folder name/m,
        /error \[bad-config\] #\/packages\/\.\.~1escape\/name: packages\/\.\.~1escape\/name must match/,
      ],
    ],
  ])('%s', async (fixture, expected) => {
    const temp = await project(await readFile(join(hostile, fixture), 'utf8'));
    try {
      const before = await hashTree(temp.path);
      const { code, stderr } = await runCli(['generate'], temp.path);
      expect(code).toBe(1);
      for (const pattern of expected) expect(stderr).toMatch(pattern);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(await hashTree(temp.path)).toEqual(before);
    } finally {
      await temp.remove();
    }
  });
});
