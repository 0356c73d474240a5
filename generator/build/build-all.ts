/**
 * `specsmith build`: the whole job for every spec under specs/ — lint, client
 * packages, their compiled dist/, and the docs — with a content-hash cache so
 * an unchanged input costs nothing. Lint, generation and docs run side by side
 * (Redocly in its own processes); nothing is written unless lint passes and
 * every spec generates, then `tsc -b` compiles the packages incrementally.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SpecError } from '../diagnostics.js';
import { runRedocly } from '../docs/redoc-page.js';
import type { FileMap } from '../emit/emit-package.js';
import { CJS_DIR, CJS_MARKER } from '../emit/package-files.js';
import { runtimeDir } from '../emit/runtime-dir.js';
import { UNMANAGED, writeOutput } from '../write/write-output.js';
import { hashInputs } from './content-hash.js';
import type { PublishOptions } from '../pipeline.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const CACHE_FILE = '.specsmith-cache/build.json';
/** What a package's output hash leaves out: the folders generation does not own, and tsc's build info. */
const OUTPUT_SKIP = new Set([...UNMANAGED, 'tsconfig.tsbuildinfo']);

interface Cache {
  lint?: string;
  generate?: Record<string, { input: string; output: string }>;
  docs?: { input: string; output: string };
}

export interface BuildTarget {
  name: string;
  spec: string;
  /** The client package's folder. */
  out: string;
  /** The MCP server package's folder. */
  mcpOut: string;
  packageName: string | undefined;
  packageVersion?: string | undefined;
  publish?: PublishOptions | undefined;
  changelog?: string | undefined;
}

export interface BuildOptions {
  cwd: string;
  verbose: boolean;
  /** Ignore the cache. */
  force: boolean;
}

