/**
 * Which component schema a value is, when it is exactly one: a response body
 * (`$ref: '#/components/schemas/Run'`), the data under an envelope pointer
 * (`/data` of `RunResponse`), or the items of a listed array. Such a value is
 * typed by the schema's public name (`Run`) instead of an operation type of
 * its own, so editors show the name users know from the API reference.
 */
import { parsePointer } from '../load/json-pointer.js';
import { componentName, deref, isObject, type Json } from './schema-utils.js';

/** The schema of property `name` of an object schema, as written (a `$ref` stays a `$ref`), looking into `allOf` parts too. */
function propertyAsWritten(document: Json, schema: unknown, name: string, depth = 0): unknown {
  const resolved = deref(document, schema);
  const properties = resolved['properties'];
  if (isObject(properties) && Object.hasOwn(properties, name)) return properties[name];
  const parts = resolved['allOf'];
  if (!Array.isArray(parts) || depth > 16) return undefined;
  for (const part of parts) {
    const found = propertyAsWritten(document, part, name, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The schema at `pointer` inside `schema`, as written; undefined when the pointer leaves the schema. */
function schemaAsWritten(document: Json, schema: unknown, pointer: string): unknown {
  let current = schema;
  for (const segment of parsePointer(pointer)) {
    const property = propertyAsWritten(document, current, segment);
    if (property !== undefined) current = property;
    else if (/^\d+$/.test(segment) && deref(document, current)['items'] !== undefined)
      current = deref(document, current)['items'];
    else return undefined;
  }
  return current;
}

/** The component schema `schema` (or the value at `pointer` in it) refers to directly. */
export function namedSchemaAt(document: Json, schema: unknown, pointer = ''): string | undefined {
  return componentName(schemaAsWritten(document, schema, pointer));
}

/** The schema of an operation's response body for one status and media type, as written. */
export function responseSchema(document: Json, operation: Json, status: number, mediaType: string): unknown {
  const responses = operation['responses'];
  const response = deref(document, isObject(responses) ? responses[String(status)] : undefined);
  const content = response['content'];
  const media = isObject(content) ? content[mediaType] : undefined;
  return isObject(media) ? media['schema'] : undefined;
}

/** The component schema of the items of the array at `pointer` in `schema`. */
export function namedItemsAt(document: Json, schema: unknown, pointer: string): string | undefined {
  const array = schemaAsWritten(document, schema, pointer);
  return array === undefined ? undefined : componentName(deref(document, array)['items']);
}
