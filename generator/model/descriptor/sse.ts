/**
 * `x-specsmith-sse`: how the runtime reads an event stream (WHATWG HTML
 * §9.2 server-sent events): the field naming an event's type, the types the
 * spec defines, when the stream is over, how it resumes, which repeats are
 * dropped and what its result is.
 */
import type { Extensions } from '../../extensions/types.js';
import { deref, isObject, literalValues, objectProperties } from '../schema-utils.js';
import { text, type SourceOperation, type Spec } from '../read/document.js';
import { eventSchemaOf } from '../read/event-stream.js';
import { unwrapValuesOf } from '../read/unwrap-values.js';
import type { SourceResponse } from '../read/media.js';
import type { Links, DescribedSSE } from './types.js';

type SSEExtension = Extensions['x-specsmith-sse'];

/** The event types the spec defines: the discriminator's mapping, else the literal type field of each member, else of the event itself. */
function knownEvents(spec: Spec, eventSchema: unknown, typeField: string): string[] {
  const union = deref(spec.json, eventSchema);
  const discriminator = union['discriminator'];
  const mapping = isObject(discriminator) && isObject(discriminator['mapping']) ? discriminator['mapping'] : undefined;
  const members = [
    ...(Array.isArray(union['oneOf']) ? union['oneOf'] : []),
    ...(Array.isArray(union['anyOf']) ? union['anyOf'] : []),
  ];
  const known = mapping
    ? Object.keys(mapping)
    : members.flatMap((member) => literalValues(spec.json, objectProperties(spec.json, member).get(typeField)));
  if (known.length === 0) known.push(...literalValues(spec.json, objectProperties(spec.json, union).get(typeField)));
  return [...new Set(known)];
}

/**
 * How a stream resumes after the server ends it early. `via: self` repeats
 * this request (no `via` link); `lastEventId` is always written, so a resume
 * that does not send `Last-Event-ID` says so (`lastEventId: false`).
 */
function resume(extension: SSEExtension, links: Links): DescribedSSE['resume'] {
  const own = extension.resume;
  if (!own) return undefined;
  return {
    via: own.via === 'self' ? undefined : links.to(text(own.via)),
    lastEventId: own.lastEventId === true,
    params: own.params,
    requires: text(own.requires),
  };
}

const dedupeRule = (rule: { events: string[]; key: string }): { events: string[]; key: string } => ({
  events: rule.events,
  key: rule.key,
});
const stateRule = (
  rule: { pointer: string; values: Array<string | number | boolean> } | undefined,
): DescribedSSE['terminalWhen'] => (rule ? { pointer: rule.pointer, values: rule.values } : undefined);

function result(extension: SSEExtension): DescribedSSE['result'] {
  const success = extension.result?.success;
  const failure = extension.result?.failure;
  if (!success) return undefined;
  return {
    success: { event: text(success.event), when: stateRule(success.when), value: success.value },
    failure: failure
      ? { events: failure.events, when: stateRule(failure.when), message: failure.message, value: text(failure.value) }
      : undefined,
  };
}

export function sseDescriptor(
  spec: Spec,
  operation: SourceOperation,
  stream: SourceResponse | undefined,
  links: Links,
): DescribedSSE | undefined {
  if (!stream) return undefined;
  const extension: SSEExtension = operation.operation['x-specsmith-sse'] ?? {};
  const typeField = text(extension.typeField) ?? 'type';
  const match = extension.match;
  const eventSchema = eventSchemaOf(spec, operation, stream);
  // An event itself is never replaced (its type field names it): only values inside it.
  const values = unwrapValuesOf(spec.json, eventSchema).filter((value) => value.at !== '');
  return {
    typeField,
    known: knownEvents(spec, eventSchema, typeField),
    terminal: extension.terminal && extension.terminal.length > 0 ? extension.terminal : undefined,
    terminalWhen: stateRule(extension.terminalWhen),
    resume: resume(extension, links),
    dedupe: Array.isArray(extension.dedupe)
      ? extension.dedupe.map(dedupeRule)
      : extension.dedupe
        ? dedupeRule(extension.dedupe)
        : undefined,
    match: match
      ? {
          pointer: match.pointer,
          equals: match.equals ? { event: match.equals.event, pointer: match.equals.pointer } : undefined,
        }
      : undefined,
    result: result(extension),
    values: values.length > 0 ? values : undefined,
  };
}
