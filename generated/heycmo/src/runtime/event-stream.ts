/**
 * A server-sent-event operation as an async iterable of typed events, driven
 * by `x-specsmith-sse`. Each event's JSON `data` names its type (filled in from
 * the SSE `event:` field when absent); types the spec does not define arrive as
 * `{type: 'unknown', event, data}`, never dropped. When the server ends the
 * response before a terminal event (a server-side timeout), the stream resumes
 * the way the spec says: repeating the request (with `Last-Event-ID`), or
 * subscribing through another operation with ids taken from earlier events,
 * skipping events a resumed stream repeats. `break`, `close()` or the caller's
 * signal closes the connection.
 */
import type { RequestOptions } from './config.js';
import type { ClientCore } from './core.js';
import { paramsOf, pathArgsOf, type OperationSpec, type SSESpec } from './operation.js';
import { getAtPointer, valuesAt } from './pointer.js';
import { redactValue } from './redact.js';
import { backoffDelayMs } from './retry.js';
import { readServerSentEvents, SSEIdleError, SSELimitError, type ServerSentEvent } from './sse-decoder.js';
import { sleep } from './signals.js';

type Params = Record<string, unknown> | undefined;

/** An event whose type the spec does not define, passed through as received. */
export interface UnknownEvent {
  readonly type: 'unknown';
  /** The event's own type (from its data or the SSE `event:` field). */
  readonly event: string;
  readonly data: unknown;
}

export interface StreamOptions extends RequestOptions {
  /** Resume after the server ends the response (default true, where the spec allows it). */
  resume?: boolean;
  /** Consecutive failed reconnections tolerated before giving up (default: the client's maxRetries). */
  maxReconnects?: number;
  /**
   * Milliseconds without any bytes from the server after which the connection is dropped (default: none).
   * Where the spec allows resuming, the stream reconnects; otherwise it fails with APIConnectionTimeoutError.
   */
  idleTimeout?: number;
  /** Longest line the server may send, in characters (default 1 Mi); past it the stream fails with InvalidResponseError. */
  maxLineLength?: number;
  /** Longest event (its data lines together), in characters (default 10 Mi); past it the stream fails with InvalidResponseError. */
  maxEventLength?: number;
}

interface Target {
  op: OperationSpec;
  pathArgs: readonly unknown[];
  params: Params;
}

export class EventStream<Event, Result = unknown> implements AsyncIterable<Event | UnknownEvent> {
  readonly #core: ClientCore;
  readonly #target: Target;
  readonly #options: StreamOptions;
  readonly #controller = new AbortController();
  #started = false;
  /** close() was called: the stream ends quietly, even while it is still connecting. */
  #closed = false;

