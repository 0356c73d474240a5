import { describe, expect, it } from 'vitest';
import { awaitStreamResult, EventStream, type StreamOptions } from '../../../generator/runtime/event-stream.js';
import type { OperationDescriptor, SSEDescriptor } from '../../../generator/runtime/operation.js';
import { reconnectDelayMs } from '../../../generator/runtime/reconnect.js';
import { RecentKeys } from '../../../generator/runtime/recent-keys.js';
import {
  collect,
  ConnectionError,
  controlledStream,
  InvalidRequestError,
  json,
  makeCore,
  NotFoundError,
  OperationFailedError,
  rejectionOf,
  script,
  sse,
  within,
  type ControlledStream,
} from './support.js';

const RUN_EVENTS = ['run:start', 'run:log', 'run:stop', 'run:fail', 'run:cancel'];
const RESULT: SSEDescriptor['result'] = {
  success: { event: 'run:stop', value: '/run/result' },
  failure: {
    events: ['run:fail', 'run:cancel'],
    message: ['/run/result/$err/message', '/run/result/$val/msg', '/run/error'],
  },
};

function runOp(sse: Partial<SSEDescriptor> = {}): OperationDescriptor {
  return {
    id: 'subscribeRun',
    method: 'get',
    path: '/runs/{run_id}/events',
    pathParams: ['run_id'],
    accept: 'text/event-stream',
    responses: { 200: { kind: 'sse' } },
    sse: {
      typeField: 'type',
      known: RUN_EVENTS,
      terminal: ['run:stop', 'run:fail', 'run:cancel'],
      resume: { lastEventId: true },
      dedupe: { events: ['run:start', 'run:stop', 'run:fail', 'run:cancel'], key: '/run/run_id' },
      result: RESULT,
      ...sse,
    },
  };
}

const subscribeStream: OperationDescriptor = {
  id: 'subscribeStream',
  method: 'get',
  path: '/streams/{stream_id}/subscribe',
  pathParams: ['stream_id'],
  query: ['project'],
  accept: 'text/event-stream',
  responses: { 200: { kind: 'sse' } },
  sse: {
    typeField: 'type',
    known: [...RUN_EVENTS, 'stream:data'],
    terminal: ['run:stop', 'run:fail', 'run:cancel'],
    resume: {},
    dedupe: { events: ['run:start', 'run:stop'], key: '/run/run_id' },
    result: RESULT,
  },
};

const subscribeWithEvent: OperationDescriptor = {
  id: 'subscribeWithEvent',
  method: 'post',
  path: '/streams/subscribe-with-event',
  query: ['project'],
  body: { kind: 'json', type: 'application/json', flat: true, required: true },
  accept: 'text/event-stream',
  responses: { 200: { kind: 'sse' } },
  sse: {
    typeField: 'type',
    known: ['event:published', ...RUN_EVENTS, 'stream:data'],
    terminal: ['run:stop', 'run:fail', 'run:cancel'],
    resume: {
      via: () => subscribeStream,
      params: { stream_id: { event: 'event:published', pointer: '/stream_id' } },
      requires: 'event:published',
    },
    dedupe: { events: ['run:start', 'run:stop'], key: '/run/run_id' },
    result: RESULT,
  },
};

/** Reconnect waits short enough for unit tests. */
const FAST: StreamOptions = { reconnectDelay: 1, maxReconnectDelay: 4 };

