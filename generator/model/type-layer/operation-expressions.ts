/**
 * The type expressions of one operation, over openapi-typescript's `paths`
 * and `components` (src/schema.ts): its parameters, body, success responses,
 * stream events and page items.
 */
import { namedItemsAt, namedSchemaAt } from '../named-type.js';
import { componentName, deref } from '../schema-utils.js';
import { text, type SourceOperation, type Spec } from '../read/document.js';
import { enveloped, envelopeOf } from '../read/envelope.js';
import { eventSchemaOf, streamResponseOf } from '../read/event-stream.js';
import { requestBodyOf, responseKindOf, responsesOf } from '../read/media.js';
import { parametersOf, type SourceParameter } from '../read/parameters.js';
import {
  indexByPointer,
  operationType,
  presentAt,
  propertyKey,
  quote,
  responseStatusKey,
  union,
} from '../type-expressions.js';
import type { OperationSurface } from '../surface/index.js';

export interface OperationExpressions {
  /** By location, in the order of parametersOf. */
  params: { path: string[]; query: string[]; header: string[] };
  /** The body as callers pass it. */
  body: string | undefined;
  /** Per success response, before long-running marking. */
  responses: Array<{ status: number; type: string }>;
  sse: { eventType: string; resultType: string | undefined } | undefined;
  paginationItemType: string | undefined;
  /**
   * The component schema a call yields when it is exactly one (see
   * named-type.ts): one event of a stream, one item of a list, else the
   * (enveloped) body of every success response. Such a call is typed by the
   * schema's public name (`Run`), not by an operation type of its own.
   */
  yields: string | undefined;
}

/** A plain TypeScript type for a scalar schema (string, number, boolean, or a union of string literals); undefined for anything richer. */
function simpleType(spec: Spec, schema: unknown): string | undefined {
  const resolved = deref(spec.json, schema);
  const type = resolved['type'];
  const values = resolved['enum'];
  if (
    type === 'string' &&
    Array.isArray(values) &&
    values.length > 0 &&
    values.every((value): value is string => typeof value === 'string')
  )
    return values.map((value: string) => quote(value)).join(' | ');
  if (Array.isArray(values) || resolved['const'] !== undefined) return undefined;
  if (type === 'string') return 'string';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return undefined;
}

function paramType(spec: Spec, base: string, param: SourceParameter): string {
  return (
    simpleType(spec, param.parameter.schema) ?? `${base}['parameters'][${quote(param.location)}][${quote(param.name)}]`
  );
}

function bodyType(spec: Spec, operation: SourceOperation, base: string, flat: boolean): string | undefined {
  const body = requestBodyOf(spec, operation);
  if (!body) return undefined;
  // A flat body is spread into the params object, so a nullable body schema (3.0 `nullable`) still takes an object here.
  const bodyType = `NonNullable<${base}['requestBody']>['content'][${quote(body.mediaType)}]`;
  const wire = flat ? `NonNullable<${bodyType}>` : bodyType;
  if (body.kind === 'binary') return 'BinaryBody';
  if (body.kind === 'text') return 'string';
  // The runtime computes the hash field (x-specsmith-upload), so callers may leave it out.
  const hash = operation.operation['x-specsmith-upload']?.hash;
  if (hash && body.properties.has(hash.field))
    return `Omit<${wire}, ${quote(hash.field)}> & { ${propertyKey(hash.field)}?: ${wire}[${quote(hash.field)}] }`;
  return wire;
}

