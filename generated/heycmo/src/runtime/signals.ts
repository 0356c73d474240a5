// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/** AbortSignal plumbing that works on every runtime with fetch (no AbortSignal.any needed). */

export interface LinkedSignal {
  signal: AbortSignal;
  /** Why the linked signal fired: the caller's signal, or our own timeout. */
  reason(): 'user' | 'timeout' | undefined;
  /** Ends the timeout but keeps following the caller's signal (the caller now owns a body it reads at its own pace). */
  stopTimer(): void;
  dispose(): void;
}

/** One signal that aborts when the caller's signal aborts or `timeoutMs` passes. */
export function linkSignal(user: AbortSignal | undefined, timeoutMs: number | undefined): LinkedSignal {
  const controller = new AbortController();
  let why: 'user' | 'timeout' | undefined;
  const onAbort = (): void => {
    why ??= 'user';
    controller.abort(user?.reason);
  };
  if (user?.aborted) onAbort();
  else user?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          why ??= 'timeout';
          controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    reason: () => why,
    stopTimer() {
      if (timer !== undefined) clearTimeout(timer);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      user?.removeEventListener('abort', onAbort);
    },
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
