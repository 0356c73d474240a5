/**
 * Streams, waits and reconnects against a loopback server that behaves like
 * the real one where Prism cannot: one stream carrying the runs of several
 * events (another run fails first; a resume in between), runs and tasks that
 * finish across server timeouts, failure messages where the spec or common
 * practice keeps them, and servers that would make a naive client storm
 * (closing every stream at once, repeating the same events, asking for a
 * `retry:` wait). Reconnect waits are made small through the options.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { APIConnectionError, Hot, OperationFailedError, type StreamOptions } from '../../generated/hot/src/index.js';
import {
  json,
  startEventStream,
  startFaultServer,
  wait,
  writeChunks,
  type FaultServer,
  type RecordedRequest,
} from '../support/fault-server.js';

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const ENV = '660e8400-e29b-41d4-a716-446655440000';
const STREAM = '770e8400-e29b-41d4-a716-446655440000';
const MY_EVENT = '990e8400-e29b-41d4-a716-446655440000';
const OTHER_EVENT = '991e8400-e29b-41d4-a716-446655440000';
const MY_RUN = '1c0e8400-e29b-41d4-a716-446655440000';
const OTHER_RUN = '1c1e8400-e29b-41d4-a716-446655440000';
const CALL_RUN = '1c2e8400-e29b-41d4-a716-446655440000';
const TASK = '2d0e8400-e29b-41d4-a716-446655440000';
/** Reconnect waits short enough for tests. */
const FAST: StreamOptions = { reconnectDelay: 5, maxReconnectDelay: 40 };

