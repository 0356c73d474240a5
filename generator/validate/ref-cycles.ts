/**
 * `$ref` chains that never reach a value: `A: {$ref: B}`, `B: {$ref: A}` (or
 * `A: {$ref: A}`). A schema may refer to itself through a property (a tree),
 * but a reference whose target is, in the end, the reference itself has no
 * meaning (JSON Schema 2020-12 section 8.2.3.1 resolves a reference to a
 * schema, and here there is none). openapi-typescript would die on it with
 * "Self-referencing circular pointer", so it is reported first.
 */
import { getAtPointer } from '../load/json-pointer.js';
import { isObject } from '../model/schema-utils.js';

export interface RefCycle {
  /** The pointers of the nodes in the cycle, in the order they refer to each other, starting at the first met. */
  members: string[];
}

function refOf(node: unknown): string | undefined {
  return isObject(node) && typeof node['$ref'] === 'string' && node['$ref'].startsWith('#/') ? node['$ref'] : undefined;
}

function lookup(document: Record<string, unknown>, ref: string): unknown {
  try {
    return getAtPointer(document, ref);
  } catch {
    return undefined; // reported as an invalid reference elsewhere
  }
}

/**
 * Every cycle reached from the internal references at `refs` (pointer of the
 * referring node -> its `$ref`), each reported once.
 */
export function findRefCycles(
  document: Record<string, unknown>,
  refs: ReadonlyArray<{ pointer: string; ref: string }>,
): RefCycle[] {
  const cycles: RefCycle[] = [];
  /** Targets already known to end in a value or in a reported cycle. */
  const settled = new Set<string>();
  for (const start of refs) {
    const chain: string[] = [];
    const position = new Map<string, number>();
    let ref: string | undefined = start.ref;
    while (ref !== undefined && !settled.has(ref)) {
      const at = position.get(ref);
      if (at !== undefined) {
        cycles.push({ members: chain.slice(at).map((target) => target.slice(1)) });
        break;
      }
      position.set(ref, chain.length);
      chain.push(ref);
      ref = refOf(lookup(document, ref));
    }
    for (const target of chain) settled.add(target);
  }
  return cycles;
}
