import { describe, expect, it } from 'vitest';
import { linkSignal, sleep } from '../../../generator/runtime/signals.js';
import { delay, rejectionOf } from './support.js';

describe('linkSignal', () => {
  it('aborts with reason "timeout" when the time passes', async () => {
    const linked = linkSignal(undefined, 10);
    expect(linked.signal?.aborted).toBe(false);
    await delay(30);
    expect(linked.signal?.aborted).toBe(true);
    expect(linked.reason()).toBe('timeout');
  });

  it('aborts with reason "user" and the caller reason when the caller aborts', () => {
    const controller = new AbortController();
    const linked = linkSignal(controller.signal, 1_000);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(linked.signal?.aborted).toBe(true);
    expect(linked.signal?.reason).toBe(reason);
    expect(linked.reason()).toBe('user');
    linked.dispose();
  });

  it('starts aborted when the caller signal already is', () => {
    const controller = new AbortController();
    controller.abort();
    expect(linkSignal(controller.signal, undefined).reason()).toBe('user');
  });

  it('keeps the first reason', async () => {
    const controller = new AbortController();
    const linked = linkSignal(controller.signal, 5);
    await delay(20);
    controller.abort();
    expect(linked.reason()).toBe('timeout');
  });

  it('dispose() stops both the timer and the link to the caller', async () => {
    const controller = new AbortController();
    const linked = linkSignal(controller.signal, 10);
    linked.dispose();
    await delay(30);
    controller.abort();
    expect(linked.signal?.aborted).toBe(false);
    expect(linked.reason()).toBeUndefined();
  });

  it('makes no signal for a missing, zero or infinite timeout without a caller signal', async () => {
    for (const timeout of [undefined, 0, Number.POSITIVE_INFINITY]) {
      const linked = linkSignal(undefined, timeout);
      await delay(5);
      expect(linked.signal).toBeUndefined();
      expect(linked.reason()).toBeUndefined();
    }
  });

  it("hands fetch the caller's own signal when there is no timeout, and still reports the abort as the caller's", () => {
    const controller = new AbortController();
    const linked = linkSignal(controller.signal, 0);
    expect(linked.signal).toBe(controller.signal);
    controller.abort();
    expect(linked.reason()).toBe('user');
  });
});

describe('LinkedSignal.race', () => {
  const never = (): Promise<{ response: Response }> => new Promise(() => undefined);

  it('rejects with the timeout reason when the work outlives the timeout', async () => {
    const linked = linkSignal(undefined, 10);
    const error = await rejectionOf(linked.race(never()));
    expect((error as Error).message).toBe('timed out after 10 ms');
    expect(linked.reason()).toBe('timeout');
  });

  it("rejects with the caller's reason when the caller aborts, with or without a timeout", async () => {
    for (const timeout of [0, 1_000]) {
      const controller = new AbortController();
      const linked = linkSignal(controller.signal, timeout);
      const pending = linked.race(never());
      const reason = new Error('stop');
      controller.abort(reason);
      expect(await rejectionOf(pending)).toBe(reason);
      linked.dispose();
    }
  });

  it('resolves with the work when it finishes first, and a later timeout no longer matters', async () => {
    const linked = linkSignal(undefined, 20);
    const response = new Response('ok');
    const result = await linked.race(Promise.resolve({ response }));
    expect(result.response).toBe(response);
    linked.dispose();
    await delay(40);
    expect(linked.reason()).toBeUndefined();
  });

  it('rejects at once when already aborted, and cancels the body of a response that arrives late', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const linked = linkSignal(controller.signal, 1_000);
    let cancelled = false;
    const body = new ReadableStream({ cancel: () => void (cancelled = true) });
    const error = await rejectionOf(linked.race(Promise.resolve({ response: new Response(body) })));
    expect((error as Error).message).toBe('gone');
    await delay(5);
    expect(cancelled).toBe(true);
  });
});

describe('sleep', () => {
  it('resolves after the time', async () => {
    const started = performance.now();
    await sleep(30);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled');
    setTimeout(() => controller.abort(reason), 10);
    const started = performance.now();
    expect(await rejectionOf(sleep(5_000, controller.signal))).toBe(reason);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects at once for an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort('already');
    expect(await rejectionOf(sleep(5_000, controller.signal))).toBe('already');
  });
});
