/**
 * `npm run bench`: every benchmark, each compared with the peer measured in
 * the same run. Prints a table (medians, peak RSS, ratios, goals) and writes
 * bench/results/latest.json with the machine it ran on. BENCH_RUNS sets the
 * runs per measurement (default 3); BENCH_SKIP=github,build,request,bundle
 * leaves some out; BENCH_ONLY=bundle,tsc (or `--only bundle,tsc`) runs only
 * those (`tsc`: the GitHub client's type-check rows, without the generator
 * timings) for iterating, and writes bench/results/only-<sections>.* instead.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchBuild, type BuildResults } from './build.js';
import { benchBundle, type BundleResults } from './bundle.js';
import { benchGithub, benchGithubTsc, type GithubResults, type TscResults } from './github.js';
import { ensurePeers } from './peers.js';
import { benchRequest, type RequestResults } from './request.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const skip = new Set((process.env['BENCH_SKIP'] ?? '').split(',').filter(Boolean));
const onlyAt = process.argv.indexOf('--only');
const only = new Set(
  (onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : (process.env['BENCH_ONLY'] ?? '')).split(',').filter(Boolean),
);
/** Whether a section runs: BENCH_ONLY (or --only) names the sections to run, else every one not in BENCH_SKIP. */
const enabled = (section: string): boolean => (only.size > 0 ? only.has(section) : !skip.has(section));

