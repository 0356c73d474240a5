import { describe, expect, it } from 'vitest';
import {
  readServerSentEvents,
  SSEDecoder,
  SSEIdleError,
  SSELimitError,
  type ServerSentEvent,
} from '../../../generator/runtime/sse-decoder.js';
import { collect, controlledStream, streamOf, within } from './support.js';

/**
 * One stream exercising most of the WHATWG event-stream rules, with the
 * events a conforming parser dispatches written out by hand.
 */
const STREAM = [
  ': a comment line is ignored',
  'retry: 3000',
  'id: 1',
  'event: greeting',
  'data: hello',
  'data:  world', // only one leading space is removed
  '',
  'data:{"a":1}', // no space after the colon
  'foo: unknown fields are ignored',
  '',
  'id: 2\r\ndata: crlf\r\ndata: line\r\n\r', // CRLF endings (the join adds the last LF)
  'data', // a field name without a colon: data with an empty value
  '',
  'event: lonely', // an event type without data dispatches nothing...
  '',
  'data: after: reset', // ...and does not leak into the next event; the value keeps its colon
  '',
  'retry: soon', // not digits: ignored
  'id: bad\u0000id', // contains NUL: ignored
  'data: h\u00e9llo \u2713 \ud83c\udf89', // multi-byte UTF-8 (2, 3 and 4 bytes)
  '',
  'data: first\rdata: second\r\r', // CR-only endings
  'id',
  'data: id was reset',
  '',
  '',
].join('\n');

const EXPECTED: ServerSentEvent[] = [
  { event: 'greeting', data: 'hello\n world', id: '1', retry: 3000 },
  { event: undefined, data: '{"a":1}', id: '1', retry: 3000 },
  { event: undefined, data: 'crlf\nline', id: '2', retry: 3000 },
  { event: undefined, data: '', id: '2', retry: 3000 },
  { event: undefined, data: 'after: reset', id: '2', retry: 3000 },
  { event: undefined, data: 'h\u00e9llo \u2713 \ud83c\udf89', id: '2', retry: 3000 },
  { event: undefined, data: 'first\nsecond', id: '2', retry: 3000 },
  { event: undefined, data: 'id was reset', id: '', retry: 3000 },
];

const encoder = new TextEncoder();
const BYTES = encoder.encode(STREAM);

function decode(chunks: readonly Uint8Array[]): Promise<ServerSentEvent[]> {
  return collect(readServerSentEvents(streamOf(chunks)));
}

function pushAll(texts: readonly string[]): ServerSentEvent[] {
  const decoder = new SSEDecoder();
  return texts.flatMap((text) => decoder.push(text));
}

