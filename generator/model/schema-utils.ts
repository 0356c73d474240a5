/** Reading schemas of the bundled document: following `$ref`s, properties and literal values. */
import { getAtPointer } from '../load/json-pointer.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows local `$ref`s (a bounded number of hops, so a cycle cannot hang). */
export function deref(document: Json, node: unknown): Json {
  let current = node;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current['$ref'] === 'string'; hops++) {
    const ref = current['$ref'];
    current = ref.startsWith('#') ? getAtPointer(document, ref) : undefined;
  }
  return isObject(current) ? current : {};
}

/** Every property schema of an object schema, including those of `allOf` parts. */
export function objectProperties(document: Json, schema: unknown, depth = 0): Map<string, Json> {
  const result = new Map<string, Json>();
  const resolved = deref(document, schema);
  if (depth > 16) return result;
  const properties = resolved['properties'];
  if (isObject(properties))
    for (const [name, value] of Object.entries(properties)) result.set(name, deref(document, value));
  const allOf = resolved['allOf'];
  if (Array.isArray(allOf))
    for (const part of allOf)
      for (const [name, value] of objectProperties(document, part, depth + 1))
        if (!result.has(name)) result.set(name, value);
  return result;
}

export function requiredProperties(document: Json, schema: unknown, depth = 0): Set<string> {
  const resolved = deref(document, schema);
  const result = new Set<string>(
    Array.isArray(resolved['required'])
      ? resolved['required'].filter((name): name is string => typeof name === 'string')
      : [],
  );
  const allOf = resolved['allOf'];
  if (Array.isArray(allOf) && depth < 16)
    for (const part of allOf) for (const name of requiredProperties(document, part, depth + 1)) result.add(name);
  return result;
}

/** Whether a schema describes a plain object (so a client can spread its fields into a params object). */
export function isObjectSchema(document: Json, schema: unknown): boolean {
  const resolved = deref(document, schema);
  if (Object.keys(resolved).length === 0) return false;
  const type = resolved['type'];
  if (type !== undefined && type !== 'object' && !(Array.isArray(type) && type.length === 1 && type[0] === 'object'))
    return false;
  if (resolved['oneOf'] !== undefined || resolved['anyOf'] !== undefined) return false;
  if (resolved['properties'] !== undefined || type === 'object') return true;
  const allOf = resolved['allOf'];
  return Array.isArray(allOf) && allOf.length > 0 && allOf.every((part) => isObjectSchema(document, part));
}

/** Literal string values a schema allows: `const`, `enum`, and those of its `anyOf`/`oneOf` branches. */
export function literalValues(document: Json, schema: unknown, depth = 0): string[] {
  const resolved = deref(document, schema);
  const values: string[] = [];
  if (typeof resolved['const'] === 'string') values.push(resolved['const']);
  if (Array.isArray(resolved['enum']))
    values.push(...resolved['enum'].filter((value): value is string => typeof value === 'string'));
  if (depth < 8) {
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      const branches = resolved[key];
      if (Array.isArray(branches))
        for (const branch of branches) values.push(...literalValues(document, branch, depth + 1));
    }
  }
  return [...new Set(values)];
}

/** The schema at a JSON pointer into instances of `schema` (walking properties and array items). */
export function schemaAtPointer(document: Json, schema: unknown, segments: readonly string[]): Json | undefined {
  let current: Json | undefined = deref(document, schema);
  for (const segment of segments) {
    if (!current) return undefined;
    const properties = objectProperties(document, current);
    if (properties.has(segment)) {
      current = properties.get(segment);
      continue;
    }
    if (/^\d+$/.test(segment) && current['items'] !== undefined) {
      current = deref(document, current['items']);
      continue;
    }
    return undefined;
  }
  return current;
}

/** The component name of a `#/components/schemas/<name>` reference. */
export function componentName(node: unknown): string | undefined {
  const ref = isObject(node) ? node['$ref'] : undefined;
  const match = typeof ref === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match?.[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A value that satisfies a schema well enough to show in an example when the
 * spec gives none: its example, default, const or first enum value, else a
 * placeholder of its type (a string placeholder is the name it is for), with
 * the required properties of objects filled in.
 */
export function sampleValue(document: Json, schema: unknown, depth = 0, name?: string): unknown {
  const resolved = deref(document, schema);
  if (resolved['example'] !== undefined) return resolved['example'];
  if (Array.isArray(resolved['examples']) && resolved['examples'].length > 0) return resolved['examples'][0];
  if (resolved['default'] !== undefined) return resolved['default'];
  if (resolved['const'] !== undefined) return resolved['const'];
  if (Array.isArray(resolved['enum']) && resolved['enum'].length > 0) return resolved['enum'][0];
  for (const key of ['oneOf', 'anyOf']) {
    const branches = resolved[key];
    if (Array.isArray(branches)) {
      const first = branches.find((branch) => deref(document, branch)['type'] !== 'null');
      if (first !== undefined) return sampleValue(document, first, depth + 1, name);
    }
  }
  const declared = resolved['type'];
  const type = Array.isArray(declared) ? declared.find((item) => item !== 'null') : declared;
  switch (type) {
    case 'integer':
    case 'number':
      return typeof resolved['minimum'] === 'number' ? resolved['minimum'] : 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 4 ? [] : [sampleValue(document, resolved['items'], depth + 1, name)];
    case 'string':
      return resolved['format'] === 'uuid'
        ? '00000000-0000-4000-8000-000000000000'
        : resolved['format'] === 'date-time'
          ? '2024-01-01T00:00:00Z'
          : resolved['format'] === 'date'
            ? '2024-01-01'
            : resolved['format'] === 'uri'
              ? 'https://example.com'
              : (name ?? 'string');
    default: {
      if (depth > 4) return {};
      const value: Json = {};
      for (const property of requiredProperties(document, resolved))
        value[property] = sampleValue(
          document,
          objectProperties(document, resolved).get(property),
          depth + 1,
          property,
        );
      return value;
    }
  }
}
