import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestEvent, ResponseEvent, RetryEvent } from '../../../generator/runtime/config.js';
import type { OperationDescriptor } from '../../../generator/runtime/operation.js';
import { webhookUrlProblem } from '../../../generator/runtime/webhook-url.js';
import {
  AbortError,
  AcmeError,
  API_KEY,
  APIError,
  AuthenticationError,
  BASE_URL,
  ConnectionError,
  hang,
  InvalidRequestError,
  InvalidResponseError,
  json,
  KEY_ENV,
  makeCore,
  NotFoundError,
  RateLimitError,
  rejectionOf,
  script,
  ServerError,
  text,
  TimeoutError,
} from './support.js';

const getThing: OperationDescriptor = {
  id: 'getThing',
  method: 'get',
  path: '/things/{thing_id}',
  pathParams: ['thing_id'],
  query: ['expand'],
  header: ['X-Trace'],
  responses: { 200: { kind: 'json', unwrap: '/data' } },
};
const getRaw: OperationDescriptor = { id: 'getRaw', method: 'get', path: '/raw', responses: { 200: { kind: 'json' } } };
const createThing: OperationDescriptor = {
  id: 'createThing',
  method: 'post',
  path: '/things',
  query: ['dry_run'],
  body: { kind: 'json', type: 'application/json', flat: true },
  responses: { 201: { kind: 'json', unwrap: '/data' } },
};
const uploadBuild: OperationDescriptor = {
  id: 'uploadBuild',
  method: 'post',
  path: '/builds',
  body: { kind: 'json', type: 'application/json', flat: true },
  idempotent: 'build_id',
  responses: { 201: { kind: 'json' } },
};
const deleteThing: OperationDescriptor = {
  id: 'deleteThing',
  method: 'delete',
  path: '/things/{thing_id}',
  pathParams: ['thing_id'],
  responses: { 204: { kind: 'empty' } },
};
const health: OperationDescriptor = {
  id: 'health',
  method: 'get',
  path: '/health',
  security: [],
  responses: { 200: { kind: 'json' } },
};
const headerAuthOp: OperationDescriptor = {
  id: 'headerAuth',
  method: 'get',
  path: '/h',
  security: [['HeaderAuth']],
  responses: { 200: { kind: 'json' } },
};
const queryAuthOp: OperationDescriptor = {
  id: 'queryAuth',
  method: 'get',
  path: '/q',
  query: ['page'],
  security: [['QueryAuth']],
  responses: { 200: { kind: 'json' } },
};
const optionalAuthOp: OperationDescriptor = {
  id: 'optionalAuth',
  method: 'get',
  path: '/o',
  security: [[], ['BearerAuth']],
  responses: { 200: { kind: 'json' } },
};
const download: OperationDescriptor = {
  id: 'download',
  method: 'get',
  path: '/files/{file_id}/content',
  pathParams: ['file_id'],
  accept: 'application/octet-stream',
  responses: { 200: { kind: 'binary' } },
};
const autoOp: OperationDescriptor = { id: 'auto', method: 'get', path: '/auto', responses: { 200: { kind: 'auto' } } };

const ok = (data: unknown, headers: Record<string, string> = {}): Response => json(200, { data }, headers);

afterEach(() => {
  delete process.env[KEY_ENV];
});

