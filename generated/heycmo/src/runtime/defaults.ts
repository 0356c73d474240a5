// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * The client's defaults, in one place: the runtime reads them, and the
 * generator reads the same constants when it writes a package's README, so
 * the documented defaults are the ones the code applies.
 */

/** Per-attempt timeout, in milliseconds (`timeout`). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Retries after the first attempt when the spec does not say (`maxRetries`). */
export const DEFAULT_MAX_RETRIES = 2;
/** Statuses worth another attempt: request timeout, too many requests and the transient 5xx (RFC 9110 15.5.9, RFC 6585 4, RFC 9110 15.6). */
export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];
/** Longest total wait between the attempts of one call, in milliseconds (`retryBudget`). */
export const DEFAULT_RETRY_BUDGET_MS = 60_000;
/** First backoff delay, doubled per retry up to MAX_RETRY_DELAY_MS. */
export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** Cap on a JSON, text or binary body the client reads for the caller (`maxResponseBytes`). */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
