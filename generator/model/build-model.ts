/**
 * Stage 3, model: normalise the bundled OpenAPI document into specsmith's IR.
 * Resources come from tags, method names from operationIds, and provider
 * conventions from `x-specsmith-*` extensions; every name is decided here, in
 * one pass, so the emit stage only prints.
 */
import type { AuthScheme } from '../runtime/config.js';
import type { BodyKind, HttpMethod, ResponseKind } from '../runtime/operation.js';
import { appendPointer, parsePointer } from '../load/json-pointer.js';
import { camelCase, identifier, isIdentifier, memberName, NameScope, pascalCase, RESERVED_MEMBERS, singular, words } from './naming.js';
import { componentName, deref, isObject, isObjectSchema, literalValues, objectProperties, requiredProperties, sampleValue, schemaAtPointer, type Json } from './schema-utils.js';
import { clientTypeNames, RENAME_SUFFIXES, RESERVED_TYPE_NAMES } from './reserved-names.js';
import { namedItemsAt, namedSchemaAt, responseSchema } from './named-type.js';
import { indexByPointer, intersection, operationType, presentAt, propertyKey, quote, responseStatusKey, union } from './type-expressions.js';
import type {
  ApiModel,
  BodyModel,
  OperationModel,
  ParamModel,
  RateLimitPolicy,
  Rename,
  ResourceModel,
  ResponseModel,
  SchemaAlias,
  SSEModel,
  StateRuleModel,
  WebhooksModel,
} from './types.js';

export interface ModelOptions {
  /** Spec path shown in generated headers and docs. */
  source: string;
  /** npm package name; defaults to `@specsmith/<spec folder>`. */
  packageName?: string | undefined;
  packageVersion?: string | undefined;
}

/** A path segment that only says the API version (`v1`, `2`, `v2.1`): it names nothing. */
const VERSION_SEGMENT = /^v?\d+(\.\d+)*$/i;
const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Members every generated client has; a resource may not shadow them. */
export const CLIENT_MEMBERS = ['raw', 'baseUrl', 'waitFor', 'verifyWebhook', 'withOptions', 'toJSON', 'constructor'];
/** Headers OpenAPI says are not parameters (https://spec.openapis.org/oas/v3.1.0#fixed-fields-9). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function record(value: unknown): Json | undefined {
  return isObject(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function responseKindOf(mediaType: string): ResponseKind {
  const type = mediaType.toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (/[/+]json\b/.test(type)) return 'json';
  if (type.startsWith('text/') || /[/+]xml\b/.test(type)) return 'text';
  return 'binary';
}

function bodyKindOf(mediaType: string): BodyKind {
  const type = mediaType.toLowerCase();
  if (/[/+]json\b/.test(type)) return 'json';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('text/')) return 'text';
  return 'binary';
}

function serverUrl(server: Json | undefined): string {
  let url = text(server?.['url']) ?? '';
  const variables = record(server?.['variables']) ?? {};
  for (const [name, variable] of Object.entries(variables)) {
    const fallback = record(variable)?.['default'];
    url = url.split(`{${name}}`).join(typeof fallback === 'string' ? fallback : '');
  }
  return url.replace(/\/+$/, '');
}

function authScheme(scheme: Json): AuthScheme | undefined {
  const type = scheme['type'];
  if (type === 'http') {
    const name = String(scheme['scheme'] ?? '').toLowerCase();
    return name === 'basic' ? { type: 'basic' } : { type: 'bearer' };
  }
  if (type === 'apiKey') {
    const name = String(scheme['name'] ?? '');
    const where = scheme['in'];
    if (where === 'header') return { type: 'header', name };
    if (where === 'query') return { type: 'query', name };
    if (where === 'cookie') return { type: 'cookie', name };
  }
  if (type === 'oauth2' || type === 'openIdConnect') return { type: 'bearer' };
  return undefined;
}

function securityOf(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((requirement) => (isObject(requirement) ? Object.keys(requirement) : []));
}

function policies(value: unknown): RateLimitPolicy[] {
  return (record(value)?.['policies'] as RateLimitPolicy[] | undefined) ?? [];
}

function exampleOf(document: Json, holder: Json): unknown {
  if (holder['example'] !== undefined) return holder['example'];
  const examples = record(holder['examples']);
  const first = examples ? Object.values(examples)[0] : undefined;
  if (first !== undefined) return deref(document, first)['value'];
  const schema = deref(document, holder['schema']);
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples'])) return schema['examples'][0];
  return undefined;
}

/** The pointer's first segment is a property of the (object) schema: the envelope applies to this body. */
function hasEnvelope(document: Json, schema: unknown, pointer: string): boolean {
  return schemaAtPointer(document, schema, parsePointer(pointer)) !== undefined;
}

