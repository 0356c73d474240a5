/**
 * The engine under every generated client: it places parameters, encodes
 * bodies, adds credentials, sends through openapi-fetch with timeouts and
 * retries, turns failures into the package's typed errors, and reads success
 * bodies (unwrapping the API's envelope). Generated resource methods are
 * one-line calls into this class.
 */
import { APIPromise, type APIResponse, type Exchange } from './api-promise.js';
import { readEnv, type ApiConfig, type ClientHooks, type ClientOptions, type RequestOptions } from './config.js';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_BUDGET_MS,
  DEFAULT_RETRY_STATUSES,
  DEFAULT_TIMEOUT_MS,
  INITIAL_RETRY_DELAY_MS,
  MAX_RETRY_DELAY_MS,
} from './defaults.js';
import { apiErrorClass, type ErrorClasses } from './errors.js';
import { operationLabel, pathArgLabel, type OperationDescriptor, type ResponseDescriptor } from './operation.js';
import { serverExplanation } from './error-message.js';
import { getAtPointer } from './pointer.js';
import { BodyTooLargeError, byteLimit, readBlob, readText } from './body-reader.js';
import {
  REDACTED,
  redactCause,
  redactedHeaders,
  redactFields,
  redactText,
  redactUrl,
  redactValue,
  SENSITIVE_HEADERS,
} from './redact.js';
import { RedirectRefusedError } from './redirects.js';
import {
  headerNameProblem,
  headerValueProblem,
  ownEntries,
  pathValueProblem,
  queryValueProblem,
} from './request-checks.js';
import { readRateLimit, readRequestId } from './response-info.js';
import { backoffDelayMs, isRetryableStatus, retryAfterSeconds, serverDelayMs, type RetryPolicy } from './retry.js';
import { clientOptionsProblem, requestOptionsProblem } from './option-checks.js';
import { linkSignal, sleep, type LinkedSignal } from './signals.js';
import { send as sendOnce, type FetchFunction } from './transport.js';
import { requestUrl } from './url.js';
import { unwrapValues } from './unwrap-values.js';

type Params = Record<string, unknown> | undefined;

/** An operation as errors name it: its spec, or (from older callers) its operationId alone. */
export type OperationRef = Pick<OperationDescriptor, 'id' | 'methodPath'> | string;

/** The operationId an error carries and the label its message starts with (the public method, `projects.get`). */
function named(op: OperationRef): { id: string; label: string } {
  return typeof op === 'string' ? { id: op, label: op } : { id: op.id, label: operationLabel(op) };
}

/** A request ready to send (and to send again on retry). */
interface Prepared {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Readonly<Record<string, string>>;
  body: unknown;
  replayable: boolean;
  idempotent: boolean;
}

/** Where the key goes for one security alternative. */
interface Credentials {
  header: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
}

/** A response with a success status, body unread. */
export interface Sent {
  response: Response;
  attempts: number;
  linked: LinkedSignal;
  /** Cap on the body the client reads for the caller (`maxResponseBytes`). */
  maxResponseBytes: number;
}

const IDEMPOTENT_METHODS = new Set(['get', 'head', 'options', 'put', 'delete', 'trace']);
/** Marks an operation object returned by a long-running call, so waitFor() knows how to poll it. */
export const LONG_RUNNING = Symbol.for('specsmith.longRunning');

/** What the openapi-fetch escape hatch (raw-client.ts) is built from: this client's base URL, fetch and headers. */
export interface RawClientInit {
  baseUrl: string;
  fetch: FetchFunction | undefined;
  headers: Record<string, string>;
}

export class ClientCore {
  readonly config: ApiConfig;
  readonly errors: ErrorClasses;
  readonly baseUrl: string;
  readonly timeout: number;
  readonly maxRetries: number;
  readonly retryPolicy: RetryPolicy;
  /** Cap on a JSON, text or binary body read for the caller (`maxResponseBytes`). */
  readonly maxResponseBytes: number;
  /** Lower-case names of headers that carry credentials (any API's, and this spec's apiKey headers). */
  readonly credentialHeaders: ReadonlySet<string>;
  readonly #apiKey: string | undefined;
  /** The `fetch` option; undefined uses the platform's fetch. */
  readonly #fetch: FetchFunction | undefined;
  readonly #headers: Record<string, string>;
  readonly #hooks: ClientHooks;

