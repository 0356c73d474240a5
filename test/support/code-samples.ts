/**
 * The reference documents `specsmith docs` builds, and a runner for their curl
 * samples: the sample as a reader would paste it into a shell, pointed at
 * another server and told to print the status it got.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { referenceDocument } from '../../generator/docs/reference-document.js';
import type { CodeSample } from '../../generator/docs/code-samples.js';
import type { ApiModel } from '../../generator/model/types.js';
import { modelSpec } from '../../generator/pipeline.js';
import { repoRoot } from './redocly.js';

const run = promisify(execFile);

export interface SampledOperation {
  operationId: string;
  samples: CodeSample[];
}

type Json = Record<string, unknown>;

/** Every operation of a document that carries `x-codeSamples` (under paths or webhooks). */
export function sampledOperations(section: unknown): SampledOperation[] {
  const found: SampledOperation[] = [];
  for (const item of Object.values((section ?? {}) as Record<string, Json>)) {
    for (const operation of Object.values(item)) {
      if (operation && typeof operation === 'object' && 'x-codeSamples' in operation) {
        const record = operation as Json;
        found.push({ operationId: String(record['operationId']), samples: record['x-codeSamples'] as CodeSample[] });
      }
    }
  }
  return found;
}

export async function referenceFor(spec: string): Promise<{ model: ApiModel; document: Json }> {
  const { model } = await modelSpec(spec, { cwd: repoRoot });
  return { model, document: await referenceDocument(spec, model, repoRoot) };
}

export interface CurlRun {
  code: number;
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a curl sample with `sh` in `cwd`, `from` (the sample's server URL)
 * replaced by `to`; the status comes from `-w` on a line of its own after the body.
 */
export async function runCurlSample(
  source: string,
  from: string,
  to: string,
  env: Record<string, string>,
  cwd: string,
): Promise<CurlRun> {
  if (!source.includes(from)) throw new Error(`the sample does not call ${from}:\n${source}`);
  const script = source
    .split(from)
    .join(to)
    .replace(/^curl /m, `curl -sS --max-time 20 -w '\\n%{http_code}' `);
  try {
    const { stdout, stderr } = await run('sh', ['-c', script], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, status: Number(stdout.trimEnd().split('\n').at(-1)), stdout, stderr };
  } catch (error) {
    const failure = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      status: 0,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? String(error),
    };
  }
}

export interface Recorded {
  request: IncomingMessage;
  body: Buffer;
}

/** A loopback endpoint that answers 204 and records the first request it gets, with its raw body; `url` ends in `path`. */
export async function recordingServer(
  path = '',
): Promise<{ url: string; received: Promise<Recorded>; close(): Promise<void> }> {
  let resolve: (value: Recorded) => void = () => undefined;
  const received = new Promise<Recorded>((done) => (resolve = done));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve({ request, body: Buffer.concat(chunks) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
