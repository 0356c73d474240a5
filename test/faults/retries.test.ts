/**
 * Retries through a generated client against a misbehaving loopback server:
 * Retry-After is honoured, bursts end in a typed error after exactly
 * maxRetries + 1 attempts, non-idempotent calls are sent once unless they
 * carry an idempotency key (the same key on every attempt), and 429 without
 * Retry-After is not retried for Hot, whose spec says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Hot, InternalServerError, RateLimitError } from '../../generated/hot/src/index.js';
import { failure } from '../support/contract.js';
import { json, startFaultServer, type FaultServer } from '../support/fault-server.js';

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const project = {
  project_id: '550e8400-e29b-41d4-a716-446655440000',
  env_id: '660e8400-e29b-41d4-a716-446655440000',
  name: 'demo',
  active: true,
  created_at: '2024-01-15T10:30:00Z',
  updated_at: '2024-01-15T10:30:00Z',
};
const meta = { request_id: '123e4567-e89b-12d3-a456-426614174000', timestamp: '2024-01-15T10:30:00Z' };
const hotError = (code: string, message: string) => ({ error: { code, message, request_id: 'req-fault-1' } });

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('retries', () => {
  it('429 with Retry-After then 200: retried once, after at least the given time, one result', async () => {
    server = await startFaultServer((_request, response, index) => {
      if (index === 0) json(response, 429, hotError('rate_limit_exceeded', 'slow down'), { 'Retry-After': '1' });
      else json(response, 200, { data: project, meta });
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const { data, attempts } = await hot.projects.get('demo').withResponse();
    expect(data).toEqual(project);
    expect(attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('429 without Retry-After is not retried (the spec requires Retry-After for 429)', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 429, hotError('rate_limit_exceeded', 'slow down')),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.projects.get('demo'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error['attempts']).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('a 503 burst longer than maxRetries ends in a typed error after exactly maxRetries + 1 attempts', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 503, hotError('internal_server_error', 'overloaded')),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 2 });
    const error = await failure(hot.projects.get('demo'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error['status']).toBe(503);
    expect(error['code']).toBe('internal_server_error');
    expect(error['requestId']).toBe('req-fault-1');
    expect(error['attempts']).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('a POST without an idempotency key is attempted once', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 503, hotError('internal_server_error', 'overloaded')),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 2 });
    const error = await failure(hot.projects.create({ name: 'demo' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error['attempts']).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('a POST with an idempotency key is retried, with the same key on every attempt', async () => {
    server = await startFaultServer((_request, response, index) => {
      if (index < 2) json(response, 503, hotError('internal_server_error', 'overloaded'));
      else json(response, 201, { data: project, meta });
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 2 });
    const created = await hot.projects.create({ name: 'demo' }, { idempotencyKey: 'create-demo-1' });
    expect(created).toEqual(project);
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'create-demo-1',
      'create-demo-1',
      'create-demo-1',
    ]);
    expect(server.requests.map((request) => JSON.parse(request.body.toString()) as unknown)).toEqual([
      { name: 'demo' },
      { name: 'demo' },
      { name: 'demo' },
    ]);
  });

  it('Retry-After beyond the retry budget is not waited for', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 429, hotError('rate_limit_exceeded', 'come back tomorrow'), { 'Retry-After': '86400' }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, retryBudget: 5_000 });
    const started = Date.now();
    const error = await failure(hot.projects.get('demo'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.requests).toHaveLength(1);
  });

  it('the API key never appears in an error, even when the server echoes it', async () => {
    server = await startFaultServer((request, response) =>
      json(response, 400, hotError('bad_request', `bad header: ${String(request.headers['authorization'])}`)),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.projects.get('demo'));
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(error.message).toContain('bad header');
    expect(error.message).not.toContain(KEY);
    expect(String(error.stack)).not.toContain(KEY);
    // The body the server echoed is kept, redacted.
    expect(JSON.stringify(error['body'])).toContain('bad header: Bearer [redacted]');
    expect(JSON.stringify(error['body'])).not.toContain(KEY);
  });
});
