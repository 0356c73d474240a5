/**
 * Nesting depth. Every later stage (validation, the model, openapi-typescript
 * and the TypeScript printer) walks the document recursively, so a document
 * nested thousands of levels deep would overflow the stack somewhere
 * downstream. It is measured here without recursion, and a document deeper
 * than the limit is refused before any recursive walker sees it. The limit is
 * what those stages are measured to survive with room to spare: schemas
 * nested 800 levels deep overflow openapi-typescript and the printer, 600
 * pass. Real APIs stay far below (the largest public specs nest under 40).
 */
import { appendPointer } from './json-pointer.js';

export const DEFAULT_MAX_DEPTH = 500;

/** How many leading segments of a too-deep pointer are shown: enough to find the node, not thousands of "/items". */
const SHOWN_SEGMENTS = 6;

interface Visit {
  node: object;
  depth: number;
  key: string;
  parent: Visit | undefined;
}

function pointerOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return appendPointer('', ...keys.reverse().slice(0, SHOWN_SEGMENTS));
}

/**
 * The pointer of the outer part (its first few segments) of the first node
 * deeper than `limit` (depth 0 is the root), or undefined when none is.
 */
export function firstTooDeep(root: unknown, limit: number = DEFAULT_MAX_DEPTH): string | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  // Shared nodes (YAML aliases, bundling) are revisited only when reached deeper than before.
  const deepest = new Map<object, number>();
  const stack: Visit[] = [{ node: root, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    if (visit.depth > limit) return pointerOf(visit);
    const seen = deepest.get(visit.node);
    if (seen !== undefined && seen >= visit.depth) continue;
    deepest.set(visit.node, visit.depth);
    const keys = Object.keys(visit.node);
    // Pushed in reverse so the first key is walked first: the pointer reported is the first in document order.
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index] as string;
      const value = (visit.node as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object')
        stack.push({ node: value, depth: visit.depth + 1, key, parent: visit });
    }
  }
  return undefined;
}
