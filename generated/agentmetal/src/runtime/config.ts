// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/** What a generated package tells the runtime about its API, and what users may set. */
import type { RequestIdConfig } from './response-info.js';
import type { RateLimitHeaders } from './retry.js';
import type { WebhookUrlRules } from './webhook-url.js';

/** How a security scheme carries the one credential a client holds. */
export type AuthScheme =
  | { type: 'bearer' }
  | { type: 'basic' }
  | { type: 'header'; name: string }
  | { type: 'query'; name: string }
  | { type: 'cookie'; name: string };

export interface ApiConfig {
  /** Client class name, used in messages (`Hot`). */
  name: string;
  /** `<package>/<version>`, sent as User-Agent. */
  userAgent: string;
  apiKeyEnv?: string;
  baseUrlEnv?: string;
  baseUrl: string;
  auth: Readonly<Record<string, AuthScheme>>;
  /** The API's default security alternatives. */
  security: readonly (readonly string[])[];
  /** JSON pointers into error bodies. */
  errors: { message?: string; code?: string; requestId?: string };
  requestId?: RequestIdConfig;
  rateLimit?: RateLimitHeaders;
  retry?: { maxRetries?: number; statuses?: readonly number[]; requireRetryAfter?: readonly number[] };
  idempotencyHeader?: string;
  webhookUrlRules?: WebhookUrlRules;
}

export interface RequestEvent {
  operationId: string;
  method: string;
  /** Full URL, credentials in the query redacted. */
  url: string;
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  requestId: string | undefined;
  durationMs: number;
}

export interface RetryEvent extends RequestEvent {
  /** Why another attempt is made: a status code or a network error message. */
  reason: string;
  delayMs: number;
}

/** Observers for logging and metrics. They never see credentials. */
export interface ClientHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
}

export interface ClientOptions {
  /** API key; defaults to the API's environment variable. */
  apiKey?: string | undefined;
  /**
   * Base URL: the server URL as the spec declares it, path prefix included; operation paths are
   * appended to it as the spec writes them. Defaults to the API's environment variable, then the spec's first server.
   */
  baseUrl?: string | undefined;
  /**
   * Per-attempt timeout in milliseconds (default 60 000); 0 turns it off, and a request then carries no
   * AbortSignal unless the call passes one (fetch does extra work for every signal it is given).
   */
  timeout?: number;
  /** Retries after the first attempt (default from the spec, else 2). */
  maxRetries?: number;
  /** Longest total wait between attempts of one call, in milliseconds (default 60 000). */
  retryBudget?: number;
  /** A fetch implementation (default `globalThis.fetch`). */
  fetch?: (request: Request) => Promise<Response>;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  hooks?: ClientHooks;
  /**
   * Largest JSON, text or binary body the client reads for you, in bytes (default 50 MiB); past it the
   * call fails with InvalidResponseError and the body is cancelled. `.asResponse()` bodies are not capped.
   */
  maxResponseBytes?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Per-attempt timeout in milliseconds for this call; 0 turns it off. */
  timeout?: number;
  maxRetries?: number;
  /** Extra headers for this call; `null` removes a default header. */
  headers?: Record<string, string | null>;
  /** Sent as the API's idempotency header on every attempt; makes the call safe to retry. */
  idempotencyKey?: string;
  /** Largest body read for this call, in bytes (default: the client's `maxResponseBytes`). */
  maxResponseBytes?: number;
}

/** Reads an environment variable where there is one (Node, Bun, Deno with env access); never throws. */
export function readEnv(name: string | undefined): string | undefined {
  if (!name) return undefined;
  try {
    const process = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
    const fromProcess = process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess.trim() === '' ? undefined : fromProcess;
    const deno = (globalThis as { Deno?: { env?: { get(key: string): string | undefined } } }).Deno;
    return deno?.env?.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}
