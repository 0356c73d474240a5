import { describe, expect, it } from 'vitest';
import { MAX_REDIRECTS, nextHop, type Hop } from '../../../generator/runtime/redirects.js';
import { API_KEY, errorClasses, InvalidResponseError, json, makeCore, rejectionOf, script } from './support.js';

const CREDENTIALS = new Set(['authorization', 'x-acme-key', 'cookie', 'proxy-authorization']);
const redirect = (status: number, location: string): Response =>
  new Response(null, { status, headers: { Location: location } });
const hop = (overrides: Partial<Hop> = {}): Hop => ({
  url: 'https://api.acme.test/v1/things',
  method: 'POST',
  headers: {
    Authorization: 'Bearer k',
    'X-Acme-Key': 'k',
    'Content-Type': 'application/json',
    Accept: 'application/json',
  },
  body: '{"a":1}',
  ...overrides,
});

describe('nextHop', () => {
  it('keeps method, body and credentials on a same-origin 307 and 308', () => {
    for (const status of [307, 308]) {
      const next = nextHop(hop(), redirect(status, '/v1/other'), 0, CREDENTIALS, true);
      expect(next).toEqual({
        url: 'https://api.acme.test/v1/other',
        method: 'POST',
        headers: hop().headers,
        body: '{"a":1}',
      });
    }
  });

  it('turns a POST into a GET without body or body headers on 301, 302 and 303 (RFC 9110 15.4)', () => {
    for (const status of [301, 302, 303]) {
      const next = nextHop(hop(), redirect(status, '/v1/other'), 0, CREDENTIALS, true);
      expect([next.method, next.body, next.headers['Content-Type'], next.headers['Authorization']]).toEqual([
        'GET',
        undefined,
        undefined,
        'Bearer k',
      ]);
    }
  });

  it('strips every credential header on a cross-origin GET redirect, keeping the others', () => {
    const next = nextHop(
      hop({
        method: 'GET',
        body: undefined,
        headers: { Authorization: 'Bearer k', 'X-Acme-Key': 'k', Cookie: 'a=b', Accept: 'application/json' },
      }),
      redirect(302, 'https://cdn.acme.test/x'),
      0,
      CREDENTIALS,
      true,
    );
    expect(next.headers).toEqual({ Accept: 'application/json' });
  });

  it('treats another port or scheme as another origin', () => {
    const port = nextHop(
      hop({ method: 'GET', body: undefined }),
      redirect(302, 'https://api.acme.test:8443/x'),
      0,
      CREDENTIALS,
      true,
    );
    expect(port.headers['Authorization']).toBeUndefined();
  });

  it('refuses a body to another origin, https to http, non-http schemes, a streamed body and too many hops', () => {
    const cases: [Hop, Response, number, boolean, RegExp][] = [
      [hop(), redirect(307, 'https://evil.test/'), 0, true, /request body to another origin/],
      [hop({ method: 'GET', body: undefined }), redirect(302, 'http://api.acme.test/v1'), 0, true, /https to http/],
      [hop({ method: 'GET', body: undefined }), redirect(302, 'file:///etc/passwd'), 0, true, /file: URL/],
      [hop(), redirect(308, '/v1/again'), 0, false, /cannot be replayed/],
      [hop({ method: 'GET', body: undefined }), redirect(302, '/v1/again'), MAX_REDIRECTS, true, /more than 10 times/],
    ];
    for (const [from, response, hops, replayable, message] of cases) {
      expect(() => nextHop(from, response, hops, CREDENTIALS, replayable)).toThrow(message);
    }
  });
});

describe('redirects through the client core', () => {
  it('an https to http redirect is an InvalidResponseError, without another request', async () => {
    const fetch = script(redirect(301, 'http://api.acme.test/v1/things'));
    const error = await rejectionOf(
      makeCore(fetch.fetch).call(
        { id: 'getThing', method: 'get', path: '/things', responses: { 200: { kind: 'json' } } },
        [],
        undefined,
      ),
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).init.status).toBe(301);
    expect(fetch.requests).toHaveLength(1);
  });

  it('every request goes out with redirect: manual', async () => {
    const fetch = script(json(200, {}));
    await makeCore(fetch.fetch).call(
      { id: 'getThing', method: 'get', path: '/things', responses: { 200: { kind: 'json' } } },
      [],
      undefined,
    );
    expect(fetch.requests[0]?.redirect).toBe('manual');
  });

  it('an opaque redirect (browsers) is followed by the platform only for a GET whose only credential is Authorization', async () => {
    const opaque = (): Response =>
      Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    const get = {
      id: 'getThing',
      method: 'get' as const,
      path: '/things',
      responses: { 200: { kind: 'json' as const } },
    };
    const followed = script(opaque(), json(200, { ok: true }));
    expect(await makeCore(followed.fetch).call(get, [], undefined)).toEqual({ ok: true });
    expect(followed.requests.map((request) => request.redirect)).toEqual(['manual', 'follow']);

    const withKeyHeader = script(opaque());
    const error = await rejectionOf(
      makeCore(withKeyHeader.fetch, {}, { security: [['HeaderAuth']] }).call(get, [], undefined),
    );
    expect(error).toBeInstanceOf(errorClasses.invalidResponse);
    expect((error as Error).message).toMatch(/opaque redirect/);
    expect((error as Error).message).not.toContain(API_KEY);
    expect(withKeyHeader.requests).toHaveLength(1);
  });
});
