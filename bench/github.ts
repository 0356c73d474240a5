/**
 * GitHub's REST spec (api.github.com.json, OpenAPI 3.0.3, ~1,200 operations)
 * through specsmith and its peers, each run as its own process from a clean
 * output folder; then `tsc --noEmit` over specsmith's client and over
 * openapi-typescript's types alone, and over an app that makes one call: with
 * specsmith's package installed (built to dist/), and with openapi-fetch over
 * openapi-typescript's types as a declaration file.
 */
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { measure, repeat, type Summary } from './measure.js';

export interface GithubResults {
  operations: number;
  specsmith: Summary;
  openapiTypescript: Summary;
  heyApi: Summary;
  orval: Summary;
  tscSpecsmith: Summary;
  tscOpenapiTypescript: Summary;
  appSpecsmith: Summary;
  appOpenapiFetch: Summary;
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
  const specsmith = await repeat(
    runs,
    () =>
      measure(node, [join(root, 'generator/bin/specsmith.js'), 'generate', spec, '--out', out('specsmith')], { cwd }),
    fresh('specsmith'),
  );
  process.stderr.write('bench: GitHub spec with openapi-typescript...\n');
  const openapiTypescript = await repeat(
    runs,
    () =>
      measure(node, [join(peers, 'openapi-typescript/bin/cli.js'), spec, '-o', join(out('ots'), 'schema.ts')], { cwd }),
    fresh('ots'),
  );
  process.stderr.write('bench: GitHub spec with @hey-api/openapi-ts...\n');
  const heyApi = await repeat(
    runs,
    () => measure(node, [join(peers, '@hey-api/openapi-ts/bin/run.js'), '-i', spec, '-o', out('hey')], { cwd }),
    fresh('hey'),
  );
  process.stderr.write('bench: GitHub spec with orval...\n');
  const orval = await repeat(
    runs,
    () =>
      measure(
        node,
        [
          join(peers, 'orval/dist/bin/orval.js'),
          '--input',
          spec,
          '--output',
          join(out('orval'), 'api.ts'),
          '--client',
          'fetch',
        ],
        { cwd },
      ),
    fresh('orval'),
  );