  constructor(config: ApiConfig, errors: ErrorClasses, options: ClientOptions = {}) {
    this.config = config;
    this.errors = errors;
    const misuse = clientOptionsProblem(options);
    if (misuse) throw new errors.base(`new ${config.name}(): ${misuse}`);
    this.#apiKey = options.apiKey ?? readEnv(config.apiKeyEnv);
    this.baseUrl = (options.baseUrl ?? readEnv(config.baseUrlEnv) ?? config.baseUrl).replace(/\/+$/, '');
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetries = options.maxRetries ?? config.retry?.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.retryPolicy = {
      maxRetries: this.maxRetries,
      statuses: config.retry?.statuses ?? DEFAULT_RETRY_STATUSES,
      requireRetryAfter: config.retry?.requireRetryAfter ?? [],
      initialDelayMs: INITIAL_RETRY_DELAY_MS,
      maxDelayMs: MAX_RETRY_DELAY_MS,
      budgetMs: options.retryBudget ?? DEFAULT_RETRY_BUDGET_MS,
    };
    this.maxResponseBytes = byteLimit(options.maxResponseBytes);
    const keyHeaders = Object.values(config.auth).flatMap((scheme) =>
      scheme.type === 'header' ? [scheme.name.toLowerCase()] : [],
    );
    this.credentialHeaders = new Set([...SENSITIVE_HEADERS, ...keyHeaders]);
    this.#fetch = options.fetch;
    this.#headers = { 'User-Agent': config.userAgent, ...options.headers };
    this.#hooks = this.#redactedHooks(options.hooks ?? {});
  }

