/**
 * `x-specsmith-unwrap` on a component schema: wherever a value of that schema
 * appears in a response body or a stream event, an object whose only key is
 * the extension's `key` stands for that key's value. This finds where: the
 * JSON pointers of every place the schema is reachable from a body schema.
 */
import type { Extensions } from '../../extensions/types.js';
import { isObject, type Json } from '../schema-utils.js';
import { getAtPointer } from '../../load/json-pointer.js';
import type { UnwrapValue } from '../../runtime/unwrap-values.js';

/** Schemas nest far less deeply than this in practice; the bound keeps a hostile spec from exhausting the stack. */
const MAX_DEPTH = 48;

/** An array item in a pointer pattern (runtime/unwrap-values.ts). */
const EVERY_ITEM = '*';

/**
 * One pointer segment: RFC 6901 escapes, plus `%` as `%25`, since the
 * runtime reads pointers in their URI-fragment form (RFC 6901 §6).
 */
function segmentText(segment: string): string {
  return segment === EVERY_ITEM ? segment : segment.replace(/~/g, '~0').replace(/\//g, '~1').replace(/%/g, '%25');
}

function markerOf(schema: Json): string | undefined {
  const marker = schema['x-specsmith-unwrap'] as Extensions['x-specsmith-unwrap'] | undefined;
  return isObject(marker) && typeof marker.key === 'string' && marker.key !== '' ? marker.key : undefined;
}

/**
 * The pointer patterns, relative to a value of `schema`, where a marked schema
 * sits (`*` for every array item). Walks properties, items and
 * allOf/anyOf/oneOf, following local `$ref`s; a reference already being
 * walked on the current path is not entered again, so cycles end.
 */
export function unwrapValuesOf(document: Json, schema: unknown): UnwrapValue[] {
  const found = new Map<string, UnwrapValue>();
  const entered = new Set<string>();
  const walk = (node: unknown, at: readonly string[], depth: number): void => {
    if (!isObject(node) || depth > MAX_DEPTH) return;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      if (!ref.startsWith('#') || entered.has(ref)) return;
      entered.add(ref);
      walk(getAtPointer(document, ref), at, depth + 1);
      entered.delete(ref);
      return;
    }
    const key = markerOf(node);
    if (key !== undefined) {
      const pointer = at.map((segment) => `/${segmentText(segment)}`).join('');
      const id = `${pointer}\u0000${key}`;
      if (!found.has(id)) found.set(id, { at: pointer, key });
      // The marked schema describes the wrapped form; what is inside is the value's own business.
      return;
    }
    const properties = node['properties'];
    if (isObject(properties))
      for (const [name, property] of Object.entries(properties)) walk(property, [...at, name], depth + 1);
    if (node['items'] !== undefined) walk(node['items'], [...at, EVERY_ITEM], depth + 1);
    for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
      const branches = node[combinator];
      if (Array.isArray(branches)) for (const branch of branches) walk(branch, at, depth + 1);
    }
  };
  walk(schema, [], 0);
  return [...found.values()];
}
