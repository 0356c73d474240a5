/**
 * Exported type and class names a spec may not take. A generated package
 * exports its own names (the client, its errors, the runtime types index.ts
 * re-exports) next to names from the spec (schemas, resources, operation
 * types, webhook events), and its code refers to global types (`Promise`,
 * `NonNullable`, `Blob`, `Headers`, ...). A schema called `RetryEvent` would
 * be silently hidden by the runtime's type of that name (an explicit export
 * wins over `export *`); one called `NonNullable` or `Promise` would shadow the
 * global the generated code means and break compilation. So every exported
 * name the model decides is claimed against this one registry, and a spec
 * name that collides is renamed predictably (`Promise` -> `PromiseSchema`).
 *
 * The runtime's names are read from the runtime's own sources (every name a
 * runtime module exports), not listed by hand, so a runtime export added or
 * renamed is reserved without anyone remembering to list it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MCP_RUNTIME, runtimeDir } from '../emit/runtime-dir.js';

/** An `export` declaration's name (`export class X`, `export type X`, `export function x`, ...) or the names of an `export { a, b as c }` list. */
const EXPORTED_DECLARATION =
  /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:class|interface|type|function\*?|const|let|var|enum)\s+([A-Za-z_$][\w$]*)/gm;
const EXPORT_LIST = /^export\s+(?:type\s+)?\{([^}]*)\}/gm;

/** Every name the runtime modules a client package holds export (the MCP server is not one of them). */
export function runtimeExportNames(dir = runtimeDir()): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== MCP_RUNTIME)) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(EXPORTED_DECLARATION)) if (match[1]) names.add(match[1]);
    for (const match of text.matchAll(EXPORT_LIST)) {
      for (const entry of (match[1] ?? '').split(',')) {
        const name = entry
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()
          ?.trim();
        if (name) names.add(name);
      }
    }
  }
  return names;
}

/** What src/index.ts re-exports from the runtime, by module (index-file.ts exports exactly these; a test checks each is an export of that module). */
export const RUNTIME_EXPORTS = {
  config: ['ClientOptions', 'RequestOptions', 'ClientHooks', 'RequestEvent', 'ResponseEvent', 'RetryEvent'],
  apiPromise: ['APIPromise', 'APIResponse'],
  responseInfo: ['RateLimitInfo'],
  pagination: ['Page', 'PagePromise', 'PageOptions'],
  eventStream: ['EventStream', 'UnknownEvent', 'StreamOptions'],
  longRunning: ['LongRunning', 'WaitOptions', 'WaitResult'],
  chunkedUpload: ['ChunkedUploadOptions'],
  requestBody: ['BinaryBody'],
} as const;

/** The error classes errors.ts exports besides `<Client>Error` and `<Client>ErrorCode`. */
export const ERROR_CLASSES = [
  'APIError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'APIConnectionError',
  'APIConnectionTimeoutError',
  'APIUserAbortError',
  'InvalidResponseError',
  'InvalidRequestError',
  'OperationFailedError',
  'WaitTimeoutError',
  'WebhookVerificationError',
] as const;

/** Other names the package's modules export or import where spec-named types live. */
const PACKAGE_NAMES = [
  'errorClasses',
  // schema.ts (openapi-typescript) and the openapi-fetch client type
  'paths',
  'components',
  'operations',
  'webhooks',
  '$defs',
  'Client',
  // webhooks.ts
  'verifyWebhook',
  'signWebhook',
  'webhookSignature',
  'WebhookSignatureScheme',
  // runtime types the generated modules import
  'ClientCore',
  'ApiConfig',
  'OperationDescriptor',
  'BinaryInput',
  'APIErrorInit',
  'ConnectionErrorInit',
  'ErrorClasses',
  'InvalidResponseInit',
  // resource modules: the namespace import of types.ts and of operations.ts
  'types',
  'ops',
];

/**
 * Global types and values of ECMAScript, TypeScript's lib and the web platform
 * (fetch, streams, files, events, URLs, crypto) that generated code, the
 * runtime's public types or their users refer to.
 */
const GLOBAL_NAMES = [
  // ECMAScript
  'Array',
  'ArrayBuffer',
  'ArrayBufferView',
  'ArrayLike',
  'AsyncGenerator',
  'AsyncIterable',
  'AsyncIterableIterator',
  'AsyncIterator',
  'Atomics',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Boolean',
  'DataView',
  'Date',
  'Error',
  'EvalError',
  'Float32Array',
  'Float64Array',
  'Function',
  'Generator',
  'Infinity',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'Intl',
  'Iterable',
  'IterableIterator',
  'Iterator',
  'JSON',
  'Map',
  'Math',
  'NaN',
  'Number',
  'Object',
  'Promise',
  'PromiseLike',
  'Proxy',
  'RangeError',
  'ReferenceError',
  'Reflect',
  'RegExp',
  'Set',
  'SharedArrayBuffer',
  'String',
  'Symbol',
  'SyntaxError',
  'TemplateStringsArray',
  'TypeError',
  'URIError',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'globalThis',
  // TypeScript utility types
  'Awaited',
  'Capitalize',
  'ConstructorParameters',
  'Exclude',
  'Extract',
  'InstanceType',
  'Lowercase',
  'NoInfer',
  'NonNullable',
  'Omit',
  'OmitThisParameter',
  'Parameters',
  'Partial',
  'Pick',
  'PropertyKey',
  'Readonly',
  'ReadonlyArray',
  'ReadonlyMap',
  'ReadonlySet',
  'Record',
  'Required',
  'ReturnType',
  'ThisParameterType',
  'ThisType',
  'Uncapitalize',
  'Uppercase',
  'WithRequired',
  // Web platform
  'AbortController',
  'AbortSignal',
  'Blob',
  'BlobPart',
  'BodyInit',
  'Crypto',
  'CryptoKey',
  'DOMException',
  'Event',
  'EventTarget',
  'File',
  'FormData',
  'Headers',
  'HeadersInit',
  'ReadableStream',
  'Request',
  'RequestInfo',
  'RequestInit',
  'Response',
  'ResponseInit',
  'SubtleCrypto',
  'TextDecoder',
  'TextEncoder',
  'URL',
  'URLSearchParams',
  'WritableStream',
  'console',
  'crypto',
  'fetch',
];

/** Every name an exported spec-derived type or class may not take (the client's own names are added per API). */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...runtimeExportNames(),
  ...Object.values(RUNTIME_EXPORTS).flat(),
  ...ERROR_CLASSES,
  ...PACKAGE_NAMES,
  ...GLOBAL_NAMES,
]);

/** Names that depend on the client's name: the class, its core client (core.ts), its base error class and error code type. */
export function clientTypeNames(client: string): string[] {
  return [client, `${client}Core`, `${client}Error`, `${client}ErrorCode`];
}

/** Suffixes tried, in order, for a spec name that collides with a reserved one (then numbers: `PromiseSchema2`). */
export const RENAME_SUFFIXES = ['Schema', 'Model'] as const;
