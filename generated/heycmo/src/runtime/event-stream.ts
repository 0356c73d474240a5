// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * A server-sent-event operation as an async iterable of typed events, driven
 * by `x-specsmith-sse`. Each event's JSON `data` names its type (filled in from
 * the SSE `event:` field when absent); types the spec does not define arrive as
 * `{type: 'unknown', event, data}`, never dropped. When the server ends the
 * response before a terminal event (a server-side timeout), the stream resumes
 * the way the spec says: repeating the request (with `Last-Event-ID`), or
 * subscribing through another operation with ids taken from earlier events.
 * Reconnects wait (the server's `retry:`, else `reconnectDelay`, growing while
 * reconnects bring nothing new) and give up after `maxReconnects` of those in
 * a row; an event already yielded (same SSE `id:`, or the spec's dedupe key)
 * is never yielded again. On a stream carrying several runs, only the run the
 * caller's own event started (`x-specsmith-sse.match`) ends it and settles
 * `result()`. `break`, `close()` or the caller's signal closes the connection.
 */
import type { RequestOptions } from './config.js';
import type { ClientCore } from './core.js';
import { failureMessage } from './failure-message.js';
import {
  operationLabel,
  paramsOf,
  pathArgsOf,
  type DedupeRule,
  type OperationDescriptor,
  type SSEDescriptor,
} from './operation.js';
import { getAtPointer, parsePointer, valuesAt } from './pointer.js';
import {
  DEFAULT_MAX_RECONNECT_DELAY_MS,
  DEFAULT_MAX_RECONNECTS,
  DEFAULT_RECONNECT_DELAY_MS,
  millis,
  reconnectDelayMs,
} from './reconnect.js';
import { fingerprint, RecentKeys } from './recent-keys.js';
import { redactValue } from './redact.js';
import { readServerSentEvents, SSEIdleError, SSELimitError, type ServerSentEvent } from './sse-decoder.js';
import { sleep } from './signals.js';
import { outcomeOf, placeAt } from './stream-outcome.js';
import { unwrapValues } from './unwrap-values.js';

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
  /**
   * Reconnects in a row that may bring no new event (a failed connection, or one that ends at once
   * or only repeats events already received) before the stream fails with APIConnectionError (default 5).
   */
  maxReconnects?: number;
  /** Milliseconds to wait before reconnecting (default 1000; the server's `retry:` field replaces it); doubles per reconnect that brought nothing new. */
  reconnectDelay?: number;
  /** Longest wait between reconnects, in milliseconds (default 30 000, or the server's `retry:` when longer). */
  maxReconnectDelay?: number;
  /**
   * The id of the caller's own event, where the spec says which field of a run event names it
   * (`x-specsmith-sse.match`): only that run's terminal event ends the stream and settles `result()`.
   * Streams that announce it themselves (an `event:published` first event) need no option.
   */
  match?: string | number;
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
  op: OperationDescriptor;
  pathArgs: readonly unknown[];
  params: Params;
}

/** Errors meaning "the stream ended without an outcome": a waiter may look again (refresh) instead of failing. */
const UNSETTLED = new WeakSet<object>();

export class EventStream<Event, Result = unknown> implements AsyncIterable<Event | UnknownEvent> {
  readonly #core: ClientCore;
  readonly #target: Target;
  readonly #options: StreamOptions;
  readonly #controller = new AbortController();
  #started = false;
  /** close() was called: the stream ends quietly, even while it is still connecting. */
  #closed = false;
  /** The value a run event must carry at `match.pointer` to be the caller's own. */
  #expected: string | number | boolean | undefined;

  constructor(
    core: ClientCore,
    op: OperationDescriptor,
    pathArgs: readonly unknown[],
    params: Params,
    options: StreamOptions = {},
  ) {
    this.#core = core;
    this.#target = { op, pathArgs, params };
    this.#options = options;
    this.#expected = options.match;
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
    if (this.#started) {
      const method = operationLabel(this.#target.op);
      throw new this.#core.errors.invalidRequest(
        `${method}: an event stream can be iterated once; call ${method}() again for a new subscription`,
      );
    }
    this.#started = true;
    return this.#events();
  }

