/**
 * Hostile error responses through the generated Hot client on a loopback
 * server: whatever a server puts in an error body, the message stays one line,
 * quotes at most 300 characters of it, never shows the key, and never crashes;
 * a Retry-After that is not a delay leaves retryAfter undefined. Inputs and the
 * exact messages are fixtures in test/fixtures/hostile/messages/.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { APIError, Hot } from '../../generated/hot/src/index.js';
import { failure } from '../support/contract.js';
import { startFaultServer, type FaultServer } from '../support/fault-server.js';

interface Case {
  name: string;
  status: number;
  contentType: string;
  headers?: Record<string, string>;
  body: string;
  message: string;
  retryAfter?: number | null;
}

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const { cases } = JSON.parse(
  readFileSync(new URL('../fixtures/hostile/messages/error-bodies.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('hostile error bodies give a short, one-line, redacted message', () => {
  it.each(cases)('$name', async ({ status, contentType, headers, body, message, retryAfter }) => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(status, { 'Content-Type': contentType, ...headers });
      response.end(body);
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });
    const error = await failure(hot.projects.get('x'));
    expect(error).toBeInstanceOf(APIError);
    expect(error.message).toBe(message);
    if (retryAfter !== undefined) expect((error as unknown as APIError).retryAfter).toBe(retryAfter ?? undefined);
  });
});
