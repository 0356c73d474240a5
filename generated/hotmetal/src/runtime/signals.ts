// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/** AbortSignal plumbing that works on every runtime with fetch (no AbortSignal.any needed). */

export interface LinkedSignal {
  /**
   * The signal fetch follows: the attempt's own (aborted by the caller's signal
   * or the timeout), the caller's signal itself when there is no timeout, or
   * undefined when nothing can abort the attempt. Fetch does measurable work
   * for any signal it is given (it links the Request's own signal to it), so
   * none is made where none can fire.
   */
  readonly signal: AbortSignal | undefined;
  /** Why the attempt was aborted: the caller's signal, or our own timeout. */
  reason(): 'user' | 'timeout' | undefined;
  /** Ends the timeout but keeps following the caller's signal (the caller now owns a body it reads at its own pace). */
  stopTimer(): void;
  dispose(): void;
  /**
   * `work`, or a rejection with the abort reason as soon as the attempt aborts.
   * A fetch may miss the abort: Node's Request follows its init signal through
   * a WeakRef, so once the Request's own controller is garbage-collected the
   * abort is dropped, and a custom fetch may ignore signals altogether. The
   * timeout and the caller's signal end the call regardless; a response that
   * arrives later has its body cancelled.
   */
  race<T extends { response: Response }>(work: Promise<T>): Promise<T>;
}

/** The timer's callback: a plain function with the attempt as its argument, so arming a timer allocates no closure. */
function expire(attempt: AttemptSignal): void {
  attempt.expire();
}

function cancelLate(late: { response: Response }): void {
  void late.response.body?.cancel().catch(() => undefined);
}

/** One attempt's abort state. It is its own abort listener (`handleEvent`), so following the caller's signal allocates no closure either. */
class AttemptSignal implements LinkedSignal {
  readonly signal: AbortSignal | undefined;
  readonly #controller: AbortController | undefined;
  readonly #user: AbortSignal | undefined;
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #why: 'user' | 'timeout' | undefined;
  #abortReason: unknown;
  /** Rejects the pending race(), if any. */
  #reject: ((reason: unknown) => void) | undefined;

  constructor(user: AbortSignal | undefined, timeoutMs: number | undefined) {
    this.#user = user;
    const timed = typeof timeoutMs === 'number' && timeoutMs > 0 && Number.isFinite(timeoutMs);
    this.#timeoutMs = timed ? timeoutMs : 0;
    // Without a timeout only the caller's signal can end the attempt, and fetch can follow it directly.
    this.#controller = timed ? new AbortController() : undefined;
    this.signal = this.#controller ? this.#controller.signal : user;
    if (user?.aborted) {
      this.#abort('user', user.reason);
      return;
    }
    user?.addEventListener('abort', this, { once: true });
    if (timed) this.#timer = setTimeout(expire, timeoutMs, this);
  }

  /** The caller's signal aborted. */
  handleEvent(): void {
    this.#abort('user', this.#user?.reason);
  }

  expire(): void {
    this.#abort('timeout', new Error(`timed out after ${this.#timeoutMs} ms`));
  }

  #abort(why: 'user' | 'timeout', reason: unknown): void {
    if (this.#why !== undefined) return;
    this.#why = why;
    this.#abortReason = reason;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#user?.removeEventListener('abort', this);
    this.#controller?.abort(reason);
    const reject = this.#reject;
    this.#reject = undefined;
    reject?.(reason);
  }

  reason(): 'user' | 'timeout' | undefined {
    return this.#why;
  }

  stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  dispose(): void {
    this.stopTimer();
    this.#user?.removeEventListener('abort', this);
    this.#reject = undefined;
  }

  race<T extends { response: Response }>(work: Promise<T>): Promise<T> {
    if (this.#why !== undefined) {
      work.then(cancelLate, () => undefined);
      return Promise.reject(this.#abortReason);
    }
    if (this.signal === undefined) return work;
    return new Promise<T>((resolve, reject) => {
      this.#reject = reject;
      work.then(
        (result) => {
          if (this.#why !== undefined) return cancelLate(result);
          this.#reject = undefined;
          resolve(result);
        },
        (error: unknown) => {
          if (this.#why !== undefined) return;
          this.#reject = undefined;
          reject(error);
        },
      );
    });
  }
}

/** The abort state of one attempt: the caller's signal and `timeoutMs` (none when missing, 0 or infinite). */
export function linkSignal(user: AbortSignal | undefined, timeoutMs: number | undefined): LinkedSignal {
  return new AttemptSignal(user, timeoutMs);
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
