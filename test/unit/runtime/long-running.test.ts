import { describe, expect, it } from 'vitest';
import { waitForOperation } from '../../../generator/runtime/long-running.js';
import type { LongRunningDescriptor, OperationDescriptor } from '../../../generator/runtime/operation.js';
import {
  AbortError,
  delay,
  hang,
  InvalidRequestError,
  InvalidResponseError,
  json,
  makeCore,
  NotFoundError,
  OperationFailedError,
  rejectionOf,
  script,
  WaitTimeoutError,
  within,
  type Reply,
} from './support.js';

const getOperation: OperationDescriptor = {
  id: 'getOperation',
  method: 'get',
  path: '/operations/{operation_id}',
  pathParams: ['operation_id'],
  responses: { 200: { kind: 'json' } },
};
const getInstance: OperationDescriptor = {
  id: 'getInstance',
  method: 'get',
  path: '/instances/{instance_id}',
  pathParams: ['instance_id'],
  query: ['region'],
  responses: { 200: { kind: 'json', unwrap: '/data' } },
};

const LONG_RUNNING: LongRunningDescriptor = {
  status: 202,
  poll: () => getOperation,
  params: { operation_id: '/operation_id' },
  state: '/status',
  succeeded: ['succeeded'],
  failed: ['failed', 'cancelled'],
  error: '/error',
  result: { operation: () => getInstance, params: { instance_id: '/resource_id', region: '/meta/region' } },
};

const createInstance: OperationDescriptor = {
  id: 'createInstance',
  method: 'post',
  path: '/instances',
  body: { kind: 'json', type: 'application/json', flat: true, required: true },
  responses: { 201: { kind: 'json' }, 202: { kind: 'json' } },
  longRunning: LONG_RUNNING,
};

const accepted = (): Response => json(202, { operation_id: 'op-1', status: 'pending' });
const operation =
  (status: string, extra: Record<string, unknown> = {}): (() => Response) =>
  () =>
    json(200, { operation_id: 'op-1', status, ...extra });

/** The server: the create call, then the given poll answers (then any further replies). */
async function started(...replies: Reply[]) {
  const s = script(accepted(), ...replies);
  const core = makeCore(s.fetch);
  const op = await core.call<object>(createInstance, [], { name: 'box' });
  return { s, core, op };
}

