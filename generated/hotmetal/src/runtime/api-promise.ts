// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * The value every client method returns: await it for the data, or ask for
 * more. The request starts at once; reading the body waits until someone asks
 * for it, so `.asResponse()` can hand over an unread body (a download stream).
 */
import type { RateLimitInfo } from './response-info.js';

export interface APIResponse<T> {
  data: T;
  response: Response;
  status: number;
  headers: Headers;
  requestId: string | undefined;
  rateLimit: RateLimitInfo | undefined;
  /** Attempts made, retries included. */
  attempts: number;
}

/** Sending and reading, as two steps. */
export interface Exchange<T> {
  response: Response;
  read(): Promise<APIResponse<T>>;
  /** Hands the unread body to the caller: the per-attempt timeout no longer applies to it. */
  release(): void;
}

export class APIPromise<T> implements PromiseLike<T> {
  readonly #exchange: Promise<Exchange<T>>;
  #result: Promise<APIResponse<T>> | undefined;

  constructor(exchange: Promise<Exchange<T>>) {
    this.#exchange = exchange;
    // The caller may only ever look at `.asResponse()`; an unobserved failure must not crash the process.
    exchange.catch(() => undefined);
  }

  /** The data together with status, headers, request id, rate-limit info and attempt count. */
  withResponse(): Promise<APIResponse<T>> {
    this.#result ??= this.#exchange.then((exchange) => exchange.read());
    return this.#result;
  }

  /** The raw `Response`, body unread (for streaming a download). */
  asResponse(): Promise<Response> {
    return this.#exchange.then((exchange) => {
      exchange.release();
      return exchange.response;
    });
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.withResponse()
      .then((result) => result.data)
      .then(onFulfilled, onRejected);
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