const run = (runId: string, eventId: string | null, status: string, result: unknown = null) => ({
  run_id: runId,
  env_id: ENV,
  stream_id: STREAM,
  build_id: null,
  run_type: eventId ? 'event' : 'call',
  status,
  start_time: '2024-01-15T10:30:00Z',
  stop_time: null,
  origin_run_id: null,
  event_id: eventId,
  result,
  project_id: '550e8400-e29b-41d4-a716-446655440000',
  project_name: 'my-project',
});
const task = (status: string, result: unknown = null) => ({
  task_id: TASK,
  env_id: ENV,
  stream_id: STREAM,
  function_name: '::myapp::reports/generate',
  task_type: 'code',
  status,
  result,
});
const sse = (event: string, data: unknown, id?: string): string =>
  `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const published = sse('event:published', {
  type: 'event:published',
  event_id: MY_EVENT,
  stream_id: STREAM,
  event_type: 'chat:message',
});
const runEvent = (type: string, runId: string, eventId: string | null, status: string, result?: unknown): string =>
  sse(type, { type, run: run(runId, eventId, status, result) });
const envelope = (data: unknown) => ({ data, meta: { request_id: 'r1', timestamp: '2024-01-15T10:30:00Z' } });

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  handler: (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>,
): Promise<Hot> {
  server = await startFaultServer(handler);
  return new Hot({ apiKey: KEY, baseUrl: server.url });
}

/** Answers with one event stream and ends it (the server's timeout), or keeps it open. */
async function stream(response: ServerResponse, pieces: readonly string[], keepOpen = false): Promise<void> {
  startEventStream(response);
  await writeChunks(response, pieces, 2);
  if (!keepOpen) response.end();
}

async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const event of events) all.push(event);
  return all;
}

const label = (event: unknown): string => {
  const record = event as { type: string; run?: { run_id: string } };
  return record.run ? `${record.type} ${record.run.run_id.slice(0, 4)}` : record.type;
};

describe('a stream carrying several runs ends on the run of the caller’s own event', () => {
  it('streams.subscribeWithEvent: another run failing first is yielded and does not end the stream', async () => {
    const hot = await serve(async (_request, response) => {
      await stream(
        response,
        [
          published,
          runEvent('run:start', OTHER_RUN, OTHER_EVENT, 'running'),
          runEvent('run:start', MY_RUN, MY_EVENT, 'running'),
          runEvent('run:fail', OTHER_RUN, OTHER_EVENT, 'failed', { $err: { message: 'not mine' } }),
          runEvent('run:cancel', CALL_RUN, null, 'cancelled'),
          sse('stream:data', { type: 'stream:data', run_id: MY_RUN, data_type: 'ai:delta', payload: { text: 'Hi' } }),
          runEvent('run:stop', MY_RUN, MY_EVENT, 'succeeded', 'Hi'),
        ],
        true, // a live stream: only the client's own ending closes it
      );
    });
    const events = await collect(hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, FAST));
    expect(events.map(label)).toEqual([
      'event:published',
      'run:start 1c1e',
      'run:start 1c0e',
      'run:fail 1c1e',
      'run:cancel 1c2e',
      'stream:data',
      'run:stop 1c0e',
    ]);
    expect(server?.requests).toHaveLength(1);
    expect(await server?.waitForAbandoned(1)).toBe(1);
  });

  it('subscribeWithEvent.result(): the own run’s result, not the other run’s failure', async () => {
    const hot = await serve(async (_request, response) => {
      await stream(
        response,
        [
          published,
          runEvent('run:fail', OTHER_RUN, OTHER_EVENT, 'failed', { $err: { message: 'not mine' } }),
          runEvent('run:stop', MY_RUN, MY_EVENT, 'succeeded', { answer: 42 }),
        ],
        true,
      );
    });
    await expect(
      hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, FAST).result(),
    ).resolves.toEqual({ answer: 42 });
  });

  it('the matched event id survives a resume: the other run’s failure after it is passed through', async () => {
    const hot = await serve(async (request, response, index) => {
      if (index === 0) {
        expect(request.method).toBe('POST');
        await stream(response, [
          published,
          runEvent('run:start', OTHER_RUN, OTHER_EVENT, 'running'),
          runEvent('run:start', MY_RUN, MY_EVENT, 'running'),
        ]);
        return;
      }
      expect(`${request.method} ${request.url}`).toBe(`GET /v1/streams/${STREAM}/subscribe`);
      // The resumed subscription repeats run:start and announces no event: only the first response said which is ours.
      await stream(response, [
        runEvent('run:start', MY_RUN, MY_EVENT, 'running'),
        runEvent('run:fail', OTHER_RUN, OTHER_EVENT, 'failed', { $err: { message: 'not mine' } }),
        runEvent('run:cancel', CALL_RUN, null, 'cancelled', { $val: { msg: 'not mine either' } }),
        runEvent('run:stop', MY_RUN, MY_EVENT, 'succeeded', 'mine'),
      ]);
    });
    const subscription = hot.streams.subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, FAST);
    const events = await collect(subscription);
    expect(events.map(label)).toEqual([
      'event:published',
      'run:start 1c1e',
      'run:start 1c0e',
      'run:fail 1c1e',
      'run:cancel 1c2e',
      'run:stop 1c0e',
    ]);
    expect(server?.requests).toHaveLength(2);
  });

  it('result() across a resume settles on the own run only', async () => {
    const hot = await serve(async (_request, response, index) => {
      if (index === 0)
        await stream(response, [
          published,
          runEvent('run:fail', OTHER_RUN, OTHER_EVENT, 'failed', { $err: { message: 'not mine' } }),
        ]);
      else
        await stream(response, [
          runEvent('run:fail', OTHER_RUN, OTHER_EVENT, 'failed', { $err: { message: 'not mine' } }),
          runEvent('run:fail', MY_RUN, MY_EVENT, 'failed', { $err: { message: 'mine failed' } }),
        ]);
    });
    const error = await hot.streams
      .subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, FAST)
      .result()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe('streams.subscribeWithEvent: run:fail: mine failed');
    expect(((error as OperationFailedError).result as { run: { run_id: string } }).run.run_id).toBe(MY_RUN);
  });

  function publishThen(
    ...responses: string[][]
  ): (request: RecordedRequest, response: ServerResponse, index: number) => Promise<void> {
    return async (request, response, index) => {
      if (index === 0) {
        expect(`${request.method} ${request.url}`).toBe('POST /v1/events');
        json(
          response,
          201,
          envelope({
            event_id: MY_EVENT,
            env_id: ENV,
            stream_id: STREAM,
            event_type: 'user.signup',
            event_data: {},
            event_time: '2024-01-15T10:30:00Z',
            created_at: '2024-01-15T10:30:00Z',
          }),
        );
        return;
      }
      expect(`${request.method} ${request.url}`).toBe(`GET /v1/streams/${STREAM}/subscribe`);
      await stream(response, responses[Math.min(index - 1, responses.length - 1)] ?? []);
    };
  }

  it('publishAndWait returns the published event’s run result when another run fails first', async () => {
    const hot = await serve(
      publishThen([
        runEvent('run:start', OTHER_RUN, OTHER_EVENT, 'running'),
        runEvent('run:fail', OTHER_RUN, OTHER_EVENT, 'failed', { $err: { message: 'not mine' } }),
        runEvent('run:stop', MY_RUN, MY_EVENT, 'succeeded', { welcomed: true }),
      ]),
    );
    await expect(hot.events.publishAndWait({ event_type: 'user.signup', event_data: {} }, FAST)).resolves.toEqual({
      welcomed: true,
    });
  });

  it('publishAndWait waits through a reconnect after another run’s outcome', async () => {
    const hot = await serve(
      publishThen(
        [runEvent('run:stop', OTHER_RUN, OTHER_EVENT, 'succeeded', 'not mine')],
        [
          runEvent('run:stop', OTHER_RUN, OTHER_EVENT, 'succeeded', 'not mine'),
          runEvent('run:cancel', MY_RUN, MY_EVENT, 'cancelled', { $val: { msg: 'cancelled by user' } }),
        ],
      ),
    );
    const error = await hot.events
      .publishAndWait({ event_type: 'user.signup', event_data: {} }, FAST)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe('streams.subscribe: run:cancel: cancelled by user');
    expect(server?.requests).toHaveLength(3);
  });

  it('publishAndWait gives up with APIConnectionError when the own run never shows', async () => {
    const hot = await serve(publishThen([runEvent('run:stop', OTHER_RUN, OTHER_EVENT, 'succeeded', 'not mine')]));
    const error = await hot.events
      .publishAndWait({ event_type: 'user.signup', event_data: {} }, { ...FAST, maxReconnects: 2 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('2 reconnects in a row brought no new event');
    // publish, the first subscription, two reconnects that only repeated it
    expect(server?.requests).toHaveLength(4);
  });
});

interface FailureCase {
  name: string;
  result: unknown;
  message: string;
}
const failureCases = (
  JSON.parse(readFileSync(new URL('../fixtures/hostile/streams/failure-results.json', import.meta.url), 'utf8')) as {
    cases: FailureCase[];
  }
).cases;

describe('failure messages: where the spec says, then the common places', () => {
  it.each(failureCases)('$name', async ({ result, message }) => {
    const withKey = JSON.parse(JSON.stringify(result ?? null).replaceAll('{{KEY}}', KEY)) as unknown;
    const hot = await serve(async (_request, response) => {
      await stream(response, [published, runEvent('run:fail', MY_RUN, MY_EVENT, 'failed', withKey)]);
    });
    const error = await hot.streams
      .subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, FAST)
      .result()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe(`streams.subscribeWithEvent: run:fail: ${message}`);
    expect(JSON.stringify((error as OperationFailedError).result)).not.toContain(KEY);
  });

  it('a huge message is clipped; the whole result stays on the error', async () => {
    const huge = 'x'.repeat(100_000);
    const hot = await serve(async (_request, response) => {
      await stream(response, [published, runEvent('run:fail', MY_RUN, MY_EVENT, 'failed', { message: huge })]);
    });
    const error = (await hot.streams
      .subscribeWithEvent({ event_type: 'chat:message', event_data: {} }, FAST)
      .result()
      .catch((caught: unknown) => caught)) as OperationFailedError;
    expect(error.message.length).toBeLessThan(2_100);
    expect(error.message.endsWith('x…')).toBe(true);
    expect((error.result as { run: { result: { message: string } } }).run.result.message).toHaveLength(100_000);
  });
});

describe('runs.wait and tasks.wait', () => {
  const runUpdate = (status: string, result: unknown = null): string =>
    sse('run:update', { type: 'run:update', run: run(MY_RUN, MY_EVENT, status, result) });
  const taskUpdate = (status: string, result: unknown = null): string =>
    sse('task:update', { type: 'task:update', task: task(status, result) });

  it('resolves with the final run, resubscribing after the server ends the stream', async () => {
    const hot = await serve(async (request, response, index) => {
      if (index === 0) return json(response, 200, envelope(run(MY_RUN, MY_EVENT, 'running')));
      expect(`${request.method} ${request.url}`).toBe(`GET /v1/runs/${MY_RUN}/subscribe`);
      if (index === 1) return stream(response, [runUpdate('running')]); // the server's timeout
      return stream(response, [runUpdate('running'), runUpdate('succeeded', { welcomed: true })]);
    });
    const final = await hot.runs.wait(MY_RUN, FAST);
    expect(final.status).toBe('succeeded');
    expect(final.result).toEqual({ welcomed: true });
    expect(server?.requests.map((request) => request.url)).toEqual([
      `/v1/runs/${MY_RUN}`,
      `/v1/runs/${MY_RUN}/subscribe`,
      `/v1/runs/${MY_RUN}/subscribe`,
    ]);
  });

  it('rejects with OperationFailedError carrying the message and the failed run', async () => {
    const hot = await serve(async (_request, response, index) => {
      if (index === 0) return json(response, 200, envelope(run(MY_RUN, MY_EVENT, 'running')));
      return stream(response, [runUpdate('running'), runUpdate('failed', { $err: { message: 'Division by zero' } })]);
    });
    const error = await hot.runs.wait(MY_RUN, FAST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe('runs.subscribe: failed: Division by zero');
    expect((error as OperationFailedError).result).toMatchObject({ run_id: MY_RUN, status: 'failed' });
  });

  it('a run already final settles without subscribing; a cancelled one rejects with its message', async () => {
    let hot = await serve((_request, response) =>
      json(response, 200, envelope(run(MY_RUN, MY_EVENT, 'succeeded', 'done'))),
    );
    await expect(hot.runs.wait(MY_RUN, FAST)).resolves.toMatchObject({ status: 'succeeded', result: 'done' });
    expect(server?.requests).toHaveLength(1);
    await server?.close();
    hot = await serve((_request, response) =>
      json(response, 200, envelope(run(MY_RUN, MY_EVENT, 'cancelled', { $val: { msg: 'Cancelled by user' } }))),
    );
    const error = await hot.runs.wait(MY_RUN, FAST).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('runs.subscribe: cancelled: Cancelled by user');
    expect(server?.requests).toHaveLength(1);
  });

  it('when the stream gives up without an outcome, reads the run again and settles from it', async () => {
    const hot = await serve(async (request, response, index) => {
      if (request.url === `/v1/runs/${MY_RUN}`)
        return json(response, 200, envelope(run(MY_RUN, MY_EVENT, index === 0 ? 'running' : 'succeeded', 'late')));
      return stream(response, []); // a subscription that ends at once, every time
    });
    await expect(hot.runs.wait(MY_RUN, { ...FAST, maxReconnects: 1 })).resolves.toMatchObject({
      status: 'succeeded',
      result: 'late',
    });
    expect(server?.requests.map((request) => request.url)).toEqual([
      `/v1/runs/${MY_RUN}`,
      `/v1/runs/${MY_RUN}/subscribe`,
      `/v1/runs/${MY_RUN}/subscribe`,
      `/v1/runs/${MY_RUN}`,
    ]);
  });

  it('tasks.wait resolves with the completed task and rejects on timed_out', async () => {
    let hot = await serve(async (_request, response, index) => {
      if (index === 0) return json(response, 200, envelope(task('running')));
      return stream(response, [taskUpdate('running'), taskUpdate('completed', { rows: 3 })]);
    });
    await expect(hot.tasks.wait(TASK, FAST)).resolves.toMatchObject({
      task_id: TASK,
      status: 'completed',
      result: { rows: 3 },
    });
    await server?.close();
    hot = await serve(async (_request, response, index) => {
      if (index === 0) return json(response, 200, envelope(task('running')));
      return stream(response, [taskUpdate('timed_out', { $err: { message: 'exceeded 60000 ms' } })]);
    });
    const error = await hot.tasks.wait(TASK, FAST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe('tasks.subscribe: timed_out: exceeded 60000 ms');
    expect((error as OperationFailedError).result).toMatchObject({ task_id: TASK, status: 'timed_out' });
  });
});

describe('reconnects never storm', () => {
  const gaps = (requests: readonly RecordedRequest[]): number[] =>
    requests.slice(1).map((request, index) => request.receivedAt - (requests[index]?.receivedAt ?? 0));

  it('a server that closes every stream at once: growing waits, then APIConnectionError after maxReconnects', async () => {
    const hot = await serve((_request, response) => stream(response, []));
    const started = Date.now();
    const error = await collect(
      hot.env.subscribe({ reconnectDelay: 20, maxReconnectDelay: 1_000, maxReconnects: 4 }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toBe(
      'env.subscribe: gave up reconnecting: 4 reconnects in a row brought no new event (the server ended the stream at once or repeated events already received; maxReconnects)',
    );
    // The first connection and four reconnects, each wait doubling from 20 ms (jitter only adds).
    expect(server?.requests).toHaveLength(5);
    gaps(server?.requests ?? []).forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(20 * 2 ** index - 2));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('the default gives up after 5 reconnects that bring nothing new', async () => {
    const hot = await serve((_request, response) => stream(response, []));
    await expect(collect(hot.env.subscribe({ reconnectDelay: 1, maxReconnectDelay: 10 }))).rejects.toBeInstanceOf(
      APIConnectionError,
    );
    expect(server?.requests).toHaveLength(6);
  });

  it('a server repeating the same events (no ids): each is yielded once, then the client gives up', async () => {
    // What Prism does with the example: the same events on every connection, then the end of the response.
    const same = [
      sse('run:start', { type: 'run:start', run_id: MY_RUN, stream_id: STREAM, run_type: 'event' }),
      sse('task:started', {
        type: 'task:started',
        task_id: TASK,
        stream_id: STREAM,
        function_name: '::myapp::reports/generate',
        task_type: 'code',
      }),
      sse('task:complete', {
        type: 'task:complete',
        task_id: TASK,
        stream_id: STREAM,
        function_name: '::myapp::reports/generate',
        status: 'completed',
        duration_ms: 1250,
      }),
      sse('run:stop', { type: 'run:stop', run_id: MY_RUN, stream_id: STREAM }),
    ];
    const hot = await serve((_request, response) => stream(response, same));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of hot.env.subscribe({ ...FAST, maxReconnects: 3 })) seen.push(event.type);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['run:start', 'task:started', 'task:complete', 'run:stop']);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server?.requests).toHaveLength(4);
  });

  it('a server repeating events by SSE id: never yielded twice, new ones still are', async () => {
    const hot = await serve((_request, response, index) =>
      stream(response, [
        sse('event:created', { type: 'event:created', event_id: MY_EVENT }, '1'),
        sse('stream:created', { type: 'stream:created', stream_id: STREAM }, '2'),
        ...(index === 2 ? [sse('event:created', { type: 'event:created', event_id: OTHER_EVENT }, '3')] : []),
      ]),
    );
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of hot.env.subscribe({ ...FAST, maxReconnects: 2 }))
        seen.push(`${event.type} ${JSON.stringify(event).includes(OTHER_EVENT) ? 'other' : ''}`.trim());
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['event:created', 'stream:created', 'event:created other']);
    expect(error).toBeInstanceOf(APIConnectionError);
    // 0: new, 1: repeats, 2: one new event (the count starts over), 3 and 4: repeats
    expect(server?.requests).toHaveLength(5);
  });

  it('honours the server’s retry: field over the client’s reconnect delay', async () => {
    const hot = await serve((_request, response, index) =>
      stream(
        response,
        index === 0 ? ['retry: 60\n', sse('event:created', { type: 'event:created', event_id: MY_EVENT })] : [],
      ),
    );
    const error = await collect(
      hot.env.subscribe({ reconnectDelay: 5_000, maxReconnectDelay: 10_000, maxReconnects: 1 }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    const [gap] = gaps(server?.requests ?? []);
    expect(gap).toBeGreaterThanOrEqual(58);
    expect(gap).toBeLessThan(1_000);
  });

  it('a connection the server held open longer than the longest wait is a timeout, not a storm', async () => {
    const hot = await serve(async (_request, response, index) => {
      startEventStream(response);
      if (index === 0) response.write(sse('event:created', { type: 'event:created', event_id: MY_EVENT }));
      if (index < 4) {
        await wait(60); // longer than maxReconnectDelay: a server-side timeout with nothing new
        response.end();
        return;
      }
      response.end(sse('event:created', { type: 'event:created', event_id: OTHER_EVENT }));
    });
    const subscription = hot.env.subscribe({ reconnectDelay: 5, maxReconnectDelay: 30, maxReconnects: 1 });
    const seen: unknown[] = [];
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length === 2) break;
    }
    expect(server?.requests).toHaveLength(5);
  });
});