/** One SSE message. */
function msg(fields: { event?: string; id?: string; data: unknown }): string {
  const lines: string[] = [];
  if (fields.id !== undefined) lines.push(`id: ${fields.id}`);
  if (fields.event !== undefined) lines.push(`event: ${fields.event}`);
  const data = typeof fields.data === 'string' ? fields.data : JSON.stringify(fields.data);
  for (const line of data.split('\n')) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

function open(body: ControlledStream): Response {
  return new Response(body.stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('EventStream events', () => {
  it('yields typed events, filling the type from `event:` when the data lacks it', async () => {
    const s = script(
      sse([
        msg({ event: 'run:start', data: { run: { run_id: 'r1' } } }),
        msg({ data: { type: 'run:log', line: 'hello' } }),
        // the data's own type wins over the SSE event name
        msg({ event: 'ignored-name', data: { type: 'run:log', line: 'again' } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', result: 42 } } }),
      ]),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined));
    expect(events).toEqual([
      { type: 'run:start', run: { run_id: 'r1' } },
      { type: 'run:log', line: 'hello' },
      { type: 'run:log', line: 'again' },
      { type: 'run:stop', run: { run_id: 'r1', result: 42 } },
    ]);
    const request = s.requests[0];
    expect(new URL(request?.url ?? '').pathname).toBe('/v1/runs/r1/events');
    expect(request?.headers.get('Accept')).toBe('text/event-stream');
    expect(request?.headers.has('Last-Event-ID')).toBe(false);
  });

  it('passes unknown event types through as {type: "unknown", event, data}', async () => {
    const s = script(
      sse([
        msg({ event: 'run:progress', data: { pct: 5 } }),
        msg({ data: { type: 'brand:new', x: 1 } }),
        msg({ event: 'mystery', data: 'not json' }),
        msg({ data: { no_type: true } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1' } } }),
      ]),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined));
    expect(events.slice(0, 4)).toEqual([
      { type: 'unknown', event: 'run:progress', data: { pct: 5 } },
      { type: 'unknown', event: 'brand:new', data: { type: 'brand:new', x: 1 } },
      { type: 'unknown', event: 'mystery', data: 'not json' },
      // no type and no `event:` field: the SSE default event name is "message"
      { type: 'unknown', event: 'message', data: { no_type: true } },
    ]);
  });

  it('hands over non-JSON data of a known type as {type, data: text}', async () => {
    const s = script(
      sse([msg({ event: 'run:log', data: 'plain text\nsecond line' }), msg({ event: 'run:stop', data: { run: {} } })]),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined));
    expect(events[0]).toEqual({ type: 'run:log', data: 'plain text\nsecond line' });
  });

  it('uses the configured type field', async () => {
    const op = runOp({ typeField: 'kind', known: ['tick', 'done'], terminal: ['done'] });
    const s = script(sse([msg({ event: 'tick', data: { n: 1 } }), msg({ data: { kind: 'done' } })]));
    expect(await collect(new EventStream(makeCore(s.fetch), op, ['r1'], undefined))).toEqual([
      { kind: 'tick', n: 1 },
      { kind: 'done' },
    ]);
  });

  it('throws the typed error when the first connection fails', async () => {
    const s = script(json(404, { error: { message: 'no such run' } }));
    const error = await rejectionOf(collect(new EventStream(makeCore(s.fetch), runOp(), ['r404'], undefined)));
    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('can be iterated once only', async () => {
    const stream = new EventStream(
      makeCore(script(sse(msg({ event: 'run:stop', data: {} }))).fetch),
      runOp(),
      ['r1'],
      undefined,
    );
    await collect(stream);
    // The package's own error class, naming the operation (a hand-built descriptor has no method path).
    expect(() => stream[Symbol.asyncIterator]()).toThrow(InvalidRequestError);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/^subscribeRun: an event stream can be iterated once/);
  });
});

describe('EventStream resume', () => {
  it('resumes via itself after the body ends, sending Last-Event-ID', async () => {
    const s = script(
      () =>
        sse([
          msg({ id: '1', event: 'run:start', data: { run: { run_id: 'r1' } } }),
          msg({ id: '2', event: 'run:log', data: { line: 'a' } }),
        ]),
      () =>
        sse([
          msg({ id: '3', event: 'run:log', data: { line: 'b' } }),
          msg({ id: '4', event: 'run:stop', data: { run: { run_id: 'r1', result: 'ok' } } }),
        ]),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, FAST));
    expect(events.map((event) => (event as { type: string }).type)).toEqual([
      'run:start',
      'run:log',
      'run:log',
      'run:stop',
    ]);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]?.headers.has('Last-Event-ID')).toBe(false);
    expect(s.requests[1]?.headers.get('Last-Event-ID')).toBe('2');
    expect(s.requests[1]?.url).toBe(s.requests[0]?.url);
  });

  it('resumes via itself without Last-Event-ID when the spec does not ask for it', async () => {
    const s = script(
      () => sse(msg({ id: '9', event: 'run:log', data: {} })),
      () => sse(msg({ event: 'run:stop', data: {} })),
    );
    await collect(new EventStream(makeCore(s.fetch), runOp({ resume: {} }), ['r1'], undefined, FAST));
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.headers.has('Last-Event-ID')).toBe(false);
  });

  it('sends no Last-Event-ID after the server reset the id with an empty `id:`', async () => {
    const s = script(
      () => sse([msg({ id: '5', event: 'run:log', data: {} }), 'id\ndata: {"type":"run:log"}\n\n']),
      () => sse(msg({ event: 'run:stop', data: {} })),
    );
    await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, FAST));
    expect(s.requests).toHaveLength(2);
    expect(s.requests[1]?.headers.has('Last-Event-ID')).toBe(false);
  });

  it('resumes via another operation with parameters captured from an earlier event, skipping repeats', async () => {
    const s = script(
      () =>
        sse([
          msg({ event: 'event:published', data: { stream_id: 's-77', event_id: 'e1' } }),
          msg({ event: 'run:start', data: { run: { run_id: 'r1' } } }),
        ]),
      () =>
        sse([
          msg({ event: 'run:start', data: { run: { run_id: 'r1' } } }), // repeated by the new subscription
          msg({ event: 'stream:data', data: { chunk: 'x' } }),
          msg({ event: 'run:stop', data: { run: { run_id: 'r1', result: { answer: 42 } } } }),
        ]),
    );
    const stream = new EventStream(
      makeCore(s.fetch),
      subscribeWithEvent,
      [],
      { project: 'p1', event: { name: 'go' } },
      FAST,
    );
    const events = await collect(stream);
    expect(events.map((event) => (event as { type: string }).type)).toEqual([
      'event:published',
      'run:start',
      'stream:data',
      'run:stop',
    ]);
    expect(s.requests).toHaveLength(2);
    expect(s.requests[0]?.method).toBe('POST');
    expect(JSON.parse(s.bodies[0] ?? '')).toEqual({ event: { name: 'go' } });
    const resumed = new URL(s.requests[1]?.url ?? '');
    expect(s.requests[1]?.method).toBe('GET');
    expect(resumed.pathname).toBe('/v1/streams/s-77/subscribe');
    expect(resumed.searchParams.get('project')).toBe('p1');
  });

  it('de-duplicates repeated run events by key, but keeps distinct keys and non-deduped types', async () => {
    const s = script(
      () =>
        sse([
          msg({ event: 'run:start', data: { run: { run_id: 'r1' } } }),
          msg({ event: 'run:log', data: { line: 1 } }),
        ]),
      () =>
        sse([
          msg({ event: 'run:start', data: { run: { run_id: 'r1' } } }),
          msg({ event: 'run:log', data: { line: 1 } }),
          msg({ event: 'run:start', data: { run: { run_id: 'r2' } } }),
          msg({ event: 'run:stop', data: { run: { run_id: 'r2' } } }),
        ]),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, FAST));
    expect(events).toEqual([
      { type: 'run:start', run: { run_id: 'r1' } },
      { type: 'run:log', line: 1 },
      { type: 'run:log', line: 1 },
      { type: 'run:start', run: { run_id: 'r2' } },
      { type: 'run:stop', run: { run_id: 'r2' } },
    ]);
  });

  it('does not resume after a terminal event, and stops reading there', async () => {
    const body = controlledStream();
    const s = script(
      () => open(body),
      () => sse(msg({ event: 'run:log', data: {} })),
    );
    body.push(
      msg({ event: 'run:stop', data: { run: { run_id: 'r1' } } }) + msg({ event: 'run:log', data: { after: 'stop' } }),
    );
    const events = await within(
      collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, FAST)),
      2_000,
      'the stream',
    );
    expect(events).toEqual([{ type: 'run:stop', run: { run_id: 'r1' } }]);
    expect(s.requests).toHaveLength(1);
    await within(body.cancelled, 1_000, 'cancelling the body');
  });

  it('does not resume when the caller passes resume: false', async () => {
    const s = script(
      () => sse(msg({ event: 'run:log', data: { line: 1 } })),
      () => sse(msg({ event: 'run:stop', data: {} })),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, { resume: false }));
    expect(events).toEqual([{ type: 'run:log', line: 1 }]);
    expect(s.requests).toHaveLength(1);
  });

  it('does not resume when the spec has no resume', async () => {
    const s = script(
      () => sse(msg({ event: 'run:log', data: {} })),
      () => sse(msg({ event: 'run:stop', data: {} })),
    );
    await collect(new EventStream(makeCore(s.fetch), runOp({ resume: undefined }), ['r1'], undefined, FAST));
    expect(s.requests).toHaveLength(1);
  });

  it('fails when the stream ends before the event resuming requires', async () => {
    const s = script(
      () => sse(msg({ event: 'run:start', data: { run: { run_id: 'r1' } } })),
      () => sse(msg({ event: 'run:stop', data: {} })),
    );
    const error = await rejectionOf(collect(new EventStream(makeCore(s.fetch), subscribeWithEvent, [], { event: {} })));
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toContain('event:published');
    expect(s.requests).toHaveLength(1);
  });

  it('resumes after the connection breaks mid-stream', async () => {
    const body = controlledStream();
    const s = script(
      () => open(body),
      () => sse(msg({ event: 'run:stop', data: { run: { run_id: 'r1' } } })),
    );
    body.push(msg({ id: '7', event: 'run:log', data: { line: 1 } }));
    setTimeout(() => body.fail(new TypeError('terminated')), 20);
    const events = await collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, FAST));
    expect(events.map((event) => (event as { type: string }).type)).toEqual(['run:log', 'run:stop']);
    expect(s.requests[1]?.headers.get('Last-Event-ID')).toBe('7');
  });

  it('gives up with ConnectionError after maxReconnects reconnects in a row that bring nothing new', async () => {
    const s = script(
      () => sse(msg({ event: 'run:log', data: {} })),
      () => sse(': keepalive only\n\n'),
    );
    const error = await rejectionOf(
      collect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, { ...FAST, maxReconnects: 2 })),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toContain('2 reconnects in a row brought no new event');
    // the first connection, then two empty reconnects
    expect(s.requests).toHaveLength(3);
  });
});

