/**
 * GitHub's REST spec (api.github.com.json, OpenAPI 3.0.3, ~1,200 operations)
 * through specsmith and its peers, each run as its own process from a clean
 * output folder; then `tsc --noEmit` over specsmith's client and over
 * openapi-typescript's types alone.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repeat, type Summary } from './measure.js';
import { measure } from './measure.js';

export interface GithubResults {
  operations: number;
  specsmith: Summary;
  openapiTypescript: Summary;
  heyApi: Summary;
  orval: Summary;
  tscSpecsmith: Summary;
  tscOpenapiTypescript: Summary;
}

export async function benchGithub(root: string, peers: string, scratch: string, runs: number): Promise<GithubResults> {
  const spec = join(peers, '@octokit/openapi/generated/api.github.com.json');
  const node = process.execPath;
  const out = (name: string): string => join(scratch, name);
  const fresh = (name: string) => async (): Promise<void> => {
    await rm(out(name), { recursive: true, force: true });
    await mkdir(out(name), { recursive: true });
  };
  // Peers run from the scratch folder so no redocly.yaml of this repository is picked up.
  const cwd = scratch;
  process.stderr.write('bench: GitHub spec with specsmith...\n');
  const specsmith = await repeat(runs, () => measure(node, [join(root, 'generator/bin/specsmith.js'), 'generate', spec, '--out', out('specsmith')], { cwd }), fresh('specsmith'));
  process.stderr.write('bench: GitHub spec with openapi-typescript...\n');
  const openapiTypescript = await repeat(runs, () => measure(node, [join(peers, 'openapi-typescript/bin/cli.js'), spec, '-o', join(out('ots'), 'schema.ts')], { cwd }), fresh('ots'));
  process.stderr.write('bench: GitHub spec with @hey-api/openapi-ts...\n');
  const heyApi = await repeat(runs, () => measure(node, [join(peers, '@hey-api/openapi-ts/bin/run.js'), '-i', spec, '-o', out('hey')], { cwd }), fresh('hey'));
  process.stderr.write('bench: GitHub spec with orval...\n');
  const orval = await repeat(runs, () => measure(node, [join(peers, 'orval/dist/bin/orval.js'), '--input', spec, '--output', join(out('orval'), 'api.ts'), '--client', 'fetch'], { cwd }), fresh('orval'));

  // Type-check: specsmith's whole client package, and openapi-typescript's schema.ts alone.
  const compilerOptions = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], strict: true, noEmit: true, skipLibCheck: true, resolveJsonModule: true };
  // The package's dependencies resolve to the repository's installs.
  const paths = { 'openapi-fetch': [join(root, 'node_modules/openapi-fetch/dist/index.d.mts')], '@modelcontextprotocol/sdk/*': [join(root, 'node_modules/@modelcontextprotocol/sdk/dist/esm/*')] };
  await writeFile(join(scratch, 'tsconfig.specsmith.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, baseUrl: '.', paths }, include: ['specsmith/src/**/*.ts'] }));
  await writeFile(join(scratch, 'tsconfig.ots.json'), JSON.stringify({ compilerOptions, include: ['ots/schema.ts'] }));
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  process.stderr.write('bench: tsc --noEmit...\n');
  const tscSpecsmith = await repeat(runs, () => measure(node, [tsc, '-p', join(scratch, 'tsconfig.specsmith.json')], { cwd }));
  const tscOpenapiTypescript = await repeat(runs, () => measure(node, [tsc, '-p', join(scratch, 'tsconfig.ots.json')], { cwd }));
  const { readFile } = await import('node:fs/promises');
  const operations = ((await readFile(join(out('specsmith'), 'api.md'), 'utf8')).match(/^\| `/gm) ?? []).length;
  return { operations, specsmith, openapiTypescript, heyApi, orval, tscSpecsmith, tscOpenapiTypescript };
}
