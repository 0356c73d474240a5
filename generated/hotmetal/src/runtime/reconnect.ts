// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * How long an event stream waits before reconnecting. The WHATWG HTML
 * standard (9.2 Server-sent events, "reestablish the connection") waits the
 * stream's reconnection time, which the server sets with a `retry:` field,
 * and lets a client add exponential backoff; browsers start at about 3 s.
 * Here the wait starts at `initialDelayMs` (or the server's `retry:`), doubles
 * for every reconnect in a row that brought nothing new, is capped, and gets
 * up to 20% jitter so many clients dropped at once do not return at once.
 */
export const DEFAULT_RECONNECT_DELAY_MS = 1_000;
export const DEFAULT_MAX_RECONNECT_DELAY_MS = 30_000;
/** Reconnects in a row that may bring no new event before the stream gives up. */
export const DEFAULT_MAX_RECONNECTS = 5;

export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * The wait before the next connection. `emptyInARow` counts the reconnects in
 * a row that brought nothing new (0 after one that did); `serverRetryMs` is the
 * last `retry:` value the server sent.
 */
export function reconnectDelayMs(
  emptyInARow: number,
  serverRetryMs: number | undefined,
  policy: ReconnectPolicy,
  random: () => number = Math.random,
): number {
  const base = serverRetryMs ?? policy.initialDelayMs;
  // A server asking for a longer wait than the cap gets it: the cap limits growth, not the server.
  const cap = Math.max(policy.maxDelayMs, base);
  const grown = Math.min(cap, base * 2 ** Math.max(0, emptyInARow));
  return Math.min(cap, grown * (1 + 0.2 * random()));
}

/** A non-negative finite number of milliseconds, else the default. */
export function millis(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