interface Context {
  document: Json;
  /** Exported type names: seeded with every reserved name (reserved-names.ts). */
  types: NameScope;
  /**
   * Resource class names. The package does not export them, so they do not
   * compete with the exported types (a resource file that also imports a type
   * of its class's name refers to it through a namespace import).
   */
  classes: NameScope;
  renames: Rename[];
}

/**
 * An exported type name. A wanted name that is reserved (a global, a runtime
 * export) gets a suffix (`Promise` -> `PromiseSchema`); one taken by an earlier
 * spec name gets the alternatives, then a number. Every rename is recorded.
 */
function claimType(context: Context, subject: string, wanted: string, ...alternatives: string[]): string {
  const reserved = RESERVED_TYPE_NAMES.has(wanted);
  const name = context.types.claim(wanted, ...alternatives, ...(reserved ? RENAME_SUFFIXES.map((suffix) => `${wanted}${suffix}`) : []));
  if (name !== wanted) context.renames.push({ subject, wanted, name, reason: reserved ? 'reserved' : 'taken' });
  return name;
}

/**
 * A resource class name (`Runs`): its own scope, kept off reserved names
 * (`Promise` -> `PromiseResource`) and the other resources.
 */
function claimClass(context: Context, subject: string, wanted: string): string {
  const reserved = RESERVED_TYPE_NAMES.has(wanted);
  const name = context.classes.claim(wanted, `${wanted}Resource`);
  if (name !== wanted) context.renames.push({ subject, wanted, name, reason: reserved ? 'reserved' : 'taken' });
  return name;
}

/**
 * The component schemas, named later (nameSchemas): every other exported name
 * follows one fixed scheme, so a schema that collides with one is what gets
 * renamed (`RunListParams` -> `RunListParamsSchema`).
 */
function buildSchemaAliases(context: Context): SchemaAlias[] {
  const schemas = record(record(context.document['components'])?.['schemas']) ?? {};
  return Object.keys(schemas).map((component) => ({ component, name: '' }));
}

/** Claims each schema's name (`Run`); a reserved or already claimed one gets a suffix (`RunListParamsSchema`, then `Model`, then a number). */
function nameSchemas(context: Context, schemas: SchemaAlias[]): Map<string, string> {
  for (const schema of schemas) {
    const wanted = identifier(pascalCase(schema.component), 'Schema');
    schema.name = claimType(context, `schema ${appendPointer('#/components/schemas', schema.component)}`, wanted, ...RENAME_SUFFIXES.map((suffix) => `${wanted}${suffix}`));
  }
  return new Map(schemas.map((schema) => [schema.component, schema.name]));
}

/**
 * The client class name: `x-specsmith-client.name` or the title, as an
 * identifier, moved off reserved names (with its error, error code and
 * webhook event types): `Promise` -> `PromiseClient`.
 */
function clientName(wanted: string, renames: Rename[]): string {
  const free = (candidate: string): boolean => clientTypeNames(candidate).every((name) => !RESERVED_TYPE_NAMES.has(name));
  const candidates = [wanted, `${wanted}Client`, `${wanted}Api`];
  let name = candidates.find(free);
  for (let n = 2; name === undefined; n++) if (free(`${wanted}${n}`)) name = `${wanted}${n}`;
  if (name !== wanted) renames.push({ subject: 'the client class', wanted, name, reason: 'reserved' });
  return name;
}

/** A plain TypeScript type for a scalar schema (string, number, boolean, or a union of string literals); undefined for anything richer. */
function simpleType(document: Json, schema: unknown): string | undefined {
  const resolved = deref(document, schema);
  const type = resolved['type'];
  const values = resolved['enum'];
  if (type === 'string' && Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === 'string')) return values.map((value) => quote(String(value))).join(' | ');
  if (Array.isArray(values) || resolved['const'] !== undefined) return undefined;
  if (type === 'string') return 'string';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return undefined;
}

function parametersOf(context: Context, path: string, pathItem: Json, operation: Json, base: string): { path: ParamModel[]; query: ParamModel[]; header: ParamModel[] } {
  const byKey = new Map<string, Json>();
  for (const raw of [...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []), ...(Array.isArray(operation['parameters']) ? operation['parameters'] : [])]) {
    const parameter = deref(context.document, raw);
    byKey.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
  }
  // Path parameters become arguments of the generated method, whose body also uses these names.
  const args = new NameScope(['options', 'params', 'data', 'ops', 'started', 'spec', 'EventStream', 'paginate', 'awaitStreamResult', 'uploadInChunks']);
  const result = { path: [] as ParamModel[], query: [] as ParamModel[], header: [] as ParamModel[] };
  const model = (parameter: Json, location: 'path' | 'query' | 'header'): ParamModel => {
    const name = String(parameter['name']);
    return {
      name,
      argName: location === 'path' ? args.claim(identifier(camelCase(name) || 'id')) : name,
      multiSegment: location === 'path' && parameter['x-specsmith-multi-segment'] === true,
      required: parameter['required'] === true || location === 'path',
      description: text(parameter['description']),
      type: simpleType(context.document, parameter['schema']) ?? `${base}['parameters'][${quote(location)}][${quote(name)}]`,
      example: exampleOf(context.document, parameter) ?? (location === 'path' || parameter['required'] === true ? sampleValue(context.document, parameter['schema'], 0, String(parameter['name'])) : undefined),
    };
  };
  // Path parameters in the order the template names them: that is the order of the positional arguments.
  for (const match of path.matchAll(/\{([^{}]+)\}/g)) {
    const parameter = byKey.get(`path:${match[1]}`);
    if (parameter) result.path.push(model(parameter, 'path'));
  }
  for (const parameter of byKey.values()) {
    if (parameter['in'] === 'query') result.query.push(model(parameter, 'query'));
    if (parameter['in'] === 'header' && !IGNORED_HEADERS.has(String(parameter['name']).toLowerCase())) result.header.push(model(parameter, 'header'));
  }
  return result;
}

