/**
 * The HTTP contract level of `specsmith diff`: operations (matched by method
 * and path template, parameter names ignored: `/pets/{id}` is `/pets/{petId}`),
 * parameters, request bodies, success responses, security and document
 * metadata. Schemas are compared by compare-schema.ts.
 */
import { appendPointer } from '../load/json-pointer.js';
import { isObject, type Json } from '../model/schema-utils.js';
import type { ChangeLog } from './change.js';
import { compareSchema, type SchemaPair } from './compare-schema.js';
import { resolve, sameValue, type At } from './schema-facts.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Operation {
  method: string;
  path: string;
  pointer: string;
  node: Json;
  pathItem: Json;
  pathItemPointer: string;
}

/** `GET /pets/{}`: what identifies an operation on the wire. */
function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

function operations(document: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  const paths = isObject(document['paths']) ? document['paths'] : {};
  for (const [path, raw] of Object.entries(paths)) {
    const pathItemPointer = appendPointer('', 'paths', path);
    const pathItem = resolve(document, raw, pathItemPointer);
    if (!pathItem) continue;
    for (const method of METHODS) {
      const node = pathItem.schema[method];
      if (isObject(node))
        found.set(operationKey(method, path), {
          method,
          path,
          pointer: appendPointer(pathItem.pointer, method),
          node,
          pathItem: pathItem.schema,
          pathItemPointer: pathItem.pointer,
        });
    }
  }
  return found;
}

interface Parameter {
  at: At;
  required: boolean;
  schema: At | undefined;
}

/** Path-level parameters overridden by the operation's own (OpenAPI 3.1 §4.8.10.1), keyed by location and name. */
function parameters(document: Json, operation: Operation): Map<string, Parameter> {
  const found = new Map<string, Parameter>();
  const lists: Array<[unknown, string]> = [
    [operation.pathItem['parameters'], appendPointer(operation.pathItemPointer, 'parameters')],
    [operation.node['parameters'], appendPointer(operation.pointer, 'parameters')],
  ];
  for (const [list, pointer] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((raw, index) => {
      const at = resolve(document, raw, appendPointer(pointer, index));
      if (!at || typeof at.schema['name'] !== 'string' || typeof at.schema['in'] !== 'string') return;
      const location = at.schema['in'];
      // Header names are case-insensitive (RFC 9110 §5.1); a path parameter is matched by position, not name.
      const name = location === 'header' ? at.schema['name'].toLowerCase() : at.schema['name'];
      const key =
        location === 'path' ? `path:${pathPosition(operation.path, at.schema['name'])}` : `${location}:${name}`;
      found.set(key, {
        at,
        required: at.schema['required'] === true || location === 'path',
        schema: resolve(document, at.schema['schema'], appendPointer(at.pointer, 'schema')),
      });
    });
  }
  return found;
}

