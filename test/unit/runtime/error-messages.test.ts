/**
 * What error messages say: the public method and argument names the caller
 * wrote (`projects.get`, `projectIdOrSlug`), the server's own explanation in
 * whichever shape it sends it, and the request line that was sent, so a wrong
 * base URL or path is visible at a glance. Each case states the exact text.
 */
import { describe, expect, it } from 'vitest';
import type { APIErrorInit } from '../../../generator/runtime/errors.js';
import { MAX_EXPLANATION_CHARS, oneLine, serverExplanation } from '../../../generator/runtime/error-message.js';
import type { OperationDescriptor } from '../../../generator/runtime/operation.js';
import { API_KEY, APIError, hang, json, makeCore, rejectionOf, script, text } from './support.js';

const getProject: OperationDescriptor = {
  id: 'getProject',
  methodPath: 'projects.get',
  method: 'get',
  path: '/projects/{project_id_or_slug}',
  pathParams: ['project_id_or_slug'],
  pathArgNames: ['projectIdOrSlug'],
  responses: { 200: { kind: 'json' } },
};
const createProject: OperationDescriptor = {
  id: 'createProject',
  methodPath: 'projects.create',
  method: 'post',
  path: '/projects',
  body: { kind: 'json', type: 'application/json', flat: true },
  query: ['dry_run'],
  responses: { 201: { kind: 'json' } },
};

async function apiErrorOf(
  reply: Response,
  op: OperationDescriptor = getProject,
  args: unknown[] = ['x'],
  params?: Record<string, unknown>,
): Promise<APIError> {
  const core = makeCore(script(reply).fetch, { maxRetries: 0 });
  const error = await rejectionOf(core.call(op, args, params));
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

describe('messages name the method and the arguments as the caller wrote them', () => {
  it('a refused path argument: the method path and the signature name, not the operationId and wire name', async () => {
    const error = await rejectionOf(makeCore(script().fetch).call(getProject, [''], undefined));
    // Before: getProject: path parameter "project_id_or_slug" must not be empty
    expect((error as Error).message).toBe('projects.get: argument `projectIdOrSlug` must not be empty');
  });

  it('the second argument is named by its own signature name', async () => {
    const op: OperationDescriptor = {
      id: 'deleteContextVariable',
      methodPath: 'context.delete',
      method: 'delete',
      path: '/projects/{project}/context/{key}',
      pathParams: ['project', 'key'],
      pathArgNames: ['project', 'key'],
      responses: { 204: { kind: 'empty' } },
    };
    const error = await rejectionOf(makeCore(script().fetch).call(op, ['p', '..'], undefined));
    expect((error as Error).message).toBe(
      'context.delete: argument `key` must not be or contain a "." or ".." segment (a dot-segment would change the request path)',
    );
  });

  it('a query value is named as the params field the caller set', async () => {
    const error = await rejectionOf(makeCore(script().fetch).call(createProject, [], { dry_run: { a: { b: 1 } } }));
    expect((error as Error).message).toBe(
      'projects.create: params.dry_run is an object holding objects or arrays, which a query string cannot express (only one level, as name[key]=value)',
    );
  });

  it('a descriptor without a method path (hand-built) falls back to the operationId and wire name', async () => {
    const bare: OperationDescriptor = {
      id: 'getProject',
      method: 'get',
      path: '/projects/{project_id}',
      pathParams: ['project_id'],
      responses: { 200: { kind: 'json' } },
    };
    const error = await rejectionOf(makeCore(script().fetch).call(bare, [undefined], undefined));
    expect((error as Error).message).toBe('getProject: argument `project_id` is required');
  });

  it('a missing key names the method that needs it', async () => {
    const core = makeCore(script().fetch, { apiKey: undefined });
    const error = await rejectionOf(core.call(getProject, ['x'], undefined));
    expect((error as Error).message).toBe(
      'The Acme API key is missing: pass { apiKey } to new Acme() or set the SPECSMITH_UNIT_ACME_API_KEY environment variable. projects.get needs it.',
    );
  });

  it('connection failures, timeouts and aborts start with the method path', async () => {
    const refused = makeCore(
      script(() => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
      }).fetch,
      { maxRetries: 0 },
    );
    expect(((await rejectionOf(refused.call(getProject, ['x'], undefined))) as Error).message).toBe(
      'projects.get: connection failed: fetch failed (connect ECONNREFUSED 127.0.0.1:9) (1 attempt)',
    );
    const slow = makeCore(script(hang).fetch, { maxRetries: 0, timeout: 20 });
    expect(((await rejectionOf(slow.call(getProject, ['x'], undefined))) as Error).message).toBe(
      'projects.get: request: timed out after 20 ms (1 attempt)',
    );
    const controller = new AbortController();
    controller.abort();
    const aborted = makeCore(script(hang).fetch, { maxRetries: 0 });
    expect(
      ((await rejectionOf(aborted.call(getProject, ['x'], undefined, { signal: controller.signal }))) as Error).message,
    ).toBe('projects.get: request aborted');
  });

  it('a fetch that never honours the abort still ends in the timeout error (Node drops a Request signal whose controller was collected)', async () => {
    const deaf = makeCore(async () => new Promise<Response>(() => undefined), { maxRetries: 0, timeout: 20 });
    expect(((await rejectionOf(deaf.call(getProject, ['x'], undefined))) as Error).message).toBe(
      'projects.get: request: timed out after 20 ms (1 attempt)',
    );
  });

  it('an invalid success response starts with the method path', async () => {
    const core = makeCore(script(text(200, '{"id":')).fetch);
    const error = await rejectionOf(core.call(getProject, ['x'], undefined));
    expect((error as Error).message).toMatch(
      /^projects\.get: the 200 response is not valid JSON \(.+\); 6 bytes received$/,
    );
  });
});