interface Row {
  what: string;
  measured: string;
  peer: string;
  ratio: string;
  goal: string;
  met: boolean | undefined;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (value: number | undefined): string => (value === undefined ? 'n/a' : `${Math.round(value)} MB`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

function githubRows(github: GithubResults): Row[] {
  const ours = github.specsmith.medianMs;
  const versusTypes = ours / github.openapiTypescript.medianMs;
  const heySpeedup = github.heyApi.medianMs / ours;
  const orvalSpeedup = github.orval.medianMs / ours;
  const appRatio = github.appSpecsmith.medianMs / github.appOpenapiFetch.medianMs;
  return [
    {
      what: `GitHub spec (${github.operations} operations) -> types + client`,
      measured: `${seconds(ours)}, peak ${mb(github.specsmith.peakRssMb)}`,
      peer: `openapi-typescript types only ${seconds(github.openapiTypescript.medianMs)}`,
      ratio: `${versusTypes.toFixed(2)}x`,
      goal: '<= 1.5x',
      met: versusTypes <= 1.5,
    },
    {
      what: 'same, against hey-api',
      measured: seconds(ours),
      peer: `@hey-api/openapi-ts ${seconds(github.heyApi.medianMs)}, peak ${mb(github.heyApi.peakRssMb)}`,
      ratio: `${heySpeedup.toFixed(1)}x faster`,
      goal: '>= 5x faster',
      met: heySpeedup >= 5,
    },
    {
      what: 'same, against orval',
      measured: seconds(ours),
      peer: `orval --client fetch ${seconds(github.orval.medianMs)}, peak ${mb(github.orval.peakRssMb)}`,
      ratio: `${orvalSpeedup.toFixed(1)}x faster`,
      goal: 'faster',
      met: orvalSpeedup > 1,
    },
    {
      what: 'peak RSS of that run',
      measured: mb(github.specsmith.peakRssMb),
      peer: `openapi-typescript ${mb(github.openapiTypescript.peakRssMb)}`,
      ratio: '',
      goal: '< 1 GB',
      met: github.specsmith.peakRssMb === undefined ? undefined : github.specsmith.peakRssMb < 1024,
    },
    ...tscRows(github),
    {
      what: '`tsc` of an app making one GitHub call, package installed',
      measured: `${seconds(github.appSpecsmith.medianMs)}, peak ${mb(github.appSpecsmith.peakRssMb)}`,
      peer: `openapi-fetch with openapi-typescript's schema.d.ts ${seconds(github.appOpenapiFetch.medianMs)}`,
      ratio: `${appRatio.toFixed(2)}x`,
      goal: '<= 1x',
      met: appRatio <= 1,
    },
  ];
}

function tscRows(tsc: TscResults): Row[] {
  const ratio = tsc.tscSpecsmith.medianMs / tsc.tscOpenapiTypescript.medianMs;
  return [
    {
      what: '`tsc --noEmit` of the generated GitHub client',
      measured: `${seconds(tsc.tscSpecsmith.medianMs)}, peak ${mb(tsc.tscSpecsmith.peakRssMb)}`,
      peer: `openapi-typescript output alone ${seconds(tsc.tscOpenapiTypescript.medianMs)}`,
      ratio: `${ratio.toFixed(2)}x`,
      goal: '<= 1.3x',
      met: ratio <= 1.3,
    },
  ];
}

function buildRows(build: BuildResults): Row[] {
  return [
    {
      what: '`npm run build`, four providers, cache cleared',
      measured: seconds(build.full.medianMs),
      peer: '',
      ratio: '',
      goal: '< 10 s',
      met: build.full.medianMs < 10_000,
    },
    {
      what: '`npm run build` again, inputs unchanged',
      measured: seconds(build.noop.medianMs),
      peer: '',
      ratio: '',
      goal: '< 1 s',
      met: build.noop.medianMs < 1_000,
    },
  ];
}

function requestRows(request: RequestResults): Row[] {
  const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
  const overhead = request.overhead;
  return [
    {
      what: `one GET on loopback (${request.requests} per client, in interleaved rounds)`,
      measured: `${request.specsmithUs.toFixed(0)} µs`,
      peer: `raw fetch ${request.rawFetchUs.toFixed(0)} µs; openapi-fetch ${request.openapiFetchUs.toFixed(0)} µs (${percent(request.openapiFetchOverhead)})`,
      ratio: `${percent(overhead)} over raw fetch (CPU time ${percent(request.cpuOverhead)})`,
      goal: '<= 10%',
      met: overhead <= 0.1,
    },
  ];
}

function bundleRows(bundle: BundleResults): Row[] {
  const clients = Object.entries(bundle.clients).map(([provider, size]) => ({
    what: `bundle of @specsmith/${provider} (esbuild, minified + gzip)`,
    measured: kb(size.gzip),
    peer: `openapi-fetch ${kb(bundle.openapiFetch.gzip)}`,
    ratio: `${(size.gzip / bundle.openapiFetch.gzip).toFixed(1)}x`,
    goal: '<= 10 kB',
    met: size.gzip <= 10 * 1024,
  }));
  const one = bundle.oneFunction;
  return [
    ...clients,
    {
      what: 'bundle of an app making one call: `HotCore` + `getRun` from @specsmith/hot/funcs',
      measured: kb(one.gzip),
      peer: `openapi-fetch ${kb(bundle.openapiFetch.gzip)}`,
      ratio: `${(one.gzip / bundle.openapiFetch.gzip).toFixed(1)}x`,
      goal: '<= 6 kB',
      met: one.gzip <= 6 * 1024,
    },
  ];
}

function table(rows: Row[]): string {
  const lines = ['| what | specsmith | peer | ratio | goal | met |', '|---|---|---|---|---|---|'];
  for (const row of rows)
    lines.push(
      `| ${row.what} | ${row.measured} | ${row.peer} | ${row.ratio} | ${row.goal} | ${row.met === undefined ? 'n/a' : row.met ? 'yes' : 'no'} |`,
    );
  return lines.join('\n');
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  os: `${process.platform} ${release()}`,
};
process.stderr.write(
  `bench: ${machine.cores} x ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, ${runs} runs per measurement\n`,
);
// Only the generator and bundle comparisons need the peers installed.
const peers = enabled('github') || enabled('tsc') || enabled('bundle') ? ensurePeers(root) : '';
const scratch = await mkdtemp(join(tmpdir(), 'specsmith-bench-'));
const results: Record<string, unknown> = { date: new Date().toISOString(), machine, runs };
const rows: Row[] = [];
/** latest.* holds a full run; a BENCH_ONLY run writes only-<sections>.* beside it. */
const resultName = only.size > 0 ? `only-${[...only].sort().join('-')}` : 'latest';
/** Results so far, written after every section, so a failure later does not lose them. */
async function save(): Promise<void> {
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(
    join(root, 'bench', 'results', `${resultName}.json`),
    `${JSON.stringify({ ...results, rows }, null, 2)}\n`,
  );
}

try {
  if (enabled('github')) {
    const github = await benchGithub(root, peers, scratch, runs);
    results['github'] = github;
    rows.push(...githubRows(github));
    await save();
  } else if (only.has('tsc')) {
    const tsc = await benchGithubTsc(root, peers, scratch, runs);
    results['tsc'] = tsc;
    rows.push(...tscRows(tsc));
    await save();
  }
  if (enabled('build')) {
    const build = await benchBuild(root, runs);
    results['build'] = build;
    rows.push(...buildRows(build));
    await save();
  }
  if (enabled('request')) {
    const request = await benchRequest(root, 200, 30);
    results['request'] = request;
    rows.push(...requestRows(request));
    await save();
  }
  if (enabled('bundle')) {
    const bundle = await benchBundle(root, peers);
    results['bundle'] = bundle;
    rows.push(...bundleRows(bundle));
    await save();
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
const output = `Machine: ${machine.cores} x ${machine.cpu}, ${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.os}; medians of ${runs} runs.\n\n${table(rows)}\n`;
process.stdout.write(output);
await writeFile(join(root, 'bench', 'results', `${resultName}.md`), output);
