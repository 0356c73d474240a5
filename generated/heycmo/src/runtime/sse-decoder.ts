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

export class SSEDecoder {
  #pending = '';
  #skipLeadingLineFeed = false;
  #data: string[] = [];
  #event: string | undefined;
  #id: string | undefined;
  #retry: number | undefined;

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): ServerSentEvent[] {
    // An empty chunk (an empty read, or bytes of a character still incomplete) must not clear the pending-CR state.
    if (text === '') return [];
    let chunk = text;
    if (this.#skipLeadingLineFeed && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.#skipLeadingLineFeed = false;
    const events: ServerSentEvent[] = [];
    let buffer = this.#pending + chunk;
    let start = 0;
    for (let index = 0; index < buffer.length; index++) {
      const char = buffer.charCodeAt(index);
      if (char !== 10 && char !== 13) continue;
      const line = buffer.slice(start, index);
      if (char === 13) {
        if (index + 1 === buffer.length) this.#skipLeadingLineFeed = true;
        else if (buffer.charCodeAt(index + 1) === 10) index++;
      }
      start = index + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    buffer = buffer.slice(start);
    this.#pending = buffer;
    return events;
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
    this.#event = undefined;
    if (data.length === 0) return undefined;
    return { event: event === '' ? undefined : event, data: data.join('\n'), id: this.#id, retry: this.#retry };
  }
}

/**
 * Reads a response body as server-sent events. An event left incomplete at the end is dropped, as the spec says.
 * Aborting `signal` cancels the body, which also ends a read that is waiting for the server.
 */
export async function* readServerSentEvents(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ServerSentEvent> {
  const decoder = new SSEDecoder();
  const text = new TextDecoder();
  const reader = body.getReader();
  // A pending read() resolves as done once the reader is cancelled; nothing else would wake it.
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
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
