/**
 * Self-contained JSON Schemas (draft 2020-12) from OpenAPI schemas, for
 * consumers that see one schema at a time (MCP tool input schemas): `$ref`s
 * are inlined, a recursive reference becomes an open schema with a note,
 * OpenAPI 3.0 `nullable` becomes a `null` type, OpenAPI-only keywords are
 * dropped, and binary strings become base64 text (JSON cannot carry bytes).
 */
import { deref, isObject, type Json } from './schema-utils.js';

const OPENAPI_ONLY = new Set(['discriminator', 'xml', 'externalDocs', 'example', 'nullable', 'readOnly', 'x-specsmith-events']);

/** A schema for raw bytes: `format: binary`, or a string whose media type is not text, JSON or XML. */
export function isBinary(schema: Json): boolean {
  const media = schema['contentMediaType'];
  return schema['format'] === 'binary' || (schema['type'] === 'string' && typeof media === 'string' && !/^text\/|json|xml/.test(media));
}

/** The schema with every reference inlined; `stack` holds the refs being expanded (cycle guard). */
export function inlineSchema(document: Json, schema: unknown, stack: readonly string[] = []): Json {
  if (!isObject(schema)) return {};
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    if (stack.includes(ref) || stack.length > 24) {
      const name = ref.split('/').at(-1) ?? 'schema';
      return { description: `A ${name} (recursive; see the API reference).` };
    }
    const { $ref: _ref, ...siblings } = schema;
    return { ...inlineSchema(document, deref(document, schema), [...stack, ref]), ...inlineSchema(document, siblings, stack) };
  }
  if (isBinary(schema)) {
    return { type: 'string', contentEncoding: 'base64', description: `${typeof schema['description'] === 'string' ? `${schema['description']} ` : ''}(bytes, base64-encoded)`.trim() };
  }
  const result: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions' || key === 'dependentSchemas') {
      result[key] = isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, item]) => [name, inlineSchema(document, item, stack)])) : value;
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'prefixItems') {
      result[key] = Array.isArray(value) ? value.map((item) => inlineSchema(document, item, stack)) : value;
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not' || key === 'contains' || key === 'propertyNames' || key === 'if' || key === 'then' || key === 'else' || key === 'unevaluatedProperties' || key === 'unevaluatedItems') {
      result[key] = isObject(value) ? inlineSchema(document, value, stack) : value;
    } else {
      result[key] = value;
    }
  }
  if (schema['nullable'] === true) {
    const type = result['type'];
    if (typeof type === 'string') result['type'] = [type, 'null'];
    else if (Array.isArray(type) && !type.includes('null')) result['type'] = [...type, 'null'];
    else if (type === undefined) return { anyOf: [result, { type: 'null' }] };
  }
  if (schema['example'] !== undefined && result['examples'] === undefined) result['examples'] = [schema['example']];
  return result;
}
