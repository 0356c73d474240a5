/**
 * Hostile servers, through generated clients on a loopback server: everything
 * a server sends is untrusted. Nothing it sends may exhaust memory, loop the
 * client, or receive (or see echoed back) credentials it should not; and
 * arguments that would change what the request means are refused before
 * anything is sent. Inputs with their expected outcomes are fixtures in
 * test/fixtures/hostile/server/.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AgentMetal,
  InvalidRequestError as AgentMetalInvalidRequest,
  InvalidResponseError as AgentMetalInvalidResponse,
} from '../../generated/agentmetal/src/index.js';
import { verifyWebhook, WebhookVerificationError } from '../../generated/heycmo/src/index.js';
import {
  APIConnectionTimeoutError,
  BadRequestError,
  Hot,
  InternalServerError,
  InvalidRequestError,
  InvalidResponseError,
  type ResponseEvent,
} from '../../generated/hot/src/index.js';
import { errorClasses as hotErrors } from '../../generated/hot/src/errors.js';
import { apiConfig as hotConfig } from '../../generated/hot/src/operations.js';
import { ClientCore } from '../../generated/hot/src/runtime/core.js';
import type { OperationDescriptor } from '../../generated/hot/src/runtime/operation.js';
import { failure } from '../support/contract.js';
import { json, startEventStream, startFaultServer, type FaultServer } from '../support/fault-server.js';

const FIXTURES = new URL('../fixtures/hostile/server/', import.meta.url);
const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;

/** A key with characters that URL encoding and base64 both change. */
const KEY = 'hot_4f9a2c7e-1b8d_Zx+y/Q=9aBcDeF0123456789';
const AGENTMETAL_KEY = 'ak_live_abc123def456ghi789';
const MiB = 1024 * 1024;

const servers: FaultServer[] = [];
async function serve(handler: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const server = await startFaultServer(handler);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Writes `chunk` until the client goes away or `maxBytes` were written; counts what was written. */
async function writeEndlessly(
  response: ServerResponse,
  chunk: Buffer,
  stats: { sent: number },
  maxBytes = 400 * MiB,
): Promise<void> {
  let open = true;
  response.on('close', () => {
    open = false;
  });
  while (open && !response.destroyed && stats.sent < maxBytes) {
    const flushed = response.write(chunk);
    stats.sent += chunk.length;
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          response.off('drain', done);
          response.off('close', done);
          resolve();
        };
        response.on('drain', done);
        response.on('close', done);
      });
    }
  }
  if (open && !response.destroyed) response.end();
}

/** Whether `text` shows the key in any form: any case, percent- or form-encoded, or inside base64 at any alignment. */
function leaksKey(text: string, key = KEY): boolean {
  const lower = text.toLowerCase();
  const plainForms = [key, encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2)];
  if (plainForms.some((form) => lower.includes(form.toLowerCase()))) return true;
  const windows = Array.from({ length: key.length - 7 }, (_, index) => key.slice(index, index + 8));
  for (const token of text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
    for (let start = 0; start < 4; start++) {
      const decoded = Buffer.from(token.slice(start), 'base64').toString('latin1');
      if (windows.some((window) => decoded.includes(window))) return true;
    }
  }
  return false;
}

describe('path arguments that would change the request path are refused before sending', () => {
  interface Case {
    value: string;
    refused?: boolean;
    sent?: string;
  }
  const cases = fixture<{ oneSegment: Case[]; multiSegment: Case[] }>('path-arguments.json');

  it.each(cases.oneSegment)('hot.projects.get($value)', async ({ value, refused, sent }) => {
    const server = await serve((_request, response) => json(response, 200, { data: { id: 'p' } }));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });
    if (refused) {
      const error = await failure(hot.projects.get(value));
      expect(error).toBeInstanceOf(InvalidRequestError);
      // Named as the caller wrote it: the method and the argument of its signature, not the wire name project_id_or_slug.
      expect(error.message).toMatch(/^projects\.get: argument `projectIdOrSlug` must /);
      expect(server.requests).toHaveLength(0);
    } else {
      await hot.projects.get(value);
      expect(server.requests.map((request) => request.url)).toEqual([`/v1/projects/${sent}`]);
    }
  });

  it('hot.context.delete("p", "..") names the second argument and sends nothing', async () => {
    const server = await serve((_request, response) => json(response, 200, { data: {} }));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.context.delete('p', '..'));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/^context\.delete: argument `key` must not be or contain a "\." or "\.\." segment/);
    expect(server.requests).toHaveLength(0);
  });

  // The spec marks the path of hot.files.upload as spanning segments (x-specsmith-multi-segment).
  it.each(cases.multiSegment)('hot.files.upload($value)', async ({ value, refused, sent }) => {
    const server = await serve((_request, response) => json(response, 200, { data: { path: 'x' } }));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });
    if (refused) {
      const error = await failure(hot.files.upload(value, { body: 'x' }));
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toMatch(/^files\.upload: argument `path` must /);
      expect(server.requests).toHaveLength(0);
    } else {
      await hot.files.upload(value, { body: 'x' });
      expect(server.requests.map((request) => request.url)).toEqual([`/v1/files/upload/${sent}`]);
    }
  });
});