function bodyOf(context: Context, operation: Json, base: string, paramNames: Set<string>, upload: OperationModel['upload']): BodyModel | undefined {
  const requestBody = deref(context.document, operation['requestBody']);
  const content = record(requestBody['content']);
  if (!content) return undefined;
  const entries = Object.entries(content);
  const [mediaType, mediaRaw] = entries.find(([type]) => /[/+]json\b/i.test(type)) ?? entries[0] ?? [];
  if (!mediaType) return undefined;
  const media = record(mediaRaw) ?? {};
  const kind = bodyKindOf(mediaType);
  const required = requestBody['required'] === true;
  const schema = media['schema'];
  const properties = objectProperties(context.document, schema);
  const objectLike = (kind === 'json' || kind === 'multipart' || kind === 'form') && isObjectSchema(context.document, schema);
  const collides = [...properties.keys()].some((name) => paramNames.has(name));
  const flat = objectLike && !collides;
  // A body that is not flat sits under its own key of the params object: `body`, unless a parameter is called that.
  const param = flat ? undefined : new NameScope(paramNames).claim('body', 'requestBody');
  // A flat body is spread into the params object, so a nullable body schema (3.0 `nullable`) still takes an object here.
  const bodyType = `NonNullable<${base}['requestBody']>['content'][${quote(mediaType)}]`;
  const wire = flat ? `NonNullable<${bodyType}>` : bodyType;
  let type = wire;
  if (kind === 'binary') type = 'BinaryBody';
  else if (kind === 'text') type = 'string';
  else if (upload?.hash && properties.has(upload.hash.field)) type = `Omit<${wire}, ${quote(upload.hash.field)}> & { ${propertyKey(upload.hash.field)}?: ${wire}[${quote(upload.hash.field)}] }`;
  const requiredFields = [...requiredProperties(context.document, schema)].filter((name) => !(upload?.hash && name === upload.hash.field));
  const example = exampleOf(context.document, media) ?? (kind === 'json' || kind === 'multipart' || kind === 'form' ? sampleValue(context.document, schema) : undefined);
  return { kind, mediaType, required, flat, param, type, hasRequiredFields: requiredFields.length > 0, example };
}

function responsesOf(context: Context, operation: Json, base: string, envelope: string | undefined): { success: ResponseModel[]; errors: string[] } {
  const responses = record(operation['responses']) ?? {};
  const success: ResponseModel[] = [];
  const errors: string[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^2(\d\d|XX)$/i.test(status)) {
      if (/^[45]/.test(status) || status === 'default') errors.push(status);
      continue;
    }
    const numeric = /^\d+$/.test(status) ? Number(status) : 200;
    const response = deref(context.document, raw);
    const content = record(response['content']);
    const entries = content ? Object.entries(content) : [];
    if (entries.length === 0) {
      success.push({ status: numeric, kind: 'empty', mediaType: undefined, unwrap: undefined, type: 'void' });
      continue;
    }
    const kinds = new Set(entries.map(([mediaType]) => responseKindOf(mediaType)));
    const types: string[] = [];
    const named = new Set<string | undefined>();
    let unwrap: string | undefined;
    for (const [mediaType, mediaRaw] of entries) {
      const kind = responseKindOf(mediaType);
      const wire = `${base}['responses'][${responseStatusKey(status)}]['content'][${quote(mediaType)}]`;
      if (kind === 'json') {
        const schema = record(mediaRaw)?.['schema'];
        if (envelope && hasEnvelope(context.document, schema, envelope)) {
          unwrap = envelope;
          types.push(presentAt(wire, envelope));
          named.add(namedSchemaAt(context.document, schema, envelope));
        } else {
          types.push(wire);
          named.add(namedSchemaAt(context.document, schema));
        }
        continue;
      }
      named.add(undefined);
      if (kind === 'text') types.push('string');
      else if (kind === 'binary') types.push('Blob');
      else types.push('ReadableStream<Uint8Array>');
    }
    const kind: ResponseKind = kinds.size === 1 ? ([...kinds][0] ?? 'json') : 'auto';
    success.push({ status: numeric, kind, mediaType: entries.map(([mediaType]) => mediaType).join(', '), unwrap, type: union(types), schema: named.size === 1 ? [...named][0] : undefined });
  }
  return { success, errors };
}

