/**
 * `x-specsmith-envelope`: the pointer of the data inside a JSON body that
 * wraps it. An operation's `false` turns the API's envelope off.
 */
import { parsePointer } from '../../load/json-pointer.js';
import { schemaAtPointer } from '../schema-utils.js';
import { text, type SourceOperation, type Spec } from './document.js';
import { responseKindOf, type SourceResponse } from './media.js';

export function envelopeOf(spec: Spec, operation: SourceOperation): string | undefined {
  const own = operation.operation['x-specsmith-envelope'];
  if (own === false) return undefined;
  const root = spec.api['x-specsmith-envelope'];
  return text(own?.data) ?? (root ? text(root.data) : undefined);
}

/** The envelope applies to a JSON media type whose schema has the pointer's first property. */
export function enveloped(
  spec: Spec,
  envelope: string | undefined,
  mediaType: string,
  schema: unknown,
): envelope is string {
  return (
    envelope !== undefined &&
    responseKindOf(mediaType) === 'json' &&
    schemaAtPointer(spec.json, schema, parsePointer(envelope)) !== undefined
  );
}

/** The pointer the runtime unwraps a success response at: the envelope, when one of its JSON bodies has it. */
export function unwrapOf(spec: Spec, envelope: string | undefined, response: SourceResponse): string | undefined {
  return response.content.some(([mediaType, media]) => enveloped(spec, envelope, mediaType, media.schema))
    ? envelope
    : undefined;
}