describe('redirects never carry credentials or bodies to another origin', () => {
  it('a cross-origin 302 reaches the other origin without the apiKey header', async () => {
    const other = await serve((_request, response) => json(response, 200, { id: 'inst-1' }));
    const api = await serve((_request, response) => {
      response.writeHead(302, { Location: `${other.url}/v1/instances/inst-1` });
      response.end();
    });
    const client = new AgentMetal({
      apiKey: AGENTMETAL_KEY,
      baseUrl: api.url,
      headers: { Authorization: `Bearer ${AGENTMETAL_KEY}`, Cookie: 'session=1' },
    });
    expect(await client.instances.get('inst-1')).toEqual({ id: 'inst-1' });
    expect(api.requests[0]?.headers['x-api-key']).toBe(AGENTMETAL_KEY);
    expect(other.requests).toHaveLength(1);
    const forwarded = other.requests[0]?.headers ?? {};
    expect(forwarded['x-api-key']).toBeUndefined();
    expect(forwarded['authorization']).toBeUndefined();
    expect(forwarded['cookie']).toBeUndefined();
  });

  it('client.raw (the openapi-fetch escape hatch) drops the apiKey header on a cross-origin 302 too', async () => {
    const other = await serve((_request, response) => json(response, 200, { id: 'inst-1' }));
    const api = await serve((_request, response) => {
      response.writeHead(302, { Location: `${other.url}/v1/instances/inst-1` });
      response.end();
    });
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: api.url });
    const { data, response } = await client.raw.GET('/v1/instances/inst-1' as never);
    expect(response.status).toBe(200);
    expect(data).toEqual({ id: 'inst-1' });
    expect(api.requests[0]?.headers['x-api-key']).toBe(AGENTMETAL_KEY);
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]?.headers['x-api-key']).toBeUndefined();
  });

  it('client.raw sends a POST body again only on a same-origin 307', async () => {
    const other = await serve((_request, response) => json(response, 201, { id: 'stolen' }));
    const api = await serve((request, response) => {
      if (request.url === '/v1/instances') {
        response.writeHead(307, { Location: '/v1/instances/here' });
        response.end();
      } else if (request.url === '/v1/instances/here') {
        response.writeHead(307, { Location: `${other.url}/v1/instances` });
        response.end();
      } else json(response, 404, {});
    });
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: api.url });
    const error = await client.raw
      .POST('/v1/instances' as never, { body: { name: 'x' } } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/request body to another origin/);
    expect(api.requests.map((request) => [request.url, request.body.toString('utf8')])).toEqual([
      ['/v1/instances', '{"name":"x"}'],
      ['/v1/instances/here', '{"name":"x"}'],
    ]);
    expect(other.requests).toHaveLength(0);
  });

  it('a same-origin 302 keeps the apiKey header', async () => {
    const api = await serve((request, response) => {
      if (request.url === '/v1/instances/old') {
        response.writeHead(302, { Location: '/v1/instances/new' });
        response.end();
      } else json(response, 200, { id: 'new' });
    });
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: api.url });
    expect(await client.instances.get('old')).toEqual({ id: 'new' });
    expect(api.requests.map((request) => [request.url, request.headers['x-api-key']])).toEqual([
      ['/v1/instances/old', AGENTMETAL_KEY],
      ['/v1/instances/new', AGENTMETAL_KEY],
    ]);
  });

  it('a 307 that would re-send a POST body to another origin is refused, and not retried', async () => {
    const other = await serve((_request, response) => json(response, 201, { id: 'stolen' }));
    const api = await serve((_request, response) => {
      response.writeHead(307, { Location: `${other.url}/v1/instances` });
      response.end();
    });
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: api.url, maxRetries: 3 });
    const error = await failure(
      client.instances.create(
        { metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } },
        { idempotencyKey: 'idem-1' },
      ),
    );
    expect(error).toBeInstanceOf(AgentMetalInvalidResponse);
    expect(error.message).toMatch(/redirect not followed.*request body to another origin/);
    expect(error['status']).toBe(307);
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1);
  });

  it('a same-origin 307 re-sends method, body and key; a same-origin 303 turns a POST into a GET without a body', async () => {
    const api = await serve((request, response) => {
      if (request.url === '/v1/instances') {
        response.writeHead(request.headers['x-step'] === 'see-other' ? 303 : 307, { Location: '/v1/instances-moved' });
        response.end();
      } else json(response, request.method === 'POST' ? 201 : 200, { id: 'inst-1' });
    });
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: api.url });
    const params = { metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } };
    await client.instances.create(params);
    const [first, second] = api.requests;
    expect([second?.method, second?.url, second?.headers['x-api-key']]).toEqual([
      'POST',
      '/v1/instances-moved',
      AGENTMETAL_KEY,
    ]);
    expect(second?.body.toString()).toBe(first?.body.toString());
    expect(JSON.parse(second?.body.toString() ?? '')).toEqual(params);

    await client.instances.create(params, { headers: { 'X-Step': 'see-other' } });
    const moved = api.requests[3];
    expect([moved?.method, moved?.body.length, moved?.headers['content-type'], moved?.headers['x-api-key']]).toEqual([
      'GET',
      0,
      undefined,
      AGENTMETAL_KEY,
    ]);
  });

  it('a redirect loop stops after 10 redirects with a typed error', async () => {
    const api = await serve((request, response) => {
      response.writeHead(302, { Location: request.url === '/v1/instances/a' ? '/v1/instances/b' : '/v1/instances/a' });
      response.end();
    });
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: api.url, maxRetries: 2 });
    const error = await failure(client.instances.get('a'));
    expect(error).toBeInstanceOf(AgentMetalInvalidResponse);
    expect(error.message).toMatch(/more than 10 times/);
    expect(api.requests).toHaveLength(11);
  });
});