function sseOf(context: Context, operation: Json, responses: ResponseModel[]): SSEModel | undefined {
  const stream = responses.find((response) => response.kind === 'sse');
  if (!stream) return undefined;
  const extension = record(operation['x-specsmith-sse']) ?? {};
  const typeField = text(extension['typeField']) ?? 'type';
  const content = record(deref(context.document, record(operation['responses'])?.[String(stream.status)])['content']);
  const media = record(content?.['text/event-stream']) ?? {};
  const schema = deref(context.document, media['schema']);
  const contentSchema = schema['contentSchema'] ?? (schema['type'] === 'string' ? undefined : media['schema']);
  const name = componentName(contentSchema);
  const eventType = name ? `components['schemas'][${quote(name)}]` : 'Record<string, unknown>';
  const union = deref(context.document, contentSchema);
  const mapping = record(record(union['discriminator'])?.['mapping']);
  const members = [...(Array.isArray(union['oneOf']) ? union['oneOf'] : []), ...(Array.isArray(union['anyOf']) ? union['anyOf'] : [])];
  const known = mapping ? Object.keys(mapping) : members.flatMap((member) => literalValues(context.document, objectProperties(context.document, member).get(typeField)));
  if (known.length === 0) known.push(...literalValues(context.document, objectProperties(context.document, union).get(typeField)));
  const resume = extension['resume'];
  const resumeRecord = record(resume);
  const result = record(extension['result']);
  const success = record(result?.['success']);
  const failure = record(result?.['failure']);
  const dedupe = record(extension['dedupe']);
  const terminalWhen = record(extension['terminalWhen']);
  const successEvent = text(success?.['event']);
  const match = record(extension['match']);
  const equals = record(match?.['equals']);
  const successEvents = successEvent ? `Extract<${eventType}, { ${propertyKey(typeField)}: ${quote(successEvent)} }>` : eventType;
  const resultType = success ? presentAt(successEvents, String(success['value'])) : undefined;
  return {
    typeField,
    known: [...new Set(known)],
    terminal: strings(extension['terminal']).length > 0 ? strings(extension['terminal']) : undefined,
    terminalWhen: terminalWhen ? { pointer: String(terminalWhen['pointer']), values: terminalWhen['values'] as Array<string | number | boolean> } : undefined,
    resume: resumeRecord
      ? {
          via: resumeRecord['via'] === 'self' ? undefined : text(resumeRecord['via']),
          lastEventId: resumeRecord['lastEventId'] === true,
          params: record(resumeRecord['params']) as Record<string, { event: string; pointer: string }> | undefined,
          requires: text(resumeRecord['requires']),
        }
      : undefined,
    dedupe: Array.isArray(extension['dedupe']) ? extension['dedupe'].map((rule) => dedupeRule(record(rule) ?? {})) : dedupe ? dedupeRule(dedupe) : undefined,
    match: match ? { pointer: String(match['pointer']), equals: equals ? { event: String(equals['event']), pointer: String(equals['pointer']) } : undefined } : undefined,
    result: success
      ? {
          success: { event: successEvent, when: stateRule(success['when']), value: String(success['value']) },
          failure: failure ? { events: Array.isArray(failure['events']) ? strings(failure['events']) : undefined, when: stateRule(failure['when']), message: strings(failure['message']), value: text(failure['value']) } : undefined,
        }
      : undefined,
    eventType,
    eventSchema: name,
    resultType,
  };
}

function dedupeRule(rule: Json): { events: string[]; key: string } {
  return { events: strings(rule['events']), key: String(rule['key']) };
}

function stateRule(value: unknown): StateRuleModel | undefined {
  const rule = record(value);
  return rule ? { pointer: String(rule['pointer']), values: rule['values'] as Array<string | number | boolean> } : undefined;
}

/** Derives a method name from the operationId minus the resource's own noun (`listProjects` on projects -> `list`). */
function derivedMethodName(operationId: string, resource: string): string {
  const resourceWords = new Set(words(resource).flatMap((word) => [word, singular(word)]));
  const all = words(operationId);
  const kept = all.filter((word) => !resourceWords.has(word) && !resourceWords.has(singular(word)));
  return camelCase((kept.length > 0 ? kept : all).join(' '));
}

function resourceOfPath(path: string): string {
  const segment = path.split('/').find((part) => part !== '' && !VERSION_SEGMENT.test(part) && !part.startsWith('{'));
  return segment ?? 'root';
}

