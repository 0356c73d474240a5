/**
 * AgentMetal's long-running operations through the generated client: a 202
 * operation object is polled until it succeeds and the finished instance is
 * fetched; a 201 instance (the API finished at once) is handed back as it is; a failed operation and a missed deadline are typed errors; the
 * rate-limit headers of every response are parsed onto `.withResponse()`.
 */
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  AgentMetal,
  OperationFailedError,
  WaitTimeoutError,
  APIUserAbortError,
  type Instance,
} from '../../generated/agentmetal/src/index.js';
import { json, startFaultServer, type FaultServer } from '../support/fault-server.js';

const KEY = 'ak_live_abc123def456ghi789';
const RESET = 1_709_312_400;
const limits = (remaining: number) => ({
  'X-RateLimit-Limit': '100',
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Reset': String(RESET),
});
const instance = {
  metadata: {
    id: 'inst-xyz789',
    name: 'web',
    kind: 'Instance',
    version: 1,
    labels: {},
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  },
  spec: { type: 'cx31', image: 'ubuntu-22.04' },
  status: { phase: 'Running' },
};
const operation = (status: string, extra: Record<string, unknown> = {}) => ({
  operation_id: 'op-abc123',
  status,
  resource_id: 'inst-xyz789',
  ...extra,
});

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function scripted(states: string[], failure?: string): Parameters<typeof startFaultServer>[0] {
  let polls = 0;
  return (request, response) => {
    if (request.method === 'POST') return json(response, 202, operation('pending'), limits(99));
    if (request.url === '/v1/operations/op-abc123') {
      const state = states[Math.min(polls++, states.length - 1)] ?? 'pending';
      return json(
        response,
        200,
        operation(state, state === 'failed' && failure ? { error: failure } : {}),
        limits(98 - polls),
      );
    }
    if (request.url === '/v1/instances/inst-xyz789') return json(response, 200, instance, limits(50));
    return json(response, 404, { error: `no route ${request.url}` });
  };
}

describe('waitFor', () => {
  it('polls a 202 operation until it succeeds, then returns the finished instance', async () => {
    server = await startFaultServer(scripted(['pending', 'running', 'succeeded']));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const created = await client.instances.create({
      metadata: { name: 'web' },
      spec: { type: 'cx31', image: 'ubuntu-22.04' },
    });
    expect('operation_id' in created && created.operation_id).toBe('op-abc123');
    const finished = await client.waitFor(created, { interval: 20, timeout: 5_000 });
    expect(finished).toEqual(instance);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1/instances',
      'GET /v1/operations/op-abc123',
      'GET /v1/operations/op-abc123',
      'GET /v1/operations/op-abc123',
      'GET /v1/instances/inst-xyz789',
    ]);
  });

  it('a 201 answer is the finished instance: waitFor returns it without a request, typed as the instance', async () => {
    server = await startFaultServer((request, response) => {
      if (request.method === 'POST') return json(response, 201, instance, limits(99));
      return json(response, 404, { error: `no route ${request.url}` });
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const created = await client.instances.create({
      metadata: { name: 'web' },
      spec: { type: 'cx31', image: 'ubuntu-22.04' },
    });
    const finished = await client.waitFor(created, { interval: 20, timeout: 5_000 });
    expectTypeOf(finished).toEqualTypeOf<Instance>();
    expect(finished).toEqual(instance);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['POST /v1/instances']);
  });

  it('either answer of create waits to the same instance', async () => {
    for (const status of [201, 202]) {
      server = await startFaultServer((request, response) => {
        if (request.method === 'POST')
          return status === 201 ? json(response, 201, instance) : json(response, 202, operation('pending'));
        if (request.url === '/v1/operations/op-abc123') return json(response, 200, operation('succeeded'));
        return json(response, 200, instance);
      });
      const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
      const created = await client.instances.create({
        metadata: { name: 'web' },
        spec: { type: 'cx31', image: 'ubuntu-22.04' },
      });
      await expect(client.waitFor(created, { interval: 20 })).resolves.toEqual(instance);
      await server.close();
      server = undefined;
    }
  });

  it('an operation object read back from storage (no client marker) is still polled', async () => {
    server = await startFaultServer(scripted(['succeeded']));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const restored = JSON.parse(JSON.stringify(operation('pending'))) as object;
    await expect(client.waitFor(restored, { interval: 20 })).resolves.toEqual(instance);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/operations/op-abc123',
      '/v1/instances/inst-xyz789',
    ]);
  });

  it('a delete operation resolves to the final operation object (there is no resource to fetch)', async () => {
    server = await startFaultServer((request, response) => {
      if (request.method === 'DELETE') return json(response, 202, operation('pending'), limits(99));
      return json(response, 200, operation('succeeded'), limits(98));
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const deleting = await client.instances.delete('inst-xyz789');
    await expect(client.waitFor(deleting, { interval: 20 })).resolves.toEqual(operation('succeeded'));
  });

  it('a failed operation throws OperationFailedError with its message and the operation object', async () => {
    server = await startFaultServer(scripted(['running', 'failed'], 'image ubuntu-22.04 not available in region'));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const created = await client.instances.create({
      metadata: { name: 'web' },
      spec: { type: 'cx31', image: 'ubuntu-22.04' },
    });
    const error = (await client
      .waitFor(created, { interval: 20 })
      .catch((caught: unknown) => caught)) as OperationFailedError;
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error.message).toContain('image ubuntu-22.04 not available in region');
    expect(error.result).toEqual(operation('failed', { error: 'image ubuntu-22.04 not available in region' }));
  });

  it('a deadline gives WaitTimeoutError', async () => {
    server = await startFaultServer(scripted(['pending']));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const created = await client.instances.create({
      metadata: { name: 'web' },
      spec: { type: 'cx31', image: 'ubuntu-22.04' },
    });
    const started = Date.now();
    const error = await client.waitFor(created, { interval: 30, timeout: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an AbortSignal stops the wait', async () => {
    server = await startFaultServer(scripted(['pending']));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const created = await client.instances.create({
      metadata: { name: 'web' },
      spec: { type: 'cx31', image: 'ubuntu-22.04' },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(client.waitFor(created, { interval: 30, signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

describe('rate-limit headers', () => {
  it('are parsed onto withResponse() (reset is a Unix epoch in seconds)', async () => {
    server = await startFaultServer((_request, response) => json(response, 200, { items: [instance] }, limits(95)));
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    const { data, rateLimit } = await client.instances.list().withResponse();
    expect(data).toEqual([instance]);
    expect(rateLimit).toEqual({ limit: 100, remaining: 95, reset: new Date(RESET * 1000) });
  });

  it('a 429 with the window exhausted waits for X-RateLimit-Reset when it is near', async () => {
    const resetAt = Math.ceil(Date.now() / 1000) + 1;
    server = await startFaultServer((_request, response, index) => {
      if (index === 0)
        json(
          response,
          429,
          { error: 'rate limit exceeded' },
          { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetAt) },
        );
      else json(response, 200, { items: [] }, limits(100));
    });
    const client = new AgentMetal({ apiKey: KEY, baseUrl: server.url });
    await expect(client.instances.list()).resolves.toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.receivedAt ?? 0).toBeGreaterThanOrEqual(resetAt * 1000 - 5);
  });
});
