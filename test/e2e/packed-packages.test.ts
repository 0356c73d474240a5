/**
 * As a user would: `npm pack` each generated package (its prepack compiles
 * dist/), install the tarball into a fresh project with an empty npm cache,
 * its dependencies served by a loopback registry from this repository's
 * node_modules (so the test needs neither the network nor a warm cache),
 * compile a consumer under `strict` with no Node types, and run it against the
 * Prism mock of the spec. This catches a missing `exports` entry, a file left
 * out of the tarball, or a type that only compiles inside the repository.
 * publint and Are-the-Types-Wrong check each tarball too.
 *
 * Each package is packed from a copy of its sources inside the repository
 * (so its dependencies resolve as they do for the workspace), not in place:
 * prepack's compile then never rewrites generated/<name>/dist while another
 * test file runs the MCP bin from it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../support/redocly.js';
import { startLocalRegistry, type LocalRegistry } from '../support/local-registry.js';
import { TEST_KEYS } from '../support/contract.js';
import type { Provider } from '../support/providers.js';

const run = promisify(execFile);
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');
/** The oldest TypeScript the README promises (openapi-fetch's declarations need 5.4). */
const OLDEST_TSC = join(repoRoot, 'test/toolchains/typescript-oldest/node_modules/typescript/bin/tsc');
/** TypeScript module settings a consumer may have, each with the package.json `type` it goes with. */
const MODULE_SETUPS = [
  { name: 'node16 ESM', module: 'Node16', moduleResolution: 'Node16', type: 'module' },
  { name: 'node16 CommonJS', module: 'Node16', moduleResolution: 'Node16', type: 'commonjs' },
  { name: 'node10 CommonJS', module: 'CommonJS', moduleResolution: 'Node10', type: 'commonjs' },
  { name: 'bundler', module: 'ESNext', moduleResolution: 'Bundler', type: 'module' },
] as const;
const NPM_ENV = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** One consumer per package: a few calls, printed as JSON for the test to check. */
const CONSUMERS: Record<
  Provider,
  {
    className: string;
    env: string;
    code: string;
    probe: (options?: string) => string;
    expect: (output: Record<string, unknown>) => void;
  }
> = {
  hot: {
    probe: (options = '') => `projects.get('missing'${options ? `, ${options}` : ''})`,
    className: 'Hot',
    env: 'HOT',
    code: `const projects = await client.projects.list({ limit: 2 });
const project = await client.projects.create({ name: 'e2e' });
let events = 0;
for await (const event of client.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: { message: 'hi' } }, { resume: false })) {
  if (event.type === 'event:published') events += event.stream_id.length > 0 ? 1 : 0;
  else events++;
}
let notFound = '';
try { await client.projects.get('missing', { headers: { Prefer: 'code=404' } }); } catch (error) { if (error instanceof NotFoundError) notFound = String(error.code); }
console.log(JSON.stringify({ first: projects.items.length, name: project.name, events, notFound }));`,
    expect: (output) => {
      expect(output['first']).toBeGreaterThan(0);
      expect(typeof output['name']).toBe('string');
      expect(output['events']).toBeGreaterThan(1);
      expect(output['notFound']).toBe('not_found');
    },
  },
  hotmetal: {
    probe: (options = '') => `ideas.get('b3f1a2c4-5d6e-7f8a-9b0c-1d2e3f4a5b6c'${options ? `, ${options}` : ''})`,
    className: 'HotMetal',
    env: 'HOTMETAL',
    code: `const me = await client.user.get();
const publications = await client.publications.list();
const draft = await client.drafts.generate(publications[0]?.id ?? 'b3f1a2c4-5d6e-7f8a-9b0c-1d2e3f4a5b6c', { title: 'Hello', instructions: 'Write it.' });
let notFound = '';
try { await client.ideas.get('b3f1a2c4-5d6e-7f8a-9b0c-1d2e3f4a5b6c', { headers: { Prefer: 'code=404' } }); } catch (error) { if (error instanceof NotFoundError) notFound = String(error.code); }
console.log(JSON.stringify({ email: me.email, publications: publications.length, status: draft.status, notFound }));`,
    expect: (output) => {
      expect(output['email']).toMatch(/@/);
      expect(output['publications']).toBeGreaterThan(0);
      expect(['draft_ready', 'published']).toContain(output['status']);
      expect(output['notFound']).toBe('NOT_FOUND');
    },
  },
  agentmetal: {
    probe: (options = '') => `instances.get('inst-missing'${options ? `, ${options}` : ''})`,
    className: 'AgentMetal',
    env: 'AGENTMETAL',
    code: `const { data, rateLimit } = await client.instances.list().withResponse();
const created = await client.instances.create({ metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } }, { headers: { Prefer: 'code=202' } });
const operationId = 'operation_id' in created ? created.operation_id : '';
let notFound = false;
try { await client.instances.get('inst-missing', { headers: { Prefer: 'code=404' } }); } catch (error) { notFound = error instanceof NotFoundError; }
console.log(JSON.stringify({ instances: data.length, limit: rateLimit?.limit, operationId, notFound }));`,
    expect: (output) => {
      expect(output['instances']).toBeGreaterThan(0);
      expect(output['limit']).toBe(100);
      expect(output['operationId']).toMatch(/^op-/);
      expect(output['notFound']).toBe(true);
    },
  },
  heycmo: {
    probe: (options = '') => `dashboard.get('8f14e45f-ceea-467a-9b5d-2d1f3c9a7b10'${options ? `, ${options}` : ''})`,
    className: 'HeyCMO',
    env: 'HEYCMO',
    code: `const health = await client.status.getHealth();
const llms = await client.discovery.getLlmsTxt();
let notFound = false;
try { await client.dashboard.get('8f14e45f-ceea-467a-9b5d-2d1f3c9a7b10', { headers: { Prefer: 'code=404' } }); } catch (error) { notFound = error instanceof NotFoundError && typeof error.requestId === 'string'; }
console.log(JSON.stringify({ health: health.status, llms: llms.length, notFound }));`,
    expect: (output) => {
      expect(output['health']).toBe('ok');
      expect(output['llms']).toBeGreaterThan(0);
      expect(output['notFound']).toBe(true);
    },
  },
};

