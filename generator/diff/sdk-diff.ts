/**
 * The generated-client level of `specsmith diff`: what a caller of the SDK
 * writes (`client.pets.list(id, params)`, imported type names) compared
 * between the two models. A renamed operationId or a moved tag changes a
 * method's name while the HTTP contract stays the same; a reordered path
 * changes the positional arguments; a changed envelope (`unwrap`) changes the
 * result. Operations are matched by method and path template, else by
 * operationId.
 */
import { appendPointer, parsePointer } from '../load/json-pointer.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { Json } from '../model/schema-utils.js';
import type { ChangeLog } from './change.js';
import { objectFacts, resolve, type At } from './schema-facts.js';

interface Located {
  operation: OperationModel;
  /** `client.pets.list`. */
  call: string;
}

function located(model: ApiModel): Located[] {
  return model.resources.flatMap((resource) =>
    resource.operations.map((operation) => ({
      operation,
      call: `client.${resource.property}.${operation.methodName}`,
    })),
  );
}

const wireKey = (operation: OperationModel): string =>
  `${operation.method.toUpperCase()} ${operation.path.replace(/\{[^}]*\}/g, '{}')}`;

/** Every type name the package exports, from the model. */
export function exportedTypes(model: ApiModel): Set<string> {
  const names = new Set<string>([model.name]);
  for (const alias of model.schemas) names.add(alias.name);
  for (const operation of model.operations) {
    if (operation.paramsType) names.add(operation.paramsType.name);
    names.add(operation.responseTypeName);
    if (operation.sse?.resultTypeName) names.add(operation.sse.resultTypeName);
  }
  if (model.webhooks) {
    names.add(model.webhooks.eventTypeName);
    for (const event of model.webhooks.events) names.add(event.typeName);
  }
  return names;
}

/** The schema a method resolves to: its first JSON success response, through the envelope it unwraps. */
function resultSchema(document: Json, operation: OperationModel): At | undefined {
  const response = operation.responses.find(
    (candidate) => candidate.mediaType !== undefined && /json/i.test(candidate.mediaType),
  );
  if (!response?.mediaType) return undefined;
  const pointer = appendPointer(operation.pointer, 'responses', String(response.status));
  const declared = resolve(document, { $ref: `#${pointer}` }, pointer);
  const media =
    declared && typeof declared.schema['content'] === 'object'
      ? (declared.schema['content'] as Json)[response.mediaType]
      : undefined;
  let at = resolve(
    document,
    (media as Json | undefined)?.['schema'],
    appendPointer(declared?.pointer ?? pointer, 'content', response.mediaType, 'schema'),
  );
  for (const segment of response.unwrap ? parsePointer(response.unwrap) : []) {
    at = at ? objectFacts(document, at).properties.get(segment) : undefined;
  }
  return at;
}

export function diffSdk(oldModel: ApiModel, newModel: ApiModel, oldDoc: Json, newDoc: Json, log: ChangeLog): void {
  const before = located(oldModel);
  const after = located(newModel);
  const matched = new Set<Located>();
  for (const old of before) {
    const next =
      after.find((candidate) => wireKey(candidate.operation) === wireKey(old.operation)) ??
      after.find((candidate) => candidate.operation.operationId === old.operation.operationId);
    if (!next) {
      log.add('sdk-method-removed', {
        subject: old.call,
        message: `${old.call}() removed`,
        old: old.operation.pointer,
      });
      continue;
    }
    matched.add(next);
    compareMethod(old, next, oldDoc, newDoc, log);
  }
  for (const next of after)
    if (!matched.has(next))
      log.add('sdk-method-added', { subject: next.call, message: `${next.call}() added`, new: next.operation.pointer });

  const oldResources = new Set(oldModel.resources.map((resource) => resource.property));
  const newResources = new Set(newModel.resources.map((resource) => resource.property));
  for (const name of oldResources)
    if (!newResources.has(name))
      log.add('sdk-resource-removed', { subject: `client.${name}`, message: `client.${name} removed` });
  for (const name of newResources)
    if (!oldResources.has(name))
      log.add('sdk-resource-added', { subject: `client.${name}`, message: `client.${name} added` });

  const oldTypes = exportedTypes(oldModel);
  const newTypes = exportedTypes(newModel);
  for (const name of [...oldTypes].sort())
    if (!newTypes.has(name)) log.add('sdk-type-removed', { subject: name, message: `type ${name} no longer exported` });
  for (const name of [...newTypes].sort())
    if (!oldTypes.has(name)) log.add('sdk-type-added', { subject: name, message: `type ${name} exported` });
}

function compareMethod(old: Located, next: Located, oldDoc: Json, newDoc: Json, log: ChangeLog): void {
  const at = { old: old.operation.pointer, new: next.operation.pointer };
  if (old.call !== next.call)
    log.add('sdk-method-renamed', { subject: old.call, message: `${old.call}() is now ${next.call}()`, ...at });
  const subject = next.call;
  const oldArgs = old.operation.pathParams.map((param) => param.name);
  const newArgs = next.operation.pathParams.map((param) => param.name);
  if (newArgs.length > oldArgs.length)
    log.add('sdk-argument-added', {
      subject,
      message: `${subject}(${oldArgs.join(', ')}) -> (${newArgs.join(', ')})`,
      ...at,
    });
  else if (newArgs.length < oldArgs.length)
    log.add('sdk-argument-removed', {
      subject,
      message: `${subject}(${oldArgs.join(', ')}) -> (${newArgs.join(', ')})`,
      ...at,
    });
  else if (
    oldArgs.join('\u0000') !== newArgs.join('\u0000') &&
    [...oldArgs].sort().join('\u0000') === [...newArgs].sort().join('\u0000')
  ) {
    log.add('sdk-argument-position-changed', {
      subject,
      message: `${subject}(${oldArgs.join(', ')}) -> (${newArgs.join(', ')})`,
      ...at,
    });
  }
  if (!old.operation.paramsRequired && next.operation.paramsRequired && old.operation.paramsType)
    log.add('sdk-params-became-required', { subject, message: `${subject}() now requires its params object`, ...at });
  const oldResult = resultSchema(oldDoc, old.operation);
  const newResult = resultSchema(newDoc, next.operation);
  if (oldResult && newResult) {
    const oldFields = objectFacts(oldDoc, oldResult).properties;
    const newFields = objectFacts(newDoc, newResult).properties;
    for (const [name, field] of oldFields) {
      if (!newFields.has(name) && field.schema['writeOnly'] !== true)
        log.add('sdk-result-field-removed', {
          subject,
          message: `${subject}() result has no "${name}"`,
          old: field.declared ?? field.pointer,
          new: newResult.pointer,
        });
    }
  }
}
