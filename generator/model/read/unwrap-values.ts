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

/** At most this many places per body: a hostile spec can make the count of distinct paths exponential. */
const MAX_VALUES = 64;

/** Schema nodes visited per body at most, whatever the spec's shape. */
const MAX_VISITS = 100_000;

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

/** Whether any component schema of the document carries the extension: most documents have none, and then there is nothing to find. */
const markedDocuments = new WeakMap<Json, boolean>();
function hasMarkedSchemas(document: Json): boolean {
  let marked = markedDocuments.get(document);
  if (marked === undefined) {
    const components = document['components'];
    const schemas = isObject(components) ? components['schemas'] : undefined;
    marked =
      isObject(schemas) && Object.values(schemas).some((schema) => isObject(schema) && markerOf(schema) !== undefined);
    markedDocuments.set(document, marked);
  }
  return marked;
}

type Found = Array<{ at: string[]; key: string }>;

/**
 * The pointer patterns, relative to a value of `schema`, where a marked schema
 * sits (`*` for every array item). Walks properties, items and
 * allOf/anyOf/oneOf, following local `$ref`s; a reference already being
 * walked on the current path is not entered again, so cycles end. What a
 * reference leads to is worked out once and reused, the places per schema
 * are capped and the visits bounded, so a richly cross-referenced spec stays
 * linear, not exponential.
 */
export function unwrapValuesOf(document: Json, schema: unknown): UnwrapValue[] {
  if (!hasMarkedSchemas(document)) return [];
  const memo = new Map<string, Found>();
  const entered = new Set<string>();
  let budget = MAX_VISITS;
  /** The marked places under `node`, relative to it. */
  const walk = (node: unknown, depth: number): Found => {
    if (!isObject(node) || depth > MAX_DEPTH || --budget < 0) return [];
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      if (!ref.startsWith('#') || entered.has(ref)) return [];
      const known = memo.get(ref);
      if (known) return known;
      entered.add(ref);
      const found = walk(getAtPointer(document, ref), depth + 1);
      entered.delete(ref);
      // Reused wherever the reference appears again: paths through a cycle are infinite and are not places.
      memo.set(ref, found);
      return found;
    }
    const key = markerOf(node);
    // The marked schema describes the wrapped form; what is inside is the value's own business.
    if (key !== undefined) return [{ at: [], key }];
    const found: Found = [];
    const seen = new Set<string>();
    const add = (child: unknown, segment: string | undefined): void => {
      if (found.length >= MAX_VALUES) return;
      for (const item of walk(child, depth + 1)) {
        const at = segment === undefined ? item.at : [segment, ...item.at];
        const id = `${at.join('\u0000')}\u0001${item.key}`;
        if (seen.has(id) || found.length >= MAX_VALUES) continue;
        seen.add(id);
        found.push({ at, key: item.key });
      }
    };
    const properties = node['properties'];
    if (isObject(properties)) for (const [name, property] of Object.entries(properties)) add(property, name);
    if (node['items'] !== undefined) add(node['items'], EVERY_ITEM);
    for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
      const branches = node[combinator];
      if (Array.isArray(branches)) for (const branch of branches) add(branch, undefined);
    }
    return found;
  };
  const unique = new Map<string, UnwrapValue>();
  for (const { at, key } of walk(schema, 0)) {
    const pointer = at.map((segment) => `/${segmentText(segment)}`).join('');
    const id = `${pointer}\u0000${key}`;
    if (!unique.has(id)) unique.set(id, { at: pointer, key });
  }
  return [...unique.values()];
}