function pathPosition(path: string, name: string): number {
  const names = [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
  const index = names.indexOf(name);
  return index === -1 ? names.length + 1000 : index;
}

function paramLabel(parameter: Parameter): string {
  return `${String(parameter.at.schema['in'])} parameter "${String(parameter.at.schema['name'])}"`;
}

function content(document: Json, holder: At | undefined): Map<string, At | undefined> {
  const found = new Map<string, At | undefined>();
  if (!holder || !isObject(holder.schema['content'])) return found;
  for (const [media, value] of Object.entries(holder.schema['content'])) {
    const pointer = appendPointer(holder.pointer, 'content', media);
    found.set(
      media.toLowerCase(),
      isObject(value) ? resolve(document, value['schema'], appendPointer(pointer, 'schema')) : undefined,
    );
  }
  return found;
}

/** The media type both sides compare schemas of: JSON when both have it, else the first both have. */
function sharedMedia(before: Map<string, At | undefined>, after: Map<string, At | undefined>): string | undefined {
  const shared = [...before.keys()].filter((media) => after.has(media));
  return shared.find((media) => /[/+]json\b/.test(media)) ?? shared[0];
}

/** The security an operation needs: its own `security`, else the document's; each alternative as sorted scheme names. */
function security(document: Json, operation: Operation): string[] {
  const raw = Array.isArray(operation.node['security'])
    ? operation.node['security']
    : Array.isArray(document['security'])
      ? document['security']
      : [];
  return raw
    .filter(isObject)
    .map((requirement) => Object.keys(requirement).sort().join('+'))
    .sort();
}

export function diffHttp(oldDoc: Json, newDoc: Json, log: ChangeLog): void {
  const before = operations(oldDoc);
  const after = operations(newDoc);
  const visited = new Set<string>();
  const removed = [...before.entries()].filter(([key]) => !after.has(key));
  const added = [...after.entries()].filter(([key]) => !before.has(key));
  const movedTo = new Map<string, string>();
  // An operation whose operationId stayed but whose path or method changed moved, rather than going and coming.
  for (const [oldKey, operation] of removed) {
    const id = operation.node['operationId'];
    const match =
      typeof id === 'string' ? added.find(([, candidate]) => candidate.node['operationId'] === id) : undefined;
    if (!match) continue;
    movedTo.set(oldKey, match[0]);
    log.add('api-path-changed', {
      subject: oldKey,
      message: `${oldKey} is now ${match[0]}`,
      old: operation.pointer,
      new: match[1].pointer,
    });
    compareOperation(oldDoc, newDoc, log, visited, operation, match[1], match[0]);
  }
  const moved = new Set(movedTo.values());
  for (const [key, operation] of removed) {
    if (movedTo.has(key)) continue;
    log.add('api-removed', {
      subject: key,
      message: `${key} removed${operation.node['deprecated'] === true ? ' (it was deprecated)' : ''}`,
      old: operation.pointer,
    });
  }
  for (const [key, operation] of added)
    if (!moved.has(key)) log.add('api-added', { subject: key, message: `${key} added`, new: operation.pointer });
  for (const [key, operation] of before) {
    const next = after.get(key);
    if (next) compareOperation(oldDoc, newDoc, log, visited, operation, next, key);
  }
  compareSchemes(oldDoc, newDoc, log);
  compareMetadata(oldDoc, newDoc, log);
}

function compareOperation(
  oldDoc: Json,
  newDoc: Json,
  log: ChangeLog,
  visited: Set<string>,
  before: Operation,
  after: Operation,
  subject: string,
): void {
  const at = { old: before.pointer, new: after.pointer };
  if (before.node['operationId'] !== after.node['operationId'])
    log.add('api-operation-id-changed', {
      subject,
      message: `operationId ${String(before.node['operationId'] ?? 'none')} -> ${String(after.node['operationId'] ?? 'none')}`,
      ...at,
    });
  if (before.node['deprecated'] !== true && after.node['deprecated'] === true)
    log.add('api-deprecated', { subject, message: `${subject} deprecated`, ...at });
  if (before.node['deprecated'] === true && after.node['deprecated'] !== true)
    log.add('api-undeprecated', { subject, message: `${subject} no longer deprecated`, ...at });
  if (before.node['summary'] !== after.node['summary'] || before.node['description'] !== after.node['description'])
    log.add('api-summary-changed', { subject, message: 'summary or description changed', ...at });

  const request: SchemaPair = { oldDoc, newDoc, log, subject, direction: 'request', visited };
  const response: SchemaPair = { ...request, direction: 'response' };

  const oldParams = parameters(oldDoc, before);
  const newParams = parameters(newDoc, after);
  for (const [key, parameter] of newParams) {
    const previous = oldParams.get(key);
    if (!previous) {
      log.add(parameter.required ? 'new-required-request-parameter' : 'new-optional-request-parameter', {
        subject,
        message: `${paramLabel(parameter)} added`,
        old: before.pointer,
        new: parameter.at.pointer,
      });
      continue;
    }
    if (previous.required !== parameter.required) {
      log.add(parameter.required ? 'request-parameter-became-required' : 'request-parameter-became-optional', {
        subject,
        message: `${paramLabel(parameter)} became ${parameter.required ? 'required' : 'optional'}`,
        old: previous.at.pointer,
        new: parameter.at.pointer,
      });
    }
    if (previous.schema && parameter.schema)
      compareSchema(request, previous.schema, parameter.schema, {
        name: String(parameter.at.schema['name']),
        parameter: true,
      });
  }
  for (const [key, parameter] of oldParams)
    if (!newParams.has(key))
      log.add('request-parameter-removed', {
        subject,
        message: `${paramLabel(parameter)} removed`,
        old: parameter.at.pointer,
        new: after.pointer,
      });

  const oldBody = resolve(oldDoc, before.node['requestBody'], appendPointer(before.pointer, 'requestBody'));
  const newBody = resolve(newDoc, after.node['requestBody'], appendPointer(after.pointer, 'requestBody'));
  if (!oldBody && newBody) {
    log.add(newBody.schema['required'] === true ? 'request-body-added-required' : 'request-body-added-optional', {
      subject,
      message: 'request body added',
      old: before.pointer,
      new: newBody.pointer,
    });
  } else if (oldBody && !newBody) {
    log.add('request-body-removed', {
      subject,
      message: 'request body removed',
      old: oldBody.pointer,
      new: after.pointer,
    });
  } else if (oldBody && newBody) {
    if (oldBody.schema['required'] !== true && newBody.schema['required'] === true)
      log.add('request-body-became-required', {
        subject,
        message: 'request body became required',
        old: oldBody.pointer,
        new: newBody.pointer,
      });
    const oldContent = content(oldDoc, oldBody);
    const newContent = content(newDoc, newBody);
    for (const media of oldContent.keys())
      if (!newContent.has(media))
        log.add('request-body-media-type-removed', {
          subject,
          message: `request body no longer accepts ${media}`,
          old: oldBody.pointer,
          new: newBody.pointer,
        });
    for (const media of newContent.keys())
      if (!oldContent.has(media))
        log.add('request-body-media-type-added', {
          subject,
          message: `request body accepts ${media}`,
          old: oldBody.pointer,
          new: newBody.pointer,
        });
    const media = sharedMedia(oldContent, newContent);
    const oldSchema = media === undefined ? undefined : oldContent.get(media);
    const newSchema = media === undefined ? undefined : newContent.get(media);
    if (oldSchema && newSchema) compareSchema(request, oldSchema, newSchema, { name: '', parameter: false });
  }

  compareResponses(oldDoc, newDoc, log, before, after, subject, response);

  const oldSecurity = security(oldDoc, before);
  const newSecurity = security(newDoc, after);
  if (!sameValue(oldSecurity, newSecurity)) {
    const anonymous = (alternatives: string[]): boolean => alternatives.length === 0 || alternatives.includes('');
    const message = `security ${oldSecurity.map((s) => s || 'none').join(' or ') || 'none'} -> ${newSecurity.map((s) => s || 'none').join(' or ') || 'none'}`;
    // Alternatives are ORed (OpenAPI 3.1 §4.8.30): keeping every old one and adding more breaks no caller.
    const id =
      anonymous(oldSecurity) && !anonymous(newSecurity)
        ? 'api-security-added'
        : anonymous(newSecurity)
          ? 'api-security-removed'
          : oldSecurity.every((s) => newSecurity.includes(s))
            ? 'api-security-alternative-added'
            : 'api-security-changed';
    log.add(id, { subject, message, ...at });
  }
}

const isSuccess = (status: string): boolean => /^2(\d\d|XX)$/i.test(status);

function compareResponses(
  oldDoc: Json,
  newDoc: Json,
  log: ChangeLog,
  before: Operation,
  after: Operation,
  subject: string,
  pair: SchemaPair,
): void {
  const responses = (document: Json, operation: Operation): Map<string, At> => {
    const found = new Map<string, At>();
    const raw = isObject(operation.node['responses']) ? operation.node['responses'] : {};
    for (const [status, value] of Object.entries(raw)) {
      const at = resolve(document, value, appendPointer(operation.pointer, 'responses', status));
      if (at) found.set(/^\dxx$/i.test(status) ? status.toUpperCase() : status, at);
    }
    return found;
  };
  const oldResponses = responses(oldDoc, before);
  const newResponses = responses(newDoc, after);
  for (const [status, at] of oldResponses) {
    if (newResponses.has(status)) continue;
    log.add(isSuccess(status) ? 'response-success-status-removed' : 'response-error-status-removed', {
      subject,
      message: `response ${status} removed`,
      old: at.pointer,
      new: after.pointer,
    });
  }
  for (const [status, at] of newResponses) {
    const previous = oldResponses.get(status);
    if (!previous) {
      log.add(isSuccess(status) ? 'response-success-status-added' : 'response-error-status-added', {
        subject,
        message: `response ${status} added`,
        old: before.pointer,
        new: at.pointer,
      });
      continue;
    }
    if (!isSuccess(status)) continue;
    const oldContent = content(oldDoc, previous);
    const newContent = content(newDoc, at);
    for (const media of oldContent.keys())
      if (!newContent.has(media))
        log.add('response-media-type-removed', {
          subject,
          message: `response ${status} no longer returns ${media}`,
          old: previous.pointer,
          new: at.pointer,
        });
    for (const media of newContent.keys())
      if (!oldContent.has(media))
        log.add('response-media-type-added', {
          subject,
          message: `response ${status} may return ${media}`,
          old: previous.pointer,
          new: at.pointer,
        });
    const media = sharedMedia(oldContent, newContent);
    const oldSchema = media === undefined ? undefined : oldContent.get(media);
    const newSchema = media === undefined ? undefined : newContent.get(media);
    if (oldSchema && newSchema)
      compareSchema({ ...pair, subject: `${subject} ${status}` }, oldSchema, newSchema, { name: '', parameter: false });
  }
}

/** A scheme whose type, location, header or HTTP scheme changed takes a different credential. */
function compareSchemes(oldDoc: Json, newDoc: Json, log: ChangeLog): void {
  const schemes = (document: Json): Json =>
    isObject(document['components']) && isObject(document['components']['securitySchemes'])
      ? document['components']['securitySchemes']
      : {};
  const oldSchemes = schemes(oldDoc);
  const newSchemes = schemes(newDoc);
  for (const [name, raw] of Object.entries(oldSchemes)) {
    const pointer = appendPointer('', 'components', 'securitySchemes', name);
    const before = resolve(oldDoc, raw, pointer);
    const after = resolve(newDoc, newSchemes[name], pointer);
    if (!before || !after) continue;
    const shape = (scheme: Json): unknown[] => [
      scheme['type'],
      scheme['in'],
      typeof scheme['name'] === 'string' ? scheme['name'].toLowerCase() : undefined,
      typeof scheme['scheme'] === 'string' ? scheme['scheme'].toLowerCase() : undefined,
    ];
    if (!sameValue(shape(before.schema), shape(after.schema)))
      log.add('security-scheme-changed', {
        subject: undefined,
        message: `security scheme ${name} changed (${shape(before.schema).filter(Boolean).join(' ')} -> ${shape(after.schema).filter(Boolean).join(' ')})`,
        old: before.pointer,
        new: after.pointer,
      });
  }
}

function compareMetadata(oldDoc: Json, newDoc: Json, log: ChangeLog): void {
  const version = (document: Json): unknown => (isObject(document['info']) ? document['info']['version'] : undefined);
  if (version(oldDoc) !== version(newDoc))
    log.add('info-version-changed', {
      subject: undefined,
      message: `API version ${String(version(oldDoc))} -> ${String(version(newDoc))}`,
      old: '/info/version',
      new: '/info/version',
    });
  const server = (document: Json): unknown =>
    Array.isArray(document['servers']) && isObject(document['servers'][0]) ? document['servers'][0]['url'] : undefined;
  if (server(oldDoc) !== server(newDoc))
    log.add('server-url-changed', {
      subject: undefined,
      message: `default server ${String(server(oldDoc) ?? 'none')} -> ${String(server(newDoc) ?? 'none')}`,
      old: '/servers',
      new: '/servers',
    });
}