describe('EventStream terminalWhen', () => {
  it('finishes after an event whose value at the pointer is final', async () => {
    const op = runOp({
      known: ['run:update'],
      terminal: undefined,
      terminalWhen: { pointer: '/run/status', values: ['succeeded', 'failed'] },
      resume: {},
      dedupe: undefined,
    });
    const body = controlledStream();
    const s = script(() => open(body));
    body.push(msg({ event: 'run:update', data: { run: { status: 'running' } } }));
    body.push(msg({ event: 'run:update', data: { run: { status: 'succeeded' } } }));
    body.push(msg({ event: 'run:update', data: { run: { status: 'after the end' } } }));
    const events = await within(
      collect(new EventStream(makeCore(s.fetch), op, ['r1'], undefined)),
      2_000,
      'the stream',
    );
    expect(events).toEqual([
      { type: 'run:update', run: { status: 'running' } },
      { type: 'run:update', run: { status: 'succeeded' } },
    ]);
    expect(s.requests).toHaveLength(1);
    expect(body.wasCancelled()).toBe(true);
  });
});

describe('EventStream result()', () => {
  it('resolves with the success event value', async () => {
    const s = script(
      sse([
        msg({ event: 'run:start', data: { run: { run_id: 'r1' } } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', result: { total: 3 } } } }),
      ]),
    );
    await expect(new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined).result()).resolves.toEqual({
      total: 3,
    });
  });

  it('rejects with the message at the first failure pointer that has one', async () => {
    const secondOnly = script(
      sse(msg({ event: 'run:fail', data: { run: { run_id: 'r1', result: { $val: { msg: 'disk full' } } } } })),
    );
    const error = await rejectionOf(new EventStream(makeCore(secondOnly.fetch), runOp(), ['r1'], undefined).result());
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toContain('disk full');
    expect((error as Error).message).toContain('run:fail');
    expect((error as OperationFailedError).details.result).toEqual({
      type: 'run:fail',
      run: { run_id: 'r1', result: { $val: { msg: 'disk full' } } },
    });

    const both = script(
      sse(
        msg({
          event: 'run:cancel',
          data: {
            run: { run_id: 'r1', result: { $err: { message: 'first pointer' }, $val: { msg: 'second pointer' } } },
          },
        }),
      ),
    );
    const bothError = await rejectionOf(new EventStream(makeCore(both.fetch), runOp(), ['r1'], undefined).result());
    expect((bothError as Error).message).toContain('first pointer');
    expect((bothError as Error).message).not.toContain('second pointer');

    const emptyFirst = script(
      sse(
        msg({ event: 'run:fail', data: { run: { run_id: 'r1', error: 'third', result: { $err: { message: '' } } } } }),
      ),
    );
    const thirdError = await rejectionOf(
      new EventStream(makeCore(emptyFirst.fetch), runOp(), ['r1'], undefined).result(),
    );
    expect((thirdError as Error).message).toContain('third');
  });

  it('rejects when the stream ends without the success event', async () => {
    const s = script(sse(msg({ event: 'run:log', data: {} })));
    const error = await rejectionOf(
      new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, { resume: false }).result(),
    );
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toContain('run:stop');
  });

  it('closes the connection once the result is known', async () => {
    const body = controlledStream();
    const s = script(() => open(body));
    body.push(msg({ event: 'run:stop', data: { run: { result: 1 } } }));
    await expect(new EventStream(makeCore(s.fetch), runOp({ terminal: [] }), ['r1'], undefined).result()).resolves.toBe(
      1,
    );
    await within(body.cancelled, 1_000, 'cancelling the body');
  });
});