function version(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** Whether a package resolves from `from` (a folder's package.json, or this module). */
function resolvable(name: string, from: NodeJS.Require = require): boolean {
  try {
    from.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function readCache(cwd: string): Promise<Cache> {
  try {
    return JSON.parse(await readFile(join(cwd, CACHE_FILE), 'utf8')) as Cache;
  } catch {
    return {};
  }
}

async function timed<T>(label: string, verbose: boolean, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    if (verbose) log(`  ${label.padEnd(10)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  }
}

/** Redocly lint over every API in redocly.yaml; resolves to its report when it fails. */
async function lint(cwd: string): Promise<string | undefined> {
  try {
    await runRedocly(['lint', '--format=stylish'], cwd);
    return undefined;
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}`.trim() || String(error);
  }
}

export async function buildAll(targets: readonly BuildTarget[], options: BuildOptions): Promise<number> {
  const { cwd, verbose } = options;
  const started = performance.now();
  const cache = options.force ? {} : await readCache(cwd);
  // The compiled generator (dist/), wherever specsmith is installed.
  const generatorDir = dirname(dirname(fileURLToPath(import.meta.url)));
  // Redocly (lint and the API references) is an optional peer dependency: a project without it still
  // gets its packages, and is told what was skipped.
  const redocly = resolvable('@redocly/cli');
  const lintable = redocly && existsSync(join(cwd, 'redocly.yaml'));
  if (!redocly) log('specsmith: lint and docs skipped: @redocly/cli is not installed (npm install -D @redocly/cli)');
  else if (!lintable) log('specsmith: lint skipped: no redocly.yaml in this folder');
  const tools = [
    `openapi-typescript@${version('openapi-typescript')}`,
    `ts-morph@${version('ts-morph')}`,
    redocly ? `@redocly/cli@${version('@redocly/cli')}` : 'no-redocly',
  ];
  const toolchain = hashInputs([generatorDir, runtimeDir()], tools, new Set(['.tsbuildinfo']));

  const lintKey = hashInputs(
    [
      join(cwd, 'specs'),
      join(cwd, 'redocly.yaml'),
      join(cwd, '.redocly.lint-ignore.yaml'),
      join(generatorDir, 'lint'),
      join(generatorDir, 'extensions'),
    ],
    tools,
  );
  const lintJob =
    cache.lint === lintKey || !lintable ? Promise.resolve(undefined) : timed('lint', verbose, () => lint(cwd));

  const generateJobs = targets.map(async (target) => {
    // The configuration and released state (name, version, changelog) are inputs as much as the spec is.
    const input = hashInputs(
      [dirname(target.spec)],
      [
        toolchain,
        target.out,
        target.mcpOut,
        JSON.stringify({ version: target.packageVersion, publish: target.publish }),
      ],
    );
    const previous = cache.generate?.[target.name];
    if (previous?.input === input && previous.output === hashInputs([target.out, target.mcpOut], [], OUTPUT_SKIP))
      return { target, input, files: undefined as FileMap | undefined, mcp: undefined as FileMap | undefined };
    // Loaded only when something must be generated: a cached build never pays for TypeScript and ts-morph.
    const { generatePackage } = await import('../pipeline.js');
    const result = await timed(`generate ${target.name}`, verbose, () =>
      generatePackage(target.spec, {
        cwd,
        packageName: target.packageName,
        packageVersion: target.packageVersion,
        publish: target.publish,
      }),
    );
    return { target, input, files: result.files as FileMap | undefined, mcp: result.mcp as FileMap | undefined };
  });

  const docsDir = join(cwd, 'docs');
  const docsInput = hashInputs(
    [join(cwd, 'specs')],
    [toolchain, JSON.stringify(targets.map((target) => [target.packageName, target.packageVersion, target.changelog]))],
  );
  const docsJob =
    !redocly || (cache.docs?.input === docsInput && cache.docs.output === hashInputs([docsDir]))
      ? Promise.resolve(undefined)
      : timed('docs', verbose, async () => (await import('../docs/build-docs.js')).buildDocs(targets, cwd));

  const [lintFailure, generated, docs] = await Promise.all([
    lintJob,
    Promise.allSettled(generateJobs),
    docsJob.then(
      (files) => ({ files }),
      (error: unknown) => ({ error }),
    ),
  ]);
  let failed = false;
  if (lintFailure) {
    failed = true;
    log(lintFailure);
    log('specsmith: lint failed');
  }
  for (const outcome of generated) {
    if (outcome.status === 'rejected') {
      failed = true;
      const error = outcome.reason as unknown;
      if (error instanceof SpecError)
        log(error.message); // the formatted diagnostics, one per line
      else log(String((error as Error).stack ?? error));
    }
  }
  if ('error' in docs) {
    failed = true;
    log(String((docs.error as Error).stack ?? docs.error));
  }
  if (failed) {
    log('specsmith: build failed; nothing was written');
    return 1;
  }

  const next: Cache = { lint: lintKey, generate: { ...cache.generate }, docs: cache.docs };
  const changedPackages: string[] = [];
  for (const outcome of generated) {
    if (outcome.status !== 'fulfilled') continue;
    const { target, input, files, mcp } = outcome.value;
    if (files && mcp) {
      // The same output rules as `specsmith generate`: never into the spec's own folder.
      const rules = { protectedDirs: [dirname(target.spec)], cwd };
      const { changed, recovered } = await writeOutput(target.out, files, rules);
      const { changed: mcpChanged, recovered: mcpRecovered } = await writeOutput(target.mcpOut, mcp, rules);
      for (const sentence of [...recovered, ...mcpRecovered]) log(`specsmith: ${sentence}`);
      if (changed.length + mcpChanged.length > 0) changedPackages.push(target.name);
      next.generate = {
        ...next.generate,
        [target.name]: { input, output: hashInputs([target.out, target.mcpOut], [], OUTPUT_SKIP) },
      };
    }
  }
  if ('files' in docs && docs.files) {
    await writeOutput(docsDir, docs.files, { protectedDirs: targets.map((target) => dirname(target.spec)), cwd });
    next.docs = { input: docsInput, output: hashInputs([docsDir]) };
  }

  // tsc -b is incremental: packages whose sources did not change cost a timestamp check. It builds
  // its projects in the order given, and each MCP package compiles against its client's dist/ types.
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  // The packages compile against their own dependencies, installed in the project (e.g. as workspaces).
  const missing = [
    ...new Set(
      targets
        .flatMap((target) => [
          [target.out, 'openapi-fetch'],
          [target.mcpOut, '@modelcontextprotocol/sdk'],
          [target.mcpOut, target.packageName],
        ])
        .filter(([dir, name]) => !resolvable(name ?? '', createRequire(join(dir ?? '', 'package.json'))))
        .map(([, name]) => name),
    ),
  ];
  if (missing.length > 0) {
    log(
      `specsmith: packages generated but not compiled: ${missing.join(', ')} cannot be found from generated/; list "generated/*" in package.json "workspaces" and run npm install, then build again`,
    );
    await mkdir(join(cwd, dirname(CACHE_FILE)), { recursive: true });
    await writeFile(join(cwd, CACHE_FILE), `${JSON.stringify(next, null, 2)}\n`);
    return 0;
  }
  const projects = [
    ...targets.map((target) => target.out),
    ...targets.map((target) => join(target.out, 'tsconfig.cjs.json')),
    ...targets.map((target) => target.mcpOut),
  ].map((dir) => relative(cwd, dir) || '.');
  try {
    await timed('compile', verbose, () =>
      run(process.execPath, [tsc, '-b', ...projects], { cwd, maxBuffer: 64 * 1024 * 1024 }),
    );
    // What the packages' own build script does after tsc: mark the CommonJS build as CommonJS.
    await Promise.all(targets.map((target) => writeFile(join(target.out, CJS_DIR, 'package.json'), CJS_MARKER)));
  } catch (error) {
    log(`${(error as { stdout?: string }).stdout ?? String(error)}`);
    log('specsmith: the generated packages did not compile');
    return 1;
  }

  await mkdir(join(cwd, dirname(CACHE_FILE)), { recursive: true });
  await writeFile(join(cwd, CACHE_FILE), `${JSON.stringify(next, null, 2)}\n`);
  const regenerated = generated.filter((outcome) => outcome.status === 'fulfilled' && outcome.value.files).length;
  log(
    `specsmith: build done in ${Math.round(performance.now() - started)} ms (${lintFailure === undefined && cache.lint === lintKey ? 'lint cached' : 'linted'}, ${regenerated}/${targets.length} packages generated${changedPackages.length > 0 ? ` (${changedPackages.join(', ')} changed)` : ''}, docs ${'files' in docs && docs.files ? 'built' : 'cached'})`,
  );
  return 0;
}