export function buildModel(document: Json, options: ModelOptions): ApiModel {
  const info = record(document['info']) ?? {};
  const client = record(document['x-specsmith-client']) ?? {};
  const renames: Rename[] = [];
  const name = clientName(text(client['name']) ?? identifier(pascalCase(text(info['title']) ?? ''), 'Api'), renames);
  // Names the emitted modules export or refer to; schema aliases and operation types must not take them.
  const context: Context = { document, types: new NameScope([...RESERVED_TYPE_NAMES, ...clientTypeNames(name)]), classes: new NameScope([...RESERVED_TYPE_NAMES, ...clientTypeNames(name)]), renames };
  const folder = options.source.split(/[\\/]/).slice(-2, -1)[0] ?? camelCase(name);
  const envName = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const servers = (Array.isArray(document['servers']) ? document['servers'] : []).map((server) => ({ url: serverUrl(record(server)), description: text(record(server)?.['description']) }));

  const schemas = buildSchemaAliases(context);

  const securitySchemes = record(record(document['components'])?.['securitySchemes']) ?? {};
  const auth: Record<string, AuthScheme> = {};
  const authDescriptions: Record<string, string> = {};
  for (const [schemeName, raw] of Object.entries(securitySchemes)) {
    const scheme = deref(document, raw);
    const mapped = authScheme(scheme);
    if (mapped) auth[schemeName] = mapped;
    authDescriptions[schemeName] = text(scheme['description']) ?? '';
  }

  const envelopeExtension = document['x-specsmith-envelope'];
  const rootEnvelope = record(envelopeExtension) ? text(record(envelopeExtension)?.['data']) : undefined;
  const errorsExtension = record(document['x-specsmith-errors']) ?? {};
  const errorSchemaName = text(errorsExtension['schema']);
  const errorSchema = errorSchemaName ? record(record(record(document['components'])?.['schemas'])?.[errorSchemaName]) : undefined;
  const codePointer = text(errorsExtension['code']);
  const codeSchema = errorSchema && codePointer ? schemaAtPointer(document, errorSchema, parsePointer(codePointer)) : undefined;

  const tags = new Map<string, Json>();
  for (const tag of Array.isArray(document['tags']) ? document['tags'] : []) if (isObject(tag) && typeof tag['name'] === 'string') tags.set(tag['name'], tag);

  const resourceScope = new NameScope(CLIENT_MEMBERS);
  const resources = new Map<string, ResourceModel>();
  const files = new NameScope(['index', 'client', 'errors', 'types', 'schema', 'operations', 'webhooks']);
  const resourceFor = (tagName: string): ResourceModel => {
    const existing = resources.get(tagName);
    if (existing) return existing;
    const tag = tags.get(tagName);
    const wanted = text(tag?.['x-specsmith-resource']) ?? camelCase(tagName);
    const property = resourceScope.claim(memberName(wanted, 'default'));
    if (property !== wanted) renames.push({ subject: `the resource of tag ${JSON.stringify(tagName)}`, wanted, name: property, reason: RESERVED_MEMBERS.has(wanted) || CLIENT_MEMBERS.includes(wanted) ? 'reserved' : memberName(wanted, 'default') !== wanted ? 'not-identifier' : 'taken' });
    const model: ResourceModel = {
      tag: tagName,
      property,
      className: claimClass(context, `the resource class of tag ${JSON.stringify(tagName)}`, identifier(pascalCase(property), 'Resource')),
      fileName: files.claim(words(property).join('-') || 'default'),
      description: text(tag?.['description']),
      operations: [],
    };
    resources.set(tagName, model);
    return model;
  };

  const operations: OperationModel[] = [];
  // Exported consts of operations.ts, beside the names it declares and imports.
  const keys = new NameScope(['apiConfig', 'ApiConfig', 'OperationSpec']);
  const paths = record(document['paths']) ?? {};
  for (const [path, pathItemRaw] of Object.entries(paths)) {
    const pathItem = deref(document, pathItemRaw);
    for (const method of METHODS) {
      const operation = record(pathItem[method]);
      if (!operation) continue;
      const pointer = appendPointer('/paths', path, method);
      // Without an operationId, the method and the path's own words name it (version segments like v1 say nothing).
      const operationId = text(operation['operationId']) ?? camelCase(`${method} ${path.split('/').filter((segment) => !VERSION_SEGMENT.test(segment)).join(' ').replace(/[{}]/g, '')}`);
      const base = operationType(path, method);
      const tagName = strings(operation['tags'])[0] ?? resourceOfPath(path);
      const resource = resourceFor(tagName);
      const uploadExtension = record(operation['x-specsmith-upload']);
      const hash = record(uploadExtension?.['hash']);
      const upload = uploadExtension ? { file: String(uploadExtension['file']), hash: hash ? { field: String(hash['field']), encoding: (hash['encoding'] === 'base64' ? 'base64' : 'hex') as 'hex' | 'base64' } : undefined } : undefined;
      const params = parametersOf(context, path, pathItem, operation, base);
      const paramNames = new Set([...params.query, ...params.header].map((param) => param.name));
      const body = bodyOf(context, operation, base, paramNames, upload);
      const opEnvelope = operation['x-specsmith-envelope'];
      const envelope = opEnvelope === false ? undefined : (text(record(opEnvelope)?.['data']) ?? rootEnvelope);
      const { success, errors } = responsesOf(context, operation, base, envelope);
      const accept = acceptHeader(document, operation, success);
      const idempotentExtension = operation['x-specsmith-idempotent'];
      const paginationExtension = record(operation['x-specsmith-pagination']);
      const asyncWebhook = record(operation['x-specsmith-async-webhook']);
      const model: OperationModel = {
        operationId,
        key: keys.claim(isIdentifier(operationId) ? operationId : identifier(camelCase(operationId) || 'operation')),
        method,
        path,
        summary: text(operation['summary']),
        description: text(operation['description']),
        deprecated: operation['deprecated'] === true,
        resource: resource.property,
        methodName: '',
        pathParams: params.path,
        queryParams: params.query,
        headerParams: params.header,
        body,
        responses: success,
        errorStatuses: errors,
        accept,
        security: securityOf(operation['security']),
        paramsType: undefined,
        paramsRequired: false,
        responseType: union(success.map((response) => response.type)),
        responseTypeName: '',
        idempotent: idempotentExtension === true ? true : record(idempotentExtension) ? String(record(idempotentExtension)?.['field']) : undefined,
        pagination: undefined,
        sse: sseOf(context, operation, success),
        longRunning: undefined,
        upload,
        chunkedUpload: undefined,
        wait: undefined,
        webhookUrlField: text(asyncWebhook?.['field']) ?? (record(operation['requestBody']) && record(document['x-specsmith-webhooks'])?.['urlRules'] ? webhookUrlFieldOf(document, operation) : undefined),
        rateLimitPolicies: policies(operation['x-specsmith-rate-limit']),
        pointer,
      };
      if (paginationExtension) {
        const primary = success.find((response) => response.kind === 'json');
        const mediaType = primary?.mediaType?.split(', ')[0] ?? 'application/json';
        const wire = `${base}['responses'][${primary?.status ?? 200}]['content'][${quote(mediaType)}]`;
        const items = String(paginationExtension['items']);
        model.pagination = {
          style: paginationExtension['style'] as 'offset' | 'page' | 'cursor',
          items,
          limit: text(paginationExtension['limit']),
          offset: text(paginationExtension['offset']),
          page: text(paginationExtension['page']),
          cursor: text(paginationExtension['cursor']),
          nextCursor: text(paginationExtension['nextCursor']),
          hasMore: text(paginationExtension['hasMore']),
          total: text(paginationExtension['total']),
          pageSize: text(paginationExtension['pageSize']),
          itemType: `NonNullable<${indexByPointer(wire, items)}>[number]`,
          itemSchema: namedItemsAt(document, responseSchema(document, operation, primary?.status ?? 200, mediaType), items),
        };
      }
      operations.push(model);
      resource.operations.push(model);
    }
  }

  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  for (const resource of resources.values()) {
    const methods = new NameScope(['constructor']);
    // Names the spec states are claimed first, so a derived name never takes one from them.
    const explicit = (operation: OperationModel): string | undefined => text(operationSource(document, operation)['x-specsmith-method']);
    const nameMethod = (operation: OperationModel, wanted: string): void => {
      operation.methodName = methods.claim(memberName(wanted), memberName(camelCase(operation.operationId)));
      if (RESERVED_MEMBERS.has(wanted)) renames.push({ subject: `the method of operation ${JSON.stringify(operation.operationId)}`, wanted, name: operation.methodName, reason: 'reserved' });
    };
    for (const operation of resource.operations.filter(explicit)) nameMethod(operation, explicit(operation) ?? '');
    for (const operation of resource.operations.filter((candidate) => !explicit(candidate))) nameMethod(operation, derivedMethodName(operation.operationId, resource.property));
    for (const operation of resource.operations) {
      const source = operationSource(document, operation);
      const wait = record(source['x-specsmith-wait']);
      const via = wait ? byId.get(String(wait['via'])) : undefined;
      if (wait && via) {
        operation.wait = {
          via: via.operationId,
          params: (record(wait['params']) ?? {}) as Record<string, string>,
          methodName: methods.claim(text(wait['method']) ?? `${operation.methodName}AndWait`),
          match: text(wait['match']),
          current: text(wait['current']),
        };
      }
      const chunked = record(source['x-specsmith-chunked-upload']);
      const complete = chunked ? byId.get(String(chunked['complete'])) : undefined;
      if (chunked && complete) {
        operation.chunkedUpload = {
          part: String(chunked['part']),
          complete: String(chunked['complete']),
          abort: text(chunked['abort']),
          uploadId: String(chunked['uploadId']),
          partSize: String(chunked['partSize']),
          uploadIdParam: String(chunked['uploadIdParam']),
          partNumberParam: String(chunked['partNumberParam']),
          firstPart: typeof chunked['firstPart'] === 'number' ? chunked['firstPart'] : 1,
          methodName: methods.claim('uploadChunked'),
        };
      }
    }
  }

  for (const operation of operations) {
    const source = operationSource(document, operation);
    const longRunning = record(source['x-specsmith-long-running']);
    if (longRunning) {
      const resultOperation = record(longRunning['result']);
      const resultOp = resultOperation ? byId.get(String(resultOperation['operationId'])) : undefined;
      const poll = byId.get(String(longRunning['poll']));
      operation.longRunning = {
        status: Number(longRunning['status']),
        poll: String(longRunning['poll']),
        params: (record(longRunning['params']) ?? {}) as Record<string, string>,
        state: String(longRunning['state']),
        succeeded: strings(longRunning['succeeded']),
        failed: strings(longRunning['failed']),
        error: text(longRunning['error']),
        result: resultOperation ? { operationId: String(resultOperation['operationId']), params: (record(resultOperation['params']) ?? {}) as Record<string, string> } : undefined,
        resultType: resultOp?.responseType ?? poll?.responseType ?? 'unknown',
      };
      const marked = operation.responses.map((response) => (response.status === operation.longRunning?.status ? { ...response, type: `LongRunning<${response.type}, ${operation.longRunning.resultType}>` } : response));
      operation.responses = marked;
      operation.responseType = union(marked.map((response) => response.type));
    }
  }

  // Webhook events and operation types are named first, by fixed schemes; the schemas then take what is left.
  const webhooks = webhooksOf(document, name, context);
  assignOperationTypes(operations, context, resources, schemas);

  return {
    name,
    packageName: options.packageName ?? `@specsmith/${folder}`,
    packageVersion: options.packageVersion ?? '0.1.0',
    title: text(info['title']) ?? name,
    apiVersion: text(info['version']) ?? '',
    description: text(info['description']),
    source: options.source,
    apiKeyEnv: text(client['apiKeyEnv']) ?? `${envName}_API_KEY`,
    baseUrlEnv: text(client['baseUrlEnv']) ?? `${envName}_BASE_URL`,
    baseUrl: servers[0]?.url ?? '',
    servers,
    auth,
    authDescriptions,
    security: securityOf(document['security']) ?? [],
    errors: {
      message: text(errorsExtension['message']),
      code: codePointer,
      requestId: text(errorsExtension['requestId']),
      codes: codeSchema ? literalValues(document, codeSchema) : [],
      open: true,
    },
    requestId: record(document['x-specsmith-request-id']) as ApiModel['requestId'],
    rateLimit: rateLimitHeaders(document),
    rateLimitPolicies: policies(document['x-specsmith-rate-limit']),
    retry: record(document['x-specsmith-retry']) as ApiModel['retry'],
    webhookUrlRules: record(record(document['x-specsmith-webhooks'])?.['urlRules']) as ApiModel['webhookUrlRules'],
    webhooks,
    resources: [...resources.values()],
    operations,
    schemas,
    renames,
  };
}

