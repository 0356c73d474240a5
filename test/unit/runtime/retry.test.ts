import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_RETRY_STATUSES,
  hasRetryAdvice,
  isRetryableStatus,
  serverDelayMs,
  type RetryPolicy,
} from '../../../generator/runtime/retry.js';

// RFC 9110 section 10.2.3 uses this date in its Retry-After example.
const NOW = Date.UTC(2015, 9, 21, 7, 28, 0);
const RATE = { limit: 'X-RateLimit-Limit', remaining: 'X-RateLimit-Remaining', reset: 'X-RateLimit-Reset' } as const;

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxRetries: 2,
    statuses: DEFAULT_RETRY_STATUSES,
    requireRetryAfter: [],
    initialDelayMs: 500,
    maxDelayMs: 8_000,
    budgetMs: 60_000,
    ...overrides,
  };
}

describe('serverDelayMs', () => {
  it('reads retry-after-ms as milliseconds', () => {
    expect(serverDelayMs(new Headers({ 'retry-after-ms': '250' }), undefined, NOW)).toBe(250);
    expect(serverDelayMs(new Headers({ 'retry-after-ms': '0' }), undefined, NOW)).toBe(0);
  });

  it('prefers retry-after-ms over Retry-After', () => {
    expect(serverDelayMs(new Headers({ 'retry-after-ms': '250', 'Retry-After': '5' }), undefined, NOW)).toBe(250);
  });

  it('ignores an unusable retry-after-ms and falls back to Retry-After', () => {
    expect(serverDelayMs(new Headers({ 'retry-after-ms': 'soon', 'Retry-After': '2' }), undefined, NOW)).toBe(2_000);
    expect(serverDelayMs(new Headers({ 'retry-after-ms': '-5', 'Retry-After': '2' }), undefined, NOW)).toBe(2_000);
  });

  it('reads Retry-After delay-seconds', () => {
    expect(serverDelayMs(new Headers({ 'Retry-After': '3' }), undefined, NOW)).toBe(3_000);
    expect(serverDelayMs(new Headers({ 'Retry-After': '0' }), undefined, NOW)).toBe(0);
    expect(serverDelayMs(new Headers({ 'Retry-After': '120' }), undefined, NOW)).toBe(120_000);
  });

  it('reads Retry-After as an HTTP-date relative to now', () => {
    expect(serverDelayMs(new Headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:30 GMT' }), undefined, NOW)).toBe(30_000);
    expect(serverDelayMs(new Headers({ 'Retry-After': 'Wed, 21 Oct 2015 08:28:00 GMT' }), undefined, NOW)).toBe(
      3_600_000,
    );
  });

  it('treats an HTTP-date in the past as no wait', () => {
    expect(serverDelayMs(new Headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:00:00 GMT' }), undefined, NOW)).toBe(0);
  });

  it('ignores a Retry-After that is neither delay-seconds nor an HTTP-date', () => {
    // JavaScript's lenient date parser reads some of these as dates in 2001; they are not HTTP-dates.
    for (const value of ['-1', 'soon 2', '2 minutes', '12/31/2099']) {
      expect(serverDelayMs(new Headers({ 'Retry-After': value }), undefined, NOW), value).toBeUndefined();
    }
  });

  it('reads the obsolete HTTP-date formats too (RFC 850, asctime), as GMT whatever the local time zone', () => {
    const zone = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      expect(serverDelayMs(new Headers({ 'Retry-After': 'Wednesday, 21-Oct-15 07:28:10 GMT' }), undefined, NOW)).toBe(
        10_000,
      );
      // asctime carries no zone; RFC 9110 section 5.6.7 says HTTP-dates are GMT
      expect(serverDelayMs(new Headers({ 'Retry-After': 'Wed Oct 21 07:28:20 2015' }), undefined, NOW)).toBe(20_000);
      expect(serverDelayMs(new Headers({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:30 GMT' }), undefined, NOW)).toBe(
        30_000,
      );
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('returns undefined when the server gave no advice', () => {
    expect(serverDelayMs(new Headers(), undefined, NOW)).toBeUndefined();
    expect(serverDelayMs(new Headers({ 'Retry-After': '' }), undefined, NOW)).toBeUndefined();
    expect(serverDelayMs(new Headers({ 'Retry-After': 'later, please' }), undefined, NOW)).toBeUndefined();
  });

  it('uses an epoch-seconds rate-limit reset once the window is exhausted', () => {
    const resetAt = NOW / 1000 + 20;
    const headers = new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(resetAt) });
    expect(serverDelayMs(headers, { ...RATE, resetFormat: 'epoch-seconds' }, NOW)).toBe(20_000);
    // epoch seconds is the default format
    expect(serverDelayMs(headers, RATE, NOW)).toBe(20_000);
  });

  it('uses a delta-seconds rate-limit reset once the window is exhausted', () => {
    const headers = new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '7' });
    expect(serverDelayMs(headers, { ...RATE, resetFormat: 'delta-seconds' }, NOW)).toBe(7_000);
  });

  it('clamps a reset time already passed to zero', () => {
    const headers = new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(NOW / 1000 - 30) });
    expect(serverDelayMs(headers, RATE, NOW)).toBe(0);
  });

  it('ignores the reset header while requests remain in the window', () => {
    const headers = new Headers({ 'X-RateLimit-Remaining': '3', 'X-RateLimit-Reset': '7' });
    expect(serverDelayMs(headers, { ...RATE, resetFormat: 'delta-seconds' }, NOW)).toBeUndefined();
  });

  it('does not treat a missing remaining header as an exhausted window', () => {
    const headers = new Headers({ 'X-RateLimit-Reset': '7' });
    expect(serverDelayMs(headers, { ...RATE, resetFormat: 'delta-seconds' }, NOW)).toBeUndefined();
    const blank = new Headers({ 'X-RateLimit-Remaining': '', 'X-RateLimit-Reset': '7' });
    expect(serverDelayMs(blank, { ...RATE, resetFormat: 'delta-seconds' }, NOW)).toBeUndefined();
  });

  it('ignores rate-limit headers the API did not declare', () => {
    const headers = new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '7' });
    expect(serverDelayMs(headers, undefined, NOW)).toBeUndefined();
  });

  it('prefers Retry-After over the rate-limit reset', () => {
    const headers = new Headers({ 'Retry-After': '1', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '30' });
    expect(serverDelayMs(headers, { ...RATE, resetFormat: 'delta-seconds' }, NOW)).toBe(1_000);
  });
});

describe('backoffDelayMs', () => {
  const timing = { initialDelayMs: 500, maxDelayMs: 8_000 };
  // The documented cap: initial delay doubling per retry, never above the maximum.
  const caps: [retry: number, cap: number][] = [
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [4, 4_000],
    [5, 8_000],
    [6, 8_000],
    [20, 8_000],
  ];

  it.each(caps)('retry %i waits between half the cap and the cap (%i ms)', (retry, cap) => {
    expect(backoffDelayMs(retry, timing, () => 0)).toBe(cap / 2);
    expect(backoffDelayMs(retry, timing, () => 0.5)).toBe((cap * 3) / 4);
    const top = backoffDelayMs(retry, timing, () => 1 - Number.EPSILON);
    expect(top).toBeLessThanOrEqual(cap);
    expect(top).toBeGreaterThan(cap * 0.999);
  });

  it('stays within bounds for any random value', () => {
    for (let step = 0; step <= 100; step++) {
      const value = backoffDelayMs(3, timing, () => step / 101);
      expect(value).toBeGreaterThanOrEqual(1_000);
      expect(value).toBeLessThanOrEqual(2_000);
    }
  });

  it('grows with the random value (jitter is not constant)', () => {
    expect(backoffDelayMs(2, timing, () => 0.1)).toBeLessThan(backoffDelayMs(2, timing, () => 0.9));
  });

  it('uses Math.random by default and stays within bounds', () => {
    for (let index = 0; index < 50; index++) {
      const value = backoffDelayMs(1, timing);
      expect(value).toBeGreaterThanOrEqual(250);
      expect(value).toBeLessThanOrEqual(500);
    }
  });
});

describe('isRetryableStatus', () => {
  it('retries the documented default statuses only', () => {
    expect([...DEFAULT_RETRY_STATUSES].sort()).toEqual([408, 429, 500, 502, 503, 504]);
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isRetryableStatus(status, new Headers(), policy())).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 501, 505])
      expect(isRetryableStatus(status, new Headers(), policy())).toBe(false);
  });

  it('follows the API-specific list of statuses', () => {
    const custom = policy({ statuses: [503] });
    expect(isRetryableStatus(503, new Headers(), custom)).toBe(true);
    expect(isRetryableStatus(500, new Headers(), custom)).toBe(false);
  });

  it('retries a requireRetryAfter status only when the response says when', () => {
    const strict = policy({ requireRetryAfter: [429] });
    expect(isRetryableStatus(429, new Headers(), strict)).toBe(false);
    expect(isRetryableStatus(429, new Headers({ 'Retry-After': '1' }), strict)).toBe(true);
    expect(isRetryableStatus(429, new Headers({ 'retry-after-ms': '100' }), strict)).toBe(true);
    // statuses not named in requireRetryAfter are unaffected
    expect(isRetryableStatus(503, new Headers(), strict)).toBe(true);
  });

  it('hasRetryAdvice looks for either header, case-insensitively', () => {
    expect(hasRetryAdvice(new Headers({ 'RETRY-AFTER': '1' }))).toBe(true);
    expect(hasRetryAdvice(new Headers({ 'Retry-After-Ms': '1' }))).toBe(true);
    expect(hasRetryAdvice(new Headers({ 'X-RateLimit-Reset': '1' }))).toBe(false);
  });
});