describe('an API error quotes the server and the request that was sent', () => {
  it("the provider's error schema (x-specsmith-errors pointers): code, message, method and path", async () => {
    const error = await apiErrorOf(json(404, { error: { code: 'not_found', message: 'Project not found' } }));
    // Before: 404 not_found: Project not found
    expect(error.message).toBe('projects.get: 404 not_found: Project not found (GET /v1/projects/x)');
    expect(error.init.operationId).toBe('getProject');
  });

  it("Prism's 422 problem+json: the title and the first two validation messages, the rest counted", async () => {
    const body = {
      type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
      title: 'Invalid request',
      status: 422,
      detail:
        'Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.',
      validation: [
        { location: ['body'], severity: 'Error', code: 'required', message: "must have required property 'name'" },
        {
          location: ['body', 'color'],
          severity: 'Error',
          code: 'enum',
          message: 'must be equal to one of the allowed values: red, blue',
        },
        { location: ['query', 'limit'], severity: 'Error', code: 'type', message: 'must be integer' },
      ],
    };
    const error = await apiErrorOf(
      new Response(JSON.stringify(body), {
        status: 422,
        statusText: 'Unprocessable Entity',
        headers: { 'Content-Type': 'application/problem+json' },
      }),
      createProject,
      [],
      { name: 1 },
    );
    // Before: 422: Unprocessable Entity
    expect(error.message).toBe(
      "projects.create: 422: Invalid request: body: must have required property 'name'; body.color: must be equal to one of the allowed values: red, blue (+1 more) (POST /v1/projects)",
    );
  });

  it('a problem without validation items: its detail, else its title', async () => {
    expect(
      (await apiErrorOf(json(403, { title: 'Forbidden', detail: 'The key lacks the projects:read scope' }))).message,
    ).toBe('projects.get: 403: The key lacks the projects:read scope (GET /v1/projects/x)');
    expect((await apiErrorOf(json(409, { title: 'Conflict' }))).message).toBe(
      'projects.get: 409: Conflict (GET /v1/projects/x)',
    );
  });

  it('common shapes when the spec names none: message, error as a string, error.message', async () => {
    expect((await apiErrorOf(json(400, { message: 'slug is taken' }))).message).toBe(
      'projects.get: 400: slug is taken (GET /v1/projects/x)',
    );
    expect((await apiErrorOf(json(400, { error: 'invalid_slug' }))).message).toBe(
      'projects.get: 400: invalid_slug (GET /v1/projects/x)',
    );
    expect((await apiErrorOf(json(400, { error: { message: 'slug too long' } }))).message).toBe(
      'projects.get: 400: slug too long (GET /v1/projects/x)',
    );
  });

  it('a text body, else the status text, else "request failed"', async () => {
    expect((await apiErrorOf(text(502, 'upstream unavailable\n'))).message).toBe(
      'projects.get: 502: upstream unavailable (GET /v1/projects/x)',
    );
    expect((await apiErrorOf(new Response(null, { status: 503, statusText: 'Service Unavailable' }))).message).toBe(
      'projects.get: 503: Service Unavailable (GET /v1/projects/x)',
    );
    expect((await apiErrorOf(new Response(null, { status: 500 }))).message).toBe(
      'projects.get: 500: request failed (GET /v1/projects/x)',
    );
  });

  it('a base URL that repeats the paths’ prefix shows in the path', async () => {
    const op: OperationDescriptor = { ...getProject, path: '/v1/projects/{project_id_or_slug}' };
    expect((await apiErrorOf(json(404, {}), op)).message).toBe(
      'projects.get: 404: request failed (GET /v1/v1/projects/x)',
    );
  });

  it('the path is sent encoded and the query never appears (it may carry the key)', async () => {
    const core = makeCore(
      script(json(404, { error: { message: 'nope' } })).fetch,
      { maxRetries: 0 },
      { security: [['QueryAuth']] },
    );
    const error = (await rejectionOf(core.call(getProject, ['a b'], undefined))) as APIError;
    expect(error.message).toBe('projects.get: 404: nope (GET /v1/projects/a%20b)');
  });

  it('the key is redacted wherever the server echoes it: explanation, code and path', async () => {
    const error = await apiErrorOf(
      json(401, { error: { code: `bad_${API_KEY}`, message: `key ${API_KEY} is revoked` } }),
      getProject,
      [API_KEY],
    );
    expect(error.message).toBe(
      'projects.get: 401 bad_[redacted]: key [redacted] is revoked (GET /v1/projects/[redacted])',
    );
  });

  it('a long or multi-line explanation becomes one line of at most 300 characters', async () => {
    const long = `${'x'.repeat(400)}`;
    const error = await apiErrorOf(json(400, { error: { message: `line one\r\nline two\u2028${long}` } }));
    const quoted = error.message.slice('projects.get: 400: '.length, -' (GET /v1/projects/x)'.length);
    expect(quoted).toHaveLength(MAX_EXPLANATION_CHARS);
    expect(quoted.startsWith('line one line two xxx')).toBe(true);
    expect(quoted.endsWith('x…')).toBe(true);
    expect(error.message).not.toMatch(/[\r\n\u2028]/);
    // The whole body stays on the error.
    expect(JSON.stringify(error.init.body)).toContain(long);
  });
});