describe('waitForOperation', () => {
  it('polls until the operation succeeds, then returns the result operation value', async () => {
    const { s, core, op } = await started(
      operation('pending'),
      operation('running'),
      operation('succeeded', { resource_id: 'inst-9', meta: { region: 'eu-west' } }),
      json(200, { data: { id: 'inst-9', name: 'box' } }),
    );
    const result = await waitForOperation(core, op, { interval: 5 });
    expect(result).toEqual({ id: 'inst-9', name: 'box' });
    const paths = s.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(paths).toEqual([
      'POST /v1/instances',
      'GET /v1/operations/op-1',
      'GET /v1/operations/op-1',
      'GET /v1/operations/op-1',
      'GET /v1/instances/inst-9',
    ]);
    expect(new URL(s.requests[4]?.url ?? '').searchParams.get('region')).toBe('eu-west');
  });

  it('returns the final operation object when there is no result operation', async () => {
    const { result: _, ...noResult } = LONG_RUNNING;
    const s = script(operation('running'), operation('succeeded', { output: 7 }));
    const core = makeCore(s.fetch);
    const final = await waitForOperation(core, { operation_id: 'op-1', status: 'pending' }, { interval: 5 }, noResult);
    expect(final).toEqual({ operation_id: 'op-1', status: 'succeeded', output: 7 });
    expect(s.requests).toHaveLength(2);
  });

  it('does not poll an operation that already succeeded', async () => {
    const s = script(json(200, { data: { id: 'inst-1' } }));
    const value = await waitForOperation(
      makeCore(s.fetch),
      { operation_id: 'op-1', status: 'succeeded', resource_id: 'inst-1' },
      { interval: 5 },
      LONG_RUNNING,
    );
    expect(value).toEqual({ id: 'inst-1' });
    expect(s.requests.map((request) => new URL(request.url).pathname)).toEqual(['/v1/instances/inst-1']);
  });

  it('throws operationFailed with the error message when the operation fails', async () => {
    const { s, core, op } = await started(
      operation('running'),
      operation('failed', { error: 'quota exceeded in eu-west' }),
    );
    const error = await rejectionOf(waitForOperation(core, op, { interval: 5 }));
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error).not.toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toContain('quota exceeded in eu-west');
    expect((error as Error).message).toContain('failed');
    expect((error as OperationFailedError).details.result).toEqual({
      operation_id: 'op-1',
      status: 'failed',
      error: 'quota exceeded in eu-west',
    });
    // no result fetch after a failure
    expect(s.requests).toHaveLength(3);
  });

  it('treats every listed failure state as terminal', async () => {
    const { core, op } = await started(operation('cancelled'));
    await expect(waitForOperation(core, op, { interval: 5 })).rejects.toBeInstanceOf(OperationFailedError);
  });

  it('throws waitTimeout when the deadline passes first', async () => {
    const { s, core, op } = await started(operation('running'));
    const startedAt = performance.now();
    const error = await rejectionOf(waitForOperation(core, op, { timeout: 60, interval: 10 }));
    const elapsed = performance.now() - startedAt;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).details.result).toMatchObject({ status: 'running' });
    expect(elapsed).toBeGreaterThanOrEqual(55);
    expect(elapsed).toBeLessThan(1_000);
    expect(s.requests.length).toBeGreaterThan(2);
  });

  it('throws the abort class when the signal aborts while waiting', async () => {
    const { core, op } = await started(operation('running'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const startedAt = performance.now();
    const error = await rejectionOf(waitForOperation(core, op, { interval: 1_000, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - startedAt).toBeLessThan(800);
  });

  it('passes the signal to the poll requests', async () => {
    const { s, core, op } = await started(hang);
    const controller = new AbortController();
    const pending = rejectionOf(waitForOperation(core, op, { interval: 5, signal: controller.signal }));
    await delay(40);
    expect(s.requests).toHaveLength(2);
    controller.abort();
    expect(await within(pending, 1_000, 'the aborted poll')).toBeInstanceOf(AbortError);
  });

  it('passes the signal to the result request too', async () => {
    const { s, core, op } = await started(operation('succeeded', { resource_id: 'inst-9' }), hang);
    const controller = new AbortController();
    const pending = rejectionOf(waitForOperation(core, op, { interval: 5, signal: controller.signal }));
    await delay(40);
    expect(s.requests.map((request) => new URL(request.url).pathname).at(-1)).toBe('/v1/instances/inst-9');
    controller.abort();
    expect(await within(pending, 1_000, 'the aborted result request')).toBeInstanceOf(AbortError);
  });

  it('uses the fallback spec for an object without the marker', async () => {
    const s = script(operation('succeeded', { resource_id: 'inst-3' }), json(200, { data: { id: 'inst-3' } }));
    const core = makeCore(s.fetch);
    const plain = { operation_id: 'op-1', status: 'pending' };
    await expect(waitForOperation(core, plain, { interval: 5 })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(s.requests).toHaveLength(0);
    await expect(waitForOperation(core, plain, { interval: 5 }, LONG_RUNNING)).resolves.toEqual({ id: 'inst-3' });
  });

  it('prefers the marker the client attached over the fallback', async () => {
    const { core, op } = await started(
      operation('succeeded', { resource_id: 'inst-9' }),
      json(200, { data: { id: 'inst-9' } }),
    );
    const wrongFallback: LongRunningDescriptor = { ...LONG_RUNNING, state: '/nope', succeeded: ['never'] };
    await expect(waitForOperation(core, op, { interval: 5, timeout: 200 }, wrongFallback)).resolves.toEqual({
      id: 'inst-9',
    });
  });

  it('marks only responses with the long-running status', async () => {
    const s = script(json(201, { operation_id: 'op-1', status: 'pending' }));
    const core = makeCore(s.fetch);
    const created = await core.call<object>(createInstance, [], { name: 'box' });
    await expect(waitForOperation(core, created, { interval: 5 })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('returns a resource the API finished at once (201) without a request', async () => {
    const s = script(json(201, { id: 'inst-1', name: 'box', status: { phase: 'Running' } }));
    const core = makeCore(s.fetch);
    const created = await core.call<object>(createInstance, [], { name: 'box' });
    await expect(waitForOperation(core, created, { interval: 5 }, [LONG_RUNNING])).resolves.toEqual({
      id: 'inst-1',
      name: 'box',
      status: { phase: 'Running' },
    });
    expect(s.requests).toHaveLength(1);
  });

  it('recognises an unmarked operation object by any of the known specs', async () => {
    const other: LongRunningDescriptor = { ...LONG_RUNNING, params: { job: '/job_id' } };
    const s = script(operation('succeeded', { resource_id: 'inst-3' }), json(200, { data: { id: 'inst-3' } }));
    const core = makeCore(s.fetch);
    await expect(
      waitForOperation(core, { operation_id: 'op-1', status: 'pending' }, { interval: 5 }, [
        undefined,
        other,
        LONG_RUNNING,
      ]),
    ).resolves.toEqual({ id: 'inst-3' });
    expect(s.requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/operations/op-1',
      '/v1/instances/inst-3',
    ]);
  });

  it.each([{}, { operation_id: null }, { operation_id: '' }])(
    'an unmarked value without a usable operation id (%j) is the finished resource',
    async (extra) => {
      const s = script();
      const value = { id: 'inst-2', status: 'pending', ...extra };
      await expect(waitForOperation(makeCore(s.fetch), value, { interval: 5 }, [LONG_RUNNING])).resolves.toBe(value);
      expect(s.requests).toHaveLength(0);
    },
  );

  it('a marked operation object without its operation id is an invalid response, not a finished resource', async () => {
    const s = script(json(202, { status: 'pending' }));
    const core = makeCore(s.fetch);
    const accepted202 = await core.call<object>(createInstance, [], { name: 'box' });
    const error = await rejectionOf(waitForOperation(core, accepted202, { interval: 5 }, [LONG_RUNNING]));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toContain('operation_id (at /operation_id)');
    expect(s.requests).toHaveLength(1);
  });

  it.each([null, 'op-1', 42])('refuses %j with InvalidRequestError', async (value) => {
    await expect(
      waitForOperation(makeCore(script().fetch), value as unknown as object, {}, [LONG_RUNNING]),
    ).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('passes a poll error through', async () => {
    const { core, op } = await started(json(404, { error: { message: 'operation expired' } }));
    await expect(waitForOperation(core, op, { interval: 5 })).rejects.toBeInstanceOf(NotFoundError);
  });
});
