/**
 * Hot wraps a successful run result as `{"$ok": value}` (RunResult carries
 * `x-specsmith-unwrap: {key: $ok}`): the generated client hands over `value`
 * wherever a run's result arrives — a read, a list, a stream event, a wait —
 * and leaves failures (`$err`) and anything else as the server sent them.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Hot, OperationFailedError, type StreamOptions } from '../../generated/hot/src/index.js';
import {
  json,
  startEventStream,
  startFaultServer,
  writeChunks,
  type FaultServer,
  type RecordedRequest,
} from '../support/fault-server.js';

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const ENV = '660e8400-e29b-41d4-a716-446655440000';
const STREAM = '770e8400-e29b-41d4-a716-446655440000';
const MY_EVENT = '990e8400-e29b-41d4-a716-446655440000';
const MY_RUN = '1c0e8400-e29b-41d4-a716-446655440000';
const FAST: StreamOptions = { reconnectDelay: 5, maxReconnectDelay: 40 };

const run = (status: string, result: unknown) => ({
  run_id: MY_RUN,
  env_id: ENV,
  stream_id: STREAM,
  build_id: null,
  run_type: 'event',
  status,
  start_time: '2024-01-15T10:30:00Z',
  stop_time: null,
  origin_run_id: null,
  event_id: MY_EVENT,
  result,
  project_id: null,
  project_name: null,
});
const envelope = (data: unknown) => ({ data, meta: { request_id: 'r1', timestamp: '2024-01-15T10:30:00Z' } });
const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
const runEvent = (type: string, status: string, result: unknown): string =>
  sse(type, { type, run: run(status, result) });

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

async function stream(response: ServerResponse, pieces: readonly string[]): Promise<void> {
  startEventStream(response);
  await writeChunks(response, pieces, 2);
  response.end();
}

describe('{"$ok": value} run results arrive unwrapped', () => {
  it('runs.get gives the value inside $ok', async () => {
    const hot = await serve((_request, response) => json(response, 200, envelope(run('succeeded', { $ok: { n: 1 } }))));
    const got = await hot.runs.get(MY_RUN);
    expect(got.result).toEqual({ n: 1 });
    expect(got.run_id).toBe(MY_RUN);
  });

  it('runs.list unwraps the result of every run of the page', async () => {
    const hot = await serve((_request, response) =>
      json(
        response,
        200,
        envelope([run('succeeded', { $ok: 'Hello world' }), run('succeeded', { $ok: [1, 2] }), run('running', null)]),
      ),
    );
    const page = await hot.runs.list();
    expect(page.items.map((item) => item.result)).toEqual(['Hello world', [1, 2], null]);
  });

  it('leaves a result with other keys beside $ok, and a plain result, untouched', async () => {
    const hot = await serve((_request, response, index) =>
      json(
        response,
        200,
        envelope(run('succeeded', index === 0 ? { $ok: 1, note: 'both' } : { ok: true, $ok_count: 2 })),
      ),
    );
    expect((await hot.runs.get(MY_RUN)).result).toEqual({ $ok: 1, note: 'both' });
    expect((await hot.runs.get(MY_RUN)).result).toEqual({ ok: true, $ok_count: 2 });
  });

  it('a hostile __proto__ key beside the wrapped result pollutes nothing', async () => {
    const hot = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        `{"data": {"run_id": "${MY_RUN}", "status": "succeeded", "result": {"$ok": {"__proto__": {"polluted": true}}}, "__proto__": {"$ok": 1}}}`,
      );
    });
    const got = (await hot.runs.get(MY_RUN)) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).toEqual({ $ok: 1 });
    expect(Object.getOwnPropertyDescriptor(got['result'], '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('runs.wait resolves with the final run whose result is unwrapped', async () => {
    const hot = await serve(async (_request, response, index) => {
      if (index === 0) return json(response, 200, envelope(run('running', null)));
      return stream(response, [
        runEvent('run:update', 'running', null),
        runEvent('run:update', 'succeeded', { $ok: { n: 1 } }),
      ]);
    });
    const final = await hot.runs.wait(MY_RUN, FAST);
    expect(final.status).toBe('succeeded');
    expect(final.result).toEqual({ n: 1 });
  });

  it('runs.wait of a run already final unwraps the result it read', async () => {
    const hot = await serve((_request, response) => json(response, 200, envelope(run('succeeded', { $ok: 'done' }))));
    await expect(hot.runs.wait(MY_RUN, FAST)).resolves.toMatchObject({ status: 'succeeded', result: 'done' });
  });

  it('runs.wait still fails with the $err message (failures are not unwrapped)', async () => {
    const hot = await serve(async (_request, response, index) => {
      if (index === 0) return json(response, 200, envelope(run('running', null)));
      return stream(response, [runEvent('run:update', 'failed', { $err: { message: 'Division by zero' } })]);
    });
    const error = await hot.runs.wait(MY_RUN, FAST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OperationFailedError);
    expect((error as Error).message).toBe('runs.subscribe: failed: Division by zero');
    expect((error as OperationFailedError).result).toMatchObject({ result: { $err: { message: 'Division by zero' } } });
  });

  it('events.publishAndWait resolves with the value inside $ok', async () => {
    const hot = await serve(async (request, response, index) => {
      if (index === 0) {
        expect(`${request.method} ${request.url}`).toBe('POST /v1/events');
        return json(
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
      }
      return stream(response, [
        runEvent('run:start', 'running', null),
        runEvent('run:stop', 'succeeded', { $ok: { welcomed: true } }),
      ]);
    });
    await expect(hot.events.publishAndWait({ event_type: 'user.signup', event_data: {} }, FAST)).resolves.toEqual({
      welcomed: true,
    });
  });

  it('stream events carry the unwrapped result', async () => {
    const hot = await serve((_request, response) =>
      stream(response, [runEvent('run:update', 'succeeded', { $ok: 42 })]),
    );
    const events: unknown[] = [];
    for await (const event of hot.runs.subscribe(MY_RUN, FAST)) events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'run:update', run: { result: 42 } });
  });
});
