// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * The message of a failed run, task or operation. The spec names where it is
 * (`x-specsmith-sse.result.failure.message`); those places are tried first.
 * Then the places APIs commonly use, on the failure's value and its `result`:
 * `error` (a string), `error.message`, `message`, `msg`, `reason`, or the
 * value itself when it is a plain string.
 */
import { nonEmpty } from './error-message.js';
import { getAtPointer } from './pointer.js';

/** Longest message taken from a server's failure; the full value stays on the error's `result`. */
export const MAX_FAILURE_MESSAGE = 2_000;

const COMMON_KEYS = ['error', 'message', 'msg', 'reason'] as const;

export function failureMessage(
  event: unknown,
  pointers: readonly string[],
  values: readonly unknown[],
): string | undefined {
  for (const pointer of pointers) {
    const found = nonEmpty(getAtPointer(event, pointer));
    if (found) return clip(found);
  }
  for (const value of values) {
    const found = commonMessage(value) ?? commonMessage(getAtPointer(value, '/result'));
    if (found) return clip(found);
  }
  return undefined;
}

function commonMessage(value: unknown): string | undefined {
  const plain = nonEmpty(value);
  if (plain) return plain;
  for (const key of COMMON_KEYS) {
    const found = nonEmpty(getAtPointer(value, [key]));
    if (found) return found;
    if (key === 'error') {
      const nested = nonEmpty(getAtPointer(value, ['error', 'message']));
      if (nested) return nested;
    }
  }
  return undefined;
}

function clip(message: string): string {
  return message.length > MAX_FAILURE_MESSAGE ? `${message.slice(0, MAX_FAILURE_MESSAGE)}…` : message;
}