describe('a server that echoes the key sees it redacted in every error and hook field', () => {
  it('body, message, code, request id, headers and hook events hold no form of the key', async () => {
    const basic = Buffer.from(`user:${KEY}`).toString('base64');
    const server = await serve((_request, response) => {
      json(
        response,
        400,
        {
          error: {
            message: `bad key ${KEY.toUpperCase()} (${encodeURIComponent(KEY)})`,
            code: KEY.toLowerCase(),
            request_id: `req-${KEY}`,
          },
          echo: {
            authorization: `Basic ${basic}`,
            again: `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`,
            url: `/v1?key=${new URLSearchParams({ k: KEY }).toString().slice(2)}`,
          },
          [KEY]: 'the key as a member name',
        },
        { 'X-Request-ID': KEY, 'X-Echo': `Bearer ${KEY}`, 'X-Echo-Basic': `Basic ${basic}`, 'Set-Cookie': `s=${KEY}` },
      );
    });
    const events: ResponseEvent[] = [];
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, hooks: { onResponse: (event) => events.push(event) } });
    const error = await failure(hot.projects.get('p1'));
    expect(error).toBeInstanceOf(BadRequestError);
    // The server really did echo it: the test would pass vacuously otherwise.
    expect(server.requests[0]?.headers['authorization']).toBe(`Bearer ${KEY}`);
    const headers = [...(error['headers'] as Headers).entries()];
    expect(headers.length).toBeGreaterThan(3);
    const fields = {
      message: error.message,
      code: error['code'],
      requestId: error['requestId'],
      body: error['body'],
      headers,
      string: String(error),
      stack: error.stack,
      events,
    };
    for (const [name, value] of Object.entries(fields)) expect(leaksKey(JSON.stringify(value)), name).toBe(false);
    expect(error['code']).toBe('[redacted]');
    expect(events).toHaveLength(1);
    expect(events[0]?.requestId).toBe('[redacted]');
  });
});

