/**
 * Hot's streams over a real chunked HTTP stream: events split across chunks,
 * multi-line data and comments; the server ending the response early (Hot's
 * 5-minute timeout) and the client resuming through the stream's subscribe
 * endpoint with nothing lost and repeated run events dropped; no resume after
 * a terminal event or when turned off; and awaiting a run's result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  Hot,
  OperationFailedError,
  type SubscribeWithEventEvent,
  type UnknownEvent,
} from '../../generated/hot/src/index.js';
import { json, startEventStream, startFaultServer, writeChunks, type FaultServer } from '../support/fault-server.js';

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const STREAM = '770e8400-e29b-41d4-a716-446655440000';
const RUN = '550e8400-e29b-41d4-a716-446655440000';
const EVENT = '990e8400-e29b-41d4-a716-446655440000';
// Every run event names the event that started the run (run.event_id): the caller's outcome is its own event's run.
const run = (status: string, result?: unknown) => ({
  run_id: RUN,
  env_id: '660e8400-e29b-41d4-a716-446655440000',
  stream_id: STREAM,
  run_type: 'event',
  status,
  start_time: '2024-01-15T10:30:00Z',
  event_id: EVENT,
  ...(result === undefined ? {} : { result }),
});
/** Reconnect waits short enough for tests. */
const FAST = { reconnectDelay: 5, maxReconnectDelay: 20 };
const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const events: T[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const published = { type: 'event:published', event_id: EVENT, stream_id: STREAM, event_type: 'chat:message' };

describe('subscribe-with-event across a server timeout', () => {
  it('resumes through GET /v1/streams/{stream_id}/subscribe, losing nothing and dropping repeated run events', async () => {
    server = await startFaultServer(async (request, response, index) => {
      startEventStream(response);
      if (index === 0) {
        expect(request.method).toBe('POST');
        // Split mid-field, mid-line and between \r and \n; a comment and a multi-line data field.
        const text = `${sse('event:published', published)}: keep-alive comment\r\n${sse('run:start', { type: 'run:start', run: run('running') })}event: stream:data\ndata: {"type":"stream:data","run_id":"${RUN}",\ndata: "data_type":"ai:delta","payload":{"text":"Hel"}}\n\n`;
        await writeChunks(response, [
          text.slice(0, 7),
          text.slice(7, 60),
          text.slice(60, 140),
          text.slice(140, 141),
          text.slice(141),
        ]);
        response.end(); // the server's timeout: the response ends without a terminal event
      } else {
        expect(request.method).toBe('GET');
        expect(request.url).toBe(`/v1/streams/${STREAM}/subscribe`);
        await writeChunks(response, [
          sse('run:start', { type: 'run:start', run: run('running') }),
          sse('stream:data', { type: 'stream:data', run_id: RUN, data_type: 'ai:delta', payload: { text: 'lo' } }),
          sse('run:stop', { type: 'run:stop', run: run('succeeded', 'Hello') }),
        ]);
        response.end();
      }
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const events = await collect<SubscribeWithEventEvent | UnknownEvent>(
      hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: { message: 'Hello!' } }, FAST),
    );
    expect(events.map((event) => event.type)).toEqual([
      'event:published',
      'run:start',
      'stream:data',
      'stream:data',
      'run:stop',
    ]);
    const text = events
      .flatMap((event) => (event.type === 'stream:data' ? [(event.payload as { text: string }).text] : []))
      .join('');
    expect(text).toBe('Hello');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['authorization']).toBe(`Bearer ${KEY}`);
  });

  it('a stream that ends before event:published cannot resume: OperationFailedError', async () => {
    server = await startFaultServer(async (_request, response) => {
      startEventStream(response);
      await writeChunks(response, [': nothing yet\n\n']);
      response.end();
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    await expect(
      collect(hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} })),
    ).rejects.toBeInstanceOf(OperationFailedError);
    expect(server.requests).toHaveLength(1);
  });

  it('no resume after a terminal run event', async () => {
    server = await startFaultServer(async (_request, response) => {
      startEventStream(response);
      await writeChunks(response, [
        sse('event:published', published),
        sse('run:fail', { type: 'run:fail', run: run('failed', { $err: { message: 'boom' } }) }),
      ]);
      response.end();
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const events = await collect(hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} }));
    expect(events.map((event) => event.type)).toEqual(['event:published', 'run:fail']);
    expect(server.requests).toHaveLength(1);
  });

  it('no resume when resumption is turned off', async () => {
    server = await startFaultServer(async (_request, response) => {
      startEventStream(response);
      await writeChunks(response, [
        sse('event:published', published),
        sse('run:start', { type: 'run:start', run: run('running') }),
      ]);
      response.end();
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const events = await collect(
      hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, { resume: false }),
    );
    expect(events.map((event) => event.type)).toEqual(['event:published', 'run:start']);
    expect(server.requests).toHaveLength(1);
  });

  it('event types the spec does not define are passed through as unknown events', async () => {
    server = await startFaultServer(async (_request, response) => {
      startEventStream(response);
      await writeChunks(response, [
        sse('event:published', published),
        `event: run:retry\ndata: {"attempt":2}\n\n`,
        sse('run:stop', { type: 'run:stop', run: run('succeeded', 42) }),
      ]);
      response.end();
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const events = await collect(hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} }));
    expect(events[1]).toEqual({ type: 'unknown', event: 'run:retry', data: { attempt: 2 } });
  });

  it('break closes the connection', async () => {
    server = await startFaultServer(async (_request, response) => {
      startEventStream(response);
      await writeChunks(response, [
        sse('event:published', published),
        sse('run:start', { type: 'run:start', run: run('running') }),
      ]);
      // keeps the response open, like a live stream
    });
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    for await (const event of hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} })) {
      if (event.type === 'run:start') break;
    }
    expect(await server.waitForAbandoned(1)).toBe(1);
  });
});

