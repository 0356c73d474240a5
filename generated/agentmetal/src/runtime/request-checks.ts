// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Checks on the caller's arguments that keep a request from meaning something
 * other than what the method says: a path argument that walks up the URL, a
 * header value that splits the header block, a query value no serializer can
 * write. Each returns a problem to report, or undefined when the value is fine.
 */

/** Percent-decodes until the text stops changing (a server may decode more than once); undefined when it is not valid. */
function fullyDecoded(text: string): string | undefined {
  let current = text;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Whether the text, once percent-decoded, holds a `.` or `..` segment. Those
 * are dot-segments: URL resolution removes them and the request reaches another
 * resource (RFC 3986 5.2.4). A server or proxy may decode `%2F` (or treat `\`
 * as `/`) before it resolves them, so an encoded separator counts as one.
 */
function hasDotSegment(text: string): boolean {
  return (fullyDecoded(text) ?? text).split(/[\\/]/).some((segment) => segment === '.' || segment === '..');
}

const PLAIN_SEGMENT = /^[A-Za-z0-9_~-]+$/;

/**
 * A path argument's problem. A parameter that spans segments (`spansSegments`)
 * may contain `/`, but none of its segments may be empty, `.` or `..`; any
 * other parameter is one segment (a `/` in it is percent-encoded), which must be
 * neither empty nor hold a dot-segment.
 */
export function pathValueProblem(value: unknown, spansSegments: boolean): string | undefined {
  // The common case, an id of letters, digits, `-`, `_` or `~` (RFC 3986 unreserved, less `.`), can hold no
  // dot-segment, separator or percent-encoding, so the decoding checks below have nothing to find.
  if (typeof value === 'string' && PLAIN_SEGMENT.test(value)) return undefined;
  if (value === undefined || value === null) return 'is required';
  if (typeof value === 'object' || typeof value === 'function' || typeof value === 'symbol')
    return `must be a string or a number, not ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}`;
  const text = String(value);
  if (text === '') return 'must not be empty';
  if (spansSegments && text.split('/').includes(''))
    return 'must not contain an empty segment (a leading, trailing or doubled "/")';
  if (hasDotSegment(text))
    return `must not be or contain a "." or ".." segment (a dot-segment would change the request path)`;
  return undefined;
}

/** A spanning path argument encoded segment by segment, the segments joined by literal `/`. */
export function encodeSegments(value: unknown): string {
  return String(value).split('/').map(encodeURIComponent).join('/');
}

/**
 * A header value's problem. CR and LF would end the field and start another
 * (header injection), NUL is refused by every server (RFC 9110 5.5: field values
 * never contain CR, LF or NUL); fetch would reject them with a TypeError that
 * looks like a network failure.
 */
export function headerValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return 'contains a line break (CR or LF)';
  if (value.includes('\u0000')) return 'contains a NUL character';
  return undefined;
}

/** A header name's problem: a name is an RFC 9110 5.6.2 token. */
export function headerNameProblem(name: string): string | undefined {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) ? undefined : 'is not a valid header name';
}

function isPrimitive(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  );
}

/**
 * A query value's problem. The serializer writes primitives, arrays of
 * primitives (`form`, exploded) and objects of primitives (`deepObject`,
 * `name[key]=value`); anything nested deeper has no standard form.
 */
export function queryValueProblem(value: unknown): string | undefined {
  if (isPrimitive(value)) return undefined;
  if (typeof value === 'function' || typeof value === 'symbol') return `must not be a ${typeof value}`;
  if (Array.isArray(value))
    return value.every(isPrimitive)
      ? undefined
      : 'is an array holding objects or arrays, which a query string cannot express';
  return Object.values(value as object).every(isPrimitive)
    ? undefined
    : 'is an object holding objects or arrays, which a query string cannot express (only one level, as name[key]=value)';
}

/** The own enumerable properties of a caller's object, in a map with no prototype (so `toString` or `__proto__` is only ever a key). */
export function ownEntries(value: unknown): Record<string, unknown> {
  const result = Object.create(null) as Record<string, unknown>;
  if (value === null || typeof value !== 'object') return result;
  for (const key of Object.keys(value)) result[key] = (value as Record<string, unknown>)[key];
  return result;
}
