/**
 * Small helpers shared by the contract suites: the documented error and
 * success statuses of an operation, webhook example payloads and the spec's
 * signature scheme, an independent HMAC-SHA256 signer (node:crypto, not the
 * package's Web Crypto code), a minimal reader of an SSE example's text and a
 * bounded stream reader. The response and example readers are in
 * ../support/contract.ts.
 */
import { createHmac } from 'node:crypto';
import { appendPointer } from '../../generator/load/json-pointer.js';
import { examplesAt, operationPointer, resolve, responseAt, type ContractSpec } from '../support/contract.js';

type Json = Record<string, unknown>;

function responseKeys(spec: ContractSpec, operationId: string): string[] {
  return Object.keys(resolve(spec, appendPointer(operationPointer(spec, operationId), 'responses')).node);
}

/** The documented error status keys (4xx/5xx, including `4XX`/`5XX` ranges) of an operation. */
export function errorStatusKeys(spec: ContractSpec, operationId: string): string[] {
  return responseKeys(spec, operationId).filter((key) => /^[45]/.test(key));
}

/** The documented success status codes of an operation. */
export function successStatuses(spec: ContractSpec, operationId: string): number[] {
  return responseKeys(spec, operationId)
    .filter((key) => /^2\d\d$/.test(key))
    .map(Number);
}

/** Pointer to the `contentSchema` (the event union) of an SSE operation's 200 `text/event-stream` response, `$ref`s followed. */
export function eventSchemaPointer(spec: ContractSpec, operationId: string): string {
  return resolve(
    spec,
    appendPointer(
      responseAt(spec, operationId, 200).pointer,
      'content',
      'text/event-stream',
      'schema',
      'contentSchema',
    ),
  ).pointer;
}

/** The signature scheme of the spec's `x-specsmith-webhooks`. */
export function webhookScheme(spec: ContractSpec): {
  header: string;
  algorithm: string;
  encoding: 'hex' | 'base64';
  prefix: string;
} {
  return (spec.document['x-specsmith-webhooks'] as Json)['signature'] as {
    header: string;
    algorithm: string;
    encoding: 'hex' | 'base64';
    prefix: string;
  };
}

/** The spec's example payload of a webhook event (the first example of its JSON requestBody). */
export function webhookPayload(spec: ContractSpec, event: string): Json {
  const [first] = examplesAt(
    spec,
    appendPointer('/webhooks', event, 'post', 'requestBody', 'content', 'application/json'),
  );
  if (!first) throw new Error(`webhook ${event} has no example`);
  return first[1] as Json;
}

/** HMAC-SHA256 of a raw body with node:crypto, encoded and prefixed as a provider's scheme says. */
export function hmacSignature(
  rawBody: string,
  secret: string,
  encoding: 'hex' | 'base64' = 'hex',
  prefix = '',
): string {
  return `${prefix}${createHmac('sha256', secret).update(rawBody, 'utf8').digest(encoding)}`;
}

/**
 * The events of an SSE example text, read independently of the runtime's decoder (LF line ends only).
 * Blocks without a `data:` line (comments such as an example's closing `: end of example`) are no events.
 */
export function sseExampleEvents(text: string): Array<{ event: string | undefined; data: string }> {
  return text
    .split(/\n\n+/)
    .filter((block) => block.split('\n').some((line) => line.startsWith('data:')))
    .map((block) => {
      let event: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
        else if (line.startsWith('data:')) data.push(line.slice('data:'.length).replace(/^ /, ''));
      }
      return { event, data: data.join('\n') };
    });
}

/** At most `max` events of a stream (the loop breaks there, closing the connection), so a stream never hangs a suite. */
export async function take<E>(stream: AsyncIterable<E>, max = 50): Promise<E[]> {
  const events: E[] = [];
  for await (const event of stream) {
    events.push(event);
    if (events.length >= max) break;
  }
  return events;
}