/**
 * The Accept header: the success media types first, then the media types of
 * error bodies at a lower preference, so a server can still send its
 * documented error to a client that asked for text or an event stream.
 */
function acceptHeader(document: Json, operation: Json, success: ResponseModel[]): string | undefined {
  const wanted = [...new Set(success.flatMap((response) => (response.mediaType ? response.mediaType.split(', ') : [])))];
  const errors = new Set<string>();
  for (const [status, raw] of Object.entries(record(operation['responses']) ?? {})) {
    if (/^2/.test(status)) continue;
    for (const mediaType of Object.keys(record(deref(document, raw)['content']) ?? {})) if (!wanted.includes(mediaType)) errors.add(mediaType);
  }
  if (wanted.length === 0) return errors.size > 0 ? [...errors].join(', ') : undefined;
  return [...wanted, ...[...errors].map((mediaType) => `${mediaType};q=0.9`)].join(', ');
}

function operationSource(document: Json, operation: OperationModel): Json {
  const pathItem = deref(document, record(document['paths'])?.[operation.path]);
  return record(pathItem[operation.method]) ?? {};
}

function webhookUrlFieldOf(document: Json, operation: Json): string | undefined {
  const content = record(deref(document, operation['requestBody'])['content']) ?? {};
  for (const media of Object.values(content)) {
    for (const name of objectProperties(document, record(media)?.['schema']).keys()) if (/^webhook_?url$/i.test(name)) return name;
  }
  return undefined;
}

