/** What a response says besides its body: request id and rate-limit state. */
import { getAtPointer } from './pointer.js';
import type { RateLimitHeaders } from './retry.js';

export interface RateLimitInfo {
  limit: number | undefined;
  remaining: number | undefined;
  /** When the window resets. */
  reset: Date | undefined;
}

const DEFAULT_RATE_LIMIT_HEADERS: RateLimitHeaders = {
  limit: 'x-ratelimit-limit',
  remaining: 'x-ratelimit-remaining',
  reset: 'x-ratelimit-reset',
  resetFormat: 'epoch-seconds',
};

/** A header's value as a finite number; undefined when the header is absent, empty or not a number. */
export function numberHeader(headers: Headers, name: string | undefined): number | undefined {
  if (!name) return undefined;
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Rate-limit headers as numbers and a date; undefined when the response carries none. */
export function readRateLimit(
  headers: Headers,
  names: RateLimitHeaders | undefined,
  now = Date.now(),
): RateLimitInfo | undefined {
  const config = names ?? DEFAULT_RATE_LIMIT_HEADERS;
  const limit = numberHeader(headers, config.limit);
  const remaining = numberHeader(headers, config.remaining);
  const resetValue = numberHeader(headers, config.reset);
  if (limit === undefined && remaining === undefined && resetValue === undefined) return undefined;
  const reset =
    resetValue === undefined
      ? undefined
      : new Date(config.resetFormat === 'delta-seconds' ? now + resetValue * 1000 : resetValue * 1000);
  return { limit, remaining, reset };
}

export interface RequestIdConfig {
  header?: string;
  pointer?: string;
}

/** The request id from the configured header, the body, or the common `x-request-id` header. */
export function readRequestId(
  headers: Headers,
  body: unknown,
  config: RequestIdConfig | undefined,
  bodyPointer?: string,
): string | undefined {
  const fromHeader = headers.get(config?.header ?? 'x-request-id');
  if (fromHeader) return fromHeader;
  for (const pointer of [bodyPointer, config?.pointer]) {
    if (!pointer) continue;
    const value = getAtPointer(body, pointer);
    if (typeof value === 'string' && value !== '') return value;
  }
  return config?.header ? (headers.get('x-request-id') ?? undefined) : undefined;
}