const PROVIDERS = Object.keys(CONSUMERS) as Provider[];
let workdir: string;
let sources: string;
let registry: LocalRegistry;
const tarballs = new Map<Provider, string>();
const mcpTarballs = new Map<Provider, string>();
/** What the generator does not write: build output and installs are left behind, as a clean checkout has them. */
const NOT_SOURCE = new Set(['dist', 'node_modules']);

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'specsmith-e2e-'));
  registry = await startLocalRegistry(repoRoot);
  await mkdir(join(repoRoot, 'test/.artifacts'), { recursive: true });
  sources = await mkdtemp(join(repoRoot, 'test/.artifacts/e2e-'));
  const pack = async (folder: string, client?: Provider): Promise<string> => {
    const copy = join(sources, folder);
    await cp(join(repoRoot, 'generated', folder), copy, {
      recursive: true,
      filter: (path) => !NOT_SOURCE.has(basename(path)) && !path.endsWith('.tsbuildinfo'),
    });
    // An MCP package compiles against its client's declarations: the copy packed (and so built) above,
    // not generated/<name>/, which has no dist/ in a fresh checkout.
    if (client) {
      await mkdir(join(copy, 'node_modules', '@specsmith'), { recursive: true });
      await symlink(join(sources, client), join(copy, 'node_modules', '@specsmith', client), 'dir');
    }
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workdir], {
      cwd: copy,
      env: NPM_ENV,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
    return join(workdir, packed?.filename ?? '');
  };
  // The clients first: an MCP package compiles against its client's dist/.
  await Promise.all(PROVIDERS.map(async (provider) => tarballs.set(provider, await pack(provider))));
  await Promise.all(
    PROVIDERS.map(async (provider) => mcpTarballs.set(provider, await pack(`${provider}-mcp`, provider))),
  );
}, 180_000);

afterAll(async () => {
  await registry?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
  if (sources) await rm(sources, { recursive: true, force: true });
});

/** A fresh project with these dependencies, installed with a new, empty npm cache from the loopback registry. */
async function install(name: string, dependencies: Record<string, string>): Promise<string> {
  const project = join(workdir, name);
  await mkdir(project, { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module', dependencies }));
  // A new, empty cache: nothing an earlier install left on this machine can help.
  const cache = await mkdtemp(join(workdir, 'npm-cache-'));
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: project,
    env: { ...NPM_ENV, npm_config_registry: registry.url, npm_config_cache: cache },
  });
  return project;
}

