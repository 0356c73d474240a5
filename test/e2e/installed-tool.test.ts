/**
 * specsmith as a tool another team installs: the `specsmith` package is
 * packed from generator/ (`npm pack`, its `files` only), installed into a
 * fresh project outside this repository from a loopback registry serving
 * this repository's node_modules (no network, an empty npm cache), and run
 * there: init, build (first without the generated packages' dependencies,
 * then with them as workspaces), diff against a git revision, release.
 * Redocly is an optional peer: it is not installed, and build says so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from '../support/local-registry.js';
import { repoRoot } from '../support/redocly.js';

const run = promisify(execFile);
const NPM_ENV = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

let workdir: string;
let project: string;
let registry: LocalRegistry;
let npmEnv: NodeJS.ProcessEnv;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx specsmith ...` in the project: the installed bin, in its own process. */
function specsmith(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(project, 'node_modules', '.bin', 'specsmith'), ...args],
      { cwd: project, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

function git(...args: string[]): Promise<{ stdout: string }> {
  return run('git', ['-c', 'user.email=ci@example.test', '-c', 'user.name=ci', ...args], { cwd: project });
}

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'specsmith-tool-'));
  registry = await startLocalRegistry(repoRoot);
  npmEnv = {
    ...NPM_ENV,
    npm_config_registry: registry.url,
    npm_config_cache: await mkdtemp(join(workdir, 'npm-cache-')),
  };
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workdir], {
    cwd: join(repoRoot, 'generator'),
    env: NPM_ENV,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
  project = join(workdir, 'acme-apis');
  await run('mkdir', ['-p', project]);
  await writeFile(
    join(project, 'package.json'),
    `${JSON.stringify({ name: '@acme/apis', private: true, type: 'module', devDependencies: { specsmith: `file:${join(workdir, packed?.filename ?? '')}` } }, null, 2)}\n`,
  );
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, env: npmEnv });
}, 300_000);

afterAll(async () => {
  await registry?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

describe('an installed specsmith in a project of its own', () => {
  it('installs with a small footprint: no Redocly (an optional peer), no test tooling', async () => {
    const installed = await readdir(join(project, 'node_modules'));
    expect(installed).toContain('specsmith');
    expect(installed).toEqual(expect.arrayContaining(['typescript', 'ts-morph', 'openapi-typescript', 'yaml', 'ajv']));
    for (const absent of ['vitest', '@stoplight', 'playwright-core', '@sparticuz', '@modelcontextprotocol'])
      expect(installed).not.toContain(absent);
    // openapi-typescript brings Redocly's parser (@redocly/openapi-core), not its CLI.
    expect(existsSync(join(project, 'node_modules/@redocly/cli'))).toBe(false);
    const files = await readdir(join(project, 'node_modules', 'specsmith'));
    expect(files.sort()).toEqual([
      'README.md',
      'bin',
      'dist',
      'package.json',
      'runtime',
      'specsmith.config.schema.json',
    ]);
  });

  it('init writes the configuration and a sample spec, scoped like the project', async () => {
    const { code, stderr } = await specsmith('init');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(await readFile(join(project, 'specsmith.config.json'), 'utf8'))).toEqual({
      $schema: './node_modules/specsmith/specsmith.config.schema.json',
      scope: '@acme',
      license: 'MIT',
      packages: { example: { version: '0.1.0' } },
    });
    expect(existsSync(join(project, 'specs/example/openapi.yaml'))).toBe(true);
    // The $schema it names is in the installed package.
    expect(existsSync(join(project, 'node_modules/specsmith/specsmith.config.schema.json'))).toBe(true);
    expect((await specsmith('init')).code).toBe(1);
  });

  it("build generates the packages, and says what it skipped without Redocly and the packages' dependencies", async () => {
    await cp(join(repoRoot, 'test/fixtures/specs/tasker/openapi.yaml'), join(project, 'specs/tasker/openapi.yaml'));
    const { code, stderr } = await specsmith('build');
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('lint and docs skipped: @redocly/cli is not installed');
    expect(stderr).toContain('packages generated but not compiled');
    for (const name of ['example', 'example-mcp', 'tasker', 'tasker-mcp'])
      expect(existsSync(join(project, 'generated', name, 'package.json'))).toBe(true);
    expect(JSON.parse(await readFile(join(project, 'generated/tasker/package.json'), 'utf8'))).toMatchObject({
      name: '@acme/tasker',
      version: '0.1.0',
    });
  });

  it('with generated/* as workspaces and installed, build compiles the packages', async () => {
    const manifest = JSON.parse(await readFile(join(project, 'package.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(project, 'package.json'),
      `${JSON.stringify({ ...manifest, workspaces: ['generated/*'] }, null, 2)}\n`,
    );
    await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, env: npmEnv });
    const { code, stderr } = await specsmith('build');
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('not compiled');
    expect(existsSync(join(project, 'generated/tasker/dist/index.js'))).toBe(true);
    expect(existsSync(join(project, 'generated/tasker-mcp/dist/bin.js'))).toBe(true);
  }, 300_000);

  it('release makes the first releases; diff against the committed spec finds a breaking edit; release versions it', async () => {
    const first = await specsmith('release');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('released @acme/tasker 0.1.0 (first release)');
    await git('init', '-q');
    await writeFile(join(project, '.gitignore'), 'node_modules\n');
    await git('add', '.');
    await git('commit', '-qm', 'first release');
    const spec = join(project, 'specs/tasker/openapi.yaml');
    const text = await readFile(spec, 'utf8');
    await writeFile(
      spec,
      text.replace(
        '        - { name: offset, in: query, schema: { type: integer } }\n',
        '        - { name: offset, in: query, required: true, schema: { type: integer } }\n',
      ),
    );
    const diff = await specsmith('diff', 'HEAD', '--fail-on', 'breaking', '--', 'specs/tasker/openapi.yaml');
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(
      /^breaking +http \[request-parameter-became-required\] GET \/projects: query parameter "offset" became required$/m,
    );
    const second = await specsmith('release', 'tasker');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('released @acme/tasker 0.1.0 -> 0.2.0 (');
    const changelog = await readFile(join(project, 'generated/tasker/CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(
      '- `GET /projects`: query parameter "offset" became required (request-parameter-became-required). **Migration:** Always pass this parameter.',
    );
    expect(JSON.parse(await readFile(join(project, 'specsmith.config.json'), 'utf8')).packages).toEqual({
      example: { version: '0.1.0' },
      tasker: { version: '0.2.0' },
    });
  }, 120_000);
});
