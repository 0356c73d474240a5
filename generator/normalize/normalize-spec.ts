/**
 * Between validate and model: rewrite valid-but-awkward constructs into the
 * shape openapi-typescript and the model handle well, so real-world documents
 * generate compiling code where peers fail.
 *
 * - A `$ref` that points inside a path item or into a nested schema location
 *   (`#/paths/~1pets/get/.../schema`, `#/components/schemas/Outer/definitions/Inner`)
 *   is hoisted: the target moves into `components` under a derived name, the
 *   original spot refers to it, and every reference is rewritten.
 * - Discriminator mappings that name schemas (allowed by OpenAPI) become `$ref`s.
 * - An inline server-sent-event `contentSchema` becomes a named component, so
 *   the client can export a type for its events.
 *
 * The document is the bundle the load stage built for this run; it is edited
 * in place.
 */
import { appendPointer, getAtPointer, parsePointer } from '../load/json-pointer.js';
import { NameScope, pascalCase } from '../model/naming.js';
import { isObject, type Json } from '../model/schema-utils.js';

const COMPONENT_SECTIONS = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
];
const SCHEMA_KEYWORDS = new Set([
  'schema',
  'items',
  'additionalProperties',
  'not',
  'contentSchema',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'if',
  'then',
  'else',
  'contains',
]);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** A reference to a whole component (`#/components/schemas/Pet`) rather than into one. */
function isCanonical(ref: string): boolean {
  const segments = ref.startsWith('#/') ? parsePointer(ref) : [];
  return segments.length === 3 && segments[0] === 'components' && COMPONENT_SECTIONS.includes(segments[1] ?? '');
}

interface RefSite {
  holder: Json;
  ref: string;
  /** Component section the target belongs in, judged from where the reference stands. */
  section: 'schemas' | 'parameters' | 'responses' | 'requestBodies' | undefined;
}

type NodeKind =
  | 'schema'
  | 'schemaList'
  | 'schemaMap'
  | 'parameterList'
  | 'parameterMap'
  | 'parameter'
  | 'responseMap'
  | 'response'
  | 'requestBodyMap'
  | 'requestBody'
  | 'other';

const SECTION_OF: Partial<Record<NodeKind, RefSite['section']>> = {
  schema: 'schemas',
  parameter: 'parameters',
  response: 'responses',
  requestBody: 'requestBodies',
};
/** Keys whose values are data, never OpenAPI objects (where the key is a keyword, not a name). */
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);
/** Kinds of node whose keys are names the spec chose (a property called `default`, a parameter called `x-id`), not keywords. */
const NAME_MAPS = new Set<NodeKind>(['schemaMap', 'parameterMap', 'responseMap', 'requestBodyMap']);

/** What a child is, from what its parent is and the key it sits under. */
function childKind(kind: NodeKind, key: string): NodeKind {
  switch (kind) {
    case 'schema':
      return SCHEMA_KEYWORDS.has(key)
        ? 'schema'
        : SCHEMA_LISTS.has(key)
          ? 'schemaList'
          : SCHEMA_MAPS.has(key)
            ? 'schemaMap'
            : 'other';
    case 'schemaList':
    case 'schemaMap':
      return 'schema';
    case 'parameterList':
    case 'parameterMap':
      return 'parameter';
    case 'responseMap':
      return 'response';
    case 'requestBodyMap':
      return 'requestBody';
    default:
      if (key === 'schema' || key === 'contentSchema') return 'schema';
      if (key === 'parameters') return 'parameterList';
      if (key === 'responses') return 'responseMap';
      if (key === 'requestBody') return 'requestBody';
      return 'other';
  }
}

const COMPONENT_KINDS: Record<string, NodeKind> = {
  schemas: 'schemaMap',
  parameters: 'parameterMap',
  responses: 'responseMap',
  requestBodies: 'requestBodyMap',
};

/** Calls `onNode` on every object of the document's components, paths and webhooks with the kind of object it is. */
function walkDocument(document: Json, onNode: (node: Json, kind: NodeKind) => void): void {
  const visit = (node: unknown, kind: NodeKind): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      const itemKind = kind === 'parameterList' ? 'parameter' : kind === 'schemaList' ? 'schema' : kind;
      for (const item of node) visit(item, itemKind);
      return;
    }
    const record = node as Json;
    onNode(record, kind);
    for (const [key, value] of Object.entries(record)) {
      if (NAME_MAPS.has(kind) || (!key.startsWith('x-') && !DATA_KEYS.has(key))) visit(value, childKind(kind, key));
    }
  };
  for (const [key, value] of Object.entries(document)) {
    if (key === 'components' && isObject(value)) {
      for (const [section, entries] of Object.entries(value)) visit(entries, COMPONENT_KINDS[section] ?? 'other');
    } else if (key === 'paths' || key === 'webhooks') {
      visit(value, 'other');
    }
  }
}

/** Every `$ref` in the document with the kind of object it stands for. */
function collectRefs(document: Json): RefSite[] {
  const sites: RefSite[] = [];
  walkDocument(document, (node, kind) => {
    if (typeof node['$ref'] === 'string') sites.push({ holder: node, ref: node['$ref'], section: SECTION_OF[kind] });
  });
  return sites;
}

/** The object under `key`, created when it is missing (sections of `components` a rewrite adds to). */
function objectAt(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isObject(existing)) return existing;
  const created: Json = {};
  parent[key] = created;
  return created;
}