describe('retryAfter', () => {
  const at = (headers: Record<string, string>, status = 429): Promise<APIErrorInit> =>
    apiErrorOf(json(status, {}, headers)).then((error) => error.init);

  it('reads retry-after-ms, Retry-After seconds and Retry-After as an HTTP date, in seconds', async () => {
    expect((await at({ 'retry-after-ms': '1500' })).retryAfter).toBe(1.5);
    expect((await at({ 'Retry-After': '7' })).retryAfter).toBe(7);
    const date = new Date(Date.now() + 30_000).toUTCString();
    const fromDate = (await at({ 'Retry-After': date })).retryAfter;
    expect(fromDate).toBeGreaterThan(27);
    expect(fromDate).toBeLessThanOrEqual(30);
  });

  it('is undefined when the response does not say, or says something that is not a delay', async () => {
    expect((await at({})).retryAfter).toBeUndefined();
    expect((await at({ 'Retry-After': 'soon' })).retryAfter).toBeUndefined();
    expect((await at({ 'Retry-After': '-1' })).retryAfter).toBeUndefined();
  });

  it('is set on any API error whose response has the header, not only 429', async () => {
    expect((await at({ 'Retry-After': '120' }, 503)).retryAfter).toBe(120);
  });
});

describe('serverExplanation and oneLine', () => {
  it('the spec’s pointer wins over every common shape', () => {
    expect(
      serverExplanation({ message: 'generic', error: { detail: 'specific' } }, '/error/detail', 'Bad Request'),
    ).toBe('specific');
  });

  it('falls through a pointer that finds nothing or an empty string', () => {
    expect(serverExplanation({ error: { detail: '' }, message: 'generic' }, '/error/detail', 'Bad Request')).toBe(
      'generic',
    );
  });

  it('undefined when there is nothing to quote', () => {
    expect(serverExplanation({ code: 42 }, undefined, '')).toBeUndefined();
    expect(serverExplanation('   ', undefined, '')).toBeUndefined();
  });

  it('validation items may be bare strings', () => {
    expect(serverExplanation({ title: 'Invalid', validation: ['name is required'] }, undefined, '')).toBe(
      'Invalid: name is required',
    );
  });

  it('oneLine flattens control characters and cuts with an ellipsis', () => {
    expect(oneLine('a\u0000b\tc\u001b[31md', 100)).toBe('a b c [31md');
    expect(oneLine('abcdef', 4)).toBe('abc…');
  });
});
