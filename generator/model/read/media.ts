/**
 * Media types of request and response bodies: which one the model uses, and
 * how the runtime encodes or reads it.
 */
import type { BodyKind, ResponseKind } from '../../runtime/operation.js';
import { isObjectSchema, objectProperties, requiredProperties, type Json } from '../schema-utils.js';
import { entriesOf, resolve, type SourceOperation, type Spec } from './document.js';
import type { MediaTypeObject, RequestBodyObject, ResponseObject } from './openapi-types.js';

const JSON_MEDIA = /[/+]json\b/;

export function responseKindOf(mediaType: string): ResponseKind {
  const type = mediaType.toLowerCase();
  if (type === 'text/event-stream') return 'sse';
  if (JSON_MEDIA.test(type)) return 'json';
  if (type.startsWith('text/') || /[/+]xml\b/.test(type)) return 'text';
  return 'binary';
}

export function bodyKindOf(mediaType: string): BodyKind {
  const type = mediaType.toLowerCase();
  if (JSON_MEDIA.test(type)) return 'json';
  if (type.startsWith('multipart/')) return 'multipart';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('text/')) return 'text';
  return 'binary';
}

/** The request body the client sends: its JSON media type if it has one, else its first. */
export interface SourceBody {
  mediaType: string;
  media: Partial<MediaTypeObject>;
  kind: BodyKind;
  required: boolean;
  /** Every property of an object body (allOf parts included). */
  properties: Map<string, Json>;
  requiredProperties: Set<string>;
  /** A JSON, multipart or form body whose schema is an object. */
  objectLike: boolean;
}

export function requestBodyOf(spec: Spec, operation: SourceOperation): SourceBody | undefined {
  const requestBody = resolve<RequestBodyObject>(spec, operation.operation.requestBody);
  const entries = entriesOf(requestBody.content);
  const [mediaType, media] = entries.find(([type]) => /[/+]json\b/i.test(type)) ?? entries[0] ?? [];
  if (!mediaType) return undefined;
  const kind = bodyKindOf(mediaType);
  const schema = media?.schema;
  return {
    mediaType,
    media: media ?? {},
    kind,
    required: requestBody.required === true,
    properties: objectProperties(spec.json, schema),
    requiredProperties: requiredProperties(spec.json, schema),
    objectLike: (kind === 'json' || kind === 'multipart' || kind === 'form') && isObjectSchema(spec.json, schema),
  };
}

/** One documented success response (2xx or 2XX). */
export interface SourceResponse {
  /** The status as written (`200`, `2XX`). */
  key: string;
  /** The numeric status the runtime matches; a range counts as 200. */
  status: number;
  content: Array<[mediaType: string, media: Partial<MediaTypeObject>]>;
}

export interface SourceResponses {
  success: SourceResponse[];
  /** Documented error statuses (4xx, 5xx, ranges and `default`), as written. */
  errors: string[];
  /** Media types of the responses that are not 2xx, in document order. */
  errorMediaTypes: string[];
}

export function responsesOf(spec: Spec, operation: SourceOperation): SourceResponses {
  const success: SourceResponse[] = [];
  const errors: string[] = [];
  const errorMediaTypes: string[] = [];
  for (const [key, raw] of entriesOf(operation.operation.responses)) {
    const response = resolve<ResponseObject>(spec, raw);
    if (!/^2/.test(key)) errorMediaTypes.push(...entriesOf(response.content).map(([mediaType]) => mediaType));
    if (!/^2(\d\d|XX)$/i.test(key)) {
      if (/^[45]/.test(key) || key === 'default') errors.push(key);
      continue;
    }
    success.push({ key, status: /^\d+$/.test(key) ? Number(key) : 200, content: entriesOf(response.content) });
  }
  return { success, errors, errorMediaTypes };
}