  constructor(core: ClientCore, op: OperationSpec, pathArgs: readonly unknown[], params: Params, options: StreamOptions = {}) {
    this.#core = core;
    this.#target = { op, pathArgs, params };
    this.#options = options;
    const user = options.signal;
    if (user?.aborted) this.#controller.abort(user.reason);
    else user?.addEventListener('abort', () => this.#controller.abort(user.reason), { once: true });
  }

  /** Closes the connection; a running `for await` ends. */
  close(): void {
    this.#closed = true;
    this.#controller.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<Event | UnknownEvent> {
    if (this.#started) throw new Error('an event stream can be iterated once; call the method again for a new subscription');
    this.#started = true;
    return this.#events();
  }

  /**
   * The stream's result, as `x-specsmith-sse.result` defines it: the value of
   * the success event, or a typed error carrying the failure event's message.
   */
  async result(): Promise<Result> {
    const spec = this.#target.op.sse?.result;
    const operationId = this.#target.op.id;
    if (!spec) throw new this.#core.errors.invalidRequest(`${operationId} does not define a result`);
    const typeField = this.#target.op.sse?.typeField ?? 'type';
    try {
      for await (const event of this) {
        const type = (event as Record<string, unknown>)[typeField];
        if (type === spec.success.event) return getAtPointer(event, spec.success.value) as Result;
        if (typeof type === 'string' && spec.failure?.events.includes(type)) {
          const message = spec.failure.message.map((pointer) => getAtPointer(event, pointer)).find((value) => typeof value === 'string' && value !== '');
          // The failure event comes from the server: message and result are redacted copies.
          const text = this.#core.redact(`${operationId}: ${type}: ${typeof message === 'string' ? message : 'failed without a message'}`);
          throw new this.#core.errors.operationFailed(text, { operationId, result: redactValue(event, this.#core.secrets()) });
        }
      }
    } finally {
      this.close();
    }
    throw new this.#core.errors.operationFailed(`${operationId}: the stream ended before a ${spec.success.event} event`, { operationId, result: undefined });
  }

  async *#events(): AsyncGenerator<Event | UnknownEvent> {
    const sse = this.#target.op.sse ?? { typeField: 'type', known: [] };
    const seen = new Set<string>();
    const captured = new Map<string, unknown>();
    let target = this.#target;
    let lastEventId: string | undefined;
    let failures = 0;
    const maxReconnects = this.#options.maxReconnects ?? this.#core.maxRetries;
    for (let connection = 0; ; connection++) {
      // An empty id (a bare `id:` line) resets the last event id: then no Last-Event-ID is sent (WHATWG SSE).
      const headers = lastEventId && (connection === 0 || sse.resume?.lastEventId) ? { 'Last-Event-ID': lastEventId } : undefined;
      let body: ReadableStream<Uint8Array> | null;
      let response: Response;
      try {
        const sent = await this.#core.send(target.op, target.pathArgs, target.params, { ...this.#options, signal: this.#controller.signal }, headers);
        // The per-attempt timeout covers connecting; a stream may then stay open as long as the server likes.
        sent.linked.dispose();
        response = sent.response;
        body = response.body;
      } catch (error) {
        if (this.#closed) return;
        if (connection === 0 || this.#controller.signal.aborted || failures >= maxReconnects || !isConnectionFailure(this.#core, error)) throw error;
        failures++;
        await this.#wait(failures);
        continue;
      }
      let received = 0;
      let finished = false;
      if (body) {
        try {
          // The signal cancels the body: close() or the caller's abort ends a read that is waiting for the server.
          const { idleTimeout, maxLineLength, maxEventLength } = this.#options;
          for await (const message of readServerSentEvents(body, this.#controller.signal, { idleTimeout, maxLineLength, maxEventLength })) {
            if (this.#controller.signal.aborted) return;
            if (message.id !== undefined) lastEventId = message.id;
            const { type, event } = toEvent(message, sse);
            received++;
            captured.set(type, event);
            if (isRepeat(event, type, sse, seen)) continue;
            yield event as Event | UnknownEvent;
            if (sse.terminal?.includes(type) || isFinalState(event, sse)) {
              finished = true;
              break;
            }
          }
        } catch (error) {
          if (this.#controller.signal.aborted) return;
          if (error instanceof SSELimitError) throw this.#tooLong(response, error);
          // A silent server is treated like one that hung up: resumed where the spec allows it, else a timeout.
          if (error instanceof SSEIdleError && (!sse.resume || this.#options.resume === false)) throw this.#idle(error);
          if (!(error instanceof SSEIdleError) && !isStreamBreak(error)) throw error;
        }
      }
      if (finished || this.#controller.signal.aborted) return;
      if (!sse.resume || this.#options.resume === false) return;
      if (sse.resume.requires && !captured.has(sse.resume.requires)) {
        throw new this.#core.errors.operationFailed(`${this.#target.op.id}: the stream ended before its ${sse.resume.requires} event, so it cannot be resumed`, { operationId: this.#target.op.id, result: undefined });
      }
      // A connection that delivered nothing counts as a failure, so a server that keeps hanging up is not hammered.
      failures = received > 0 ? 0 : failures + 1;
      if (failures > maxReconnects) return;
      if (failures > 0) await this.#wait(failures);
      target = resumeTarget(this.#target, sse, captured);
    }
  }

  #tooLong(response: Response, error: SSELimitError): Error {
    const operationId = this.#target.op.id;
    return new this.#core.errors.invalidResponse({ message: `${operationId}: ${error.message}; the stream was closed`, status: response.status, raw: '', headers: this.#core.redactHeaders(response.headers), requestId: undefined, operationId });
  }

  #idle(error: SSEIdleError): Error {
    const operationId = this.#target.op.id;
    return new this.#core.errors.timeout({ operationId, attempts: 1, cause: error, message: `${operationId}: the event stream went idle: ${error.message}` });
  }

  async #wait(failures: number): Promise<void> {
    try {
      await sleep(backoffDelayMs(failures, this.#core.retryPolicy), this.#controller.signal);
    } catch {
      // closed while waiting: the loop sees the aborted signal
    }
  }
}

/** Failures worth reconnecting after: network trouble, timeouts, 429 and 5xx. */
function isConnectionFailure(core: ClientCore, error: unknown): boolean {
  if (error instanceof core.errors.connection || error instanceof core.errors.timeout) return true;
  const status = error instanceof core.errors.api ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && (status >= 500 || status === 429);
}

/** A body that ended abruptly (connection reset mid-stream) is treated like a server-side close. */
function isStreamBreak(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && /terminated|aborted|reset|socket/i.test(error.message));
}

/** The event's type and the value handed to the caller. */
function toEvent(message: ServerSentEvent, sse: SSESpec): { type: string; event: Record<string, unknown> } {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    data = undefined;
  }
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const named = record?.[sse.typeField];
  const type = typeof named === 'string' ? named : (message.event ?? 'message');
  if (!sse.known.includes(type)) return { type, event: { type: 'unknown', event: type, data: data ?? message.data } };
  if (!record) return { type, event: { [sse.typeField]: type, data: message.data } };
  return { type, event: typeof named === 'string' ? record : { ...record, [sse.typeField]: type } };
}

function isFinalState(event: Record<string, unknown>, sse: SSESpec): boolean {
  if (!sse.terminalWhen) return false;
  const value = getAtPointer(event, sse.terminalWhen.pointer);
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && sse.terminalWhen.values.includes(value);
}

function isRepeat(event: Record<string, unknown>, type: string, sse: SSESpec, seen: Set<string>): boolean {
  if (!sse.dedupe?.events.includes(type)) return false;
  const key = getAtPointer(event, sse.dedupe.key);
  if (key === undefined) return false;
  const identity = `${type}\u0000${String(key)}`;
  if (seen.has(identity)) return true;
  seen.add(identity);
  return false;
}

/** The operation and arguments that continue the stream. */
function resumeTarget(original: Target, sse: SSESpec, captured: Map<string, unknown>): Target {
  const via = sse.resume?.via?.();
  if (!via) return original;
  // A null-prototype map filled by own keys: Object.assign would turn a `__proto__` param into a prototype.
  const known = Object.create(null) as Record<string, unknown>;
  (original.op.pathParams ?? []).forEach((name, index) => {
    known[name] = original.pathArgs[index];
  });
  for (const [name, value] of Object.entries(original.params ?? {})) known[name] = value;
  for (const [name, source] of Object.entries(sse.resume?.params ?? {})) {
    const value = getAtPointer(captured.get(source.event), source.pointer);
    if (value !== undefined) known[name] = value;
  }
  return { op: via, pathArgs: pathArgsOf(via, known), params: paramsOf([...(via.query ?? []), ...(via.header ?? [])], known) };
}

/**
 * Awaits the outcome an operation's result points at (`x-specsmith-wait`):
 * subscribes to the linked stream with ids taken from `source` and returns the
 * stream's result.
 */
export function awaitStreamResult(core: ClientCore, via: OperationSpec, params: Readonly<Record<string, string>>, source: unknown, options?: StreamOptions): Promise<unknown> {
  const values = valuesAt(source, params);
  return new EventStream<unknown>(core, via, pathArgsOf(via, values), paramsOf(via.query, values), options).result();
}
