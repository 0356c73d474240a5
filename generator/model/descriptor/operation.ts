/** One operation's descriptor: the runtime's OperationDescriptor for it, trait by trait. */
import { objectProperties } from '../schema-utils.js';
import { entriesOf, resolve, securityOf, text, type SourceOperation, type Spec } from '../read/document.js';
import { envelopeOf } from '../read/envelope.js';
import { streamResponseOf } from '../read/event-stream.js';
import { requestBodyOf, responsesOf } from '../read/media.js';
import type { RequestBodyObject } from '../read/openapi-types.js';
import { parametersOf } from '../read/parameters.js';
import type { OperationSurface } from '../surface/index.js';
import { bodyDescriptor } from './body.js';
import { longRunningDescriptor } from './long-running.js';
import { paginationDescriptor } from './pagination.js';
import { parameterDescriptor } from './parameters.js';
import { acceptHeader, responsesDescriptor } from './responses.js';
import { sseDescriptor } from './sse.js';
import { RuntimeFunction, type Links, type DescribedOperation } from './types.js';

/**
 * The body field holding a URL the API will call back: `x-specsmith-async-webhook.field`,
 * else (when the API has URL rules) a property called `webhook_url` or `webhookUrl`.
 */
function webhookUrlField(spec: Spec, operation: SourceOperation): string | undefined {
  const declared = text(operation.operation['x-specsmith-async-webhook']?.field);
  const requestBody = operation.operation.requestBody;
  if (
    declared !== undefined ||
    !spec.api['x-specsmith-webhooks']?.urlRules ||
    requestBody === null ||
    typeof requestBody !== 'object' ||
    Array.isArray(requestBody)
  )
    return declared;
  for (const [, media] of entriesOf(resolve<RequestBodyObject>(spec, requestBody).content)) {
    for (const name of objectProperties(spec.json, media?.schema).keys()) if (/^webhook_?url$/i.test(name)) return name;
  }
  return undefined;
}

function upload(operation: SourceOperation): DescribedOperation['upload'] {
  const extension = operation.operation['x-specsmith-upload'];
  if (!extension) return undefined;
  return {
    file: extension.file,
    hash: extension.hash
      ? { field: extension.hash.field, encoding: extension.hash.encoding === 'base64' ? 'base64' : 'hex' }
      : undefined,
  };
}

function idempotent(operation: SourceOperation): DescribedOperation['idempotent'] {
  const extension = operation.operation['x-specsmith-idempotent'];
  if (extension === true) return true;
  return typeof extension === 'object' ? extension.field : undefined;
}

export function operationDescriptor(
  spec: Spec,
  operation: SourceOperation,
  surface: OperationSurface,
  links: Links,
): DescribedOperation {
  const responses = responsesOf(spec, operation);
  const urlField = webhookUrlField(spec, operation);
  return {
    id: operation.operationId,
    methodPath: `${surface.resource}.${surface.methodName}`,
    method: operation.method,
    path: operation.path,
    ...parameterDescriptor(parametersOf(operation), surface.pathArgNames),
    body: bodyDescriptor(requestBodyOf(spec, operation), surface),
    accept: acceptHeader(responses),
    responses: responsesDescriptor(spec, responses, envelopeOf(spec, operation)),
    security: securityOf(operation.operation.security),
    idempotent: idempotent(operation),
    pagination: paginationDescriptor(operation),
    sse: sseDescriptor(spec, operation, streamResponseOf(responses.success), links),
    longRunning: longRunningDescriptor(operation, links),
    upload: upload(operation),
    webhookUrlField: urlField,
    webhookUrlCheck:
      urlField && spec.api['x-specsmith-webhooks']?.urlRules
        ? new RuntimeFunction('webhookUrlProblem', 'webhook-url')
        : undefined,
  };
}
