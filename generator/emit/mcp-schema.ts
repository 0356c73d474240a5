/**
 * JSON Schemas (draft 2020-12) for MCP tool inputs, from OpenAPI schemas.
 *
 * Each schema the document names through a `$ref` is converted once and
 * shared: a tool's input schema refers to it as `#/$defs/<name>` and carries,
 * in its own `$defs`, exactly the definitions it reaches (JSON Schema
 * 2020-12, section 8.2.4; MCP tools default to that dialect). Inlining every
 * reference instead repeats each shared schema at every use and grows
 * exponentially on large, interlinked APIs, while a cycle needs no special
 * case here: it is a `$ref` back to a definition.
 *
 * OpenAPI 3.0 `nullable` becomes a `null` type, OpenAPI-only keywords are
 * dropped, and binary strings become base64 text (JSON cannot carry bytes).
 */
import { getAtPointer } from '../load/json-pointer.js';
import { isBinary } from '../model/json-schema.js';
import { isObject, type Json } from '../model/schema-utils.js';

const OPENAPI_ONLY = new Set([
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'nullable',
  'readOnly',
  'x-specsmith-events',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set([
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
const DEFS = '#/$defs/';

interface Definition {
  schema: Json;
  /** Length of the definition's JSON text. */
  size: number;
  /** Definitions it refers to directly. */
  refs: ReadonlySet<string>;
}

/** The last segment of a JSON pointer (RFC 6901 unescaped), as a name that needs no escaping inside a `$ref`. */
function definitionName(ref: string): string {
  const last = (ref.split('/').at(-1) ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Not percent-encoded text: keep it as written.
  }
  return decoded.replace(/[^A-Za-z0-9_.-]/g, '_') || 'Schema';
}

/** The definitions of one document, converted on first use and shared by every tool. */
export class SchemaDefinitions {
  readonly #document: Json;
  readonly #names = new Map<string, string>();
  readonly #taken = new Set<string>();
  readonly #definitions = new Map<string, Definition>();
  readonly #pending: Array<{ ref: string; name: string }> = [];
  #converted = 0;

  constructor(document: Json) {
    this.#document = document;
  }

  /**
   * The JSON Schema for an OpenAPI schema; references become `#/$defs/<name>`,
   * and the names they use are added to `used`.
   */
  convert(schema: unknown, used: Set<string>): Json {
    if (!isObject(schema)) return {};
    const ref = schema['$ref'];
    if (typeof ref === 'string') {
      const { $ref: _ref, ...siblings } = schema;
      const target: Json = ref.startsWith('#')
        ? { $ref: `${DEFS}${this.#define(ref)}` }
        : { description: `See ${ref}.` };
      if (typeof target['$ref'] === 'string') used.add(target['$ref'].slice(DEFS.length));
      return Object.keys(siblings).length > 0 ? { ...target, ...this.convert(siblings, used) } : target;
    }
    if (isBinary(schema)) {
      return {
        type: 'string',
        contentEncoding: 'base64',
        description:
          `${typeof schema['description'] === 'string' ? `${schema['description']} ` : ''}(bytes, base64-encoded)`.trim(),
      };
    }
    const result: Json = {};
    for (const [key, value] of Object.entries(schema)) {
      if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
      if (SCHEMA_MAPS.has(key))
        result[key] = isObject(value)
          ? Object.fromEntries(Object.entries(value).map(([name, item]) => [name, this.convert(item, used)]))
          : value;
      else if (SCHEMA_LISTS.has(key))
        result[key] = Array.isArray(value) ? value.map((item) => this.convert(item, used)) : value;
      else if (SCHEMA_VALUES.has(key)) result[key] = isObject(value) ? this.convert(value, used) : value;
      else result[key] = value;
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

  /** The schema a `#/$defs/<name>` reference stands for (following references between definitions), else the schema itself. */
  resolve(schema: Json): Json {
    let current = schema;
    for (let hops = 0; hops < 32; hops++) {
      const ref = current['$ref'];
      const definition =
        typeof ref === 'string' && ref.startsWith(DEFS) ? this.#definition(ref.slice(DEFS.length)) : undefined;
      if (!definition) return current;
      current = definition.schema;
    }
    return current;
  }

  /**
   * The definitions `names` reach, directly or through one another, sorted by
   * name; undefined as soon as their JSON text would pass `maxBytes`.
   */
  closure(names: Iterable<string>, maxBytes: number): Record<string, Json> | undefined {
    const reached = new Set<string>();
    const queue = [...names];
    let size = 0;
    for (let index = 0; index < queue.length; index++) {
      const name = queue[index] ?? '';
      if (reached.has(name)) continue;
      const definition = this.#definition(name);
      if (!definition) continue;
      reached.add(name);
      size += definition.size + name.length + 4;
      if (size > maxBytes) return undefined;
      queue.push(...definition.refs);
    }
    return Object.fromEntries([...reached].sort().map((name) => [name, this.#definition(name)?.schema ?? {}]));
  }

  /** The name of the definition for a reference; its conversion waits until it is read, so deep chains never deepen the stack. */
  #define(ref: string): string {
    const known = this.#names.get(ref);
    if (known !== undefined) return known;
    const base = definitionName(ref);
    let name = base;
    for (let n = 2; this.#taken.has(name); n++) name = `${base}${n}`;
    this.#taken.add(name);
    this.#names.set(ref, name);
    this.#pending.push({ ref, name });
    return name;
  }

  #definition(name: string): Definition | undefined {
    while (!this.#definitions.has(name) && this.#converted < this.#pending.length) {
      const { ref, name: next } = this.#pending[this.#converted++] as { ref: string; name: string };
      const refs = new Set<string>();
      const schema = this.convert(this.#target(ref), refs);
      this.#definitions.set(next, { schema, size: JSON.stringify(schema).length, refs });
    }
    return this.#definitions.get(name);
  }

  /** What a reference points at; the validate stage reports references that point nowhere, so here they are open schemas. */
  #target(ref: string): unknown {
    try {
      return getAtPointer(this.#document, ref);
    } catch {
      return {};
    }
  }
}
