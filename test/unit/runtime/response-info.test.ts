import { describe, expect, it } from 'vitest';
import { readRateLimit, readRequestId } from '../../../generator/runtime/response-info.js';

const NOW = Date.UTC(2024, 0, 1, 12, 0, 0);

describe('readRateLimit', () => {
  it('reads the common x-ratelimit-* headers by default, reset as epoch seconds', () => {
    const headers = new Headers({
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '42',
      'X-RateLimit-Reset': String(NOW / 1000 + 30),
    });
    expect(readRateLimit(headers, undefined, NOW)).toEqual({
      limit: 100,
      remaining: 42,
      reset: new Date(NOW + 30_000),
    });
  });

  it('reads the headers the API names, reset as delta seconds', () => {
    const headers = new Headers({ 'RateLimit-Limit': '10', 'RateLimit-Remaining': '0', 'RateLimit-Reset': '15' });
    const names = {
      limit: 'RateLimit-Limit',
      remaining: 'RateLimit-Remaining',
      reset: 'RateLimit-Reset',
      resetFormat: 'delta-seconds' as const,
    };
    expect(readRateLimit(headers, names, NOW)).toEqual({ limit: 10, remaining: 0, reset: new Date(NOW + 15_000) });
  });

  it('is undefined when the response carries none of the headers', () => {
    expect(readRateLimit(new Headers({ 'Content-Type': 'application/json' }), undefined, NOW)).toBeUndefined();
  });

  it('reports the headers present and leaves the others undefined', () => {
    expect(readRateLimit(new Headers({ 'X-RateLimit-Remaining': '5' }), undefined, NOW)).toEqual({
      limit: undefined,
      remaining: 5,
      reset: undefined,
    });
  });

  it('ignores values that are not numbers', () => {
    expect(
      readRateLimit(new Headers({ 'X-RateLimit-Limit': 'lots', 'X-RateLimit-Remaining': '' }), undefined, NOW),
    ).toBeUndefined();
  });
});

describe('readRequestId', () => {
  it('reads x-request-id by default', () => {
    expect(readRequestId(new Headers({ 'X-Request-Id': 'req_1' }), undefined, undefined)).toBe('req_1');
    expect(readRequestId(new Headers(), undefined, undefined)).toBeUndefined();
  });

  it('reads the header the API names', () => {
    expect(
      readRequestId(new Headers({ 'CF-Ray': 'ray_9', 'X-Request-ID': 'other' }), undefined, { header: 'CF-Ray' }),
    ).toBe('ray_9');
  });

  it('falls back to the body pointers, the error pointer first', () => {
    const body = { error: { request_id: 'from_error' }, meta: { request_id: 'from_meta' } };
    expect(readRequestId(new Headers(), body, { pointer: '/meta/request_id' }, '/error/request_id')).toBe('from_error');
    expect(readRequestId(new Headers(), body, { pointer: '/meta/request_id' })).toBe('from_meta');
    expect(readRequestId(new Headers(), { meta: { request_id: '' } }, { pointer: '/meta/request_id' })).toBeUndefined();
    expect(readRequestId(new Headers(), { meta: { request_id: 7 } }, { pointer: '/meta/request_id' })).toBeUndefined();
  });

  it('prefers the header over the body', () => {
    expect(readRequestId(new Headers({ 'X-Req': 'hdr' }), { id: 'body' }, { header: 'X-Req', pointer: '/id' })).toBe(
      'hdr',
    );
  });

  it('uses x-request-id as a last resort when the named header is absent', () => {
    expect(readRequestId(new Headers({ 'X-Request-ID': 'common' }), {}, { header: 'X-Trace-Id', pointer: '/id' })).toBe(
      'common',
    );
  });
});
