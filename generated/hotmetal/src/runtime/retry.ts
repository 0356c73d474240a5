// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * When to retry and how long to wait. Network errors, 408, 429 and 5xx are
 * worth another attempt; the server's own advice (`Retry-After` in seconds or
 * as an HTTP date, `retry-after-ms`, a rate-limit reset header) wins over our
 * exponential backoff, as long as it fits in the caller's time budget.
 */
import { numberHeader } from './response-info.js';

export interface RetryPolicy {
  maxRetries: number;
  /** Statuses worth retrying. */
  statuses: readonly number[];
  /** Statuses retried only when the response says when (Retry-After). */
  requireRetryAfter: readonly number[];
  initialDelayMs: number;
  maxDelayMs: number;
  /** Longest total time spent waiting between attempts of one call. */
  budgetMs: number;
}

export { DEFAULT_RETRY_STATUSES } from './defaults.js';

export interface RateLimitHeaders {
  limit?: string | undefined;
  remaining?: string | undefined;
  reset?: string | undefined;
  resetFormat?: 'epoch-seconds' | 'delta-seconds' | undefined;
}

/**
 * Milliseconds the server asked us to wait, or undefined when it did not say.
 * `retry-after-ms` is the most precise, then `Retry-After`, then the
 * rate-limit reset header (only consulted once the budget is exhausted).
 */
export function serverDelayMs(
  headers: Headers,
  rateLimit: RateLimitHeaders | undefined,
  now = Date.now(),
): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    // An HTTP-date starts with a day name (RFC 9110 5.6.7); Date.parse alone would read "-1" as a date in 2001.
    // The asctime form carries no zone, and means GMT, not local time.
    if (/^(mon|tue|wed|thu|fri|sat|sun)/i.test(retryAfter.trim())) {
      const date = Date.parse(/GMT\s*$/i.test(retryAfter) ? retryAfter : `${retryAfter.trim()} GMT`);
      if (!Number.isNaN(date)) return Math.max(0, date - now);
    }
  }
  if (rateLimit?.reset && rateLimit.remaining) {
    // Both headers must be present: Number(null) and Number('') are 0, which would read as an exhausted window.
    const remaining = numberHeader(headers, rateLimit.remaining);
    const reset = numberHeader(headers, rateLimit.reset);
    if (remaining === 0 && reset !== undefined) {
      return Math.max(0, rateLimit.resetFormat === 'delta-seconds' ? reset * 1000 : reset * 1000 - now);
    }
  }
  return undefined;
}

/**
 * Seconds the response asks the caller to wait (`retry-after-ms`, else
 * `Retry-After` as seconds or an HTTP-date, RFC 9110 10.2.3); undefined when it
 * does not say. Rate-limit reset headers are not advice to retry, so they do not count.
 */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | undefined {
  const ms = serverDelayMs(headers, undefined, now);
  return ms === undefined ? undefined : ms / 1000;
}

/** Exponential backoff with full jitter: a random delay in [cap/2, cap], cap doubling per attempt. */
export function backoffDelayMs(
  retryNumber: number,
  policy: Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs'>,
  random = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, retryNumber - 1));
  return cap / 2 + (random() * cap) / 2;
}

export function hasRetryAdvice(headers: Headers): boolean {
  return headers.has('retry-after') || headers.has('retry-after-ms');
}

export function isRetryableStatus(status: number, headers: Headers, policy: RetryPolicy): boolean {
  if (!policy.statuses.includes(status)) return false;
  return !policy.requireRetryAfter.includes(status) || hasRetryAdvice(headers);
}