function rateLimitHeaders(document: Json): ApiModel['rateLimit'] {
  const extension = record(document['x-specsmith-rate-limit']);
  const headers = record(extension?.['headers']);
  if (!headers) return undefined;
  return {
    limit: text(headers['limit']),
    remaining: text(headers['remaining']),
    reset: text(headers['reset']),
    resetFormat: extension?.['resetFormat'] === 'delta-seconds' ? 'delta-seconds' : 'epoch-seconds',
  };
}

function webhooksOf(document: Json, clientName: string, context: Context): WebhooksModel | undefined {
  const extension = record(document['x-specsmith-webhooks']);
  const signature = record(extension?.['signature']);
  const webhooks = record(document['webhooks']);
  if (!extension || !signature || !webhooks) return undefined;
  const eventField = text(extension['eventField']) ?? 'event';
  const events = Object.entries(webhooks).flatMap(([name, raw]) => {
    const pathItem = deref(document, raw);
    const method = METHODS.find((candidate) => record(pathItem[candidate]));
    const operation = method ? record(pathItem[method]) : undefined;
    if (!method || !operation) return [];
    const content = record(deref(document, operation['requestBody'])['content']) ?? {};
    const mediaType = Object.keys(content).find((type) => /json/i.test(type));
    if (!mediaType) return [];
    // Claimed like every other exported type: event names may clash with schemas or each other (`a.b`, `a_b`), or start with a digit.
    const typeName = claimType(context, `webhook ${JSON.stringify(name)}`, identifier(`${pascalCase(name)}WebhookEvent`));
    return [{ name, typeName, summary: text(operation['summary']), description: text(operation['description']), type: `NonNullable<webhooks[${quote(name)}][${quote(method)}]['requestBody']>['content'][${quote(mediaType)}]` }];
  });
  return {
    header: String(signature['header']),
    encoding: signature['encoding'] === 'base64' ? 'base64' : 'hex',
    prefix: typeof signature['prefix'] === 'string' ? signature['prefix'] : '',
    eventField,
    secret: text(extension['secret']),
    userAgent: text(extension['userAgent']),
    retries: typeof extension['retries'] === 'number' ? extension['retries'] : undefined,
    events,
    eventTypeName: claimType(context, 'the webhook event union', `${clientName}WebhookEvent`),
  };
}