describe('response size is capped while the body streams', () => {
  it('an endless JSON body stops at maxResponseBytes: typed error, bounded memory, the body cancelled', async () => {
    const stats = { sent: 0 };
    const server = await serve(async (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"data": [');
      await writeEndlessly(response, Buffer.from('1,'.repeat(32 * 1024)), stats, 256 * MiB);
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxResponseBytes: 2 * MiB });
    const before = process.memoryUsage().rss;
    const error = await failure(hot.projects.list());
    const grown = process.memoryUsage().rss - before;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/larger than maxResponseBytes \(2097152 bytes\)/);
    expect(await server.waitForAbandoned(1, 2_000)).toBe(1);
    // The server stopped well short of the 256 MiB it offered, and the client held about the cap.
    expect(stats.sent).toBeLessThan(64 * MiB);
    expect(grown).toBeLessThan(64 * MiB);
  });

  it('the default cap (50 MiB) applies, and a Content-Length past it fails before the body is read', async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(64 * MiB) });
      response.write('{"data": [');
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.projects.list());
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain(`maxResponseBytes (${50 * MiB} bytes)`);
  });

  it('a per-call maxResponseBytes wins over the client option', async () => {
    const server = await serve((_request, response) =>
      json(response, 200, { data: { id: 'p', padding: 'x'.repeat(4096) } }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxResponseBytes: MiB });
    const error = await failure(hot.projects.get('p', { maxResponseBytes: 1024 }));
    expect(error.message).toContain('maxResponseBytes (1024 bytes)');
    expect(await hot.projects.get('p')).toMatchObject({ id: 'p' });
  });

  it('an endless error body is cut at 1 MiB and the call fails with the API error, not by memory', async () => {
    const stats = { sent: 0 };
    const server = await serve(async (_request, response) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      await writeEndlessly(response, Buffer.alloc(64 * 1024, 'e'), stats, 256 * MiB);
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });
    const error = await failure(hot.projects.get('p1'));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(typeof error['body']).toBe('string');
    expect((error['body'] as string).length).toBe(MiB);
    expect(stats.sent).toBeLessThan(64 * MiB);
  });

  it('a binary body read through asResponse() is not capped: the caller reads it', async () => {
    const size = 3 * MiB;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      response.end(Buffer.alloc(size, 7));
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxResponseBytes: MiB });
    const response = await hot.files.download('f1').asResponse();
    expect((await response.arrayBuffer()).byteLength).toBe(size);
    expect(await failure(hot.files.download('f1'))).toBeInstanceOf(InvalidResponseError);
  });
});