  /**
   * The stream's result, as `x-specsmith-sse.result` defines it: the value of
   * the caller's own run's success event, or a typed error carrying the
   * failure message. Other runs' outcomes on the same stream pass by.
   */
  async result(): Promise<Result> {
    const sse = this.#target.op.sse;
    const spec = sse?.result;
    const operationId = this.#target.op.id;
    if (!sse || !spec) throw new this.#core.errors.invalidRequest(`${operationId} does not define a result`);
    try {
      for await (const event of this) {
        if (!this.#isOwn(event)) continue;
        const type = (event as Record<string, unknown>)[sse.typeField];
        const outcome = outcomeOf(event, typeof type === 'string' ? type : undefined, spec);
        if (outcome?.kind === 'success') return getAtPointer(event, spec.success.value) as Result;
        if (outcome?.kind === 'failure') throw failureError(this.#core, this.#target.op, event, outcome.label, spec);
      }
    } finally {
      this.close();
    }
    const error = new this.#core.errors.operationFailed(
      `${operationLabel(this.#target.op)}: the stream ended before ${spec.success.event ? `a ${spec.success.event} event` : 'a final state'}`,
      { operationId, result: undefined },
    );
    UNSETTLED.add(error);
    throw error;
  }

  /** Whether an event belongs to the caller's own run (always, where the spec declares no `match`). */
  #isOwn(event: unknown): boolean {
    const match = this.#target.op.sse?.match;
    if (!match) return true;
    // Nothing to compare with: a plain subscription ends on any run's outcome, one that awaits its announcement on none.
    if (this.#expected === undefined) return !match.equals;
    const value = getAtPointer(event, match.pointer);
    return (
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
      String(value) === String(this.#expected)
    );
  }

  /** Takes the caller's own id from the event that announces it (`match.equals`), once: a resume keeps it. */
  #learnExpected(type: string, event: Record<string, unknown>, sse: SSEDescriptor): void {
    const equals = sse.match?.equals;
    if (this.#expected !== undefined || !equals || type !== equals.event) return;
    const value = getAtPointer(event, equals.pointer);
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') this.#expected = value;
  }

  async *#events(): AsyncGenerator<Event | UnknownEvent> {
    const sse = this.#target.op.sse ?? { typeField: 'type', known: [] };
    const dedupe = dedupeRules(sse);
    /** Identities of events yielded (SSE id, or type and dedupe key): never yielded twice. */
    const yielded = new RecentKeys();
    /** Fingerprints of events received: a connection that brings only these brought nothing new. */
    const received = new RecentKeys();
    const captured = new Map<string, unknown>();
    const options = this.#options;
    const policy = {
      initialDelayMs: millis(options.reconnectDelay, DEFAULT_RECONNECT_DELAY_MS),
      maxDelayMs: millis(options.maxReconnectDelay, DEFAULT_MAX_RECONNECT_DELAY_MS),
    };
    const maxReconnects = millis(options.maxReconnects, DEFAULT_MAX_RECONNECTS);
    let target = this.#target;
    let lastEventId: string | undefined;
    let serverRetry: number | undefined;
    /** Reconnects in a row that brought nothing new. */
    let empty = 0;
    for (let connection = 0; ; connection++) {
      if (connection > 0) {
        await this.#wait(reconnectDelayMs(empty, serverRetry, policy));
        if (this.#controller.signal.aborted) return;
      }
      // An empty id (a bare `id:` line) resets the last event id: then no Last-Event-ID is sent (WHATWG SSE).
      const headers =
        lastEventId && (connection === 0 || sse.resume?.lastEventId) ? { 'Last-Event-ID': lastEventId } : undefined;
      let body: ReadableStream<Uint8Array> | null;
      let response: Response;
      try {
        const sent = await this.#core.send(
          target.op,
          target.pathArgs,
          target.params,
          { ...options, signal: this.#controller.signal },
          headers,
        );
        // The per-attempt timeout covers connecting; a stream may then stay open as long as the server likes.
        sent.linked.dispose();
        response = sent.response;
        body = response.body;
      } catch (error) {
        if (this.#closed) return;
        if (connection === 0 || this.#controller.signal.aborted || !isConnectionFailure(this.#core, error)) throw error;
        empty++;
        if (empty >= maxReconnects) throw error;
        continue;
      }
      const openedAt = Date.now();
      let fresh = 0;
      let finished = false;
      /** The id of the previous event on this connection: an event that carries the same one inherited it. */
      let previousId: string | undefined;
      if (body) {
        try {
          // The signal cancels the body: close() or the caller's abort ends a read that is waiting for the server.
          const { idleTimeout, maxLineLength, maxEventLength } = options;
          for await (const message of readServerSentEvents(body, this.#controller.signal, {
            idleTimeout,
            maxLineLength,
            maxEventLength,
          })) {
            if (this.#controller.signal.aborted) return;
            if (message.retry !== undefined) serverRetry = message.retry;
            const ownId =
              message.id !== undefined && message.id !== '' && message.id !== previousId ? message.id : undefined;
            previousId = message.id;
            if (message.id !== undefined) lastEventId = message.id;
            const { type, event } = toEvent(message, sse);
            captured.set(type, event);
            this.#learnExpected(type, event, sse);
            if (received.add(fingerprint(`${type}\u0000${message.data}`))) fresh++;
            const identities = identitiesOf(event, type, ownId, dedupe);
            if (identities.some((identity) => yielded.has(identity))) continue;
            for (const identity of identities) yielded.add(identity);
            yield event as Event | UnknownEvent;
            if ((sse.terminal?.includes(type) || isFinalState(event, sse)) && this.#isOwn(event)) {
              finished = true;
              break;
            }
          }
        } catch (error) {
          if (this.#controller.signal.aborted) return;
          if (error instanceof SSELimitError) throw this.#tooLong(response, error);
          // A silent server is treated like one that hung up: resumed where the spec allows it, else a timeout.
          if (error instanceof SSEIdleError && (!sse.resume || options.resume === false)) throw this.#idle(error);
          if (!(error instanceof SSEIdleError) && !isStreamBreak(error)) throw error;
        }
      }
      if (finished || this.#controller.signal.aborted) return;
      if (!sse.resume || options.resume === false) return;
      if (sse.resume.requires && !captured.has(sse.resume.requires)) {
        throw new this.#core.errors.operationFailed(
          `${operationLabel(this.#target.op)}: the stream ended before its ${sse.resume.requires} event, so it cannot be resumed`,
          { operationId: this.#target.op.id, result: undefined },
        );
      }
      // A connection the server held open longer than the longest wait is a server-side timeout, not a storm.
      const heldOpen = Date.now() - openedAt >= policy.maxDelayMs;
      if (fresh > 0) empty = 0;
      else if (connection > 0 && !heldOpen) {
        empty++;
        if (empty >= maxReconnects) throw this.#gaveUp(empty, connection + 1);
      }
      target = resumeTarget(this.#target, sse, captured);
    }
  }

  #gaveUp(empty: number, attempts: number): Error {
    const operationId = this.#target.op.id;
    const error = new this.#core.errors.connection({
      message: `${operationLabel(this.#target.op)}: gave up reconnecting: ${empty} reconnect${empty === 1 ? '' : 's'} in a row brought no new event (the server ended the stream at once or repeated events already received; maxReconnects)`,
      cause: undefined,
      attempts,
      operationId,
    });
    UNSETTLED.add(error);
    return error;
  }

  #tooLong(response: Response, error: SSELimitError): Error {
    const operationId = this.#target.op.id;
    return new this.#core.errors.invalidResponse({
      message: `${operationLabel(this.#target.op)}: ${error.message}; the stream was closed`,
      status: response.status,
      raw: '',
      headers: this.#core.redactHeaders(response.headers),
      requestId: undefined,
      operationId,
    });
  }

  #idle(error: SSEIdleError): Error {
    const operationId = this.#target.op.id;
    return new this.#core.errors.timeout({
      operationId,
      attempts: 1,
      cause: error,
      message: `${operationLabel(this.#target.op)}: the event stream went idle: ${error.message}`,
    });
  }

  async #wait(ms: number): Promise<void> {
    try {
      await sleep(ms, this.#controller.signal);
    } catch {
      // closed while waiting: the loop sees the aborted signal
    }
  }
}