  /**
   * The raw openapi-fetch client is built from this (raw-client.ts) only when
   * someone asks for it, so an app that never uses it does not bundle openapi-fetch's client.
   */
  rawClientInit(): RawClientInit {
    return { baseUrl: this.baseUrl, fetch: this.#fetch, headers: this.#headers };
  }

  /** A raw client's request with the API's credentials added (unless it sets Authorization itself); undefined leaves it as it is. */
  authorizeRaw(request: Request): Request | undefined {
    if (request.headers.has('authorization') || !this.#apiKey) return undefined;
    const auth = this.#credentials(this.config.security);
    const url = new URL(request.url);
    for (const [name, value] of Object.entries(auth.query)) url.searchParams.set(name, String(value));
    const next = new Request(url, request);
    for (const [name, value] of Object.entries(auth.header)) next.headers.set(name, value);
    return next;
  }

  /** How the client prints (`util.inspect`, `console.log`): the key is never shown. */
  describe(): string {
    return `${this.config.name} { baseUrl: '${this.baseUrl}', apiKey: ${this.#apiKey ? `'${REDACTED}'` : 'undefined'} }`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.describe();
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, apiKey: this.#apiKey ? REDACTED : undefined };
  }

  /** Secrets to scrub from any text shown to users. */
  secrets(): string[] {
    return this.#apiKey ? [this.#apiKey] : [];
  }

  redact(text: string): string {
    return redactText(text, this.secrets());
  }

  /** Hooks that see every string field of their event redacted (a request id or retry reason may echo the key). */
  #redactedHooks(hooks: ClientHooks): ClientHooks {
    const secrets = (): string[] => this.secrets();
    const wrapped: ClientHooks = {};
    if (hooks.onRequest) wrapped.onRequest = (event) => hooks.onRequest?.(redactFields(event, secrets()));
    if (hooks.onResponse) wrapped.onResponse = (event) => hooks.onResponse?.(redactFields(event, secrets()));
    if (hooks.onRetry) wrapped.onRetry = (event) => hooks.onRetry?.(redactFields(event, secrets()));
    return wrapped;
  }

  /** Calls an operation whose success body is JSON, text, bytes or empty. */
  call<T>(
    op: OperationDescriptor,
    pathArgs: readonly unknown[],
    params: Params,
    options?: RequestOptions,
  ): APIPromise<T> {
    return new APIPromise(this.exchange(op, pathArgs, params, options, (sent) => this.read<T>(op, sent)));
  }

  async exchange<T>(
    op: OperationDescriptor,
    pathArgs: readonly unknown[],
    params: Params,
    options: RequestOptions | undefined,
    read: (sent: Sent) => Promise<APIResponse<T>>,
  ): Promise<Exchange<T>> {
    const sent = await this.send(op, pathArgs, params, options);
    return {
      response: sent.response,
      read: () => read(sent),
      release: () => sent.linked.stopTimer(),
    };
  }

  /** Sends with retries until a success response (returned unread) or a final failure (thrown). */
  async send(
    op: OperationDescriptor,
    pathArgs: readonly unknown[],
    params: Params,
    options: RequestOptions = {},
    extraHeaders?: Record<string, string>,
  ): Promise<Sent> {
    const prepared = await this.#prepare(op, pathArgs, params, options, extraHeaders);
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const policy = this.retryPolicy;
    const canRetry = prepared.replayable && prepared.idempotent;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const linked = linkSignal(options.signal, options.timeout ?? this.timeout);
      const started = Date.now();
      const hooks = this.#hooks;
      const target = requestUrl({
        baseUrl: this.baseUrl,
        path: op.path,
        pathParams: prepared.path,
        query: prepared.query,
        multiSegment: op.multiSegment,
      });
      // The URL hooks see is redacted; it is worked out only when there is a hook to see it.
      const url = hooks.onRequest || hooks.onResponse || hooks.onRetry ? this.#safeUrl(target) : '';
      let result: { error?: unknown; response: Response };
      try {
        hooks.onRequest?.({ operationId: op.id, method: op.method.toUpperCase(), url, attempt });
        result = await linked.race(
          sendOnce(
            {
              method: op.method,
              headers: prepared.header,
              body: prepared.body,
              signal: linked.signal,
              stream: !prepared.replayable,
              credentialHeaders: this.credentialHeaders,
            },
            target,
            this.#fetch,
          ),
        );
      } catch (cause) {
        linked.dispose();
        // A redirect the client refuses is the server's answer, not a network failure: never retried.
        if (cause instanceof RedirectRefusedError) throw this.#refusedRedirect(op, cause);
        const why = linked.reason();
        const details = { operationId: op.id, attempts: attempt, cause: redactCause(cause, this.secrets()) };
        if (why === 'user')
          throw new this.errors.abort({ ...details, message: `${operationLabel(op)}: request aborted` });
        const reason =
          why === 'timeout'
            ? `timed out after ${options.timeout ?? this.timeout} ms`
            : this.redact(describeCause(cause));
        if (canRetry && attempt <= maxRetries) {
          const delay = backoffDelayMs(attempt, policy);
          if (waited + delay <= policy.budgetMs) {
            waited += delay;
            await this.#pause(op, attempt, url, reason, delay, options.signal);
            continue;
          }
        }
        const message = `${operationLabel(op)}: ${why === 'timeout' ? 'request' : 'connection failed'}: ${reason} (${attempt} attempt${attempt === 1 ? '' : 's'})`;
        throw why === 'timeout'
          ? new this.errors.timeout({ ...details, message })
          : new this.errors.connection({ ...details, message });
      }
      const { response } = result;
      hooks.onResponse?.({
        operationId: op.id,
        method: op.method.toUpperCase(),
        url,
        attempt,
        status: response.status,
        requestId: readRequestId(response.headers, undefined, this.config.requestId),
        durationMs: Date.now() - started,
      });
      if (response.ok)
        return {
          response,
          attempts: attempt,
          linked,
          maxResponseBytes: byteLimit(options.maxResponseBytes, this.maxResponseBytes),
        };
      linked.dispose();
      if (canRetry && attempt <= maxRetries && isRetryableStatus(response.status, response.headers, policy)) {
        const advised = serverDelayMs(response.headers, this.config.rateLimit);
        const delay = advised ?? backoffDelayMs(attempt, policy);
        if (waited + delay <= policy.budgetMs) {
          waited += delay;
          await this.#pause(op, attempt, url, String(response.status), delay, options.signal);
          continue;
        }
      }
      throw this.apiError(op, response, result.error, attempt, target);
    }
  }