describe('EventStream closing', () => {
  it('cancels the underlying body on break', async () => {
    const body = controlledStream();
    const s = script(() => open(body));
    body.push(msg({ event: 'run:log', data: { line: 1 } }) + msg({ event: 'run:log', data: { line: 2 } }));
    const seen: unknown[] = [];
    for await (const event of new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined)) {
      seen.push(event);
      break;
    }
    expect(seen).toEqual([{ type: 'run:log', line: 1 }]);
    await within(body.cancelled, 1_000, 'cancelling the body');
    expect(s.requests).toHaveLength(1);
  });

  it('close() ends a for-await that is waiting for the next event, and cancels the body', async () => {
    const body = controlledStream();
    const s = script(() => open(body));
    const stream = new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined);
    body.push(msg({ event: 'run:log', data: { line: 1 } }));
    const seen: unknown[] = [];
    const done = (async () => {
      for await (const event of stream) {
        seen.push(event);
        setTimeout(() => stream.close(), 20);
      }
    })();
    await within(done, 1_000, 'the for-await after close()');
    expect(seen).toHaveLength(1);
    await within(body.cancelled, 1_000, 'cancelling the body');
    expect(s.requests).toHaveLength(1);
  });

  it('close() stops the events already received in the same chunk', async () => {
    const body = controlledStream();
    const s = script(() => open(body));
    const stream = new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined);
    body.push(msg({ event: 'run:log', data: { line: 1 } }) + msg({ event: 'run:log', data: { line: 2 } }));
    const seen: unknown[] = [];
    await within(
      (async () => {
        for await (const event of stream) {
          seen.push(event);
          stream.close();
        }
      })(),
      1_000,
      'the for-await after close()',
    );
    expect(seen).toEqual([{ type: 'run:log', line: 1 }]);
  });

  it("the caller's signal ends a for-await that is waiting, and cancels the body", async () => {
    const body = controlledStream();
    const s = script(() => open(body));
    const controller = new AbortController();
    const stream = new EventStream(makeCore(s.fetch), runOp(), ['r1'], undefined, { signal: controller.signal });
    body.push(msg({ event: 'run:log', data: { line: 1 } }));
    const seen: unknown[] = [];
    const done = (async () => {
      for await (const event of stream) {
        seen.push(event);
        setTimeout(() => controller.abort(), 20);
      }
    })();
    await within(done, 1_000, 'the for-await after abort');
    expect(seen).toHaveLength(1);
    await within(body.cancelled, 1_000, 'cancelling the body');
    expect(s.requests).toHaveLength(1);
  });
});