  const { tscSpecsmith, tscOpenapiTypescript } = await benchTsc(root, scratch, runs);
  const { appSpecsmith, appOpenapiFetch } = await benchApps(
    root,
    scratch,
    out('specsmith'),
    join(out('ots'), 'schema.ts'),
    runs,
  );
  const operations = ((await readFile(join(out('specsmith'), 'api.md'), 'utf8')).match(/^\| `/gm) ?? []).length;
  return {
    operations,
    specsmith,
    openapiTypescript,
    heyApi,
    orval,
    tscSpecsmith,
    tscOpenapiTypescript,
    appSpecsmith,
    appOpenapiFetch,
  };
}

export interface TscResults {
  tscSpecsmith: Summary;
  tscOpenapiTypescript: Summary;
}

/**
 * `tsc --noEmit` of specsmith's whole GitHub client package (scratch/specsmith)
 * and of openapi-typescript's schema.ts alone (scratch/ots), both already generated.
 */
async function benchTsc(root: string, scratch: string, runs: number): Promise<TscResults> {
  const node = process.execPath;
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
  };
  // The package's dependencies resolve to the repository's installs.
  const paths = {
    'openapi-fetch': [join(root, 'node_modules/openapi-fetch/dist/index.d.mts')],
    '@modelcontextprotocol/sdk/*': [join(root, 'node_modules/@modelcontextprotocol/sdk/dist/esm/*')],
  };
  await writeFile(
    join(scratch, 'tsconfig.specsmith.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, baseUrl: '.', paths },
      include: ['specsmith/src/**/*.ts'],
    }),
  );
  await writeFile(join(scratch, 'tsconfig.ots.json'), JSON.stringify({ compilerOptions, include: ['ots/schema.ts'] }));
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  process.stderr.write('bench: tsc --noEmit...\n');
  const tscSpecsmith = await repeat(runs, () =>
    measure(node, [tsc, '-p', join(scratch, 'tsconfig.specsmith.json')], { cwd: scratch }),
  );
  const tscOpenapiTypescript = await repeat(runs, () =>
    measure(node, [tsc, '-p', join(scratch, 'tsconfig.ots.json')], { cwd: scratch }),
  );
  return { tscSpecsmith, tscOpenapiTypescript };
}

/**
 * Only the type-check rows (for iterating on them): the GitHub spec generated
 * once by specsmith and once by openapi-typescript (not timed), then both `tsc` runs.
 */
export async function benchGithubTsc(root: string, peers: string, scratch: string, runs: number): Promise<TscResults> {
  const spec = join(peers, '@octokit/openapi/generated/api.github.com.json');
  const node = process.execPath;
  process.stderr.write('bench: generating the GitHub client and types once...\n');
  await mkdir(join(scratch, 'ots'), { recursive: true });
  await measure(
    node,
    [join(root, 'generator/bin/specsmith.js'), 'generate', spec, '--out', join(scratch, 'specsmith')],
    { cwd: scratch },
  );
  await measure(node, [join(peers, 'openapi-typescript/bin/cli.js'), spec, '-o', join(scratch, 'ots', 'schema.ts')], {
    cwd: scratch,
  });
  return benchTsc(root, scratch, runs);
}

/**
 * What an app's own `tsc` pays for one typed call to `GET /repos/{owner}/{repo}`:
 * the specsmith package as installed (its dist/ declarations), against
 * openapi-fetch with openapi-typescript's `paths` saved as `schema.d.ts`, both
 * with `skipLibCheck` as apps usually set it.
 */
async function benchApps(
  root: string,
  scratch: string,
  pkg: string,
  schema: string,
  runs: number,
): Promise<{ appSpecsmith: Summary; appOpenapiFetch: Summary }> {
  const node = process.execPath;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const modules = join(scratch, 'node_modules');
  const app = join(scratch, 'app');
  await rm(modules, { recursive: true, force: true });
  await rm(app, { recursive: true, force: true });
  await mkdir(join(modules, '@specsmith'), { recursive: true });
  await mkdir(join(modules, '@modelcontextprotocol'), { recursive: true });
  await mkdir(app, { recursive: true });
  // The package and the app both resolve dependencies from the scratch folder's node_modules.
  await symlink(join(root, 'node_modules/openapi-fetch'), join(modules, 'openapi-fetch'), 'dir');
  await symlink(
    join(root, 'node_modules/@modelcontextprotocol/sdk'),
    join(modules, '@modelcontextprotocol/sdk'),
    'dir',
  );
  await symlink(pkg, join(modules, '@specsmith/github'), 'dir');
  process.stderr.write('bench: building the GitHub package for the app check...\n');
  await measure(node, [tsc, '-p', join(pkg, 'tsconfig.json')], { cwd: pkg }); // rejects if the package does not build
  await copyFile(schema, join(app, 'schema.d.ts'));
  await writeFile(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  };
  const apps = {
    specsmith: [
      "import GitHub from '@specsmith/github';",
      'const github = new GitHub();',
      "const repo = await github.repos.get('octocat', 'hello-world');",
      'console.log(repo.full_name);',
    ],
    openapiFetch: [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from './schema.js';",
      "const github = createClient<paths>({ baseUrl: 'https://api.github.com' });",
      "const { data } = await github.GET('/repos/{owner}/{repo}', { params: { path: { owner: 'octocat', repo: 'hello-world' } } });",
      'console.log(data?.full_name);',
    ],
  };
  for (const [name, lines] of Object.entries(apps)) {
    await writeFile(join(app, `${name}.ts`), `${lines.join('\n')}\n`);
    await writeFile(join(app, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
  }
  process.stderr.write('bench: tsc of an app making one call...\n');
  // measure() rejects when tsc reports an error, so both apps are known to type-check.
  const check = (name: string) => () => measure(node, [tsc, '-p', join(app, `tsconfig.${name}.json`)], { cwd: app });
  const appSpecsmith = await repeat(runs, check('specsmith'));
  const appOpenapiFetch = await repeat(runs, check('openapiFetch'));
  return { appSpecsmith, appOpenapiFetch };
}