/** The typed error for a failed outcome: the message where the spec (or common practice) keeps it; a redacted copy of the value. */
function failureError(
  core: ClientCore,
  op: Pick<OperationDescriptor, 'id' | 'methodPath'>,
  event: unknown,
  label: string,
  spec: NonNullable<SSEDescriptor['result']>,
): Error {
  const failure = spec.failure;
  const value = failure?.value !== undefined ? getAtPointer(event, failure.value) : event;
  const message = failureMessage(event, failure?.message ?? [], [
    getAtPointer(event, spec.success.value),
    value,
    event,
  ]);
  // The failure comes from the server: message and result are redacted copies.
  const text = core.redact(`${operationLabel(op)}: ${label}: ${message ?? 'failed without a message'}`);
  return new core.errors.operationFailed(text, { operationId: op.id, result: redactValue(value, core.secrets()) });
}

/** Failures worth reconnecting after: network trouble, timeouts, 429 and 5xx. */
function isConnectionFailure(core: ClientCore, error: unknown): boolean {
  if (error instanceof core.errors.connection || error instanceof core.errors.timeout) return true;
  const status = error instanceof core.errors.api ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && (status >= 500 || status === 429);
}

/** A body that ended abruptly (connection reset mid-stream) is treated like a server-side close. */
function isStreamBreak(error: unknown): boolean {
  return (
    error instanceof TypeError || (error instanceof Error && /terminated|aborted|reset|socket/i.test(error.message))
  );
}

/** The event's type and the value handed to the caller. */
function toEvent(message: ServerSentEvent, sse: SSEDescriptor): { type: string; event: Record<string, unknown> } {
  let data: unknown;
  try {
    data = JSON.parse(message.data);
  } catch {
    data = undefined;
  }
  const record =
    data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const named = record?.[sse.typeField];
  const type = typeof named === 'string' ? named : (message.event ?? 'message');
  if (!sse.known.includes(type)) return { type, event: { type: 'unknown', event: type, data: data ?? message.data } };
  if (!record) return { type, event: { [sse.typeField]: type, data: message.data } };
  if (sse.values) unwrapValues(record, sse.values);
  return { type, event: typeof named === 'string' ? record : { ...record, [sse.typeField]: type } };
}