describe('awaitStreamResult', () => {
  it('subscribes with ids taken from the source and returns the stream result', async () => {
    const s = script(
      sse([
        msg({ event: 'stream:data', data: { chunk: 1 } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', result: 'done!' } } }),
      ]),
    );
    const source = { stream_id: 'st-5', meta: { project: 'proj-9' } };
    const value = await awaitStreamResult(
      makeCore(s.fetch),
      subscribeStream,
      { stream_id: '/stream_id', project: '/meta/project' },
      source,
    );
    expect(value).toBe('done!');
    const url = new URL(s.requests[0]?.url ?? '');
    expect(url.pathname).toBe('/v1/streams/st-5/subscribe');
    expect(url.searchParams.get('project')).toBe('proj-9');
  });

  it('rejects with the failure event message', async () => {
    const s = script(
      sse(msg({ event: 'run:fail', data: { run: { run_id: 'r1', result: { $err: { message: 'exploded' } } } } })),
    );
    const error = await rejectionOf(
      awaitStreamResult(makeCore(s.fetch), subscribeStream, { stream_id: '/id' }, { id: 'st-1' }),
    );
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toContain('exploded');
  });
});

describe('matching the caller’s own run (sse.match)', () => {
  const matched = (equals?: { event: string; pointer: string }): OperationDescriptor =>
    runOp({
      known: ['event:published', ...RUN_EVENTS],
      match: { pointer: '/run/event_id', ...(equals ? { equals } : {}) },
    });

  it('with a match option, only that run’s terminal event ends the stream and settles the result', async () => {
    const s = script(
      sse([
        msg({
          event: 'run:fail',
          data: { run: { run_id: 'r2', event_id: 'e2', result: { $err: { message: 'not mine' } } } },
        }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r3', event_id: null, result: 'nobody’s' } } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', event_id: 'e1', result: 'mine' } } }),
      ]),
    );
    await expect(
      new EventStream(makeCore(s.fetch), matched(), ['r1'], undefined, { ...FAST, match: 'e1' }).result(),
    ).resolves.toBe('mine');
  });

  it('without an expected id, a plain subscription ends on any run’s terminal event', async () => {
    const s = script(
      sse([
        msg({ event: 'run:fail', data: { run: { run_id: 'r2', event_id: 'e2' } } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', event_id: 'e1' } } }),
      ]),
    );
    const events = await collect(new EventStream(makeCore(s.fetch), matched(), ['r1'], undefined, FAST));
    expect(events).toHaveLength(1);
  });

  it('learns the id from the announcing event once; a second announcement does not replace it', async () => {
    const s = script(
      sse([
        msg({ event: 'event:published', data: { event_id: 'e1' } }),
        msg({ event: 'event:published', data: { event_id: 'e2' } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r2', event_id: 'e2', result: 'not mine' } } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', event_id: 'e1', result: 'mine' } } }),
      ]),
    );
    await expect(
      new EventStream(
        makeCore(s.fetch),
        matched({ event: 'event:published', pointer: '/event_id' }),
        ['r1'],
        undefined,
        FAST,
      ).result(),
    ).resolves.toBe('mine');
  });

  it('awaitStreamResult passes the id read from the source at `match`', async () => {
    const op: OperationDescriptor = {
      ...subscribeStream,
      sse: { ...(subscribeStream.sse as SSEDescriptor), match: { pointer: '/run/event_id' } },
    };
    const s = script(
      sse([
        msg({ event: 'run:stop', data: { run: { run_id: 'r2', event_id: 'e2', result: 'not mine' } } }),
        msg({ event: 'run:stop', data: { run: { run_id: 'r1', event_id: 'e1', result: 'mine' } } }),
      ]),
    );
    await expect(
      awaitStreamResult(makeCore(s.fetch), op, { stream_id: '/stream_id' }, { stream_id: 's1', event_id: 'e1' }, FAST, {
        match: '/event_id',
      }),
    ).resolves.toBe('mine');
  });
});

