/**
 * Small spec readers shared by the hotmetal and heycmo contract suites: the
 * documented error responses of an operation (with every named example), the
 * examples of a response, a response schema's pointer, an independent
 * HMAC-SHA256 signer (node:crypto, not the package's Web Crypto code) and a
 * minimal reader of an SSE example's text.
 */
import { createHmac } from 'node:crypto';
import { getAtPointer } from '../../generator/load/json-pointer.js';
import type { ContractSpec } from '../support/contract.js';

type Json = Record<string, unknown>;

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows `$ref`s (internal, `#/...`) from `pointer`; returns the final pointer and node. */
export function resolve(spec: ContractSpec, pointer: string): { pointer: string; node: Json } {
  let at = pointer;
  let node = getAtPointer(spec.document, at.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))) as Json | undefined;
  for (let depth = 0; depth < 20 && node && typeof node['$ref'] === 'string'; depth++) {
    at = (node['$ref'] as string).replace(/^#/, '');
    node = getAtPointer(spec.document, at.split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))) as Json | undefined;
  }
  if (!node) throw new Error(`nothing at ${pointer}`);
  return { pointer: at, node };
}

function operationPointer(spec: ContractSpec, operationId: string): string {
  const entry = spec.operations.find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId} in the spec`);
  return `/paths/${escape(entry.path)}/${entry.method}`;
}

/** The response object of an operation for a status key (`404`, `4XX`), `$ref`s followed. */
export function responseAt(spec: ContractSpec, operationId: string, statusKey: string | number): { pointer: string; node: Json } {
  return resolve(spec, `${operationPointer(spec, operationId)}/responses/${statusKey}`);
}

/** Pointer to a response's schema, following a schema that is only a `$ref` (ajv then gets a plain component pointer). */
export function schemaPointer(spec: ContractSpec, operationId: string, statusKey: string | number, mediaType = 'application/json'): string {
  const response = responseAt(spec, operationId, statusKey);
  return resolve(spec, `${response.pointer}/content/${escape(mediaType)}/schema`).pointer;
}

/** Every named example of a response's media type, `$ref`s resolved: `[name, value]`. */
export function examplesOf(spec: ContractSpec, operationId: string, statusKey: string | number, mediaType = 'application/json'): Array<[string, unknown]> {
  const response = responseAt(spec, operationId, statusKey);
  const media = (response.node['content'] as Json | undefined)?.[mediaType] as Json | undefined;
  if (!media) throw new Error(`${operationId} ${statusKey} has no ${mediaType} content`);
  if (media['example'] !== undefined) return [['example', media['example']]];
  const named = (media['examples'] ?? {}) as Json;
  return Object.keys(named).map((name) => [name, resolve(spec, `${response.pointer}/content/${escape(mediaType)}/examples/${escape(name)}`).node['value']]);
}

/** The example of a response (its first named example). */
export function exampleOf(spec: ContractSpec, operationId: string, statusKey: string | number, mediaType = 'application/json'): unknown {
  const first = examplesOf(spec, operationId, statusKey, mediaType)[0];
  if (!first) throw new Error(`${operationId} ${statusKey} has no example`);
  return first[1];
}

/** The documented error status keys (4xx/5xx, including `4XX`/`5XX` ranges) of an operation. */
export function errorStatusKeys(spec: ContractSpec, operationId: string): string[] {
  const responses = resolve(spec, `${operationPointer(spec, operationId)}/responses`).node;
  return Object.keys(responses).filter((key) => /^[45]/.test(key));
}

/** The documented success status codes of an operation. */
export function successStatuses(spec: ContractSpec, operationId: string): number[] {
  const responses = resolve(spec, `${operationPointer(spec, operationId)}/responses`).node;
  return Object.keys(responses).filter((key) => /^2\d\d$/.test(key)).map(Number);
}

/** HMAC-SHA256 of a raw body with node:crypto, encoded and prefixed as a provider's scheme says. */
export function hmacSignature(rawBody: string, secret: string, encoding: 'hex' | 'base64' = 'hex', prefix = ''): string {
  return `${prefix}${createHmac('sha256', secret).update(rawBody, 'utf8').digest(encoding)}`;
}

/** The events of an SSE example text, read independently of the runtime's decoder (LF line ends only). */
export function sseExampleEvents(text: string): Array<{ event: string | undefined; data: string }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
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
