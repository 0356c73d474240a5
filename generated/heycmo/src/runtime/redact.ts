// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Keeps credentials out of everything a user might print: error messages and
 * every other error field, hook payloads, `util.inspect` and JSON of the
 * client. Values are replaced, never shortened, so no prefix of a key leaks
 * either. A hostile or careless server may echo the key back in any shape, so
 * a secret is matched in any letter case, percent- and form-encoded (a query
 * key echoed in a URL) and base64-encoded (a Basic `Authorization` echoed back).
 */
import { toBase64 } from './encoding.js';

export const REDACTED = '[redacted]';

/** Header names that carry credentials on any API. */
export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
]);

/** Secrets shorter than this are not redacted: they would shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

/**
 * The base64 text that stands for the secret wherever it sits in an encoded
 * string. Base64 maps 3 bytes to 4 characters, so the secret's characters
 * depend on its offset modulo 3: for each offset, the whole 3-byte groups that
 * hold only secret bytes encode to a fixed string (at most 2 bytes at either
 * end stay outside it). Both the standard and the URL-safe alphabet (RFC 4648 4, 5).
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = [
    toBase64(bytes),
    toBase64(new TextEncoder().encode(`${secret}:`)),
    toBase64(new TextEncoder().encode(`:${secret}`)),
  ];
  for (let skip = 0; skip < 3; skip++) {
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole >= 6) forms.push(toBase64(bytes.subarray(skip, skip + whole)));
  }
  return forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')]);
}

/** A secret as written, as it appears in a URL (percent- or form-encoded), and base64-encoded. */
function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    ...base64Forms(secret),
  ];
}

const patterns = new Map<string, RegExp | null>();

/** One case-insensitive pattern for every form of every secret, longest first so a longer form wins. */
function patternFor(secrets: readonly string[]): RegExp | null {
  const cacheKey = secrets.join('\u0000');
  let pattern = patterns.get(cacheKey);
  if (pattern === undefined) {
    const all = new Set(secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(forms));
    const sorted = [...all].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    pattern =
      sorted.length === 0
        ? null
        : new RegExp(sorted.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
    // A client holds one key; the cache only grows when keys change, so a small bound is plenty.
    if (patterns.size > 32) patterns.clear();
    patterns.set(cacheKey, pattern);
  }
  return pattern;
}

export function redactText(text: string, secrets: readonly string[]): string {
  if (secrets.length === 0 || text === '') return text;
  const pattern = patternFor(secrets);
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/** Whether `text` holds any form of a secret. */
export function mentionsSecret(text: string, secrets: readonly string[]): boolean {
  const pattern = secrets.length === 0 ? null : patternFor(secrets);
  if (!pattern) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
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

/** Header values by name, credential headers (any API's, and `extraNames`) replaced, the secret scrubbed from the rest. */
export function redactHeaders(
  headers: Headers,
  extraNames: readonly string[],
  secrets: readonly string[],
): Record<string, string> {
  const extra = new Set(extraNames.map((name) => name.toLowerCase()));
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  headers.forEach((value, name) => {
    result[name] = SENSITIVE_HEADERS.has(name) || extra.has(name) ? REDACTED : redactText(value, secrets);
  });
  return result;
}

/** The same, as a Headers object (what errors carry). */
export function redactedHeaders(headers: Headers, extraNames: readonly string[], secrets: readonly string[]): Headers {
  return new Headers(Object.entries(redactHeaders(headers, extraNames, secrets)));
}

/** Deeper than this, a server's JSON is not walked (it could exhaust the stack); it is replaced when it mentions a secret. */
const MAX_DEPTH = 256;

/** A JSON-like value with every string (and key) that contains a secret redacted (bodies the server echoed back). */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || value === null || value === undefined) return value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value !== 'object') return value;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined; // cyclic or too deep to print: walk it
  }
  if (text !== undefined && !mentionsSecret(text, secrets)) return value;
  return redactNode(value, secrets, 0);
}

function redactNode(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactNode(item, secrets, depth + 1));
  // Object.fromEntries defines own properties (a `__proto__` key stays a plain key, never a prototype).
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactText(key, secrets), redactNode(item, secrets, depth + 1)]),
  );
}

/** The error itself when it mentions no secret, else a plain copy whose message is redacted. */
export function redactCause(cause: unknown, secrets: readonly string[]): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? redactText(cause, secrets) : cause;
  const text = `${cause.message}\n${String(cause.stack)}`;
  if (!mentionsSecret(text, secrets)) return cause;
  const copy = new Error(redactText(cause.message, secrets));
  copy.name = cause.name;
  return copy;
}

/** An event object with every string field redacted (hook payloads). */
export function redactFields<T extends object>(event: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return event;
  const copy = { ...event } as Record<string, unknown>;
  for (const [name, value] of Object.entries(copy))
    if (typeof value === 'string') copy[name] = redactText(value, secrets);
  return copy as T;
}