function setAtPointer(document: Json, pointer: string, value: unknown): void {
  const segments = parsePointer(pointer);
  const last = segments.pop();
  const parent = getAtPointer(document, segments);
  if (last !== undefined && parent !== null && typeof parent === 'object') (parent as Json)[last] = value;
}

function hoistNonCanonicalRefs(document: Json): void {
  const components = objectAt(document, 'components');
  const scopes = new Map<string, NameScope>();
  const scopeFor = (section: string): NameScope => {
    let scope = scopes.get(section);
    if (!scope) {
      scope = new NameScope(Object.keys(isObject(components[section]) ? components[section] : {}));
      scopes.set(section, scope);
    }
    return scope;
  };
  const sites = collectRefs(document).filter(
    (site) => site.ref.startsWith('#/') && !isCanonical(site.ref) && site.section !== undefined,
  );
  // Deepest targets first: a child hoisted before its parent leaves a plain reference inside the parent.
  const targets = [...new Map(sites.map((site) => [site.ref, site.section])).entries()].sort(
    ([a], [b]) => parsePointer(b).length - parsePointer(a).length,
  );
  const moved = new Map<string, string>();
  for (const [ref, section] of targets) {
    if (!section) continue;
    const value = getAtPointer(document, ref);
    if (value === undefined) continue;
    const segments = parsePointer(ref);
    const base =
      pascalCase(
        segments
          .filter(
            (segment) =>
              !/^\d+$/.test(segment) &&
              ![
                'properties',
                'items',
                'schema',
                'content',
                'definitions',
                '$defs',
                'paths',
                'components',
                'schemas',
                'application/json',
              ].includes(segment),
          )
          .slice(-2)
          .join(' '),
      ) || 'Schema';
    const name = scopeFor(section).claim(base);
    const target = `#/components/${section}/${name}`;
    objectAt(components, section)[name] = value;
    setAtPointer(document, ref, { $ref: target });
    moved.set(ref, target);
  }
  if (moved.size === 0) return;
  for (const site of collectRefs(document)) {
    const target = moved.get(site.ref);
    if (target && site.holder['$ref'] !== target) site.holder['$ref'] = target;
  }
}

/** `mapping: {cat: Cat}` -> `mapping: {cat: '#/components/schemas/Cat'}` where Cat is a schema. */
function resolveDiscriminatorMappings(document: Json): void {
  const schemas = isObject(isObject(document['components']) ? (document['components'] as Json)['schemas'] : undefined)
    ? ((document['components'] as Json)['schemas'] as Json)
    : {};
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Json;
    const discriminator = record['discriminator'];
    if (isObject(discriminator) && isObject(discriminator['mapping'])) {
      const mapping = discriminator['mapping'];
      for (const [key, value] of Object.entries(mapping)) {
        if (typeof value === 'string' && !value.includes('/') && !value.includes('#') && value in schemas)
          mapping[key] = appendPointer('#/components/schemas', value);
      }
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(document);
}

/** Inline SSE event schemas become components named after their operation. */
function nameInlineEventSchemas(document: Json): void {
  const paths = isObject(document['paths']) ? document['paths'] : {};
  const components = objectAt(document, 'components');
  const schemas = objectAt(components, 'schemas');
  const scope = new NameScope(Object.keys(schemas));
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation) || !isObject(operation['responses'])) continue;
      for (const response of Object.values(operation['responses'])) {
        const media =
          isObject(response) && isObject(response['content'])
            ? (response['content'] as Json)['text/event-stream']
            : undefined;
        const schema = isObject(media) ? media['schema'] : undefined;
        if (
          !isObject(schema) ||
          !isObject(schema['contentSchema']) ||
          typeof schema['contentSchema']['$ref'] === 'string'
        )
          continue;
        const name = scope.claim(`${pascalCase(String(operation['operationId'] ?? `${method} ${path}`))}Event`);
        schemas[name] = schema['contentSchema'];
        schema['contentSchema'] = { $ref: appendPointer('#/components/schemas', name) };
      }
    }
  }
}

/**
 * `enum` and `const` values that are not finite numbers: JSON has none, but a
 * literal like `1e400` reads as Infinity, which no instance can equal and no
 * TypeScript literal type can name. Such values are dropped; an enum left
 * empty, like such a const, is dropped too, so the schema is its plain type.
 */
function dropNonFiniteLiterals(document: Json): void {
  const nonFinite = (value: unknown): boolean => typeof value === 'number' && !Number.isFinite(value);
  forEachSchema(document, (schema) => {
    if (nonFinite(schema['const'])) delete schema['const'];
    const values = schema['enum'];
    if (Array.isArray(values) && values.some(nonFinite)) {
      const kept = values.filter((value) => !nonFinite(value));
      if (kept.length > 0) schema['enum'] = kept;
      else delete schema['enum'];
    }
  });
}

/** Calls `visit` on every schema object of the document, each once. */
function forEachSchema(document: Json, visit: (schema: Json) => void): void {
  const seen = new Set<Json>();
  walkDocument(document, (node, kind) => {
    if (kind !== 'schema' || seen.has(node)) return;
    seen.add(node);
    visit(node);
  });
}

export function normalizeSpec(document: Json): Json {
  dropNonFiniteLiterals(document);
  resolveDiscriminatorMappings(document);
  hoistNonCanonicalRefs(document);
  nameInlineEventSchemas(document);
  return document;
}
