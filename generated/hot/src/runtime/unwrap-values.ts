// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * `x-specsmith-unwrap`: values a server wraps in a one-key object
 * (`{"$ok": value}` is the success `value`) are handed to the caller
 * unwrapped. The descriptor lists where such values sit in a body or an
 * event, as JSON pointers (RFC 6901) in which a `*` segment stands for every
 * item of an array.
 */
import { parsePointer } from './pointer.js';

/** A value at `at` that arrives as `{ [key]: value }` and is replaced by `value`. */
export interface UnwrapValue {
  at: string;
  key: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value[key]` when `value` is an object whose only own key is `key`; otherwise `value` itself. */
export function unwrapOne(value: unknown, key: string): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === key && Object.hasOwn(value, key) ? value[key] : value;
}

/**
 * Sets an own property without calling a setter: a parsed body may have an own
 * `__proto__` key, and plain assignment must never reach Object.prototype.
 */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function applyAt(node: unknown, segments: readonly string[], index: number, key: string): unknown {
  if (index === segments.length) return unwrapOne(node, key);
  const segment = segments[index] as string;
  if (Array.isArray(node)) {
    if (segment === '*')
      for (let item = 0; item < node.length; item++) node[item] = applyAt(node[item], segments, index + 1, key);
    return node;
  }
  // Own properties only: a missing member is left missing, and an inherited one is not the server's.
  if (isRecord(node) && Object.hasOwn(node, segment))
    setOwn(node, segment, applyAt(node[segment], segments, index + 1, key));
  return node;
}

/**
 * Unwraps every listed value of `root` in place and returns the root (a new
 * value only when the root itself is wrapped). Anything else — a missing
 * member, an object with other keys beside `key`, a failure such as
 * `{"$err": ...}` — is left as the server sent it.
 */
export function unwrapValues(root: unknown, values: readonly UnwrapValue[]): unknown {
  let result = root;
  for (const { at, key } of values) result = applyAt(result, parsePointer(at), 0, key);
  return result;
}
