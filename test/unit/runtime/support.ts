/**
 * Shared pieces for the runtime unit tests: a small ApiConfig, an ErrorClasses
 * table whose classes record their init (shaped like a generated package's
 * hierarchy), and a scripted `fetch` that answers with real `Response`
 * objects and records every `Request` it receives. No network, no mocks.
 */
import type { ApiConfig, ClientOptions } from '../../../generator/runtime/config.js';
import { ClientCore } from '../../../generator/runtime/core.js';
import type {
  APIErrorInit,
  ConnectionErrorInit,
  ErrorClasses,
  InvalidResponseInit,
} from '../../../generator/runtime/errors.js';

/** A key long enough to be redacted, with no characters that URL encoding changes. */
export const API_KEY = 'sk_test_4f9a2c7e1b8d';
export const BASE_URL = 'https://api.acme.test/v1';
/** An environment variable name no machine sets. */
export const KEY_ENV = 'SPECSMITH_UNIT_ACME_API_KEY';

export class AcmeError extends Error {
  override name = 'AcmeError';
}

export class APIError extends AcmeError {
  override name = 'APIError';
  readonly init: APIErrorInit;
  constructor(init: APIErrorInit) {
    super(init.message);
    this.init = init;
  }
}
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
export class ServerError extends APIError {
  override name = 'ServerError';
}

export class ConnectionError extends AcmeError {
  override name = 'ConnectionError';
  readonly init: ConnectionErrorInit;
  constructor(init: ConnectionErrorInit) {
    super(init.message, { cause: init.cause });
    this.init = init;
  }
}
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}
export class AbortError extends ConnectionError {
  override name = 'AbortError';
}

export class InvalidResponseError extends AcmeError {
  override name = 'InvalidResponseError';
  readonly init: InvalidResponseInit;
  constructor(init: InvalidResponseInit) {
    super(init.message);
    this.init = init;
  }
}
export class InvalidRequestError extends AcmeError {
  override name = 'InvalidRequestError';
}
export class OperationFailedError extends AcmeError {
  override name = 'OperationFailedError';
  readonly details: { operationId: string; result: unknown };
  constructor(message: string, details: { operationId: string; result: unknown }) {
    super(message);
    this.details = details;
  }
}
export class WaitTimeoutError extends OperationFailedError {
  override name = 'WaitTimeoutError';
}
export class WebhookVerificationError extends AcmeError {
  override name = 'WebhookVerificationError';
}

export const errorClasses: ErrorClasses = {
  base: AcmeError,
  api: APIError,
  byStatus: { 401: AuthenticationError, 404: NotFoundError, 429: RateLimitError },
  serverError: ServerError,
  connection: ConnectionError,
  timeout: TimeoutError,
  abort: AbortError,
  invalidResponse: InvalidResponseError,
  invalidRequest: InvalidRequestError,
  operationFailed: OperationFailedError,
  waitTimeout: WaitTimeoutError,
  webhookVerification: WebhookVerificationError,
};

export function makeConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    name: 'Acme',
    userAgent: 'acme-sdk/1.2.3',
    apiKeyEnv: KEY_ENV,
    baseUrl: BASE_URL,
    auth: {
      BearerAuth: { type: 'bearer' },
      HeaderAuth: { type: 'header', name: 'X-Acme-Key' },
      QueryAuth: { type: 'query', name: 'api_key' },
    },
    security: [['BearerAuth']],
    errors: { message: '/error/message', code: '/error/code', requestId: '/error/request_id' },
    requestId: { header: 'X-Request-ID' },
    ...overrides,
  };
}

/** What the scripted server answers with: a Response, or a function of the request (may throw, may wait). */
export type Reply = Response | ((request: Request, index: number) => Response | Promise<Response>);

export interface Script {
  fetch: (request: Request) => Promise<Response>;
  /** Every request received, in order. */
  requests: Request[];
  /** Request bodies as text, read (from a clone) when the request arrived. */
  bodies: (string | undefined)[];
}

/**
 * A fetch that answers the n-th request with replies[n]. When the list runs
 * out, a last reply that is a function keeps answering; a last Response (whose
 * body can be read once) does not, and the fetch fails loudly.
 */
export function script(...replies: Reply[]): Script {
  const requests: Request[] = [];
  const bodies: (string | undefined)[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const index = requests.length;
    requests.push(request);
    bodies.push(request.body ? await request.clone().text() : undefined);
    if (request.signal.aborted) throw request.signal.reason;
    const last = replies[replies.length - 1];
    const reply = index < replies.length ? replies[index] : typeof last === 'function' ? last : undefined;
    if (reply === undefined) throw new Error(`script: no reply for request ${index + 1}`);
    return typeof reply === 'function' ? reply(request, index) : reply;
  };
  return { fetch, requests, bodies };
}

export function makeCore(
  fetch: Script['fetch'] | undefined,
  options: ClientOptions = {},
  config: Partial<ApiConfig> = {},
): ClientCore {
  return new ClientCore(makeConfig(config), errorClasses, { apiKey: API_KEY, fetch, ...options });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain', ...headers } });
}

/** A fetch reply that never answers on its own: it rejects with the signal's reason when the request is aborted. */
export function hang(request: Request): Promise<Response> {
  return new Promise((_, reject) => {
    if (request.signal.aborted) reject(request.signal.reason);
    request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
  });
}

/** Captures a rejection so tests can inspect the error object itself. */
export async function rejectionOf(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ControlledStream {
  stream: ReadableStream<Uint8Array>;
  push(text: string | Uint8Array): void;
  close(): void;
  /** Error the stream mid-way, like a connection reset. */
  fail(error: unknown): void;
  /** Resolves with the reason once the consumer cancels the stream. */
  cancelled: Promise<unknown>;
  wasCancelled(): boolean;
}

/** A byte stream the test writes to by hand, recording whether the consumer cancelled it. */
export function controlledStream(): ControlledStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  let onCancel!: (reason: unknown) => void;
  const cancelledPromise = new Promise<unknown>((resolve) => {
    onCancel = resolve;
  });
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel(reason) {
      cancelled = true;
      onCancel(reason);
    },
  });
  const encoder = new TextEncoder();
  return {
    stream,
    push: (chunk) => controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk),
    close: () => controller.close(),
    fail: (error) => controller.error(error),
    cancelled: cancelledPromise,
    wasCancelled: () => cancelled,
  };
}

/** A byte stream that holds the given chunks (text is UTF-8 encoded) and is already closed. */
export function streamOf(chunks: readonly (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

/** A `text/event-stream` response whose body is the given text, in the given chunks. */
export function sse(chunks: string | string[], headers: Record<string, string> = {}): Response {
  return new Response(streamOf(typeof chunks === 'string' ? [chunks] : chunks), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', ...headers },
  });
}

/** Every item of an async iterable; stops at `limit` so one that never ends fails its test instead of hanging it. */
export async function collect<T>(iterable: AsyncIterable<T>, limit = 100): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) {
    items.push(item);
    if (items.length >= limit) break;
  }
  return items;
}

/** Fails a test that would otherwise hang: rejects when `promise` takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