describe('state-based results (result.success.when / failure.when)', () => {
  const stateOp = (): OperationDescriptor =>
    runOp({
      known: ['run:update'],
      terminal: undefined,
      dedupe: undefined,
      terminalWhen: { pointer: '/run/status', values: ['succeeded', 'failed'] },
      result: {
        success: { when: { pointer: '/run/status', values: ['succeeded'] }, value: '/run' },
        failure: {
          when: { pointer: '/run/status', values: ['failed'] },
          message: ['/run/result/$err/message'],
          value: '/run',
        },
      },
    });

  it('resolves with the value of the event whose state is a success', async () => {
    const s = script(
      sse([
        msg({ event: 'run:update', data: { run: { status: 'running' } } }),
        msg({ event: 'run:update', data: { run: { status: 'succeeded', result: 7 } } }),
      ]),
    );
    await expect(new EventStream(makeCore(s.fetch), stateOp(), ['r1'], undefined).result()).resolves.toEqual({
      status: 'succeeded',
      result: 7,
    });
  });

  it('rejects with the state, the message and the failure value', async () => {
    const s = script(
      sse(msg({ event: 'run:update', data: { run: { status: 'failed', result: { $err: { message: 'oom' } } } } })),
    );
    const error = await rejectionOf(new EventStream(makeCore(s.fetch), stateOp(), ['r1'], undefined).result());
    expect((error as Error).message).toBe('subscribeRun: failed: oom');
    expect((error as OperationFailedError).details.result).toEqual({
      status: 'failed',
      result: { $err: { message: 'oom' } },
    });
  });

  it('awaitStreamResult with `current` settles a source that is already final without a request', async () => {
    const s = script(() => {
      throw new Error('no request expected');
    });
    await expect(
      awaitStreamResult(makeCore(s.fetch), stateOp(), { run_id: '/id' }, { id: 'r1', status: 'succeeded' }, FAST, {
        current: '/run',
      }),
    ).resolves.toEqual({ id: 'r1', status: 'succeeded' });
    await expect(
      rejectionOf(
        awaitStreamResult(
          makeCore(s.fetch),
          stateOp(),
          { run_id: '/id' },
          { id: 'r1', status: 'failed', error: 'plain' },
          FAST,
          { current: '/run' },
        ),
      ),
    ).resolves.toMatchObject({ message: 'subscribeRun: failed: plain' });
    expect(s.requests).toHaveLength(0);
  });
});

