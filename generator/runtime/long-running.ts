/**
 * Waiting for a long-running operation (`x-specsmith-long-running`): poll the
 * status operation with growing intervals until a terminal state or the
 * deadline, then return the finished resource (or the operation object when
 * there is no resource to fetch), or throw a typed error.
 */
import type { RequestOptions } from './config.js';
import { LONG_RUNNING, type ClientCore } from './core.js';
import { operationLabel, paramsOf, pathArgsOf, type LongRunningDescriptor } from './operation.js';
import { getAtPointer, valuesAt } from './pointer.js';
import { redactValue } from './redact.js';
import { sleep } from './signals.js';

/** Marks (in types only) what waiting for an operation object yields. */
export declare const waitResult: unique symbol;
/** An operation object that `waitFor()` turns into `Result`. */
export type LongRunning<Operation, Result> = Operation & { readonly [waitResult]?: Result };
/** What `waitFor(operation)` resolves to: the marked result, else the operation object itself. */
export type WaitResult<T> = T extends { readonly [waitResult]?: infer Result }
  ? unknown extends Result
    ? T
    : Result
  : T;

export interface WaitOptions {
  /** Give up after this many milliseconds (default 10 minutes). */
  timeout?: number;
  signal?: AbortSignal;
  /** First polling interval in milliseconds (default 1 000); it grows 1.5x per poll up to 15 000. */
  interval?: number;
  /** Options for each poll request. */
  request?: RequestOptions;
}

/** Whether `value` carries every value the poll operation needs, i.e. is an operation object of `spec`. */
function isOperationOf(spec: LongRunningDescriptor, value: object): boolean {
  return Object.values(valuesAt(value, spec.params)).every(
    (param) => param !== undefined && param !== null && param !== '',
  );
}

/**
 * The spec to poll `value` by, or undefined when `value` is not an operation
 * but the finished resource: an API that may answer either (201 with the
 * resource, 202 with an operation) hands `waitFor()` either.
 */
function specOf(
  core: ClientCore,
  value: object,
  candidates: readonly LongRunningDescriptor[],
): LongRunningDescriptor | undefined {
  const marked = (value as { [LONG_RUNNING]?: LongRunningDescriptor })[LONG_RUNNING];
  if (marked) {
    if (isOperationOf(marked, value)) return marked;
    const poll = marked.poll();
    throw new core.errors.invalidResponse({
      message: `${operationLabel(poll)}: the operation object has no ${Object.entries(marked.params)
        .map(([name, pointer]) => `${name} (at ${pointer})`)
        .join(', ')} to poll it by`,
      status: marked.status,
      raw: JSON.stringify(value),
      headers: new Headers(),
      requestId: undefined,
      operationId: poll.id,
    });
  }
  // An unmarked object (restored from storage, say) is an operation when it has what a poll needs.
  if (candidates.length === 0)
    throw new core.errors.invalidRequest('waitFor() needs an operation object returned by this client');
  return candidates.find((spec) => isOperationOf(spec, value));
}

/**
 * Waits for `value`: an operation object is polled to its end; anything else
 * (a resource the API returned at once) is already finished and returned as
 * it is. `known` are the client's long-running specs, for unmarked objects.
 */
export async function waitForOperation(
  core: ClientCore,
  value: object,
  options: WaitOptions = {},
  known?: LongRunningDescriptor | readonly (LongRunningDescriptor | undefined)[],
): Promise<unknown> {
  if (value === null || typeof value !== 'object')
    throw new core.errors.invalidRequest(`waitFor() needs an object (got ${value === null ? 'null' : typeof value})`);
  const candidates = (Array.isArray(known) ? known : [known]).filter(
    (spec): spec is LongRunningDescriptor => spec !== undefined,
  );
  const spec = specOf(core, value, candidates);
  if (!spec) return value;
  const poll = spec.poll();
  const deadline = Date.now() + (options.timeout ?? 600_000);
  let interval = options.interval ?? 1_000;
  let current: unknown = value;
  // The wait's signal covers every request it makes: the polls and the final result fetch.
  const request: RequestOptions = { ...options.request, signal: options.signal ?? options.request?.signal };
  for (;;) {
    const state = getAtPointer(current, spec.state);
    if (typeof state === 'string' && spec.succeeded.includes(state)) break;
    if (typeof state === 'string' && spec.failed.includes(state)) {
      const reason = spec.error ? getAtPointer(current, spec.error) : undefined;
      // State, reason and the operation object come from the server: the error keeps redacted copies.
      throw new core.errors.operationFailed(
        core.redact(
          `${operationLabel(poll)}: the operation ended ${String(state)}${typeof reason === 'string' && reason ? `: ${reason}` : ''}`,
        ),
        { operationId: poll.id, result: redactValue(current, core.secrets()) },
      );
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new core.errors.waitTimeout(
        core.redact(
          `${operationLabel(poll)}: the operation was still ${String(state)} when the wait timed out after ${options.timeout ?? 600_000} ms`,
        ),
        { operationId: poll.id, result: redactValue(current, core.secrets()) },
      );
    }
    try {
      await sleep(Math.min(interval, remaining), request.signal);
    } catch (cause) {
      throw new core.errors.abort({
        operationId: poll.id,
        attempts: 0,
        cause,
        message: `${operationLabel(poll)}: waiting was aborted`,
      });
    }
    interval = Math.min(interval * 1.5, 15_000);
    const values = valuesAt(current, spec.params);
    current = await core.call<unknown>(poll, pathArgsOf(poll, values), paramsOf(poll.query, values), request);
  }
  if (!spec.result) return current;
  const resultOp = spec.result.operation();
  const values = valuesAt(current, spec.result.params);
  return core.call<unknown>(resultOp, pathArgsOf(resultOp, values), paramsOf(resultOp.query, values), request);
}