describe('ClientCore retries', () => {
  it('retries a 429 after the Retry-After time, then succeeds', async () => {
    const s = script(json(429, { error: { message: 'slow down' } }, { 'Retry-After': '1' }), ok({ id: 't1' }));
    const retries: RetryEvent[] = [];
    const core = makeCore(s.fetch, { hooks: { onRetry: (event) => retries.push(event) } });
    const started = performance.now();
    const result = await core.call<{ id: string }>(getThing, ['t1'], undefined).withResponse();
    const elapsed = performance.now() - started;
    expect(result.data).toEqual({ id: 't1' });
    expect(result.attempts).toBe(2);
    expect(s.requests).toHaveLength(2);
    // 1 second, with a little room for the clock's millisecond truncation
    expect(elapsed).toBeGreaterThanOrEqual(995);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ operationId: 'getThing', attempt: 1, reason: '429', delayMs: 1000 });
  });

  it('gives up on a 503 burst after exactly maxRetries + 1 attempts', async () => {
    const s = script(() => json(503, { error: { message: 'overloaded' } }, { 'retry-after-ms': '5' }));
    const core = makeCore(s.fetch, { maxRetries: 2 });
    const error = await rejectionOf(core.call(getThing, ['t1'], undefined));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).init.attempts).toBe(3);
    expect((error as ServerError).init.status).toBe(503);
    expect(s.requests).toHaveLength(3);
  });

  it('takes maxRetries from the request, then the client, then the API config', async () => {
    const fromRequest = script(() => json(503, {}, { 'retry-after-ms': '1' }));
    await rejectionOf(
      makeCore(fromRequest.fetch, { maxRetries: 1 }).call(getThing, ['t'], undefined, { maxRetries: 3 }),
    );
    expect(fromRequest.requests).toHaveLength(4);

    const fromConfig = script(() => json(503, {}, { 'retry-after-ms': '1' }));
    await rejectionOf(makeCore(fromConfig.fetch, {}, { retry: { maxRetries: 4 } }).call(getThing, ['t'], undefined));
    expect(fromConfig.requests).toHaveLength(5);

    const none = script(() => json(503, {}, { 'retry-after-ms': '1' }));
    await rejectionOf(makeCore(none.fetch, { maxRetries: 0 }).call(getThing, ['t'], undefined));
    expect(none.requests).toHaveLength(1);
  });

  it('does not retry a POST that is not idempotent', async () => {
    const s = script(() => json(503, { error: { message: 'overloaded' } }, { 'retry-after-ms': '1' }));
    const error = await rejectionOf(makeCore(s.fetch).call(createThing, [], { name: 'x' }));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).init.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('retries a POST with an idempotency key, sending the same key every time', async () => {
    const s = script(
      json(503, {}, { 'retry-after-ms': '1' }),
      json(503, {}, { 'retry-after-ms': '1' }),
      json(201, { data: { id: 'new' } }),
    );
    const result = await makeCore(s.fetch)
      .call(createThing, [], { name: 'x' }, { idempotencyKey: 'idem-42' })
      .withResponse();
    expect(result.data).toEqual({ id: 'new' });
    expect(result.attempts).toBe(3);
    expect(s.requests.map((request) => request.headers.get('Idempotency-Key'))).toEqual([
      'idem-42',
      'idem-42',
      'idem-42',
    ]);
    // the body is sent again on every attempt
    expect(s.bodies.map((body) => JSON.parse(body ?? 'null'))).toEqual([{ name: 'x' }, { name: 'x' }, { name: 'x' }]);
  });

  it('sends the idempotency key in the header the API names', async () => {
    const s = script(json(201, { data: {} }));
    await makeCore(s.fetch, {}, { idempotencyHeader: 'X-Idempotency-Token' }).call(
      createThing,
      [],
      { name: 'x' },
      { idempotencyKey: 'k1' },
    );
    expect(s.requests[0]?.headers.get('X-Idempotency-Token')).toBe('k1');
    expect(s.requests[0]?.headers.has('Idempotency-Key')).toBe(false);
  });

  it('retries a POST marked idempotent by a body field only when the body has that field', async () => {
    const withId = script(json(503, {}, { 'retry-after-ms': '1' }), json(201, { ok: true }));
    const result = await makeCore(withId.fetch).call(uploadBuild, [], { build_id: 'b-1', files: 3 }).withResponse();
    expect(result.attempts).toBe(2);
    expect(withId.requests).toHaveLength(2);

    const without = script(json(503, {}, { 'retry-after-ms': '1' }), json(201, { ok: true }));
    const error = await rejectionOf(makeCore(without.fetch).call(uploadBuild, [], { files: 3 }));
    expect(error).toBeInstanceOf(ServerError);
    expect(without.requests).toHaveLength(1);
  });

  it('retries idempotent methods such as DELETE without being told', async () => {
    const s = script(json(503, {}, { 'retry-after-ms': '1' }), new Response(null, { status: 204 }));
    const result = await makeCore(s.fetch).call(deleteThing, ['t1'], undefined).withResponse();
    expect(result.status).toBe(204);
    expect(result.attempts).toBe(2);
  });

  it('fails at once when Retry-After exceeds the retry budget', async () => {
    const s = script(json(429, { error: { message: 'come back in an hour' } }, { 'Retry-After': '3600' }), ok({}));
    const started = performance.now();
    const error = await rejectionOf(makeCore(s.fetch, { retryBudget: 100 }).call(getThing, ['t'], undefined));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).init.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('counts every wait of one call against the budget', async () => {
    // 30 ms fits in a 50 ms budget once, not twice.
    const s = script(() => json(503, {}, { 'retry-after-ms': '30' }));
    const error = await rejectionOf(
      makeCore(s.fetch, { retryBudget: 50, maxRetries: 5 }).call(getThing, ['t'], undefined),
    );
    expect((error as ServerError).init.attempts).toBe(2);
    expect(s.requests).toHaveLength(2);
  });

  it('does not retry a requireRetryAfter status that comes without Retry-After', async () => {
    const config = { retry: { requireRetryAfter: [429] } };
    const bare = script(json(429, { error: { message: 'quota' } }), ok({}));
    const error = await rejectionOf(makeCore(bare.fetch, {}, config).call(getThing, ['t'], undefined));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(bare.requests).toHaveLength(1);

    const advised = script(json(429, {}, { 'Retry-After': '0' }), ok({ id: 't' }));
    await expect(makeCore(advised.fetch, {}, config).call(getThing, ['t'], undefined)).resolves.toEqual({ id: 't' });
    expect(advised.requests).toHaveLength(2);
  });

  it('does not retry statuses the API does not list', async () => {
    const s = script(json(500, {}), ok({}));
    const error = await rejectionOf(
      makeCore(s.fetch, {}, { retry: { statuses: [503] } }).call(getThing, ['t'], undefined),
    );
    expect(error).toBeInstanceOf(ServerError);
    expect(s.requests).toHaveLength(1);
  });
});