describe('reconnect waits (reconnectDelayMs)', () => {
  const policy = { initialDelayMs: 1_000, maxDelayMs: 30_000 };
  it('starts at the initial delay, or the server’s retry:, and doubles per reconnect that brought nothing new', () => {
    expect(reconnectDelayMs(0, undefined, policy, () => 0)).toBe(1_000);
    expect(reconnectDelayMs(3, undefined, policy, () => 0)).toBe(8_000);
    expect(reconnectDelayMs(0, 250, policy, () => 0)).toBe(250);
    expect(reconnectDelayMs(2, 250, policy, () => 0)).toBe(1_000);
  });

  it('adds at most 20% jitter and never passes the cap, unless the server asks for longer', () => {
    expect(reconnectDelayMs(0, undefined, policy, () => 1)).toBe(1_200);
    expect(reconnectDelayMs(10, undefined, policy, () => 1)).toBe(30_000);
    expect(reconnectDelayMs(0, 60_000, policy, () => 0.5)).toBe(60_000);
  });
});

describe('RecentKeys', () => {
  it('remembers keys up to its bound, forgetting the oldest first', () => {
    const keys = new RecentKeys(2);
    expect(keys.add('a')).toBe(true);
    expect(keys.add('a')).toBe(false);
    keys.add('b');
    keys.add('c');
    expect([keys.has('a'), keys.has('b'), keys.has('c'), keys.size]).toEqual([false, true, true, 2]);
  });
});
