/**
 * What the comparers read off a schema: its types, enum values, properties and
 * limits, with `$ref`s followed (a bundled document's refs are all internal)
 * and `allOf` merged, so two ways of writing the same schema compare equal.
 */
import { appendPointer, getAtPointer } from '../load/json-pointer.js';
import { isObject, type Json } from '../model/schema-utils.js';

/** A schema with the pointer it was read from (after following refs). */
export interface At {
  schema: Json;
  pointer: string;
  /** Where the node was written when that is a `$ref` to `pointer` (a property that names a component). */
  declared?: string | undefined;
}

/** Follows `$ref` chains; a cycle or a dangling ref leaves the last node reached. */
export function resolve(document: Json, node: unknown, pointer: string): At | undefined {
  let current = node;
  let at = pointer;
  const visited = new Set<string>();
  while (isObject(current) && typeof current['$ref'] === 'string' && current['$ref'].startsWith('#')) {
    const ref = current['$ref'];
    if (visited.has(ref)) break;
    visited.add(ref);
    const target = getAtPointer(document, ref.slice(1));
    if (target === undefined) break;
    current = target;
    at = ref.slice(1);
  }
  return isObject(current)
    ? { schema: current, pointer: at, declared: at === pointer ? undefined : pointer }
    : undefined;
}

const ALL_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** The JSON types a schema admits (OpenAPI 3.0 `nullable` and 3.1 type arrays); every type when it says none. */
export function typeSet(document: Json, at: At): Set<string> {
  const types = new Set<string>();
  const declared = at.schema['type'];
  if (typeof declared === 'string') types.add(declared);
  else if (Array.isArray(declared)) for (const type of declared) if (typeof type === 'string') types.add(type);
  for (const part of allOf(document, at)) {
    const inner = part.schema['type'];
    if (types.size === 0 && typeof inner === 'string') types.add(inner);
  }
  if (types.size === 0) {
    if (
      Array.isArray(at.schema['enum']) ||
      'const' in at.schema ||
      Array.isArray(at.schema['oneOf']) ||
      Array.isArray(at.schema['anyOf'])
    )
      return new Set();
    if (isObject(at.schema['properties'])) types.add('object');
    else return new Set(ALL_TYPES);
  }
  if (at.schema['nullable'] === true) types.add('null');
  return types;
}

/** Whether every value of type set `inner` is admitted by `outer` (an integer is a number). */
export function admits(outer: Set<string>, inner: Set<string>): boolean {
  for (const type of inner) if (!outer.has(type) && !(type === 'integer' && outer.has('number'))) return false;
  return true;
}

export interface EnumFacts {
  values: unknown[];
  /** `anyOf: [{enum}, {type: string}]`: the listed values are known, others may come (see emit/open-enums.ts). */
  open: boolean;
}

export function enumOf(document: Json, at: At): EnumFacts | undefined {
  if (Array.isArray(at.schema['enum'])) return { values: at.schema['enum'], open: false };
  const branches = Array.isArray(at.schema['anyOf']) ? at.schema['anyOf'] : undefined;
  if (!branches) return undefined;
  const resolved = branches
    .map((branch, index) => resolve(document, branch, appendPointer(at.pointer, 'anyOf', index)))
    .filter((branch): branch is At => branch !== undefined);
  const listed = resolved.find((branch) => Array.isArray(branch.schema['enum']));
  const plain = resolved.some((branch) => branch.schema['type'] === 'string' && !Array.isArray(branch.schema['enum']));
  return listed && plain ? { values: listed.schema['enum'] as unknown[], open: true } : undefined;
}

function allOf(document: Json, at: At): At[] {
  const parts = Array.isArray(at.schema['allOf']) ? at.schema['allOf'] : [];
  return parts
    .map((part, index) => resolve(document, part, appendPointer(at.pointer, 'allOf', index)))
    .filter((part): part is At => part !== undefined);
}

/** Properties (name -> schema node and its pointer) and required names, through `allOf` (cycle-safe). */
export function objectFacts(
  document: Json,
  at: At,
  seen = new Set<string>(),
): { properties: Map<string, At>; required: Set<string> } {
  const properties = new Map<string, At>();
  const required = new Set<string>();
  if (seen.has(at.pointer)) return { properties, required };
  seen.add(at.pointer);
  for (const part of allOf(document, at)) {
    const inner = objectFacts(document, part, seen);
    for (const [name, value] of inner.properties) properties.set(name, value);
    for (const name of inner.required) required.add(name);
  }
  if (isObject(at.schema['properties'])) {
    for (const [name, value] of Object.entries(at.schema['properties'])) {
      const pointer = appendPointer(at.pointer, 'properties', name);
      const resolved = resolve(document, value, pointer);
      if (resolved) properties.set(name, resolved);
    }
  }
  if (Array.isArray(at.schema['required']))
    for (const name of at.schema['required']) if (typeof name === 'string') required.add(name);
  return { properties, required };
}

/** Limits where a bigger value admits more (upper bounds) and where a smaller one does (lower bounds). */
export const UPPER_LIMITS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
export const LOWER_LIMITS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;

/** The items schema of an array. */
export function itemsOf(document: Json, at: At): At | undefined {
  return resolve(document, at.schema['items'], appendPointer(at.pointer, 'items'));
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
