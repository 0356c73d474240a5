/**
 * TypeScript type expressions over openapi-typescript's output, as source
 * text. Indexing goes through NonNullable at each step so optional properties
 * on the way never break compilation.
 */
import { parsePointer } from '../load/json-pointer.js';

/** A TypeScript string literal (single-quoted; line breaks escaped, so any name or value fits on one line). */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
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