  async #pause(
    op: OperationDescriptor,
    attempt: number,
    url: string,
    reason: string,
    delayMs: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    this.#hooks.onRetry?.({ operationId: op.id, method: op.method.toUpperCase(), url, attempt, reason, delayMs });
    try {
      await sleep(delayMs, signal);
    } catch (cause) {
      throw new this.errors.abort({
        operationId: op.id,
        attempts: attempt,
        cause,
        message: `${operationLabel(op)}: request aborted while waiting to retry`,
      });
    }
  }

  #refusedRedirect(op: OperationDescriptor, cause: RedirectRefusedError): Error {
    return new this.errors.invalidResponse({
      message: this.redact(`${operationLabel(op)}: redirect not followed: ${cause.message}`),
      status: cause.status,
      raw: '',
      headers: this.redactHeaders(cause.headers),
      requestId: this.#requestId(cause.headers, undefined),
      operationId: op.id,
    });
  }

  /** Response headers as an error shows them: credential headers replaced, the key scrubbed from the rest. */
  redactHeaders(headers: Headers): Headers {
    return redactedHeaders(headers, [...this.credentialHeaders], this.secrets());
  }

  /** The response's request id, redacted (a server may echo anything there). */
  #requestId(headers: Headers, body: unknown, bodyPointer?: string): string | undefined {
    const id = readRequestId(headers, body, this.config.requestId, bodyPointer);
    return id === undefined ? undefined : this.redact(id);
  }

  #safeUrl(url: string): string {
    const queryNames = Object.values(this.config.auth).flatMap((scheme) =>
      scheme.type === 'query' ? [scheme.name] : [],
    );
    return redactUrl(url, queryNames, this.secrets());
  }

  /**
   * The package's APIError subclass for a failed response. Its message says who
   * failed, the status and code, the server's own explanation, and what was
   * sent (`projects.get: 404 not_found: Project not found (GET /v1/projects/x)`),
   * so a wrong base URL or path shows at a glance.
   */
  apiError(op: OperationDescriptor | string, response: Response, body: unknown, attempts: number, url?: string): Error {
    const { id, label } = named(op);
    const pointers = this.config.errors;
    const rawCode = pointers.code ? getAtPointer(body, pointers.code) : undefined;
    const code = typeof rawCode === 'string' && rawCode !== '' ? this.redact(rawCode) : undefined;
    const detail = serverExplanation(body, pointers.message, response.statusText) ?? 'request failed';
    const sent = url && typeof op !== 'string' ? ` (${op.method.toUpperCase()} ${urlPath(url)})` : '';
    const requestId = this.#requestId(response.headers, body, pointers.requestId);
    const message = this.redact(`${label}: ${response.status}${code ? ` ${code}` : ''}: ${detail}${sent}`);
    const ErrorClass = apiErrorClass(this.errors, response.status);
    // A server that echoes the request may put the key anywhere in its answer; every field of the error is a redacted copy.
    return new ErrorClass({
      status: response.status,
      message,
      code,
      requestId,
      body: redactValue(body, this.secrets()),
      headers: this.redactHeaders(response.headers),
      attempts,
      operationId: id,
      retryAfter: retryAfterSeconds(response.headers),
    });
  }

  /** Reads a success body by the operation's response kind and unwraps the envelope. */
  async read<T>(op: OperationDescriptor, sent: Sent): Promise<APIResponse<T>> {
    const { response } = sent;
    const listed = op.responses[response.status];
    const spec = !listed || listed.kind === 'auto' ? fallbackResponse(op, response, listed) : listed;
    let body: unknown;
    let data: unknown;
    try {
      switch (spec.kind) {
        case 'empty':
          await readText(response, sent.maxResponseBytes, 'fail');
          break;
        case 'text':
          data = (await readText(response, sent.maxResponseBytes, 'fail')).text;
          break;
        case 'binary':
          data = await readBlob(response, sent.maxResponseBytes);
          break;
        case 'sse':
          data = response.body;
          break;
        case 'json': {
          body = await this.readJson(op, response, sent.maxResponseBytes);
          data = spec.unwrap ? this.unwrap(op, response, body, spec.unwrap) : body;
          if (spec.values) data = unwrapValues(data, spec.values);
          break;
        }
      }
    } catch (error) {
      throw this.#readFailure(op, sent, error);
    } finally {
      if (spec.kind !== 'sse') sent.linked.dispose();
    }
    if (op.longRunning && response.status === op.longRunning.status && data !== null && typeof data === 'object') {
      Object.defineProperty(data, LONG_RUNNING, { value: op.longRunning, enumerable: false });
    }
    const config = this.config;
    // Request id and rate-limit state are read from the headers only when someone looks.
    return {
      data: data as T,
      response,
      status: response.status,
      headers: response.headers,
      get requestId() {
        return readRequestId(response.headers, body, config.requestId);
      },
      get rateLimit() {
        return readRateLimit(response.headers, config.rateLimit);
      },
      attempts: sent.attempts,
    };
  }

  /** Parses a JSON body; a truncated or non-JSON body is a typed error carrying the raw text. */
  async readJson(op: OperationRef, response: Response, maxBytes = this.maxResponseBytes): Promise<unknown> {
    const { id: operationId, label } = named(op);
    const { text: raw } = await readText(response, maxBytes, 'fail');
    try {
      return JSON.parse(raw);
    } catch (error) {
      throw new this.errors.invalidResponse({
        message: `${label}: the ${response.status} response is not valid JSON (${(error as Error).message}); ${raw.length} bytes received`,
        status: response.status,
        raw: this.redact(raw),
        headers: this.redactHeaders(response.headers),
        requestId: this.#requestId(response.headers, undefined),
        operationId,
      });
    }
  }

  unwrap(op: OperationRef, response: Response, body: unknown, pointer: string): unknown {
    const value = getAtPointer(body, pointer);
    if (value === undefined) throw this.invalidResponse(op, response, body, `has no value at ${pointer}`);
    return value;
  }

  /** A success response whose parsed body is not what the spec promises. */
  invalidResponse(op: OperationRef, response: Response, body: unknown, problem: string): Error {
    const { id: operationId, label } = named(op);
    return new this.errors.invalidResponse({
      message: this.redact(`${label}: the ${response.status} response ${problem}`),
      status: response.status,
      raw: this.redact(JSON.stringify(body) ?? ''),
      headers: this.redactHeaders(response.headers),
      requestId: this.#requestId(response.headers, body),
      operationId,
    });
  }

  /** A body past its cap: the call fails and says which option raises the cap. */
  tooLarge(op: OperationRef, response: Response, error: BodyTooLargeError): Error {
    const { id: operationId, label } = named(op);
    return new this.errors.invalidResponse({
      message: `${label}: the ${response.status} response ${error.message.replace(/^the body/, 'body')}; reading stopped there. Raise the maxResponseBytes option (client or call), or stream the body with .asResponse()`,
      status: response.status,
      raw: '',
      headers: this.redactHeaders(response.headers),
      requestId: this.#requestId(response.headers, undefined),
      operationId,
    });
  }

  #readFailure(op: OperationDescriptor, sent: Sent, error: unknown): unknown {
    const label = operationLabel(op);
    const why = sent.linked.reason();
    const details = { operationId: op.id, attempts: sent.attempts, cause: redactCause(error, this.secrets()) };
    if (why === 'user')
      return new this.errors.abort({ ...details, message: `${label}: aborted while reading the response` });
    if (why === 'timeout')
      return new this.errors.timeout({ ...details, message: `${label}: timed out while reading the response` });
    if (error instanceof this.errors.base) return error;
    if (error instanceof BodyTooLargeError) return this.tooLarge(op, sent.response, error);
    return new this.errors.connection({
      ...details,
      message: `${label}: the response body could not be read: ${this.redact(describeCause(error))}`,
    });
  }

  async #prepare(
    op: OperationDescriptor,
    pathArgs: readonly unknown[],
    params: Params,
    options: RequestOptions,
    extraHeaders?: Record<string, string>,
  ): Promise<Prepared> {
    const label = operationLabel(op);
    const misuse = requestOptionsProblem(options);
    if (misuse) throw new this.errors.invalidRequest(`${label}: ${misuse}`);
    // Null-prototype maps and own-property reads: a parameter named `toString`, `constructor` or `__proto__` is only ever a name.
    const path = Object.create(null) as Record<string, unknown>;
    const pathParams = op.pathParams ?? [];
    for (let index = 0; index < pathParams.length; index++) {
      const name = pathParams[index] ?? '';
      const value = pathArgs[index];
      const problem = pathValueProblem(value, op.multiSegment?.includes(name) === true);
      // Named as the caller wrote it: the argument of the method's signature, not the wire name.
      if (problem) throw new this.errors.invalidRequest(`${label}: argument \`${pathArgLabel(op, index)}\` ${problem}`);
      path[name] = value;
    }
    const query = Object.create(null) as Record<string, unknown>;
    const rest = ownEntries(params);
    for (const name of op.query ?? []) {
      if (Object.hasOwn(rest, name) && rest[name] !== undefined) {
        const problem = queryValueProblem(rest[name]);
        if (problem) throw new this.errors.invalidRequest(`${label}: params.${name} ${problem}`);
        query[name] = rest[name];
      }
      delete rest[name];
    }
    let paramHeaders: Record<string, string> | undefined;
    for (const name of op.header ?? []) {
      if (Object.hasOwn(rest, name) && rest[name] !== undefined && rest[name] !== null)
        (paramHeaders ??= Object.create(null) as Record<string, string>)[name] = String(rest[name]);
      delete rest[name];
    }
    const auth = this.#credentials(op.security ?? this.config.security, label);
    Object.assign(query, auth.query);
    const callHeaders = ownEntries(options.headers);
    const perCall =
      paramHeaders !== undefined ||
      extraHeaders !== undefined ||
      options.idempotencyKey !== undefined ||
      Object.keys(callHeaders).length > 0;
    if (!op.body && !perCall)
      return {
        path,
        query,
        header: this.#fixedHeaders(op, label, auth),
        body: undefined,
        replayable: true,
        idempotent: IDEMPOTENT_METHODS.has(op.method) || op.idempotent === true,
      };
    const header = Object.create(null) as Record<string, string>;
    header['Accept'] = op.accept ?? 'application/json';
    Object.assign(header, this.#headers, paramHeaders, auth.header, extraHeaders);

    let body: unknown;
    let replayable = true;
    if (op.body) {
      const value = op.body.flat ? rest : rest[op.body.param ?? 'body'];
      const present = op.body.flat ? Object.keys(rest).length > 0 || op.body.required === true : value !== undefined;
      if (present) {
        if (op.webhookUrlField) this.#checkWebhookUrl(op, value);
        // JSON is encoded here; any other kind by the encoder its descriptor names (request-body.ts).
        if (!op.body.encode && op.body.kind !== 'json')
          throw new this.errors.invalidRequest(
            `${label}: the descriptor names no encoder for its ${op.body.kind} body`,
          );
        const encoded = op.body.encode
          ? await op.body.encode(op.body, value, op.upload)
          : { body: JSON.stringify(value), contentType: op.body.type, replayable: true };
        body = encoded.body;
        replayable = encoded.replayable;
        if (encoded.contentType) header['Content-Type'] = encoded.contentType;
      }
    }
    if (options.idempotencyKey !== undefined)
      header[this.config.idempotencyHeader ?? 'Idempotency-Key'] = options.idempotencyKey;
    for (const [name, value] of Object.entries(callHeaders)) {
      const existing = Object.keys(header).find((key) => key.toLowerCase() === name.toLowerCase());
      if (existing) delete header[existing];
      if (value !== null && value !== undefined) header[name] = String(value);
    }
    this.#checkHeaders(label, header);
    const idempotentField =
      typeof op.idempotent === 'string' && op.body?.flat
        ? Object.hasOwn(rest, op.idempotent) && rest[op.idempotent] !== undefined
        : false;
    return {
      path,
      query,
      header,
      body,
      replayable,
      idempotent:
        IDEMPOTENT_METHODS.has(op.method) ||
        op.idempotent === true ||
        idempotentField ||
        options.idempotencyKey !== undefined,
    };
  }

  /**
   * The headers of an operation's calls that add none of their own (no header
   * parameters, body or per-call headers): Accept, the client's headers and the
   * credentials, which never change for a client. Built and checked once per
   * operation, frozen, and handed to every such call (fetch copies it).
   */
  readonly #fixedHeaderCache = new WeakMap<OperationDescriptor, Readonly<Record<string, string>>>();

  #fixedHeaders(op: OperationDescriptor, label: string, auth: Credentials): Readonly<Record<string, string>> {
    let fixed = this.#fixedHeaderCache.get(op);
    if (fixed === undefined) {
      const header = Object.create(null) as Record<string, string>;
      header['Accept'] = op.accept ?? 'application/json';
      Object.assign(header, this.#headers, auth.header);
      this.#checkHeaders(label, header);
      fixed = Object.freeze(header);
      this.#fixedHeaderCache.set(op, fixed);
    }
    return fixed;
  }

  /** Header names and values fetch would reject (as a TypeError that reads like a network failure) are refused up front, naming the header, never its value. */
  #checkHeaders(label: string, header: Record<string, string>): void {
    for (const name of Object.keys(header)) {
      const problem = headerNameProblem(name) ?? headerValueProblem(header[name] ?? '');
      if (problem) throw new this.errors.invalidRequest(`${label}: header "${this.redact(name)}" ${problem}`);
    }
  }

  #checkWebhookUrl(op: OperationDescriptor, body: unknown): void {
    const url = op.webhookUrlField ? getAtPointer(body, [op.webhookUrlField]) : undefined;
    const check = op.webhookUrlCheck;
    if (typeof url !== 'string' || !check || !this.config.webhookUrlRules) return;
    const problem = check(url, this.config.webhookUrlRules);
    if (problem) throw new this.errors.invalidRequest(`${operationLabel(op)}: ${op.webhookUrlField} ${problem}`);
  }

  /** Credentials by security alternatives: the key never changes, so each list is worked out once. */
  readonly #credentialCache = new WeakMap<readonly (readonly string[])[], Credentials>();

  #credentials(alternatives: readonly (readonly string[])[], caller?: string): Credentials {
    const cached = this.#credentialCache.get(alternatives);
    if (cached) return cached;
    const credentials = this.#credentialsFor(alternatives, caller);
    if (caller) this.#credentialCache.set(alternatives, credentials);
    return credentials;
  }

  /** Headers and query parameters carrying the key for the first usable security alternative; `caller` (the method, `projects.get`) is named when the key is missing. */
  #credentialsFor(alternatives: readonly (readonly string[])[], caller?: string): Credentials {
    const none = { header: {}, query: {} };
    if (alternatives.length === 0 || alternatives.some((alternative) => alternative.length === 0 && !this.#apiKey))
      return none;
    const usable = alternatives.find(
      (alternative) => alternative.length > 0 && alternative.every((name) => this.config.auth[name]),
    );
    if (!usable) return none;
    const key = this.#apiKey;
    if (!key) {
      if (!caller) return none;
      const env = this.config.apiKeyEnv ? ` or set the ${this.config.apiKeyEnv} environment variable` : '';
      throw new this.errors.base(
        `The ${this.config.name} API key is missing: pass { apiKey } to new ${this.config.name}()${env}. ${caller} needs it.`,
      );
    }
    const header = Object.create(null) as Record<string, string>;
    const query = Object.create(null) as Record<string, string>;
    for (const name of usable) {
      const scheme = this.config.auth[name];
      switch (scheme?.type) {
        case 'bearer':
          header['Authorization'] = `Bearer ${key}`;
          break;
        case 'basic':
          header['Authorization'] = `Basic ${btoa(key)}`;
          break;
        case 'header':
          header[scheme.name] = key;
          break;
        case 'query':
          query[scheme.name] = key;
          break;
        case 'cookie':
          header['Cookie'] = `${scheme.name}=${encodeURIComponent(key)}`;
          break;
        default:
          break;
      }
    }
    return { header, query };
  }
}

/**
 * How to read a success status the spec does not list, or lists with several media types (`listed`):
 * like its first JSON response, else by Content-Type.
 */
function fallbackResponse(
  op: OperationDescriptor,
  response: Response,
  listed: ResponseDescriptor | undefined,
): ResponseDescriptor {
  const type = response.headers.get('content-type') ?? '';
  if (/json/i.test(type))
    return listed?.unwrap || listed?.values
      ? { kind: 'json', unwrap: listed.unwrap, values: listed.values }
      : (Object.values(op.responses).find((spec) => spec.kind === 'json') ?? { kind: 'json' });
  if (/event-stream/i.test(type)) return { kind: 'sse' };
  if (type.startsWith('text/')) return { kind: 'text' };
  return response.headers.get('content-length') === '0' || response.status === 204
    ? { kind: 'empty' }
    : { kind: 'binary' };
}

/** The path a request went to, without the query (which may carry a key). */
function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? '';
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}