describe("awaiting a run's result", () => {
  function publishThenStream(
    terminal: string,
  ): (
    request: { method: string; url: string },
    response: import('node:http').ServerResponse,
    index: number,
  ) => Promise<void> {
    return async (request, response, index) => {
      if (index === 0) {
        expect(request.method).toBe('POST');
        json(response, 201, {
          data: {
            event_id: published.event_id,
            env_id: '660e8400-e29b-41d4-a716-446655440000',
            stream_id: STREAM,
            event_type: 'user.signup',
            event_data: {},
            event_time: '2024-01-15T10:30:00Z',
            created_at: '2024-01-15T10:30:00Z',
          },
          meta: { request_id: 'r1', timestamp: '2024-01-15T10:30:00Z' },
        });
        return;
      }
      expect(request.url).toBe(`/v1/streams/${STREAM}/subscribe`);
      startEventStream(response);
      await writeChunks(response, [sse('run:start', { type: 'run:start', run: run('running') }), terminal]);
      response.end();
    };
  }

  it('resolves with run.result on run:stop', async () => {
    server = await startFaultServer(
      publishThenStream(sse('run:stop', { type: 'run:stop', run: run('succeeded', { answer: 42 }) })),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    await expect(hot.events.publishAndWait({ event_type: 'user.signup', event_data: {} })).resolves.toEqual({
      answer: 42,
    });
  });

  it('rejects with the failure message on run:fail', async () => {
    server = await startFaultServer(
      publishThenStream(
        sse('run:fail', { type: 'run:fail', run: run('failed', { $err: { message: 'division by zero' } }) }),
      ),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await hot.events
      .publishAndWait({ event_type: 'user.signup', event_data: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toContain('division by zero');
  });

  it('finds the message in $val.msg when $err is absent', async () => {
    server = await startFaultServer(
      publishThenStream(
        sse('run:cancel', { type: 'run:cancel', run: run('cancelled', { $val: { msg: 'cancelled by user' } }) }),
      ),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await hot.events
      .publishAndWait({ event_type: 'user.signup', event_data: {} })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('cancelled by user');
  });
});

describe('closing', () => {
  it('close() while the stream is still connecting ends the iteration quietly', async () => {
    server = await startFaultServer(() => undefined); // never answers
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const stream = hot.streams.subscribe(STREAM, {});
    setTimeout(() => stream.close(), 100);
    await expect(collect(stream)).resolves.toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
