/**
 * An app that calls one operation through the core client and a standalone
 * function (`import { XCore } from '<package>'; import { op } from
 * '<package>/funcs'`) bundles that operation's descriptor and no other: the
 * bundle holds its path and none of the spec's other paths, no resource
 * class, no openapi-fetch (the runtime writes URLs itself), no body encoder
 * of an operation it does not call and no webhook-URL check. The full client,
 * bundled the same way, holds every path and openapi-fetch's client, so the
 * searches can fail.
 *
 * The bundler is Rolldown, which the test runner (Vite) installs (see
 * test/mcp/bundle.test.ts); without it the test is skipped.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSpec } from '../support/contract.js';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { compilePackages } from '../mcp/support/compile.js';

type Rolldown = typeof import('rolldown');
const rolldown = (await import('rolldown').catch(() => undefined)) as Rolldown | undefined;

/** The class names and the operation each provider's one-call app uses (an operation that is neither paginated nor a stream). */
const APPS: Record<(typeof PROVIDERS)[number], { client: string; operationId: string; pathArgs: number }> = {
  hot: { client: 'Hot', operationId: 'getRun', pathArgs: 1 },
  hotmetal: { client: 'HotMetal', operationId: 'getPublication', pathArgs: 1 },
  agentmetal: { client: 'AgentMetal', operationId: 'getInstance', pathArgs: 1 },
  heycmo: { client: 'HeyCMO', operationId: 'getOpenApiDocument', pathArgs: 0 },
};

/** A text openapi-fetch's `createClient` (client.raw) carries and its URL serializers do not. */
const CREATE_CLIENT_TEXT = 'Middleware must be an object';
/** A text of openapi-fetch's URL serializers. */
const SERIALIZER_TEXT = 'Provide your own `querySerializer()`';
/** Texts of the multipart encoder and of the webhook-URL check (runtime/request-body.ts, webhook-url.ts). */
const ENCODER_TEXT = 'new FormData';
const WEBHOOK_CHECK_TEXT = 'is not an absolute URL';

let dir: string;

async function bundle(name: string, code: string): Promise<string> {
  const input = join(dir, `${name}.mjs`);
  await writeFile(input, code);
  const build = await (rolldown as Rolldown).rolldown({
    input,
    platform: 'neutral',
    logLevel: 'silent',
    resolve: { mainFields: ['module', 'main'] },
  });
  try {
    const { output } = await build.generate({ format: 'esm', codeSplitting: false });
    return output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
  } finally {
    await build.close();
  }
}

/** Whether `path` appears in `code` as a whole string literal (quoted), not as the prefix of a longer path. */
function hasPathLiteral(code: string, path: string): boolean {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`['"\`]${escaped}['"\`]`).test(code);
}

describe.skipIf(rolldown === undefined)('tree-shaking: an app pays for the operations it calls', () => {
  beforeAll(async () => {
    await compilePackages();
    dir = await mkdtemp(join(tmpdir(), 'specsmith-funcs-bundle-'));
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const provider of PROVIDERS) {
    it(`${provider}: one function bundles its own descriptor only`, async () => {
      const app = APPS[provider];
      const spec = await contractSpec(provider);
      const chosen = spec.operations.find((operation) => operation.operationId === app.operationId);
      expect(chosen, `${app.operationId} is in the ${provider} spec`).toBeDefined();
      const dist = join(repoRoot, 'generated', provider, 'dist');
      const args = ['x', ...Array.from({ length: app.pathArgs }, (_, index) => `'id-${index}'`)];
      const code = await bundle(
        `${provider}-one`,
        [
          `import { ${app.client}Core } from ${JSON.stringify(join(dist, 'index.js'))};`,
          `import { ${app.operationId} } from ${JSON.stringify(join(dist, 'funcs.js'))};`,
          `const x = new ${app.client}Core();`,
          `export const call = () => ${app.operationId}(${args.join(', ')});`,
        ].join('\n'),
      );
      expect(hasPathLiteral(code, chosen?.path ?? '')).toBe(true);
      // The root path `/` is left out: the runtime's own code has a '/' literal.
      const others = [...new Set(spec.operations.map((operation) => operation.path))].filter(
        (path) => path !== chosen?.path && path !== '/',
      );
      expect(others.length).toBeGreaterThan(0);
      expect(others.filter((path) => hasPathLiteral(code, path))).toEqual([]);
      // No resource class (each takes the core in its constructor) and no raw openapi-fetch client.
      expect(code).not.toMatch(/class \w+ \{\s*#client;/);
      expect(code).not.toContain(CREATE_CLIENT_TEXT);
      expect(code).not.toContain(SERIALIZER_TEXT);
      expect(code).not.toContain(ENCODER_TEXT);
      expect(code).not.toContain(WEBHOOK_CHECK_TEXT);

      // The full client, the positive control: every path of the spec, and client.raw's createClient.
      const full = await bundle(
        `${provider}-full`,
        `import { ${app.client} } from ${JSON.stringify(join(dist, 'index.js'))};\nexport const client = new ${app.client}();\n`,
      );
      expect(
        [...new Set(spec.operations.map((operation) => operation.path))].filter((path) => !hasPathLiteral(full, path)),
      ).toEqual([]);
      expect(full).toContain(CREATE_CLIENT_TEXT);
      expect(full).toContain(SERIALIZER_TEXT);
    }, 60_000);
  }
});
