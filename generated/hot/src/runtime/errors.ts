// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * What the runtime needs from a package's error classes. Each generated
 * package defines its own hierarchy (`HotError` -> `APIError` -> `NotFoundError`,
 * ...) in src/errors.ts; the runtime only constructs them through this table,
 * so it stays the same file for every provider.
 */

export interface APIErrorInit {
  status: number;
  message: string;
  code: string | undefined;
  requestId: string | undefined;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  headers: Headers;
  /** How many attempts were made, retries included. */
  attempts: number;
  operationId: string;
  /** Seconds the server asked to wait before trying again (`retry-after-ms` or `Retry-After`); undefined when it did not say. */
  retryAfter?: number | undefined;
}

export interface ConnectionErrorInit {
  message: string;
  cause: unknown;
  attempts: number;
  operationId: string;
}

export interface InvalidResponseInit {
  message: string;
  status: number;
  /** The body as received. */
  raw: string;
  headers: Headers;
  requestId: string | undefined;
  operationId: string;
}

type ErrorClass<Init> = new (init: Init) => Error;

export interface ErrorClasses {
  /** `<Provider>Error`: base of everything; also used for configuration errors. */
  base: new (
    message: string,
  ) => Error;
  api: ErrorClass<APIErrorInit>;
  /** Subclass of `api` per status; statuses not listed fall back to `serverError` (5xx) or `api`. */
  byStatus: Readonly<Record<number, ErrorClass<APIErrorInit>>>;
  serverError: ErrorClass<APIErrorInit>;
  connection: ErrorClass<ConnectionErrorInit>;
  timeout: ErrorClass<ConnectionErrorInit>;
  abort: ErrorClass<ConnectionErrorInit>;
  invalidResponse: ErrorClass<InvalidResponseInit>;
  /** A request the client refuses to send (a rule of the API it would break). */
  invalidRequest: new (
    message: string,
  ) => Error;
  /** A stream, waiter or long-running operation ended in failure. */
  operationFailed: new (
    message: string,
    details: { operationId: string; result: unknown },
  ) => Error;
  /** A waiter's deadline passed before the operation finished. */
  waitTimeout: new (
    message: string,
    details: { operationId: string; result: unknown },
  ) => Error;
  /** A webhook signature did not verify. */
  webhookVerification: new (
    message: string,
  ) => Error;
}

export function apiErrorClass(classes: ErrorClasses, status: number): ErrorClass<APIErrorInit> {
  return classes.byStatus[status] ?? (status >= 500 ? classes.serverError : classes.api);
}