describe('ClientCore network failures, timeouts and aborts', () => {
  it('turns a network error into the connection class and retries a GET', async () => {
    const refuse = (): never => {
      throw new TypeError('fetch failed');
    };
    const flaky = script(refuse, ok({ id: 't' }));
    const result = await makeCore(flaky.fetch).call(getThing, ['t'], undefined).withResponse();
    expect(result.data).toEqual({ id: 't' });
    expect(result.attempts).toBe(2);
    expect(flaky.requests).toHaveLength(2);

    const down = script(refuse);
    const error = await rejectionOf(makeCore(down.fetch, { maxRetries: 1 }).call(getThing, ['t'], undefined));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(AbortError);
    expect((error as ConnectionError).init.cause).toBeInstanceOf(TypeError);
    expect((error as ConnectionError).init.attempts).toBe(2);
    expect((error as Error).message).toContain('fetch failed');
    expect(down.requests).toHaveLength(2);
  });

  it('does not retry a POST after a network error', async () => {
    const s = script(
      () => {
        throw new TypeError('fetch failed');
      },
      json(201, { data: {} }),
    );
    const error = await rejectionOf(makeCore(s.fetch).call(createThing, [], { name: 'x' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(s.requests).toHaveLength(1);
  });

  it('turns an attempt that outlives the timeout into the timeout class', async () => {
    const s = script(hang);
    const error = await rejectionOf(makeCore(s.fetch, { timeout: 30, maxRetries: 0 }).call(getThing, ['t'], undefined));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).init.attempts).toBe(1);
    expect(s.requests[0]?.signal.aborted).toBe(true);
  });

  it('retries a GET that timed out, with a timeout per attempt', async () => {
    const s = script(hang, ok({ id: 't' }));
    const result = await makeCore(s.fetch, { maxRetries: 1 })
      .call(getThing, ['t'], undefined, { timeout: 30 })
      .withResponse();
    expect(result.attempts).toBe(2);
    expect(result.data).toEqual({ id: 't' });
  });

  it('turns the caller aborting into the abort class, without retrying', async () => {
    const s = script(hang);
    const controller = new AbortController();
    const retries: RetryEvent[] = [];
    setTimeout(() => controller.abort(), 20);
    const core = makeCore(s.fetch, { maxRetries: 3, hooks: { onRetry: (event) => retries.push(event) } });
    const error = await rejectionOf(core.call(getThing, ['t'], undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as AbortError).init.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
    // not even a retry that the abort then cut short
    expect(retries).toEqual([]);
  });

  it('does not send at all when the signal is already aborted', async () => {
    const s = script(ok({}));
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t'], undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
  });

  it('stops waiting to retry as soon as the caller aborts', async () => {
    const s = script(json(503, {}, { 'Retry-After': '1' }), ok({}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t'], undefined, { signal: controller.signal }));
    expect(performance.now() - started).toBeLessThan(800);
    expect(error).toBeInstanceOf(AbortError);
    expect(s.requests).toHaveLength(1);
  });
});

describe('ClientCore success bodies', () => {
  it('unwraps the envelope', async () => {
    const s = script(ok({ id: 't1', tags: ['a'] }));
    await expect(makeCore(s.fetch).call(getThing, ['t1'], undefined)).resolves.toEqual({ id: 't1', tags: ['a'] });
  });

  it('returns a null envelope value as null (it is present)', async () => {
    const s = script(json(200, { data: null }));
    await expect(makeCore(s.fetch).call(getThing, ['t1'], undefined)).resolves.toBeNull();
  });

  it('rejects a body without the envelope as an invalid response', async () => {
    const s = script(json(200, { id: 't1' }, { 'X-Request-ID': 'req_env' }));
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t1'], undefined));
    expect(error).toBeInstanceOf(InvalidResponseError);
    const init = (error as InvalidResponseError).init;
    expect(JSON.parse(init.raw)).toEqual({ id: 't1' });
    expect(init.status).toBe(200);
    expect(init.requestId).toBe('req_env');
    expect(init.operationId).toBe('getThing');
    expect((error as Error).message).toContain('/data');
  });

  it('rejects a non-JSON success body, carrying the raw text', async () => {
    const raw = '<html>maintenance</html>';
    const s = script(new Response(raw, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const error = await rejectionOf(makeCore(s.fetch).call(getRaw, [], undefined));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).init.raw).toBe(raw);
  });

  it('rejects a truncated JSON body, carrying what arrived', async () => {
    const raw = '{"data": {"id": "t1", "name": "trunc';
    const s = script(new Response(raw, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t1'], undefined));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).init.raw).toBe(raw);
    expect((error as InvalidResponseError).init.status).toBe(200);
  });

  it('reads an `auto` response by its Content-Type', async () => {
    await expect(makeCore(script(text(200, 'plain words')).fetch).call(autoOp, [], undefined)).resolves.toBe(
      'plain words',
    );
    await expect(makeCore(script(json(200, { a: 1 })).fetch).call(autoOp, [], undefined)).resolves.toEqual({ a: 1 });
  });

  it('returns a binary body as a Blob', async () => {
    const bytes = Uint8Array.of(0, 1, 2, 250, 255);
    const s = script(new Response(bytes, { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }));
    const blob = await makeCore(s.fetch).call<Blob>(download, ['f1'], undefined);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  });

  it('.asResponse() hands over the response with its body unread', async () => {
    const s = script(
      new Response('file contents', { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    const response = await makeCore(s.fetch).call(download, ['f1'], undefined).asResponse();
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe('file contents');
  });

  it('.asResponse() rejects with the typed error for an error status', async () => {
    const s = script(json(404, { error: { message: 'no such file' } }));
    await expect(makeCore(s.fetch).call(download, ['f1'], undefined).asResponse()).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('.withResponse() gives status, headers, request id, rate limit and attempts', async () => {
    const s = script(
      ok(
        { id: 't' },
        {
          'X-Request-ID': 'req_123',
          'X-RateLimit-Limit': '100',
          'X-RateLimit-Remaining': '99',
          'X-RateLimit-Reset': '1700000060',
          'X-Extra': 'yes',
        },
      ),
    );
    const rateLimit = {
      limit: 'X-RateLimit-Limit',
      remaining: 'X-RateLimit-Remaining',
      reset: 'X-RateLimit-Reset',
      resetFormat: 'epoch-seconds' as const,
    };
    const result = await makeCore(s.fetch, {}, { rateLimit }).call(getThing, ['t'], undefined).withResponse();
    expect(result.status).toBe(200);
    expect(result.headers.get('x-extra')).toBe('yes');
    expect(result.requestId).toBe('req_123');
    expect(result.rateLimit).toEqual({
      limit: 100,
      remaining: 99,
      reset: new Date(Date.UTC(2023, 10, 14, 22, 14, 20)),
    });
    expect(result.attempts).toBe(1);
    expect(result.response).toBeInstanceOf(Response);
  });

  it('reads the request id from the success body when the API says where', async () => {
    const s = script(json(200, { data: { id: 't' }, meta: { request_id: 'req_body' } }));
    const result = await makeCore(s.fetch, {}, { requestId: { header: 'X-Request-ID', pointer: '/meta/request_id' } })
      .call(getThing, ['t'], undefined)
      .withResponse();
    expect(result.requestId).toBe('req_body');
  });
});

describe('ClientCore error responses', () => {
  it('maps the error body through the configured pointers', async () => {
    const body = { error: { message: 'Thing t9 not found', code: 'not_found', request_id: 'req_in_body' } };
    const s = script(json(404, body));
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t9'], undefined));
    expect(error).toBeInstanceOf(NotFoundError);
    const init = (error as NotFoundError).init;
    expect(init).toMatchObject({
      status: 404,
      code: 'not_found',
      requestId: 'req_in_body',
      attempts: 1,
      operationId: 'getThing',
    });
    expect(init.body).toEqual(body);
    expect(init.headers).toBeInstanceOf(Headers);
    expect((error as Error).message).toContain('404');
    expect((error as Error).message).toContain('not_found');
    expect((error as Error).message).toContain('Thing t9 not found');
  });

  it('prefers the request id header over the body', async () => {
    const s = script(
      json(404, { error: { message: 'gone', request_id: 'req_in_body' } }, { 'X-Request-ID': 'req_in_header' }),
    );
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t9'], undefined));
    expect((error as NotFoundError).init.requestId).toBe('req_in_header');
  });

  it('picks the class by status: listed, 5xx, or the API error base', async () => {
    const server = await rejectionOf(
      makeCore(script(json(500, {})).fetch, { maxRetries: 0 }).call(getThing, ['t'], undefined),
    );
    expect(server).toBeInstanceOf(ServerError);
    const teapot = await rejectionOf(makeCore(script(json(418, {})).fetch).call(getThing, ['t'], undefined));
    expect((teapot as object).constructor).toBe(APIError);
    const auth = await rejectionOf(makeCore(script(json(401, {})).fetch).call(getThing, ['t'], undefined));
    expect(auth).toBeInstanceOf(AuthenticationError);
    expect(auth).toBeInstanceOf(AcmeError);
  });

  it('uses a non-JSON error body as the message and keeps it as text', async () => {
    const s = script(
      new Response('  <h1>Bad Gateway</h1>\n', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const error = await rejectionOf(makeCore(s.fetch, { maxRetries: 0 }).call(getThing, ['t'], undefined));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as Error).message).toContain('<h1>Bad Gateway</h1>');
    expect((error as ServerError).init.body).toContain('<h1>Bad Gateway</h1>');
    expect((error as ServerError).init.code).toBeUndefined();
  });

  it('still names the status when the body says nothing', async () => {
    const s = script(new Response(null, { status: 409, statusText: 'Conflict' }));
    const error = await rejectionOf(makeCore(s.fetch).call(getThing, ['t'], undefined));
    expect((error as Error).message).toContain('409');
    expect((error as Error).message).toContain('Conflict');
  });

  it('never puts the API key in an error message, even when the server echoes it', async () => {
    const echoJson = script(json(401, { error: { message: `Invalid API key ${API_KEY}`, code: 'unauthorized' } }));
    const jsonError = await rejectionOf(makeCore(echoJson.fetch).call(getThing, ['t'], undefined));
    expect(jsonError).toBeInstanceOf(AuthenticationError);
    expect((jsonError as Error).message).not.toContain(API_KEY);
    expect((jsonError as Error).message).toContain('Invalid API key');

    const echoText = script(() => text(400, `bad header: Authorization: Bearer ${API_KEY}`));
    const textError = await rejectionOf(makeCore(echoText.fetch).call(getThing, ['t'], undefined));
    expect((textError as Error).message).not.toContain(API_KEY);

    const echoUrl = script((request) => json(400, { error: { message: `cannot serve ${request.url}` } }));
    const urlError = await rejectionOf(makeCore(echoUrl.fetch).call(queryAuthOp, [], undefined));
    expect(echoUrl.requests[0]?.url).toContain(API_KEY);
    expect((urlError as Error).message).not.toContain(API_KEY);
  });

  it('never puts a key with URL-special characters in a message, raw or percent-encoded', async () => {
    const key = 'sk+live/Zm9vYmFy==';
    const encoded = encodeURIComponent(key);
    expect(encoded).not.toBe(key);
    const s = script((request) => json(400, { error: { message: `cannot serve ${request.url}` } }));
    const error = await rejectionOf(makeCore(s.fetch, { apiKey: key }).call(queryAuthOp, [], undefined));
    expect(new URL(s.requests[0]?.url ?? '').searchParams.get('api_key')).toBe(key);
    expect((error as Error).message).not.toContain(key);
    expect((error as Error).message).not.toContain(encoded);
  });

  it('keeps the key out of network error messages and retry reasons', async () => {
    const retries: RetryEvent[] = [];
    const s = script((request) => {
      throw new TypeError(`connect ECONNREFUSED while fetching ${request.url}`);
    });
    const error = await rejectionOf(
      makeCore(s.fetch, { maxRetries: 1, hooks: { onRetry: (event) => retries.push(event) } }).call(
        queryAuthOp,
        [],
        undefined,
      ),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as Error).message).not.toContain(API_KEY);
    expect(retries).toHaveLength(1);
    expect(JSON.stringify(retries)).not.toContain(API_KEY);
  });
});

describe('ClientCore credentials', () => {
  it('sends a bearer token by default', async () => {
    const s = script(ok({}));
    await makeCore(s.fetch).call(getThing, ['t'], undefined);
    expect(s.requests[0]?.headers.get('Authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('sends the key in the scheme header', async () => {
    const s = script(json(200, {}));
    await makeCore(s.fetch).call(headerAuthOp, [], undefined);
    expect(s.requests[0]?.headers.get('X-Acme-Key')).toBe(API_KEY);
    expect(s.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('sends the key as the scheme query parameter', async () => {
    const s = script(json(200, {}));
    await makeCore(s.fetch).call(queryAuthOp, [], { page: 2 });
    const url = new URL(s.requests[0]?.url ?? '');
    expect(url.searchParams.get('api_key')).toBe(API_KEY);
    expect(url.searchParams.get('page')).toBe('2');
    expect(s.requests[0]?.headers.has('Authorization')).toBe(false);
  });

  it('sends no credentials for `security: []`, and needs no key for it', async () => {
    const withKey = script(json(200, {}));
    await makeCore(withKey.fetch).call(health, [], undefined);
    const request = withKey.requests[0];
    expect(request?.headers.has('Authorization')).toBe(false);
    expect(request?.headers.has('X-Acme-Key')).toBe(false);
    expect(new URL(request?.url ?? '').search).toBe('');

    const withoutKey = script(json(200, { up: true }));
    await expect(makeCore(withoutKey.fetch, { apiKey: undefined }).call(health, [], undefined)).resolves.toEqual({
      up: true,
    });
  });

  it('treats an empty security alternative as optional auth', async () => {
    const anonymous = script(json(200, {}));
    await makeCore(anonymous.fetch, { apiKey: undefined }).call(optionalAuthOp, [], undefined);
    expect(anonymous.requests[0]?.headers.has('Authorization')).toBe(false);

    const signedIn = script(json(200, {}));
    await makeCore(signedIn.fetch).call(optionalAuthOp, [], undefined);
    expect(signedIn.requests[0]?.headers.get('Authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('fails before sending when the key is missing, naming the environment variable', async () => {
    const s = script(ok({}));
    const error = await rejectionOf(makeCore(s.fetch, { apiKey: undefined }).call(getThing, ['t'], undefined));
    expect((error as object).constructor).toBe(AcmeError);
    expect((error as Error).message).toContain(KEY_ENV);
    expect((error as Error).message).toContain('getThing');
    expect(s.requests).toHaveLength(0);
  });

  it('reads the key from the environment variable', async () => {
    process.env[KEY_ENV] = 'sk_from_environment';
    const s = script(ok({}));
    await makeCore(s.fetch, { apiKey: undefined }).call(getThing, ['t'], undefined);
    expect(s.requests[0]?.headers.get('Authorization')).toBe('Bearer sk_from_environment');
  });

  it('never shows the key through util.inspect or JSON.stringify', () => {
    const core = makeCore(script(ok({})).fetch);
    const views = [
      inspect(core),
      inspect({ client: core }, { depth: Infinity }),
      inspect(core, { customInspect: false, showHidden: true, depth: Infinity }),
      JSON.stringify(core),
      JSON.stringify({ client: core }),
      String(core),
      `${core.describe()}`,
    ];
    for (const view of views) expect(view).not.toContain(API_KEY);
    expect(inspect(core)).toContain(BASE_URL);
    expect(JSON.parse(JSON.stringify(core))).toHaveProperty('baseUrl', BASE_URL);
  });
});

describe('ClientCore hooks', () => {
  it('reports requests, responses and retries with redacted URLs and no key', async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    const retries: RetryEvent[] = [];
    const s = script(
      json(503, {}, { 'retry-after-ms': '1', 'X-Request-ID': 'req_a' }),
      json(200, { ok: true }, { 'X-Request-ID': 'req_b' }),
    );
    const core = makeCore(s.fetch, {
      hooks: {
        onRequest: (e) => requests.push(e),
        onResponse: (e) => responses.push(e),
        onRetry: (e) => retries.push(e),
      },
    });
    await core.call(queryAuthOp, [], { page: 3 });

    // the key did go out on the wire...
    expect(new URL(s.requests[0]?.url ?? '').searchParams.get('api_key')).toBe(API_KEY);
    // ...but no hook saw it
    expect(JSON.stringify([requests, responses, retries])).not.toContain(API_KEY);
    expect(requests.map((e) => e.attempt)).toEqual([1, 2]);
    for (const event of requests) {
      const url = new URL(event.url);
      expect(url.pathname).toBe('/v1/q');
      expect(url.searchParams.get('page')).toBe('3');
      expect(url.searchParams.has('api_key')).toBe(true);
      expect(url.searchParams.get('api_key')).not.toBe(API_KEY);
      expect(event).toMatchObject({ operationId: 'queryAuth', method: 'GET' });
    }
    expect(responses.map((e) => [e.status, e.requestId])).toEqual([
      [503, 'req_a'],
      [200, 'req_b'],
    ]);
    expect(responses.every((e) => e.durationMs >= 0)).toBe(true);
    expect(retries).toEqual([
      expect.objectContaining({ attempt: 1, reason: '503', delayMs: 1, operationId: 'queryAuth' }),
    ]);
  });

  it('gives bearer-auth hook payloads no key either', async () => {
    const events: unknown[] = [];
    const s = script(ok({}));
    await makeCore(s.fetch, { hooks: { onRequest: (e) => events.push(e), onResponse: (e) => events.push(e) } }).call(
      getThing,
      ['t'],
      undefined,
    );
    expect(events).toHaveLength(2);
    expect(JSON.stringify(events)).not.toContain(API_KEY);
  });
});

describe('ClientCore request building', () => {
  it('places path, query and header parameters, and encodes path values', async () => {
    const s = script(ok({}));
    await makeCore(s.fetch).call(getThing, ['a b/c'], { expand: 'owner', 'X-Trace': 'trace-1' });
    const request = s.requests[0];
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/v1/things/a%20b%2Fc');
    expect(url.searchParams.get('expand')).toBe('owner');
    expect(request?.headers.get('X-Trace')).toBe('trace-1');
    expect(request?.headers.get('Accept')).toBe('application/json');
    expect(request?.headers.get('User-Agent')).toBe('acme-sdk/1.2.3');
  });

  it('refuses to send without a required path parameter', async () => {
    const s = script(ok({}));
    await expect(makeCore(s.fetch).call(getThing, [''], undefined)).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(makeCore(s.fetch).call(getThing, [undefined], undefined)).rejects.toBeInstanceOf(InvalidRequestError);
    expect(s.requests).toHaveLength(0);
  });

  it('sends a flat JSON body without the query parameters', async () => {
    const s = script(json(201, { data: { id: 'n' } }));
    await makeCore(s.fetch).call(createThing, [], { name: 'x', count: 2, dry_run: true });
    expect(new URL(s.requests[0]?.url ?? '').searchParams.get('dry_run')).toBe('true');
    expect(JSON.parse(s.bodies[0] ?? '')).toEqual({ name: 'x', count: 2 });
    expect(s.requests[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('merges client and request headers; null removes one', async () => {
    const s = script(ok({}), ok({}));
    const core = makeCore(s.fetch, { headers: { 'X-Team': 'blue', 'X-Drop': 'me' } });
    await core.call(getThing, ['t'], undefined, { headers: { 'x-drop': null, 'X-Once': '1' } });
    await core.call(getThing, ['t'], undefined);
    expect(s.requests[0]?.headers.get('X-Team')).toBe('blue');
    expect(s.requests[0]?.headers.has('X-Drop')).toBe(false);
    expect(s.requests[0]?.headers.get('X-Once')).toBe('1');
    expect(s.requests[1]?.headers.get('X-Drop')).toBe('me');
    expect(s.requests[1]?.headers.has('X-Once')).toBe(false);
  });

  it('rejects a webhook URL that breaks the API rules before sending', async () => {
    const op: OperationDescriptor = {
      ...createThing,
      id: 'createHook',
      webhookUrlField: 'webhook_url',
      webhookUrlCheck: webhookUrlProblem,
    };
    const s = script(json(201, { data: {} }));
    const core = makeCore(s.fetch, {}, { webhookUrlRules: { schemes: ['https'], denyPrivateNetworks: true } });
    const error = await rejectionOf(core.call(op, [], { webhook_url: 'http://example.com/hook' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('webhook_url');
    expect(s.requests).toHaveLength(0);
    await core.call(op, [], { webhook_url: 'https://example.com/hook' });
    expect(s.requests).toHaveLength(1);
  });

  it('uses the base URL option over the environment and the config, without a trailing slash', async () => {
    const s = script(ok({}));
    const core = makeCore(s.fetch, { baseUrl: 'https://eu.acme.test/v2/' });
    expect(core.baseUrl).toBe('https://eu.acme.test/v2');
    await core.call(getThing, ['t'], undefined);
    expect(s.requests[0]?.url).toBe('https://eu.acme.test/v2/things/t');
  });
});
