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
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** One consumer per package: a few calls, printed as JSON for the test to check. */
const CONSUMERS: Record<Provider, { className: string; env: string; code: string; expect: (output: Record<string, unknown>) => void }> = {
  hot: {
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
  const pack = async (folder: string): Promise<string> => {
    const copy = join(sources, folder);
    await cp(join(repoRoot, 'generated', folder), copy, { recursive: true, filter: (path) => !NOT_SOURCE.has(basename(path)) && !path.endsWith('.tsbuildinfo') });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', workdir], { cwd: copy, env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string }>;
    return join(workdir, packed?.filename ?? '');
  };
  // The clients first: an MCP package compiles against its client's dist/.
  await Promise.all(PROVIDERS.map(async (provider) => tarballs.set(provider, await pack(provider))));
  await Promise.all(PROVIDERS.map(async (provider) => mcpTarballs.set(provider, await pack(`${provider}-mcp`))));
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
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: project, env: { ...NPM_ENV, npm_config_registry: registry.url, npm_config_cache: cache } });
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
      const names = entry.name.startsWith('@') ? (await readdir(join(dir, entry.name))).map((inner) => `${entry.name}/${inner}`) : [entry.name];
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
  it('passes publint and Are-the-Types-Wrong (ESM-only profile)', async () => {
    const tarball = tarballs.get(provider) ?? '';
    const publint = await run(process.execPath, [join(repoRoot, 'node_modules/publint/src/cli.js'), 'run', tarball, '--strict'], { env: NPM_ENV });
    expect(publint.stdout).toMatch(/All good/);
    // The packages are ESM-only by design, so CommonJS `require` resolutions are out of scope; attw exits non-zero on any other problem.
    const attw = await run(process.execPath, [join(repoRoot, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only', '--format', 'ascii'], { env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
    expect(attw.stdout).toContain('node16 (from ESM): 🟢 (ESM)');
    expect(attw.stdout).toContain('bundler: 🟢');
    // Problems the profile ignores (CommonJS and node10 resolution) are printed but marked "(ignored"; none other may appear.
    expect(attw.stdout.split('\n').filter((line) => !line.includes('(ignored')).join('\n')).not.toMatch(/❌|💀|🥴|🐛|🚭/);
  });

  it('installs with an empty npm cache, compiles under strict and runs against Prism', async () => {
    const consumer = CONSUMERS[provider];
    const project = await install(`consumer-${provider}`, { [`@specsmith/${provider}`]: `file:${tarballs.get(provider)}` });
    // The footprint: the client brings openapi-fetch (and its type helpers) and nothing else.
    const installed = await installedPackages(join(project, 'node_modules'));
    expect([...installed.keys()].sort()).toEqual([`@specsmith/${provider}`, 'openapi-fetch', 'openapi-typescript-helpers']);
    const kilobytes = [...installed.values()].reduce((sum, bytes) => sum + bytes, 0) / 1024;
    console.log(`footprint of @specsmith/${provider}: ${installed.size} packages, ${kilobytes.toFixed(0)} kB installed`);
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true, skipLibCheck: false, outDir: 'out' }, include: ['consumer.ts'] }),
    );
    await writeFile(join(project, 'consumer.ts'), `import { ${consumer.className}, NotFoundError } from '@specsmith/${provider}';\n\nconst client = new ${consumer.className}();\n${consumer.code}\n`);
    await run(process.execPath, [TSC, '-p', project], { cwd: project });
    const { stdout } = await run(process.execPath, [join(project, 'out', 'consumer.js')], { cwd: project, env: { ...process.env, [`${consumer.env}_API_KEY`]: TEST_KEYS[provider], [`${consumer.env}_BASE_URL`]: inject('prism')[provider] } });
    consumer.expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>);
  });

  it('installs its MCP server package beside it, whose command names the variables it reads', async () => {
    const consumer = CONSUMERS[provider];
    const project = await install(`mcp-${provider}`, { [`@specsmith/${provider}`]: `file:${tarballs.get(provider)}`, [`@specsmith/${provider}-mcp`]: `file:${mcpTarballs.get(provider)}` });
    const manifest = JSON.parse(await readFile(join(project, 'node_modules', '@specsmith', `${provider}-mcp`, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const [command, path] = Object.entries(manifest.bin)[0] ?? [];
    expect(command).toBe(`${provider}-mcp`);
    const help = await run(process.execPath, [join(project, 'node_modules', '@specsmith', `${provider}-mcp`, path ?? '-'), '--help'], { cwd: project });
    const text = `${help.stdout}${help.stderr}`;
    expect(text).toContain(`${consumer.env}_API_KEY`);
    expect(text).toContain(`${consumer.env}_BASE_URL`);
    expect(text).toContain('--tools');
  });
});