/** Every package folder under node_modules (scoped and nested ones too), with the bytes of its files. */
async function installedPackages(nodeModules: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const size = async (dir: string): Promise<number> => {
    let total = 0;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      total += entry.isDirectory() ? await size(path) : (await stat(path)).size;
    }
    return total;
  };
  const visit = async (dir: string): Promise<void> => {
    if (!existsSync(dir)) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const names = entry.name.startsWith('@')
        ? (await readdir(join(dir, entry.name))).map((inner) => `${entry.name}/${inner}`)
        : [entry.name];
      for (const name of names) {
        found.set(name, await size(join(dir, name)));
        await visit(join(dir, name, 'node_modules'));
      }
    }
  };
  await visit(nodeModules);
  return found;
}

describe.each(PROVIDERS)('%s as a user installs it', (provider) => {
  it('passes publint and Are-the-Types-Wrong in every profile (node10, node16 from CommonJS and ESM, bundler)', async () => {
    const tarball = tarballs.get(provider) ?? '';
    const publint = await run(
      process.execPath,
      [join(repoRoot, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'],
      { env: NPM_ENV },
    );
    expect(publint.stdout).toMatch(/All good/);
    // The strict profile checks every resolution mode and ignores no rule; attw exits non-zero on any problem.
    const attw = await run(
      process.execPath,
      [
        join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js'),
        tarball,
        '--profile',
        'strict',
        '--format',
        'ascii',
      ],
      { env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(attw.stdout).toContain('node10: 🟢');
    expect(attw.stdout).toContain('node16 (from CJS): 🟢 (CJS)');
    expect(attw.stdout).toContain('node16 (from ESM): 🟢 (ESM)');
    expect(attw.stdout).toContain('bundler: 🟢');
    expect(attw.stdout).not.toMatch(/❌|💀|🥴|🐛|🚭|ignored/);
  });

  it('installs with an empty npm cache, compiles under strict and runs against Prism', async () => {
    const consumer = CONSUMERS[provider];
    const project = await install(`consumer-${provider}`, {
      [`@specsmith/${provider}`]: `file:${tarballs.get(provider)}`,
    });
    // The footprint: the client brings openapi-fetch (and its type helpers) and nothing else.
    const installed = await installedPackages(join(project, 'node_modules'));
    expect([...installed.keys()].sort()).toEqual([
      `@specsmith/${provider}`,
      'openapi-fetch',
      'openapi-typescript-helpers',
    ]);
    const kilobytes = [...installed.values()].reduce((sum, bytes) => sum + bytes, 0) / 1024;
    console.log(
      `footprint of @specsmith/${provider}: ${installed.size} packages, ${kilobytes.toFixed(0)} kB installed`,
    );
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          outDir: 'out',
        },
        include: ['consumer.ts'],
      }),
    );
    await writeFile(
      join(project, 'consumer.ts'),
      `import { ${consumer.className}, NotFoundError } from '@specsmith/${provider}';\n\nconst client = new ${consumer.className}();\n${consumer.code}\n`,
    );
    await run(process.execPath, [TSC, '-p', project], { cwd: project });
    const { stdout } = await run(process.execPath, [join(project, 'out', 'consumer.js')], {
      cwd: project,
      env: {
        ...process.env,
        [`${consumer.env}_API_KEY`]: TEST_KEYS[provider],
        [`${consumer.env}_BASE_URL`]: inject('prism')[provider],
      },
    });
    consumer.expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>);
  });

  it('installs its MCP server package beside it, whose command names the variables it reads', async () => {
    const consumer = CONSUMERS[provider];
    const project = await install(`mcp-${provider}`, {
      [`@specsmith/${provider}`]: `file:${tarballs.get(provider)}`,
      [`@specsmith/${provider}-mcp`]: `file:${mcpTarballs.get(provider)}`,
    });
    const manifest = JSON.parse(
      await readFile(join(project, 'node_modules', '@specsmith', `${provider}-mcp`, 'package.json'), 'utf8'),
    ) as { bin: Record<string, string> };
    const [command, path] = Object.entries(manifest.bin)[0] ?? [];
    expect(command).toBe(`${provider}-mcp`);
    const help = await run(
      process.execPath,
      [join(project, 'node_modules', '@specsmith', `${provider}-mcp`, path ?? '-'), '--help'],
      { cwd: project },
    );
    const text = `${help.stdout}${help.stderr}`;
    expect(text).toContain(`${consumer.env}_API_KEY`);
    expect(text).toContain(`${consumer.env}_BASE_URL`);
    expect(text).toContain('--tools');
  });

  it('works from require() and import alike (one error class identity) and type-checks with TypeScript 5.4 in every module setting', async () => {
    const consumer = CONSUMERS[provider];
    const project = await install(`dual-${provider}`, { [`@specsmith/${provider}`]: `file:${tarballs.get(provider)}` });
    const env = {
      ...process.env,
      [`${consumer.env}_API_KEY`]: TEST_KEYS[provider],
      [`${consumer.env}_BASE_URL`]: inject('prism')[provider],
    };
    // CommonJS: require() gets the CommonJS build, whose client calls Prism and throws its typed errors.
    await writeFile(
      join(project, 'required.cjs'),
      `const { ${consumer.className}, NotFoundError, APIError } = require('@specsmith/${provider}');
const client = new ${consumer.className}();
client.${consumer.probe("{ headers: { Prefer: 'code=404' } }")}.then(
  () => console.log(JSON.stringify({ threw: false })),
  (error) => console.log(JSON.stringify({ threw: true, notFound: error instanceof NotFoundError, api: error instanceof APIError, status: error.status, file: require.resolve('@specsmith/${provider}') })),
);
`,
    );
    const required = JSON.parse(
      (await run(process.execPath, [join(project, 'required.cjs')], { cwd: project, env })).stdout.trim(),
    ) as Record<string, unknown>;
    expect(required).toMatchObject({ threw: true, notFound: true, api: true, status: 404 });
    expect(String(required['file'])).toMatch(/dist[\\/]cjs[\\/]index\.js$/);
    // Both formats in one app: an error from one copy is an instance of the other copy's classes.
    await writeFile(
      join(project, 'both.mjs'),
      `import { createRequire } from 'node:module';
import * as esm from '@specsmith/${provider}';
const cjs = createRequire(import.meta.url)('@specsmith/${provider}');
const fromCjs = await new cjs.${consumer.className}().${consumer.probe("{ headers: { Prefer: 'code=404' } }")}.catch((error) => error);
const fromEsm = await new esm.${consumer.className}().${consumer.probe("{ headers: { Prefer: 'code=404' } }")}.catch((error) => error);
console.log(JSON.stringify({
  distinct: esm.NotFoundError !== cjs.NotFoundError,
  cjsIsEsm: [fromCjs instanceof esm.NotFoundError, fromCjs instanceof esm.APIError, fromCjs instanceof esm.${consumer.className}Error],
  esmIsCjs: [fromEsm instanceof cjs.NotFoundError, fromEsm instanceof cjs.APIError, fromEsm instanceof cjs.${consumer.className}Error],
  notOthers: [fromCjs instanceof esm.RateLimitError, fromEsm instanceof cjs.APIConnectionError, new Error('x') instanceof esm.${consumer.className}Error],
}));
`,
    );
    const both = JSON.parse(
      (await run(process.execPath, [join(project, 'both.mjs')], { cwd: project, env })).stdout.trim(),
    ) as Record<string, unknown>;
    expect(both).toEqual({
      distinct: true,
      cjsIsEsm: [true, true, true],
      esmIsCjs: [true, true, true],
      notOthers: [false, false, false],
    });
    // The declarations resolve and compile under strict in each module setting, with the oldest TypeScript promised.
    const code = `import { ${consumer.className}, NotFoundError } from '@specsmith/${provider}';\n\nasync function main(): Promise<void> {\n  const client = new ${consumer.className}();\n  try {\n    await client.${consumer.probe()};\n  } catch (error) {\n    if (error instanceof NotFoundError) console.log(error.status, error.code);\n  }\n}\nvoid main();\n`;
    for (const setup of MODULE_SETUPS) {
      const dir = join(project, setup.name.replace(/\W+/g, '-'));
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, 'package.json'),
        JSON.stringify({ name: `setup-${provider}`, private: true, type: setup.type }),
      );
      await writeFile(join(dir, 'consumer.ts'), code);
      await writeFile(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: setup.module,
            moduleResolution: setup.moduleResolution,
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            types: [],
            strict: true,
            skipLibCheck: false,
            noEmit: true,
          },
          include: ['consumer.ts'],
        }),
      );
      // The current TypeScript already compiles the node16 ESM consumer above; here it checks the CommonJS declarations.
      for (const tsc of setup.type === 'commonjs' && setup.module === 'Node16' ? [OLDEST_TSC, TSC] : [OLDEST_TSC]) {
        const result = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).then(
          () => 'ok',
          (error: { stdout?: string }) => error.stdout ?? String(error),
        );
        expect(`${setup.name} with ${tsc === OLDEST_TSC ? 'TypeScript 5.4' : 'TypeScript 5.9'}: ${result}`).toBe(
          `${setup.name} with ${tsc === OLDEST_TSC ? 'TypeScript 5.4' : 'TypeScript 5.9'}: ok`,
        );
      }
    }
  });
});
