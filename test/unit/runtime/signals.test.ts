import { describe, expect, it } from 'vitest';
import { linkSignal, sleep } from '../../../generator/runtime/signals.js';
import { delay, rejectionOf } from './support.js';

describe('linkSignal', () => {
  it('aborts with reason "timeout" when the time passes', async () => {
    const linked = linkSignal(undefined, 10);
    expect(linked.signal.aborted).toBe(false);
    await delay(30);
    expect(linked.signal.aborted).toBe(true);
    expect(linked.reason()).toBe('timeout');
  });

  it('aborts with reason "user" and the caller reason when the caller aborts', () => {
    const controller = new AbortController();
    const linked = linkSignal(controller.signal, 1_000);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe(reason);
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
    expect(linked.signal.aborted).toBe(false);
    expect(linked.reason()).toBeUndefined();
  });

  it('has no timer for a missing, zero or infinite timeout', async () => {
    for (const timeout of [undefined, 0, Number.POSITIVE_INFINITY]) {
      const linked = linkSignal(undefined, timeout);
      await delay(5);
      expect(linked.signal.aborted).toBe(false);
    }
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
