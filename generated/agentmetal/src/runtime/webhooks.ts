// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Verifying webhook deliveries signed with HMAC-SHA256 (`x-specsmith-webhooks`):
 * Web Crypto computes the digest, a constant-time compare checks it, and only
 * then is the body parsed and returned as the typed event. Messages never
 * contain the secret or the signature.
 */
import { decodeDigest, encodeDigest, timingSafeEqual, type BinaryInput, bytesOf } from './encoding.js';
import type { ErrorClasses } from './errors.js';

export interface WebhookSignatureScheme {
  header: string;
  encoding: 'hex' | 'base64';
  prefix: string;
  eventField: string;
  /** Event names the spec defines. */
  events: readonly string[];
}

async function hmacSha256(secret: string, body: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, body as Uint8Array<ArrayBuffer>));
}

/** Signs a body the way the provider does (for tests and for forwarding deliveries). */
export async function signWebhook(
  rawBody: BinaryInput,
  secret: string,
  scheme: Pick<WebhookSignatureScheme, 'encoding' | 'prefix'>,
): Promise<string> {
  const digest = await hmacSha256(secret, await bytesOf(rawBody));
  return `${scheme.prefix}${encodeDigest(digest, scheme.encoding)}`;
}

/**
 * Whether `input` is a raw body: text, bytes, or something that reads as bytes
 * (Blob, Request, Response). A body a framework already parsed into an object
 * cannot be verified: its bytes (spacing, key order) are gone.
 */
function isRawBody(input: unknown): input is BinaryInput {
  if (typeof input === 'string' || input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return true;
  return (
    input !== null &&
    typeof input === 'object' &&
    typeof (input as { arrayBuffer?: unknown }).arrayBuffer === 'function'
  );
}

export async function verifyWebhook(
  rawBody: BinaryInput,
  signature: string | null | undefined,
  secret: string,
  scheme: WebhookSignatureScheme,
  errors: Pick<ErrorClasses, 'webhookVerification'>,
): Promise<unknown> {
  if (!isRawBody(rawBody))
    throw new errors.webhookVerification(
      `pass the raw body (string, Uint8Array, ArrayBuffer, Blob or Request), not a parsed ${rawBody === null ? 'null' : Array.isArray(rawBody) ? 'array' : typeof rawBody === 'object' ? 'object' : typeof rawBody}`,
    );
  if (typeof secret !== 'string' || secret === '') throw new errors.webhookVerification('no webhook secret was given');
  if (typeof signature !== 'string' || signature.trim() === '')
    throw new errors.webhookVerification(`the ${scheme.header} header is missing`);
  const trimmed = signature.trim();
  if (scheme.prefix && !trimmed.startsWith(scheme.prefix))
    throw new errors.webhookVerification(
      `the ${scheme.header} header is malformed (expected the "${scheme.prefix}" prefix)`,
    );
  const expected = decodeDigest(trimmed.slice(scheme.prefix.length), scheme.encoding);
  if (!expected || expected.length !== 32)
    throw new errors.webhookVerification(
      `the ${scheme.header} header is malformed (expected a ${scheme.encoding} HMAC-SHA256 digest)`,
    );
  const body = await bytesOf(rawBody);
  const actual = await hmacSha256(secret, body);
  if (!timingSafeEqual(actual, expected)) throw new errors.webhookVerification('the signature does not match the body');
  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new errors.webhookVerification('the signed body is not valid JSON');
  }
  const name = event && typeof event === 'object' ? (event as Record<string, unknown>)[scheme.eventField] : undefined;
  if (typeof name !== 'string') throw new errors.webhookVerification(`the payload has no "${scheme.eventField}" field`);
  return event;
}
