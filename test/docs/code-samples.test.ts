/**
 * The code samples of the API references (`x-codeSamples` in the document
 * `specsmith docs` hands to Redocly): every operation has a TypeScript sample,
 * the very block its package README shows and compiling against the package,
 * and a curl sample that runs in a shell against the provider's Prism mock
 * and gets the status the spec documents. Webhooks show the README's handler
 * and a signed delivery, which the package's own verifyWebhook accepts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_LABELS } from '../../generator/docs/code-samples.js';
import { SAMPLE_FILE } from '../../generator/docs/curl-sample.js';
import { recordingServer, referenceFor, runCurlSample, sampledOperations } from '../support/code-samples.js';
import { TEST_KEYS } from '../support/contract.js';
import { PROVIDERS, specPath, type Provider } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'specsmith-samples-'));
  // The file the upload samples send.
  await writeFile(join(scratch, SAMPLE_FILE), 'example bytes');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function sampleOf(samples: readonly { label: string; source: string }[], label: string): string {
  const sample = samples.find((candidate) => candidate.label === label);
  if (!sample) throw new Error(`no ${label} sample`);
  return sample.source;
}

/** Runs `jobs` at most `limit` at a time (the machine is small and shared). */
async function limited<T>(jobs: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await (jobs[index] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

describe.each(PROVIDERS)('%s reference samples', (provider) => {
  it('every operation has a TypeScript sample that is its README block and compiles against the package', async () => {
    const { model, document } = await referenceFor(specPath(provider));
    const sampled = sampledOperations(document['paths']);
    expect(sampled.map((operation) => operation.operationId).sort()).toEqual(
      model.operations.map((operation) => operation.operationId).sort(),
    );
    const readme = await readFile(join(repoRoot, 'generated', provider, 'README.md'), 'utf8');
    const dir = await mkdtemp(join(scratch, 'ts-'));
    const files: string[] = [];
    for (const { operationId, samples } of [...sampled, ...sampledOperations(document['webhooks'])]) {
      expect(samples.map((sample) => sample.label)).toEqual([SAMPLE_LABELS.typescript, SAMPLE_LABELS.curl]);
      const source = sampleOf(samples, SAMPLE_LABELS.typescript);
      // The same snippet as the README's, not a second rendering of it.
      expect(readme, operationId).toContain(`\`\`\`ts\n${source}\n\`\`\``);
      const file = `${operationId}.ts`;
      await writeFile(join(dir, file), source);
      files.push(file);
    }
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    expect(
      await typecheck(dir, { files }, { [model.packageName]: [join(repoRoot, 'generated', provider, 'src/index.ts')] }),
    ).toBe('');
  });

  it('every curl sample runs against Prism and gets the documented status', async () => {
    const { model, document } = await referenceFor(specPath(provider));
    const prism = inject('prism')[provider];
    const env = { [model.apiKeyEnv ?? '']: TEST_KEYS[provider] };
    const sampled = sampledOperations(document['paths']);
    const runs = await limited(
      sampled.map(({ operationId, samples }) => async () => {
        const operation = model.operations.find((candidate) => candidate.operationId === operationId);
        const result = await runCurlSample(
          sampleOf(samples, SAMPLE_LABELS.curl),
          model.baseUrl.replace(/\/+$/, ''),
          prism,
          env,
          scratch,
        );
        return {
          operationId,
          code: result.code,
          status: result.status,
          documented: operation?.responses.map((response) => response.status) ?? [],
          stderr: result.stderr,
        };
      }),
      4,
    );
    const failures = runs.filter((run) => run.code !== 0 || !run.documented.includes(run.status));
    expect(failures).toEqual([]);
    expect(runs.length).toBe(model.operations.length);
  });
});

/** The generated packages, for their verifyWebhook (static paths, so the test runner can transform them). */
const PACKAGES: Record<Provider, () => Promise<unknown>> = {
  hotmetal: () => import('../../generated/hotmetal/src/index.js'),
  hot: () => import('../../generated/hot/src/index.js'),
  agentmetal: () => import('../../generated/agentmetal/src/index.js'),
  heycmo: () => import('../../generated/heycmo/src/index.js'),
};

describe.each(PROVIDERS)('%s webhook samples', (provider) => {
  it('each delivery sample sends a payload the package verifies with the same secret', async () => {
    const { model, document } = await referenceFor(specPath(provider));
    const webhooks = sampledOperations(document['webhooks']);
    if (!model.webhooks) {
      expect(webhooks).toEqual([]);
      return;
    }
    expect(webhooks.length).toBe(model.webhooks.events.length);
    const { verifyWebhook } = (await PACKAGES[provider]()) as unknown as {
      verifyWebhook(body: string, signature: string | null, secret: string): Promise<Record<string, unknown>>;
    };
    const secret = "s3cr3t with 'quotes' and $dollars";
    for (const { operationId, samples } of webhooks) {
      const endpoint = await recordingServer('/webhooks');
      try {
        const source = sampleOf(samples, SAMPLE_LABELS.curl);
        const result = await runCurlSample(
          source,
          '"$WEBHOOK_URL"',
          `"${endpoint.url}"`,
          { WEBHOOK_SECRET: secret },
          scratch,
        );
        expect(result.code, `${operationId}: ${result.stderr}`).toBe(0);
        const { request, body: raw } = await endpoint.received;
        const body = raw.toString('utf8');
        const header = request.headers[model.webhooks.header.toLowerCase()];
        const event = await verifyWebhook(body, typeof header === 'string' ? header : null, secret);
        expect(event).toEqual(JSON.parse(body));
        await expect(
          verifyWebhook(body, typeof header === 'string' ? header : null, 'another secret'),
        ).rejects.toThrow();
      } finally {
        await endpoint.close();
      }
    }
  });
});