describe('server-sent events: line and event caps, idle timeout', () => {
  it('a 50 MB line without a newline fails at the line cap, long before the server is done', async () => {
    const stats = { sent: 0 };
    const server = await serve(async (_request, response) => {
      startEventStream(response);
      response.write('data: ');
      await writeEndlessly(response, Buffer.alloc(64 * 1024, 'x'), stats, 50 * 1000 * 1000);
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(
      (async () => {
        for await (const _event of hot.env.subscribe({ resume: false })) break;
      })(),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/longer than 1048576 characters \(maxLineLength\)/);
    expect(stats.sent).toBeLessThan(16 * MiB);
  });

  it('an event whose data lines never end fails at the event cap', async () => {
    const stats = { sent: 0 };
    const server = await serve(async (_request, response) => {
      startEventStream(response);
      await writeEndlessly(response, Buffer.from(`data: ${'y'.repeat(100 * 1024)}\n`), stats, 200 * MiB);
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(
      (async () => {
        for await (const _event of hot.env.subscribe({ resume: false, maxEventLength: 2 * MiB })) break;
      })(),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toMatch(/longer than 2097152 characters \(maxEventLength\)/);
    expect(stats.sent).toBeLessThan(32 * MiB);
  });

  it('a server that goes silent: idleTimeout ends the stream with APIConnectionTimeoutError', async () => {
    const server = await serve((_request, response) => {
      startEventStream(response);
      response.write('data: {"type":"run:start","run":{"id":"r1"}}\n\n');
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const received: unknown[] = [];
    const error = await failure(
      (async () => {
        for await (const event of hot.env.subscribe({ resume: false, idleTimeout: 200 })) received.push(event);
      })(),
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toMatch(/idle.*200 ms \(idleTimeout\)/);
    expect(received).toHaveLength(1);
    expect(await server.waitForAbandoned(1)).toBe(1);
  });

  it('where the spec allows resuming, a silent server is reconnected to', async () => {
    const server = await serve((_request, response, index) => {
      startEventStream(response);
      const status = index === 0 ? 'running' : 'succeeded';
      response.write(`data: {"type":"run:update","run":{"id":"r1","status":"${status}"}}\n\n`);
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const statuses: unknown[] = [];
    for await (const event of hot.runs.subscribe('r1', { idleTimeout: 200 }))
      statuses.push((event as { run?: { status?: unknown } }).run?.status);
    expect(statuses).toEqual(['running', 'succeeded']);
    expect(server.requests).toHaveLength(2);
  });
});

describe('parameters named like Object.prototype members', () => {
  const names = ['toString', 'constructor', 'hasOwnProperty', '__proto__'];
  const op: OperationDescriptor = {
    id: 'probe',
    method: 'get',
    path: '/v1/probe',
    query: names,
    header: ['valueOf'],
    responses: { 200: { kind: 'json' } },
    security: [],
  };

  it('are not sent when the caller did not give them', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const core = new ClientCore(hotConfig, hotErrors, { baseUrl: server.url });
    await core.call(op, [], {});
    await core.call(op, [], Object.create({ toString: 'inherited' }) as Record<string, unknown>);
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/probe', '/v1/probe']);
    expect(server.requests[0]?.headers['valueof']).toBeUndefined();
  });

  it('are sent when the caller gives them as own properties (even __proto__)', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const core = new ClientCore(hotConfig, hotErrors, { baseUrl: server.url });
    const params = JSON.parse(
      '{"toString":"a","constructor":"b","hasOwnProperty":"c","__proto__":"d","valueOf":"e"}',
    ) as Record<string, unknown>;
    await core.call(op, [], params);
    const url = new URL(server.requests[0]?.url ?? '', server.url);
    expect(names.map((name) => url.searchParams.get(name))).toEqual(['a', 'b', 'c', 'd']);
    expect(server.requests[0]?.headers['valueof']).toBe('e');
  });
});

describe('arguments fetch would reject are typed request errors, never retried connection failures', () => {
  const { values } = fixture<{ values: { value: string; refused: boolean }[] }>('header-values.json');

  it.each(values)('header value $value', async ({ value, refused }) => {
    const server = await serve((_request, response) => json(response, 200, { id: 'inst-1' }));
    const client = new AgentMetal({ apiKey: AGENTMETAL_KEY, baseUrl: server.url, maxRetries: 3 });
    const call = client.instances.get('inst-1', { headers: { 'X-Trace': value } });
    if (refused) {
      const error = await failure(call);
      expect(error).toBeInstanceOf(AgentMetalInvalidRequest);
      expect(error.message).toMatch(/header "X-Trace" contains/);
      expect(server.requests).toHaveLength(0);
    } else {
      await call;
      expect(server.requests[0]?.headers['x-trace']).toBe(value);
    }
  });

  it('a query value nested deeper than one object level names the parameter; one level is sent as deepObject', async () => {
    const server = await serve((_request, response) => json(response, 200, {}));
    const core = new ClientCore(hotConfig, hotErrors, { baseUrl: server.url });
    const op: OperationDescriptor = {
      id: 'search',
      method: 'get',
      path: '/v1/search',
      query: ['filter'],
      responses: { 200: { kind: 'json' } },
      security: [],
    };
    const error = await failure(core.call(op, [], { filter: { owner: { id: 1 } } }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toBe(
      'search: params.filter is an object holding objects or arrays, which a query string cannot express (only one level, as name[key]=value)',
    );
    await core.call(op, [], { filter: { owner: 'me' } });
    expect(server.requests.map((request) => decodeURIComponent(request.url))).toEqual(['/v1/search?filter[owner]=me']);
  });

  it('verifyWebhook with a parsed object asks for the raw body', async () => {
    const error = await failure(verifyWebhook({ event: 'content.created' } as never, 'abc', 'whsec_test'));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error.message).toMatch(
      /pass the raw body \(string, Uint8Array, ArrayBuffer, Blob or Request\), not a parsed object/,
    );
  });
});