/**
 * Exported names for each operation's types, by one fixed scheme (stem: the
 * resource in the singular and the method, `RunList`): `<Stem>Params`, and,
 * only when what a call yields is not exactly a component schema (which it is
 * then typed by), `<Stem>Response`, `<Stem>Item` (one item of a list) or
 * `<Stem>Event` (one event of a stream), plus `<Stem>Result` for a stream's
 * result. These are claimed before the schemas (nameSchemas), so a schema that
 * wants one of them is the one renamed.
 */
function assignOperationTypes(operations: OperationModel[], context: Context, resources: Map<string, ResourceModel>, schemas: SchemaAlias[]): void {
  const byProperty = new Map([...resources.values()].map((resource) => [resource.property, resource]));
  const yields = (operation: OperationModel): string | undefined => {
    if (operation.sse) return operation.sse.eventSchema;
    if (operation.pagination) return operation.pagination.itemSchema;
    if (operation.longRunning) return undefined;
    const named = new Set(operation.responses.map((response) => response.schema));
    return named.size === 1 ? [...named][0] : undefined;
  };
  for (const operation of operations) {
    const resource = byProperty.get(operation.resource);
    const stem = identifier(`${pascalCase(singular(resource?.property ?? operation.resource))}${pascalCase(operation.methodName)}`);
    const base = operationType(operation.path, operation.method);
    const parts: string[] = [];
    if (operation.queryParams.length > 0) parts.push(`NonNullable<${base}['parameters']['query']>`);
    if (operation.headerParams.length > 0) parts.push(`NonNullable<${base}['parameters']['header']>`);
    // An optional body may be left out even when the other params are given.
    if (operation.body) parts.push(operation.body.param === undefined ? operation.body.type : `{ ${propertyKey(operation.body.param)}${operation.body.required ? '' : '?'}: ${operation.body.type} }`);
    if (parts.length > 0) {
      operation.paramsType = { name: claimType(context, `the params type of operation ${JSON.stringify(operation.operationId)}`, `${stem}Params`), expression: intersection(parts) };
      operation.paramsRequired =
        operation.queryParams.some((param) => param.required) ||
        operation.headerParams.some((param) => param.required) ||
        (operation.body !== undefined && operation.body.required && (!operation.body.flat || operation.body.hasRequiredFields));
    }
    operation.responseSchema = yields(operation);
    const subject = `the response type of operation ${JSON.stringify(operation.operationId)}`;
    if (operation.responseSchema === undefined) operation.responseTypeName = claimType(context, subject, `${stem}${operation.sse ? 'Event' : operation.pagination ? 'Item' : 'Response'}`);
    if (operation.sse?.resultType) operation.sse.resultTypeName = claimType(context, `the stream result type of operation ${JSON.stringify(operation.operationId)}`, `${stem}Result`);
  }
  const names = nameSchemas(context, schemas);
  for (const operation of operations) if (operation.responseSchema !== undefined) operation.responseTypeName = names.get(operation.responseSchema) ?? 'unknown';
}
