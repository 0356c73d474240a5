/** The event stream an operation answers with (`text/event-stream`), and the schema of one event. */
import { deref, type Json } from '../schema-utils.js';
import { resolve, type SourceOperation, type Spec } from './document.js';
import { responseKindOf, type SourceResponse } from './media.js';
import type { ResponseObject } from './openapi-types.js';

/** The first success response whose every media type is an event stream. */
export function streamResponseOf(responses: readonly SourceResponse[]): SourceResponse | undefined {
  return responses.find(
    (response) =>
      response.content.length > 0 && response.content.every(([mediaType]) => responseKindOf(mediaType) === 'sse'),
  );
}

/**
 * The schema of one event: the stream's `contentSchema` (JSON Schema 2020-12
 * §8.5), or its schema when that is not a plain string.
 */
export function eventSchemaOf(spec: Spec, operation: SourceOperation, stream: SourceResponse): unknown {
  const response = resolve<ResponseObject>(spec, operation.operation.responses?.[String(stream.status)]);
  const content = response.content !== null && typeof response.content === 'object' ? response.content : {};
  const media = content['text/event-stream'] ?? {};
  const schema: Json = deref(spec.json, media.schema);
  return schema['contentSchema'] ?? (schema['type'] === 'string' ? undefined : media.schema);
}
