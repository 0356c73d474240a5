/** How each success response is read, and the Accept header. */
import type { ResponseKind } from '../../runtime/operation.js';
import type { Spec } from '../read/document.js';
import { responseKindOf, type SourceResponse, type SourceResponses } from '../read/media.js';
import { enveloped, unwrapOf } from '../read/envelope.js';
import { unwrapValuesOf } from '../read/unwrap-values.js';
import { parsePointer } from '../../load/json-pointer.js';
import { schemaAtPointer } from '../schema-utils.js';
import type { UnwrapValue } from '../../runtime/unwrap-values.js';
import type { DescribedOperation } from './types.js';

/** One kind for every media type of the response, else `auto` (by Content-Type). */
export function responseKind(response: SourceResponse): ResponseKind {
  if (response.content.length === 0) return 'empty';
  const kinds = new Set(response.content.map(([mediaType]) => responseKindOf(mediaType)));
  return kinds.size === 1 ? ([...kinds][0] ?? 'json') : 'auto';
}

/**
 * Where the JSON bodies of a response carry `x-specsmith-unwrap` values,
 * relative to what the caller gets (inside the envelope, when there is one).
 */
function unwrapValues(spec: Spec, response: SourceResponse, envelope: string | undefined): UnwrapValue[] | undefined {
  const found = new Map<string, UnwrapValue>();
  for (const [mediaType, media] of response.content) {
    if (responseKindOf(mediaType) !== 'json') continue;
    const data = enveloped(spec, envelope, mediaType, media.schema)
      ? schemaAtPointer(spec.json, media.schema, parsePointer(envelope))
      : media.schema;
    for (const value of unwrapValuesOf(spec.json, data)) found.set(`${value.at}\u0000${value.key}`, value);
  }
  return found.size > 0 ? [...found.values()] : undefined;
}

export function responsesDescriptor(
  spec: Spec,
  responses: SourceResponses,
  envelope: string | undefined,
): DescribedOperation['responses'] {
  return Object.fromEntries(
    responses.success.map((response) => [
      String(response.status),
      {
        kind: responseKind(response),
        unwrap: unwrapOf(spec, envelope, response),
        values: unwrapValues(spec, response, envelope),
      },
    ]),
  );
}

/**
 * The Accept header: the success media types first, then the media types of
 * error bodies at a lower preference (RFC 9110 §12.5.1), so a server can
 * still send its documented error to a client that asked for text or an
 * event stream.
 */
export function acceptHeader(responses: SourceResponses): string | undefined {
  const wanted = [
    ...new Set(responses.success.flatMap((response) => response.content.map(([mediaType]) => mediaType))),
  ];
  const errors = [...new Set(responses.errorMediaTypes.filter((mediaType) => !wanted.includes(mediaType)))];
  if (wanted.length === 0) return errors.length > 0 ? errors.join(', ') : undefined;
  return [...wanted, ...errors.map((mediaType) => `${mediaType};q=0.9`)].join(', ');
}
