// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * A server-sent events decoder that follows the WHATWG algorithm
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation)
 * and is correct across arbitrary chunk boundaries: a line, a multi-byte
 * character or a CRLF pair may be split between two chunks.
 */

export interface ServerSentEvent {
  /** The `event:` field; undefined when the server sent none. */
  event: string | undefined;
  /** `data:` lines joined with "\n". */
  data: string;
  /** The last event id seen on this stream (ids persist until replaced). */
  id: string | undefined;
  /** Reconnection time the server asked for, in milliseconds. */
  retry: number | undefined;
}

/** Default caps: a line and an event (its data lines together), in characters. */
export const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;
export const DEFAULT_MAX_EVENT_LENGTH = 10 * 1024 * 1024;

export interface SSELimits {
  /** Longest line, in characters (UTF-16 code units), default 1 Mi. */
  maxLineLength?: number | undefined;
  /** Longest event (its data lines together), in characters, default 10 Mi. */
  maxEventLength?: number | undefined;
}

/** A line or event went past its cap: the stream is not what an event stream should be. */
export class SSELimitError extends Error {
  override name = 'SSELimitError';
}

/** No bytes arrived for `idleTimeout` milliseconds. */
export class SSEIdleError extends Error {
  override name = 'SSEIdleError';
}

export class SSEDecoder {
  /** Text of the line not yet ended, kept as the chunks it arrived in: each chunk is scanned once. */
  #pending: string[] = [];
  #pendingLength = 0;
  #skipLeadingLineFeed = false;
  #data: string[] = [];
  #dataLength = 0;
  #event: string | undefined;
  #id: string | undefined;
  #retry: number | undefined;
  readonly #maxLine: number;
  readonly #maxEvent: number;

  constructor(limits: SSELimits = {}) {
    this.#maxLine = positive(limits.maxLineLength) ?? DEFAULT_MAX_LINE_LENGTH;
    this.#maxEvent = positive(limits.maxEventLength) ?? DEFAULT_MAX_EVENT_LENGTH;
  }

  /**
   * Feeds decoded text; returns the events completed by it. Only the new text
   * is scanned for line ends, so a line arriving in many chunks costs time in
   * proportion to its length (rescanning the pending text would be quadratic).
   */
  push(text: string): ServerSentEvent[] {
    // An empty chunk (an empty read, or bytes of a character still incomplete) must not clear the pending-CR state.
    if (text === '') return [];
    let chunk = text;
    if (this.#skipLeadingLineFeed && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.#skipLeadingLineFeed = false;
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let index = 0; index < chunk.length; index++) {
      const char = chunk.charCodeAt(index);
      if (char !== 10 && char !== 13) continue;
      const line = this.#takeLine(chunk.slice(start, index));
      if (char === 13) {
        if (index + 1 === chunk.length) this.#skipLeadingLineFeed = true;
        else if (chunk.charCodeAt(index + 1) === 10) index++;
      }
      start = index + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    if (start < chunk.length) {
      const rest = chunk.slice(start);
      this.#pendingLength += rest.length;
      if (this.#pendingLength > this.#maxLine)
        throw new SSELimitError(
          `a line of the event stream is longer than ${this.#maxLine} characters (maxLineLength)`,
        );
      this.#pending.push(rest);
    }
    return events;
  }

  /** The pending text and `tail` as one line. */
  #takeLine(tail: string): string {
    if (this.#pendingLength + tail.length > this.#maxLine)
      throw new SSELimitError(`a line of the event stream is longer than ${this.#maxLine} characters (maxLineLength)`);
    if (this.#pending.length === 0) return tail;
    const line = this.#pending.join('') + tail;
    this.#pending = [];
    this.#pendingLength = 0;
    return line;
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#dataLength += value.length + 1;
        if (this.#dataLength > this.#maxEvent)
          throw new SSELimitError(
            `an event of the event stream is longer than ${this.#maxEvent} characters (maxEventLength)`,
          );
        this.#data.push(value);
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#retry = Number(value);
        break;
      default:
        break;
    }
    return undefined;
  }

  #dispatch(): ServerSentEvent | undefined {
    const data = this.#data;
    const event = this.#event;
    this.#data = [];
    this.#dataLength = 0;
    this.#event = undefined;
    if (data.length === 0) return undefined;
    return { event: event === '' ? undefined : event, data: data.join('\n'), id: this.#id, retry: this.#retry };
  }
}

function positive(value: number | undefined): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

export interface ReadOptions extends SSELimits {
  /** Milliseconds to wait for the next bytes before failing with SSEIdleError; undefined or 0 waits forever. */
  idleTimeout?: number | undefined;
}

/**
 * Reads a response body as server-sent events. An event left incomplete at the end is dropped, as the spec says.
 * Aborting `signal` cancels the body, which also ends a read that is waiting for the server.
 * A line or event past its cap, or silence longer than `idleTimeout`, cancels the body and throws.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  options: ReadOptions = {},
): AsyncGenerator<ServerSentEvent> {
  const decoder = new SSEDecoder(options);
  const text = new TextDecoder();
  const reader = body.getReader();
  // A pending read() resolves as done once the reader is cancelled; nothing else would wake it.
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const idle = positive(options.idleTimeout);
  try {
    for (;;) {
      const { done, value } = idle === undefined ? await reader.read() : await readWithin(reader, idle);
      if (done) break;
      yield* decoder.push(text.decode(value, { stream: true }));
    }
    yield* decoder.push(text.decode());
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Cancelling releases the connection when the consumer stops early (break, return, throw).
    // It is not awaited: on a tee'd body (a fetch wrapper that cloned the response) the
    // cancellation settles only when the other branch is read, which may be never.
    void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** One read, or SSEIdleError when nothing arrives within `ms` (the caller's finally cancels the body). */
function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SSEIdleError(`no data arrived for ${ms} ms (idleTimeout)`)), ms);
  });
  return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
}
