/**
 * Timeouts, aborts and broken bodies through a generated client: each ends in
 * its own typed error, the server sees the request abandoned (no socket left
 * hanging on a request nobody waits for), and a body that is not what the spec
 * promises comes back as InvalidResponseError carrying the raw text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  AgentMetal,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidResponseError,
} from '../../generated/agentmetal/src/index.js';
import { failure } from '../support/contract.js';
import { json, startFaultServer, wait, type FaultServer } from '../support/fault-server.js';

const KEY = 'ak_live_abc123def456ghi789';
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('timeouts and cancellation', () => {
  it('a server that never answers gives APIConnectionTimeoutError after each attempt times out, and the requests are abandoned', async () => {
    server = await startFaultServer(() => undefined);
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, timeout: 200, maxRetries: 1 });
    const started = Date.now();
    const error = await failure(client.instances.get('inst-xyz789'));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error['attempts']).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(server.requests).toHaveLength(2);
    expect(await server.waitForAbandoned(2)).toBe(2);
  });

  it('an AbortSignal gives APIUserAbortError at once, without a retry, and the request is abandoned', async () => {
    server = await startFaultServer(() => undefined);
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, maxRetries: 3 });
    const controller = new AbortController();
    const pending = client.instances.list({ signal: controller.signal });
    await wait(100);
    controller.abort();
    const error = await failure(pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
    expect(await server.waitForAbandoned(1)).toBe(1);
  });

  it('with the client timeout off, a per-call timeout still ends the attempt and abandons the request', async () => {
    server = await startFaultServer(() => undefined);
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, timeout: 0, maxRetries: 0 });
    const started = Date.now();
    const error = await failure(client.instances.get('inst-xyz789', { timeout: 150 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toContain('timed out after 150 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    expect(await server.waitForAbandoned(1)).toBe(1);
  });

  it("with no timeout, the caller's own signal (handed to fetch as it is) aborts the request and abandons it", async () => {
    server = await startFaultServer(() => undefined);
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, timeout: 0, maxRetries: 3 });
    const controller = new AbortController();
    const pending = client.instances.get('inst-xyz789', { signal: controller.signal });
    await wait(100);
    controller.abort();
    const error = await failure(pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
    expect(await server.waitForAbandoned(1)).toBe(1);
  });

  it('a body that stalls after the headers times out as well', async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"items": [');
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, timeout: 200, maxRetries: 0 });
    expect(await failure(client.instances.list())).toBeInstanceOf(APIConnectionTimeoutError);
    expect(await server.waitForAbandoned(1)).toBe(1);
  });

  it('a refused connection is APIConnectionError after the retries', async () => {
    server = await startFaultServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;
    const client = new AgentMetal({ apiKey: KEY, baseUrl: url, maxRetries: 1 });
    const error = await failure(client.instances.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error['attempts']).toBe(2);
  });
});

describe('bodies that break the contract', () => {
  it('non-JSON on a JSON endpoint: InvalidResponseError with the raw text', async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('<html>gateway hiccup</html>');
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(client.instances.get('inst-xyz789'));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error['raw']).toBe('<html>gateway hiccup</html>');
    expect(error['status']).toBe(200);
    expect(error['operationId']).toBe('getInstance');
  });

  it('truncated JSON: InvalidResponseError with what arrived', async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"items": [{"metadata": {"id": "inst-');
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(client.instances.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error['raw']).toBe('{"items": [{"metadata": {"id": "inst-');
  });

  it('a connection cut before the promised Content-Length: a typed connection error, not a crash', async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      response.write('{"items": [');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });
    expect(await failure(client.instances.list())).toBeInstanceOf(APIConnectionError);
  });

  it('a list envelope without its items is InvalidResponseError, never a silent undefined', async () => {
    server = await startFaultServer((_request, response) => json(response, 200, { instances: [] }));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(client.instances.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('/items');
  });
});

describe('downloads handed over with asResponse()', () => {
  it('a body read slowly after asResponse() is not cut off by the per-attempt timeout', async () => {
    server = await startFaultServer(async (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"items": [');
      await wait(400);
      response.end(']}');
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url, timeout: 200, maxRetries: 0 });
    const raw = await client.instances.list().asResponse();
    // Headers arrived within the timeout; the rest of the body takes longer and must still arrive.
    await expect(raw.text()).resolves.toBe('{"items": []}');
  });
});
