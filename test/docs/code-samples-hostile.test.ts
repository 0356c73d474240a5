/**
 * Hostile examples (test/fixtures/hostile/docs-samples/): quotes, `$(...)`,
 * backticks, `$HOME`, newlines and reserved URL characters in parameters and
 * bodies, a legal header name holding `$` and `'`, and multipart values curl
 * would otherwise read as files (`@...`, `<...`). Each curl sample, run in a
 * shell against a loopback server, must send exactly the example's values and
 * run nothing: no file appears in the folder it runs in.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LABELS } from '../../generator/docs/code-samples.js';
import { SAMPLE_FILE } from '../../generator/docs/curl-sample.js';
import {
  recordingServer,
  referenceFor,
  runCurlSample,
  sampledOperations,
  type Recorded,
} from '../support/code-samples.js';
import { repoRoot } from '../support/redocly.js';

const SPEC = join(repoRoot, 'test/fixtures/hostile/docs-samples/openapi.yaml');
const KEY = 'key with spaces and $(touch pwned-key)';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'specsmith-hostile-samples-'));
  await writeFile(join(scratch, SAMPLE_FILE), 'example bytes');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function send(operationId: string): Promise<Recorded> {
  const { model, document } = await referenceFor(SPEC);
  const operation = sampledOperations(document['paths']).find((candidate) => candidate.operationId === operationId);
  const source = operation?.samples.find((sample) => sample.label === SAMPLE_LABELS.curl)?.source ?? '';
  const server = await recordingServer('/v1');
  try {
    const result = await runCurlSample(source, model.baseUrl, server.url, { [model.apiKeyEnv ?? '']: KEY }, scratch);
    expect(result.code, result.stderr).toBe(0);
    return await server.received;
  } finally {
    await server.close();
  }
}

describe('curl samples of hostile examples', () => {
  it('send path, query, header and JSON body values exactly as the examples hold them', async () => {
    const { request, body } = await send('putThing');
    expect(request.method).toBe('PUT');
    const url = new URL(request.url ?? '', 'http://localhost');
    expect(decodeURIComponent(url.pathname)).toBe("/v1/things/a b/c'd?e#f");
    // The whole value is one path segment: its `/`, `?` and `#` are encoded.
    expect(url.pathname.split('/')).toHaveLength(4);
    expect(url.searchParams.get('filter')).toBe("x&y='$(touch pwned-query)'");
    expect(url.searchParams.getAll('tags')).toEqual(['a b', 'c&d=e']);
    expect(request.headers['x-note']).toBe('it\'s "quoted" `touch pwned-header` $(touch pwned-header)');
    expect(request.headers["x-$home'key"]).toBe(KEY);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(body.toString('utf8'))).toEqual({
      text: "it's a $(touch pwned-body) `touch pwned-body` \\ back\nslash and newline ünïcødé 'quoted'",
      nested: { "key with 'quote'": ['$HOME', '!event', '%s'] },
    });
  });

  it('send multipart values starting with @ or < as text, and the file as a file part', async () => {
    const { request, body } = await send('uploadThing');
    const text = body.toString('utf8');
    expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(text).toMatch(/name="label"\r\n\r\n@\/etc\/passwd\r\n/);
    expect(text).toMatch(/name="note"\r\n\r\n<notes\.txt;type=text\/html\r\n/);
    expect(text).toMatch(/name="file"; filename="example\.bin"\r\n[^]*?\r\n\r\nexample bytes\r\n/);
    expect(text).not.toContain('root:');
  });

  it('run nothing from the examples: the folder holds only the upload file', async () => {
    await send('putThing');
    await send('uploadThing');
    expect(await readdir(scratch)).toEqual([SAMPLE_FILE]);
  });

  it('shows server descriptions as the text a reader sees, not raw Markdown', async () => {
    const { document } = await referenceFor(SPEC);
    expect(document['servers']).toEqual([
      {
        url: 'https://api.hostile.test/v1',
        description: 'Production, at https://api.hostile.test/v1 (see the status page).',
      },
    ]);
  });
});
