import { describe, expect, it } from 'vitest';
import { APIPromise, type APIResponse, type Exchange } from '../../../generator/runtime/api-promise.js';
import { delay, rejectionOf } from './support.js';

function exchange<T>(data: T, reads: { count: number; released?: number }): Promise<Exchange<T>> {
  const response = new Response('body', { status: 200, headers: { 'X-Request-ID': 'r1' } });
  return Promise.resolve({
    response,
    release: () => {
      reads.released = (reads.released ?? 0) + 1;
    },
    read: async (): Promise<APIResponse<T>> => {
      reads.count++;
      await response.text();
      return {
        data,
        response,
        status: 200,
        headers: response.headers,
        requestId: 'r1',
        rateLimit: undefined,
        attempts: 1,
      };
    },
  });
}

describe('APIPromise', () => {
  it('awaits to the data', async () => {
    await expect(new APIPromise(exchange({ a: 1 }, { count: 0 }))).resolves.toEqual({ a: 1 });
  });

  it('reads the body once however it is asked for', async () => {
    const reads = { count: 0 };
    const promise = new APIPromise(exchange('x', reads));
    const [first, second, data] = await Promise.all([promise.withResponse(), promise.withResponse(), promise]);
    expect(first).toBe(second);
    expect(data).toBe('x');
    expect(reads.count).toBe(1);
  });

  it('.asResponse() does not read the body, and releases it to the caller', async () => {
    const reads: { count: number; released?: number } = { count: 0 };
    const response = await new APIPromise(exchange('x', reads)).asResponse();
    expect(reads.count).toBe(0);
    expect(reads.released).toBe(1);
    expect(response.bodyUsed).toBe(false);
  });

  it('supports catch and finally', async () => {
    const failing = new APIPromise<string>(Promise.reject(new Error('boom')));
    expect(await failing.catch((error: unknown) => (error as Error).message)).toBe('boom');
    let ran = false;
    expect(
      await rejectionOf(new APIPromise<string>(Promise.reject(new Error('again'))).finally(() => (ran = true))),
    ).toBeInstanceOf(Error);
    expect(ran).toBe(true);
    expect(Object.prototype.toString.call(failing)).toBe('[object APIPromise]');
  });

  it('does not leave an unhandled rejection when a failed call is never observed', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      new APIPromise<string>(Promise.reject(new Error('unobserved')));
      await delay(10);
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
  });
});