function isFinalState(event: Record<string, unknown>, sse: SSEDescriptor): boolean {
  if (!sse.terminalWhen) return false;
  const value = getAtPointer(event, sse.terminalWhen.pointer);
  return (
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
    sse.terminalWhen.values.includes(value)
  );
}

function dedupeRules(sse: SSEDescriptor): readonly DedupeRule[] {
  const rules = sse.dedupe;
  if (!rules) return [];
  return isRuleList(rules) ? rules : [rules];
}

function isRuleList(rules: DedupeRule | readonly DedupeRule[]): rules is readonly DedupeRule[] {
  return Array.isArray(rules);
}

/** What makes an event the same as one already yielded: its own SSE id, and its type with the spec's dedupe key. */
function identitiesOf(
  event: Record<string, unknown>,
  type: string,
  ownId: string | undefined,
  rules: readonly DedupeRule[],
): string[] {
  const identities = ownId === undefined ? [] : [`id\u0000${ownId}`];
  for (const rule of rules) {
    if (!rule.events.includes(type)) continue;
    const key = getAtPointer(event, rule.key);
    if (typeof key === 'string' || typeof key === 'number') identities.push(`key\u0000${type}\u0000${String(key)}`);
  }
  return identities;
}

/** The operation and arguments that continue the stream. */
function resumeTarget(original: Target, sse: SSEDescriptor, captured: Map<string, unknown>): Target {
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
  return {
    op: via,
    pathArgs: pathArgsOf(via, known),
    params: paramsOf([...(via.query ?? []), ...(via.header ?? [])], known),
  };
}

/** How a waiter (`x-specsmith-wait`) follows the stream beyond its parameters. */
export interface AwaitOptions {
  /** Pointer into `source` to the id of the caller's own event: only its run settles the wait. */
  match?: string;
  /**
   * Pointer into a stream event where `source` itself appears (a run read with the get operation
   * is the `/run` of a run event): a source already final settles the wait without subscribing.
   */
  current?: string;
  /** Reads `source` again, when the stream ended (or gave up) without an outcome. */
  refresh?: () => PromiseLike<unknown>;
}

/**
 * Awaits the outcome an operation's result points at (`x-specsmith-wait`):
 * subscribes to the linked stream with ids taken from `source` and returns the
 * stream's result (the caller's own run's, with `match`). With `current` and
 * `refresh`, a source that is already final settles at once, and a stream that
 * ends without an outcome (the server's timeout, then reconnects that bring
 * nothing) is followed by reading the source again and subscribing anew.
 */
export async function awaitStreamResult(
  core: ClientCore,
  via: OperationDescriptor,
  params: Readonly<Record<string, string>>,
  source: unknown,
  options: StreamOptions = {},
  wait: AwaitOptions = {},
): Promise<unknown> {
  const expected = wait.match === undefined ? undefined : getAtPointer(source, wait.match);
  const match = typeof expected === 'string' || typeof expected === 'number' ? expected : options.match;
  const rounds = millis(options.maxReconnects, DEFAULT_MAX_RECONNECTS);
  let latest = source;
  for (let round = 0; ; round++) {
    const settled =
      wait.current === undefined ? undefined : settledAlready(core, via, latest, parsePointer(wait.current));
    if (settled) return settled.value;
    const values = valuesAt(latest, params);
    const stream = new EventStream<unknown>(core, via, pathArgsOf(via, values), paramsOf(via.query, values), {
      ...options,
      ...(match === undefined ? {} : { match }),
    });
    try {
      return await stream.result();
    } catch (error) {
      if (
        !wait.refresh ||
        round >= rounds ||
        !(error instanceof Error) ||
        !UNSETTLED.has(error) ||
        options.signal?.aborted
      )
        throw error;
    }
    latest = await wait.refresh();
  }
}

/** The outcome of a source that is already final, read as the stream event that would carry it; throws when it failed. */
function settledAlready(
  core: ClientCore,
  via: OperationDescriptor,
  source: unknown,
  at: readonly string[],
): { value: unknown } | undefined {
  const result = via.sse?.result;
  if (!result) return undefined;
  const event = placeAt(source, at);
  // Only state rules apply: a resource read on its own has no event type.
  const outcome = outcomeOf(event, undefined, result);
  if (outcome?.kind === 'success') return { value: getAtPointer(event, result.success.value) };
  if (outcome?.kind === 'failure') throw failureError(core, via, event, outcome.label, result);
  return undefined;
}
