/**
 * TypeScript type expressions over openapi-typescript's output, as source
 * text. Indexing goes through NonNullable at each step so optional properties
 * on the way never break compilation.
 */
import { parsePointer } from '../load/json-pointer.js';

/**
 * The one quoting of spec text in generated code: a single-quoted TypeScript
 * string literal. JSON.stringify escapes backslashes, control characters and
 * lone surrogates; line and paragraph separators are escaped too, so any name
 * or value fits on one line. Template literals are never used for spec text,
 * so backticks and `${` need nothing.
 */
export function quote(text: string): string {
  const json = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

/** An identifier-like property key that may be written bare (`name: value`). */
const BARE_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * A property key in an object literal or type literal. `__proto__` is written
 * computed (`['__proto__']`): bare or quoted, it sets an object literal's
 * prototype instead of defining a property
 * (https://tc39.es/ecma262/#sec-runtime-semantics-propertydefinitionevaluation).
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return `[${quote(name)}]`;
  return BARE_KEY.test(name) ? name : quote(name);
}

/** `base.name`, or `base['name']` when the name is not an identifier (also in type positions: `T['name']`). */
export function memberAccess(base: string, name: string): string {
  return BARE_KEY.test(name) && name !== '__proto__' ? `${base}.${name}` : `${base}[${quote(name)}]`;
}

/** `paths['/v1/projects']['get']` */
export function operationType(path: string, method: string): string {
  return `paths[${quote(path)}][${quote(method)}]`;
}

/** Index `base` by each segment of a JSON pointer; `[number]` for array positions. */
export function indexByPointer(base: string, pointer: string): string {
  let type = base;
  for (const segment of parsePointer(pointer)) {
    type = /^\d+$/.test(segment) ? `NonNullable<${type}>[number]` : `NonNullable<${type}>[${quote(segment)}]`;
  }
  return type;
}

/** The value at a pointer that the runtime guarantees is present (it throws otherwise). */
export function presentAt(base: string, pointer: string): string {
  return `Exclude<${indexByPointer(base, pointer)}, undefined>`;
}

export function responseStatusKey(status: string): string {
  return /^\d+$/.test(status) ? status : quote(status);
}

export function union(types: readonly string[]): string {
  const unique = [...new Set(types)];
  if (unique.length === 0) return 'never';
  return unique.length === 1 ? (unique[0] ?? 'never') : unique.join(' | ');
}

export function intersection(types: readonly string[]): string {
  const unique = [...new Set(types)];
  if (unique.length === 0) return 'Record<string, never>';
  return unique.join(' & ');
}
