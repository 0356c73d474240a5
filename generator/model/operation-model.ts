/**
 * One operation as the emit stage reads it: its surface (names, arguments),
 * type layer (types and their names) and descriptor joined, with the docs
 * the spec gives (summary, description, examples).
 */
import type { RuntimeDescriptor } from './descriptor/index.js';
import { exampleOf, text, type SourceOperation, type Spec } from './read/document.js';
import { envelopeOf, unwrapOf } from './read/envelope.js';
import { requestBodyOf, responsesOf } from './read/media.js';
import { parametersOf, type SourceParameter } from './read/parameters.js';
import { responseKind } from './descriptor/responses.js';
import { sampleValue } from './schema-utils.js';
import type { OperationSurface } from './surface/index.js';
import type { OperationTypes } from './type-layer/index.js';
import type { BodyModel, OperationModel, ParamModel, SSEModel } from './types.js';

function paramModel(spec: Spec, param: SourceParameter, argName: string, type: string): ParamModel {
  const { parameter, location, name } = param;
  return {
    name,
    argName,
    multiSegment: location === 'path' && parameter['x-specsmith-multi-segment'] === true,
    required: parameter.required === true || location === 'path',
    description: text(parameter.description),
    type,
    example:
      exampleOf(spec, parameter) ??
      (location === 'path' || parameter.required === true
        ? sampleValue(spec.json, parameter.schema, 0, name)
        : undefined),
  };
}

function bodyModel(
  spec: Spec,
  operation: SourceOperation,
  surface: OperationSurface,
  type: string | undefined,
): BodyModel | undefined {
  const body = requestBodyOf(spec, operation);
  if (!body || type === undefined) return undefined;
  const hashField = operation.operation['x-specsmith-upload']?.hash?.field;
  const structured = body.kind === 'json' || body.kind === 'multipart' || body.kind === 'form';
  return {
    kind: body.kind,
    mediaType: body.mediaType,
    required: body.required,
    flat: surface.flatBody,
    param: surface.bodyParam,
    type,
    hasRequiredFields: [...body.requiredProperties].some((name) => name !== hashField),
    example: exampleOf(spec, body.media) ?? (structured ? sampleValue(spec.json, body.media.schema) : undefined),
  };
}

function sseModel(
  described: RuntimeDescriptor['operations'][number]['descriptor'],
  types: OperationTypes,
): SSEModel | undefined {
  const sse = described.sse;
  if (!sse || !types.sse) return undefined;
  const resume = sse.resume
    ? {
        via: sse.resume.via?.operationId,
        lastEventId: sse.resume.lastEventId === true,
        params: sse.resume.params,
        requires: sse.resume.requires,
      }
    : undefined;
  return {
    ...sse,
    resume,
    eventType: types.sse.eventType,
    resultType: types.sse.resultType,
    resultTypeName: types.sseResultTypeName,
  };
}

export interface OperationParts {
  operation: SourceOperation;
  surface: OperationSurface;
  types: OperationTypes;
  described: RuntimeDescriptor['operations'][number];
  /** Every operation id, to check that a linked operation exists. */
  operationIds: ReadonlySet<string>;
}

export function operationModel(
  spec: Spec,
  { operation, surface, types, described, operationIds }: OperationParts,
): OperationModel {
  const source = operation.operation;
  const parameters = parametersOf(operation);
  const descriptor = described.descriptor;
  const responses = responsesOf(spec, operation);
  const envelope = envelopeOf(spec, operation);
  const wait = source['x-specsmith-wait'];
  const longRunning = source['x-specsmith-long-running'];
  const chunked = source['x-specsmith-chunked-upload'];
  return {
    operationId: operation.operationId,
    key: surface.key,
    method: operation.method,
    path: operation.path,
    summary: text(source.summary),
    description: text(source.description),
    deprecated: source.deprecated === true,
    resource: surface.resource,
    methodName: surface.methodName,
    pathParams: parameters.path.map((param, index) =>
      paramModel(spec, param, surface.pathArgNames[index] ?? param.name, types.params.path[index] ?? 'string'),
    ),
    queryParams: parameters.query.map((param, index) =>
      paramModel(spec, param, param.name, types.params.query[index] ?? 'string'),
    ),
    headerParams: parameters.header.map((param, index) =>
      paramModel(spec, param, param.name, types.params.header[index] ?? 'string'),
    ),
    body: bodyModel(spec, operation, surface, types.body),
    responses: responses.success.map((response, index) => ({
      status: response.status,
      kind: responseKind(response),
      mediaType: response.content.length > 0 ? response.content.map(([mediaType]) => mediaType).join(', ') : undefined,
      unwrap: unwrapOf(spec, envelope, response),
      type: types.responses[index]?.type ?? 'unknown',
    })),
    errorStatuses: responses.errors,
    accept: descriptor.accept,
    security: descriptor.security?.map((requirement) => [...requirement]),
    paramsType: types.paramsType,
    paramsRequired: types.paramsRequired,
    responseType: types.responseType,
    responseTypeName: types.responseTypeName,
    responseSchema: types.yields,
    idempotent: descriptor.idempotent,
    pagination: descriptor.pagination
      ? { ...descriptor.pagination, itemType: types.paginationItemType ?? 'unknown' }
      : undefined,
    sse: sseModel(descriptor, types),
    longRunning: longRunning
      ? {
          ...longRunning,
          error: text(longRunning.error),
          result: longRunning.result
            ? { operationId: longRunning.result.operationId, params: longRunning.result.params }
            : undefined,
          resultType: types.longRunningResultType ?? 'unknown',
        }
      : undefined,
    upload: descriptor.upload ? { file: descriptor.upload.file, hash: descriptor.upload.hash } : undefined,
    chunkedUpload:
      chunked && surface.chunkedMethodName && described.chunkedUpload
        ? {
            part: chunked.part,
            complete: chunked.complete,
            abort: text(chunked.abort),
            uploadId: chunked.uploadId,
            partSize: chunked.partSize,
            uploadIdParam: chunked.uploadIdParam,
            partNumberParam: chunked.partNumberParam,
            firstPart: described.chunkedUpload.descriptor.firstPart,
            methodName: surface.chunkedMethodName,
            key: described.chunkedUpload.key,
          }
        : undefined,
    wait:
      wait && surface.waitMethodName && operationIds.has(wait.via)
        ? {
            via: wait.via,
            params: wait.params,
            methodName: surface.waitMethodName,
            match: text(wait.match),
            current: text(wait.current),
          }
        : undefined,
    webhookUrlField: descriptor.webhookUrlField,
    rateLimitPolicies: source['x-specsmith-rate-limit']?.policies ?? [],
    pointer: operation.pointer,
  };
}
