/**
 * Bundle size of each generated client as an app would ship it: esbuild
 * bundles `new <Client>()` with its runtime and openapi-fetch, minified and
 * tree-shaken, then gzip; openapi-fetch alone is the peer. Then an app that
 * calls one Hot operation through the core client and its standalone function
 * (`getRun` from `@specsmith/hot/funcs`), which pays for that operation only.
 */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Esbuild {
  build(options: object): Promise<{ outputFiles: Array<{ contents: Uint8Array }> }>;
}

export interface BundleResults {
  openapiFetch: { minified: number; gzip: number };
  clients: Record<string, { minified: number; gzip: number }>;
  /** An app that makes one call to Hot: the core client and one standalone function. */
  oneFunction: { minified: number; gzip: number };
}

export async function benchBundle(root: string, peers: string): Promise<BundleResults> {
  const esbuild = (await import(pathToFileURL(join(peers, 'esbuild/lib/main.js')).href)) as {
    default?: Esbuild;
  } & Esbuild;
  const build = esbuild.default ?? esbuild;
  const size = async (contents: string): Promise<{ minified: number; gzip: number }> => {
    const result = await build.build({
      stdin: { contents, resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
    });
    const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
    return { minified: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
  };
  const clients: BundleResults['clients'] = {};
  for (const [provider, name] of [
    ['hotmetal', 'HotMetal'],
    ['hot', 'Hot'],
    ['agentmetal', 'AgentMetal'],
    ['heycmo', 'HeyCMO'],
  ] as const) {
    clients[provider] = await size(
      `import { ${name} } from ${JSON.stringify(join(root, 'generated', provider, 'dist/index.js'))};\nexport const client = new ${name}();\n`,
    );
  }
  const hot = join(root, 'generated', 'hot', 'dist');
  const oneFunction = await size(
    `import { HotCore } from ${JSON.stringify(join(hot, 'index.js'))};\nimport { getRun } from ${JSON.stringify(join(hot, 'funcs.js'))};\nexport const run = getRun(new HotCore(), 'run-id');\n`,
  );
  const openapiFetch = await size(
    `import createClient from ${JSON.stringify(join(root, 'node_modules/openapi-fetch/dist/index.mjs'))};\nexport const client = createClient();\n`,
  );
  return { openapiFetch, clients, oneFunction };
}