function responseTypes(spec: Spec, operation: SourceOperation, base: string): Array<{ status: number; type: string }> {
  const envelope = envelopeOf(spec, operation);
  return responsesOf(spec, operation).success.map((response) => {
    if (response.content.length === 0) return { status: response.status, type: 'void' };
    const types = response.content.map(([mediaType, media]) => {
      const kind = responseKindOf(mediaType);
      const wire = `${base}['responses'][${responseStatusKey(response.key)}]['content'][${quote(mediaType)}]`;
      if (kind === 'json')
        return enveloped(spec, envelope, mediaType, media.schema) ? presentAt(wire, envelope ?? '') : wire;
      if (kind === 'text') return 'string';
      if (kind === 'binary') return 'Blob';
      return 'ReadableStream<Uint8Array>';
    });
    return { status: response.status, type: union(types) };
  });
}

/** The component schema every success response's (enveloped) JSON body is, when they agree on one. */
function responseSchema(spec: Spec, operation: SourceOperation): string | undefined {
  const envelope = envelopeOf(spec, operation);
  const named = new Set<string | undefined>();
  for (const response of responsesOf(spec, operation).success) {
    if (response.content.length === 0) named.add(undefined);
    for (const [mediaType, media] of response.content) {
      if (responseKindOf(mediaType) !== 'json') named.add(undefined);
      else
        named.add(
          namedSchemaAt(
            spec.json,
            media.schema,
            enveloped(spec, envelope, mediaType, media.schema) ? (envelope ?? '') : '',
          ),
        );
    }
  }
  return named.size === 1 ? [...named][0] : undefined;
}

function sseTypes(spec: Spec, operation: SourceOperation): OperationExpressions['sse'] {
  const stream = streamResponseOf(responsesOf(spec, operation).success);
  if (!stream) return undefined;
  const extension = operation.operation['x-specsmith-sse'];
  const name = componentName(eventSchemaOf(spec, operation, stream));
  const eventType = name ? `components['schemas'][${quote(name)}]` : 'Record<string, unknown>';
  const success = extension?.result?.success;
  const typeField = text(extension?.typeField) ?? 'type';
  const successEvent = text(success?.event);
  // The result is read from the success event, when the spec names its type.
  const successEvents = successEvent
    ? `Extract<${eventType}, { ${propertyKey(typeField)}: ${quote(successEvent)} }>`
    : eventType;
  return { eventType, resultType: success ? presentAt(successEvents, success.value) : undefined };
}

function paginationItems(
  spec: Spec,
  operation: SourceOperation,
  base: string,
): { type: string; schema: string | undefined } | undefined {
  const pagination = operation.operation['x-specsmith-pagination'];
  if (!pagination) return undefined;
  const primary = responsesOf(spec, operation).success.find(
    (response) =>
      response.content.length > 0 && response.content.every(([mediaType]) => responseKindOf(mediaType) === 'json'),
  );
  const [mediaType, media] = primary?.content[0] ?? ['application/json', undefined];
  const wire = `${base}['responses'][${primary?.status ?? 200}]['content'][${quote(mediaType)}]`;
  return {
    type: `NonNullable<${indexByPointer(wire, pagination.items)}>[number]`,
    schema: media ? namedItemsAt(spec.json, media.schema, pagination.items) : undefined,
  };
}

export function operationExpressions(
  spec: Spec,
  operation: SourceOperation,
  surface: OperationSurface,
): OperationExpressions {
  const base = operationType(operation.path, operation.method);
  const params = parametersOf(operation);
  const stream = streamResponseOf(responsesOf(spec, operation).success);
  const items = paginationItems(spec, operation, base);
  const yields = stream
    ? componentName(eventSchemaOf(spec, operation, stream))
    : items
      ? items.schema
      : operation.operation['x-specsmith-long-running']
        ? undefined
        : responseSchema(spec, operation);
  return {
    params: {
      path: params.path.map((param) => paramType(spec, base, param)),
      query: params.query.map((param) => paramType(spec, base, param)),
      header: params.header.map((param) => paramType(spec, base, param)),
    },
    body: bodyType(spec, operation, base, surface.flatBody),
    responses: responseTypes(spec, operation, base),
    sse: sseTypes(spec, operation),
    paginationItemType: items?.type,
    yields,
  };
}
