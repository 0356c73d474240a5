/**
 * Whether an event settles a stream's result (`x-specsmith-sse.result`): a
 * success when it is the success event type and/or its state is one of the
 * success states; a failure likewise. Which run the event belongs to
 * (`x-specsmith-sse.match`) is the stream's business, not this module's.
 */
import type { SSEDescriptor, StateRule } from './operation.js';
import { getAtPointer } from './pointer.js';

export type Outcome = { kind: 'success' } | { kind: 'failure'; label: string };

export function outcomeOf(
  event: unknown,
  type: string | undefined,
  result: NonNullable<SSEDescriptor['result']>,
): Outcome | undefined {
  const { success, failure } = result;
  if (
    (success.event !== undefined || success.when) &&
    (success.event === undefined || success.event === type) &&
    (!success.when || stateIn(event, success.when))
  ) {
    return { kind: 'success' };
  }
  if (
    failure &&
    (failure.events !== undefined || failure.when) &&
    (failure.events === undefined || (type !== undefined && failure.events.includes(type))) &&
    (!failure.when || stateIn(event, failure.when))
  ) {
    // A state names the failure better than the event type that carried it (`failed` rather than `run:update`).
    const state = failure.when ? getAtPointer(event, failure.when.pointer) : undefined;
    return { kind: 'failure', label: state !== undefined ? String(state) : (type ?? 'failed') };
  }
  return undefined;
}

export function stateIn(event: unknown, rule: StateRule): boolean {
  const value = getAtPointer(event, rule.pointer);
  return (
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
    rule.values.includes(value)
  );
}

/** `value` placed at `pointer` of an empty object: a resource read on its own, shaped like the stream event that carries it. */
export function placeAt(value: unknown, segments: readonly string[]): unknown {
  let node: unknown = value;
  for (const segment of [...segments].reverse()) {
    const parent = Object.create(null) as Record<string, unknown>;
    parent[segment] = node;
    node = parent;
  }
  return node;
}
