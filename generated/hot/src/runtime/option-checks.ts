// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Checks on the options a caller passes to the client or to one call. A wrong
 * type here would otherwise surface far from its cause: a `signal` that is not
 * an AbortSignal as a TypeError inside fetch, a string `timeout` as a timer
 * that never fires, a negative `maxRetries` as a call that is never sent. Each
 * check returns the problem to report (naming the option, never its value), or
 * undefined when the options are fine; the caller throws the package's error.
 */

type Check = (value: unknown) => string | undefined;

const nonNegativeNumber: Check = (value) =>
  typeof value === 'number' && !Number.isNaN(value) && value >= 0 ? undefined : 'must be a number of at least 0';
const positiveNumber: Check = (value) =>
  typeof value === 'number' && !Number.isNaN(value) && value > 0 ? undefined : 'must be a number greater than 0';
const count: Check = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? undefined
    : 'must be a whole number of at least 0';
const record: Check = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? undefined
    : 'must be an object of header names to values';
const fn: Check = (value) => (typeof value === 'function' ? undefined : 'must be a function');
const object: Check = (value) => (value !== null && typeof value === 'object' ? undefined : 'must be an object');

/** An AbortSignal, by shape: signals from another realm or a polyfill are not `instanceof` the platform's class. */
const signal: Check = (value) => {
  const candidate = value as { aborted?: unknown; addEventListener?: unknown; removeEventListener?: unknown } | null;
  return candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.aborted === 'boolean' &&
    typeof candidate.addEventListener === 'function' &&
    typeof candidate.removeEventListener === 'function'
    ? undefined
    : 'must be an AbortSignal';
};

const REQUEST_OPTIONS: Readonly<Record<string, Check>> = {
  signal,
  timeout: nonNegativeNumber,
  maxRetries: count,
  headers: record,
  maxResponseBytes: positiveNumber,
};
const CLIENT_OPTIONS: Readonly<Record<string, Check>> = {
  timeout: nonNegativeNumber,
  maxRetries: count,
  retryBudget: nonNegativeNumber,
  fetch: fn,
  headers: record,
  hooks: object,
  maxResponseBytes: positiveNumber,
};

function firstProblem(options: unknown, checks: Readonly<Record<string, Check>>, what: string): string | undefined {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== 'object') return `${what} must be an object`;
  for (const name in checks) {
    // Own properties only: an option is what the caller wrote, never something inherited.
    if (!Object.hasOwn(options, name)) continue;
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) continue;
    const problem = checks[name]?.(value);
    if (problem) return `${what}.${name} ${problem}`;
  }
  return undefined;
}

/** A call's options (`{ signal, timeout, maxRetries, headers, maxResponseBytes }`). */
export function requestOptionsProblem(options: unknown): string | undefined {
  return firstProblem(options, REQUEST_OPTIONS, 'options');
}

/** The client's constructor options. */
export function clientOptionsProblem(options: unknown): string | undefined {
  return firstProblem(options, CLIENT_OPTIONS, 'options');
}
