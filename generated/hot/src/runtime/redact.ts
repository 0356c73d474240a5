/**
 * Keeps credentials out of everything a user might print: error messages,
 * hook payloads, `util.inspect` and JSON of the client. Values are replaced,
 * never shortened, so no prefix of a key leaks either.
 */

export const REDACTED = '[redacted]';

/** Header names that carry credentials on any API. */
const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);

/** A secret as written, and as it appears in a URL (percent- or form-encoded) when a server echoes a query-key request. */
function forms(secret: string): Set<string> {
  return new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
}

export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of forms(secret)) result = result.split(form).join(REDACTED);
  }
  return result;
}

/** A URL with the values of credential query parameters replaced. */
export function redactUrl(url: string, queryNames: readonly string[], secrets: readonly string[]): string {
  let result = url;
  try {
    const parsed = new URL(url);
    let changed = false;
    for (const name of queryNames) {
      if (parsed.searchParams.has(name)) {
        parsed.searchParams.set(name, REDACTED);
        changed = true;
      }
    }
    if (changed) result = parsed.toString();
  } catch {
    // not an absolute URL: fall through to plain-text redaction
  }
  return redactText(result, secrets);
}

export function redactHeaders(headers: Headers, extraNames: readonly string[], secrets: readonly string[]): Record<string, string> {
  const extra = new Set(extraNames.map((name) => name.toLowerCase()));
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    result[name] = SENSITIVE_HEADERS.has(name) || extra.has(name) ? REDACTED : redactText(value, secrets);
  });
  return result;
}

/** A JSON-like value with every string that contains a secret redacted (bodies the server echoed back). */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, secrets)]));
  return value;
}

/** The error itself when it mentions no secret, else a plain copy whose message is redacted. */
export function redactCause(cause: unknown, secrets: readonly string[]): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? redactText(cause, secrets) : cause;
  const text = `${cause.message}\n${String(cause.stack)}`;
  if (redactText(text, secrets) === text) return cause;
  const copy = new Error(redactText(cause.message, secrets));
  copy.name = cause.name;
  return copy;
}