/** A small deterministic PRNG (mulberry32) so random chunkings are reproducible. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChunks(bytes: Uint8Array, random: () => number, maxSize: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const size = Math.floor(random() * (maxSize + 1)); // may be 0: empty chunks happen on real streams
    chunks.push(bytes.slice(offset, offset + size));
    offset += size;
  }
  return chunks;
}

describe('SSEDecoder / readServerSentEvents', () => {
  it('decodes the whole stream fed at once', async () => {
    expect(pushAll([STREAM])).toEqual(EXPECTED);
    expect(await decode([BYTES])).toEqual(EXPECTED);
  });

  it('gives the same events when text is fed one character at a time', () => {
    expect(pushAll([...STREAM.split('')])).toEqual(EXPECTED);
  });

  it('gives the same events when bytes arrive one at a time (multi-byte characters split)', async () => {
    expect(await decode(Array.from(BYTES, (byte) => Uint8Array.of(byte)))).toEqual(EXPECTED);
  });

  it('gives the same events for a split at every byte boundary', async () => {
    for (let split = 0; split <= BYTES.length; split++) {
      const events = await decode([BYTES.slice(0, split), BYTES.slice(split)]);
      expect(events, `split at byte ${split}`).toEqual(EXPECTED);
    }
  });

  it('gives the same events for a split at every text boundary (push)', () => {
    for (let split = 0; split <= STREAM.length; split++) {
      expect(pushAll([STREAM.slice(0, split), STREAM.slice(split)]), `split at char ${split}`).toEqual(EXPECTED);
    }
  });

  it('gives the same events for random chunk sizes, empty chunks included', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = prng(seed);
      const chunks = randomChunks(BYTES, random, 1 + (seed % 17));
      expect(await decode(chunks), `seed ${seed}`).toEqual(EXPECTED);
    }
  });

  it('treats CRLF inside a chunk as one line ending', () => {
    expect(pushAll(['data: a\r\ndata: b\r\n\r\n'])).toEqual([
      { event: undefined, data: 'a\nb', id: undefined, retry: undefined },
    ]);
  });

  it('treats a CRLF split across chunks as one line ending', () => {
    expect(pushAll(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([
      { event: undefined, data: 'a\nb', id: undefined, retry: undefined },
    ]);
  });

  it('keeps a CRLF split by an empty chunk as one line ending', async () => {
    const expected = [{ event: undefined, data: 'a\nb', id: undefined, retry: undefined }];
    expect(pushAll(['data: a\r', '', '\ndata: b\r\n\r\n'])).toEqual(expected);
    const chunks = ['data: a\r', '', '\ndata: b\r\n\r\n'].map((text) => encoder.encode(text));
    expect(await decode(chunks)).toEqual(expected);
  });

  it('accepts CR-only line endings', () => {
    expect(pushAll(['event: e\rdata: x\rdata: y\r\rdata: z\r\r'])).toEqual([
      { event: 'e', data: 'x\ny', id: undefined, retry: undefined },
      { event: undefined, data: 'z', id: undefined, retry: undefined },
    ]);
  });

  it('treats CR CR as two line endings (a blank line), not as one', () => {
    // "\r\r" is a line end followed by an empty line: it dispatches.
    expect(pushAll(['data: x\r', '\r'])).toEqual([{ event: undefined, data: 'x', id: undefined, retry: undefined }]);
  });

  it('dispatches an event with empty data', () => {
    expect(pushAll(['data:\n\n', 'data\n\n'])).toEqual([
      { event: undefined, data: '', id: undefined, retry: undefined },
      { event: undefined, data: '', id: undefined, retry: undefined },
    ]);
  });

  it('joins multi-line data with LF and keeps empty data lines', () => {
    expect(pushAll(['data: one\ndata:\ndata: three\n\n'])).toEqual([
      { event: undefined, data: 'one\n\nthree', id: undefined, retry: undefined },
    ]);
  });

  it('keeps the last id for later events until it is replaced', () => {
    const events = pushAll(['id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n']);
    expect(events.map((event) => event.id)).toEqual(['7', '7', '8']);
  });

  it('lets an id line without data set the id of later events', () => {
    const events = pushAll(['id: 41\n\ndata: later\n\n']);
    expect(events).toEqual([{ event: undefined, data: 'later', id: '41', retry: undefined }]);
  });

  it('skips comments, including a comment-only stream', () => {
    expect(pushAll([':ping\n\n: another\n\n'])).toEqual([]);
    expect(pushAll([':ping\ndata: x\n:pong\n\n'])).toEqual([
      { event: undefined, data: 'x', id: undefined, retry: undefined },
    ]);
  });

  it('reads retry: only when it is all ASCII digits', () => {
    expect(
      pushAll(['retry: 1500\ndata: a\n\nretry: 2s\ndata: b\n\nretry: -1\ndata: c\n\n']).map((event) => event.retry),
    ).toEqual([1500, 1500, 1500]);
  });

  it('drops an unterminated last event', async () => {
    const chunks = ['data: complete\n\n', 'data: no blank line\n', 'data: no newline at all'].map((text) =>
      encoder.encode(text),
    );
    expect(await decode(chunks)).toEqual([{ event: undefined, data: 'complete', id: undefined, retry: undefined }]);
  });

  it('strips a leading byte order mark', async () => {
    const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, ...encoder.encode('data: x\n\n'));
    expect(await decode([bytes.slice(0, 2), bytes.slice(2)])).toEqual([
      { event: undefined, data: 'x', id: undefined, retry: undefined },
    ]);
  });

  it('decodes a 4-byte character split over three chunks', async () => {
    const bytes = encoder.encode('data: \ud83d\ude80!\n\n');
    // bytes 6..9 are the rocket emoji
    expect(await decode([bytes.slice(0, 7), bytes.slice(7, 8), bytes.slice(8)])).toEqual([
      { event: undefined, data: '\ud83d\ude80!', id: undefined, retry: undefined },
    ]);
  });

  it('ends a read that waits for the server once the signal aborts, and cancels the body', async () => {
    const body = controlledStream();
    body.push('data: 1\n\n');
    const controller = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const event of readServerSentEvents(body.stream, controller.signal)) {
        seen.push(event.data);
        setTimeout(() => controller.abort(), 10);
      }
    })();
    await within(done, 1_000, 'reading after abort');
    expect(seen).toEqual(['1']);
    expect(body.wasCancelled()).toBe(true);
  });

  it('cancels the body when the consumer stops early', async () => {
    const body = controlledStream();
    body.push('data: 1\n\ndata: 2\n\n');
    for await (const event of readServerSentEvents(body.stream)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(body.wasCancelled()).toBe(true);
    expect(body.stream.locked).toBe(false);
  });
});

describe('line and event caps, idle timeout', () => {
  it('a line split over many chunks decodes whole (only new text is scanned, pending text is kept as chunks)', () => {
    const decoder = new SSEDecoder();
    const piece = 'x'.repeat(100);
    decoder.push('data: ');
    for (let index = 0; index < 5_000; index++) expect(decoder.push(piece)).toEqual([]);
    const [event] = decoder.push('\n\n');
    expect(event?.data.length).toBe(500_000);
  });

  it('throws SSELimitError at the chunk that takes a line past maxLineLength, ended or not', () => {
    const decoder = new SSEDecoder({ maxLineLength: 1000 });
    decoder.push(`data: ${'x'.repeat(900)}`);
    expect(() => decoder.push('x'.repeat(200))).toThrow(SSELimitError);
    expect(() => new SSEDecoder({ maxLineLength: 10 }).push('data: 0123456789\n')).toThrow('maxLineLength');
  });

  it('throws SSELimitError when one event collects more than maxEventLength of data', () => {
    const decoder = new SSEDecoder({ maxEventLength: 1000 });
    expect(() => {
      for (let index = 0; index < 20; index++) decoder.push(`data: ${'y'.repeat(100)}\n`);
    }).toThrow('maxEventLength');
    const fine = new SSEDecoder({ maxEventLength: 1000 });
    for (let index = 0; index < 20; index++) expect(fine.push(`data: ${'y'.repeat(100)}\n\n`)).toHaveLength(1);
  });

  it('a body silent for idleTimeout fails with SSEIdleError and is cancelled', async () => {
    const body = controlledStream();
    body.push('data: one\n\n');
    const events: ServerSentEvent[] = [];
    const reading = (async () => {
      for await (const event of readServerSentEvents(body.stream, undefined, { idleTimeout: 50 })) events.push(event);
    })();
    await expect(within(reading, 2_000, 'idle read')).rejects.toBeInstanceOf(SSEIdleError);
    expect(events.map((event) => event.data)).toEqual(['one']);
    await body.cancelled;
  });
});
