/**
 * Error messages and URLs through generated clients on a loopback server: a
 * failure reads in the caller's terms (the method and argument they wrote, the
 * server's explanation, the request line), `retryAfter` is on the error, base
 * URLs join the spec's paths by one rule, and a path parameter the spec marks
 * `x-specsmith-multi-segment` keeps its `/`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  Hot,
  InvalidRequestError,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../generated/hot/src/index.js';
import { HotMetal } from '../../generated/hotmetal/src/index.js';
import { failure } from '../support/contract.js';
import { json, startFaultServer, type FaultServer } from '../support/fault-server.js';

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('messages in the caller’s terms', () => {
  it('hot.projects.get: a 404 quotes Hot’s error and the request line', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 404, { error: { code: 'not_found', message: 'Project not found', request_id: 'req_1' } }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.projects.get('x'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('projects.get: 404 not_found: Project not found (GET /v1/projects/x)');
    expect(error['operationId']).toBe('getProject');
  });

  it('a base URL that repeats Hot’s /v1 prefix is visible in the message', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 404, { error: { code: 'not_found', message: 'no route' } }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: `${server.url}/v1` });
    const error = await failure(hot.projects.get('x'));
    expect(error.message).toBe('projects.get: 404 not_found: no route (GET /v1/v1/projects/x)');
  });

  it('a 422 problem+json (the shape Prism sends) quotes its title and validation messages', async () => {
    server = await startFaultServer((_request, response) => {
      response.writeHead(422, 'Unprocessable Entity', { 'Content-Type': 'application/problem+json' });
      response.end(
        JSON.stringify({
          type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
          title: 'Invalid request',
          status: 422,
          detail:
            'Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.',
          validation: [
            { location: ['body'], severity: 'Error', code: 'required', message: "must have required property 'name'" },
          ],
        }),
      );
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.projects.create({} as never));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    // Before: 422: Unprocessable Entity
    expect(error.message).toBe(
      "projects.create: 422: Invalid request: body: must have required property 'name' (POST /v1/projects)",
    );
  });

  it('a refused argument is named as in the signature', async () => {
    server = await startFaultServer((_request, response) => json(response, 200, { data: {} }));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await failure(hot.projects.get('..'));
    expect(error).toBeInstanceOf(InvalidRequestError);
    // Before: getProject: path parameter "project_id_or_slug" must not be ...
    expect(error.message).toBe(
      'projects.get: argument `projectIdOrSlug` must not be or contain a "." or ".." segment (a dot-segment would change the request path)',
    );
  });

  it('RateLimitError carries retryAfter in seconds', async () => {
    server = await startFaultServer((_request, response) =>
      json(response, 429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'Retry-After': '3' }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });
    const error = await failure(hot.projects.get('x'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error['retryAfter']).toBe(3);
    expect(error.message).toBe('projects.get: 429 rate_limited: Slow down (GET /v1/projects/x)');
  });
});

describe('base URLs and paths', () => {
  it('a server URL with a path prefix (HotMetal) is joined with the spec’s paths once', async () => {
    server = await startFaultServer((_request, response) => json(response, 200, { data: { id: 'u1' } }));
    const hotMetal = new HotMetal({ apiKey: 'hm_test_key_1234567890', baseUrl: `${server.url}/agents-api/v1/` });
    await hotMetal.user.get();
    expect(server.requests.map((request) => request.url)).toEqual(['/agents-api/v1/me']);
  });

  it('hot.files.upload keeps the path’s slashes and encodes each segment (x-specsmith-multi-segment)', async () => {
    server = await startFaultServer((_request, response) => json(response, 200, { data: { path: 'logs/a b.txt' } }));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    await hot.files.upload('logs/a b.txt', { body: new Blob(['hello']) });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'PUT /v1/files/upload/logs/a%20b.txt',
    ]);
  });
});
