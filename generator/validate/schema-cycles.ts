/**
 * Schemas made of themselves: `A: allOf [B, ...]` with `B: allOf [A, ...]`, or
 * `A: oneOf [B, string]` with `B: anyOf [A, number]`. A cycle that passes
 * only through `$ref`, `allOf`, `anyOf` and `oneOf` never reaches an object's
 * properties or an array's items, so the schemas have no finite shape, and
 * the TypeScript types of them would refer to themselves (TS2456/TS2502).
 * Cycles through properties or items (trees, linked lists) are fine and are
 * not reported; neither is a schema listed among its own `allOf`/`anyOf`/
 * `oneOf` members (`Loop: oneOf [null, Loop]`), which adds nothing and which
 * the schema step drops (generator/emit/schema-repairs.ts).
 */
import { appendPointer, getAtPointer, parsePointer } from '../load/json-pointer.js';
import { isObject } from '../model/schema-utils.js';

export interface SchemaCycleIssue {
  code: 'circular-schema';
  severity: 'error';
  pointer: string;
  message: string;
  hint: string;
  related?: string;
}

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Local `$ref` targets a schema is made of directly: its own `$ref` and those of its compositions' members, inline members followed. */
function eagerTargets(schema: unknown, own: string, depth = 0, top = true): string[] {
  if (!isObject(schema) || depth > 32) return [];
  const targets: string[] = [];
  if (typeof schema['$ref'] === 'string' && schema['$ref'].startsWith('#')) targets.push(schema['$ref']);
  for (const keyword of COMPOSITIONS) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      // A schema among its own top-level members adds nothing (A and A is A) and is dropped later.
      if (top && isObject(member) && member['$ref'] === own && Object.keys(member).length === 1) continue;
      targets.push(...eagerTargets(member, own, depth + 1, false));
    }
  }
  return targets;
}

function label(ref: string): string {
  return parsePointer(ref).at(-1) ?? ref;
}

/**
 * A cycle each of whose members is a plain `$ref` to the next: a reference
 * that never reaches a schema, which ref-cycles.ts reports (for references
 * anywhere in the document, not only among schemas), so it is not said twice.
 */
function onlyRefs(document: Record<string, unknown>, cycle: readonly string[]): boolean {
  return cycle.every((member, index) => {
    const node = getAtPointer(document, member);
    return isObject(node) && node['$ref'] === (cycle[index + 1] ?? cycle[0]);
  });
}

export function checkSchemaCycles(document: Record<string, unknown>): SchemaCycleIssue[] {
  const components = isObject(document['components']) ? document['components'] : {};
  const schemas = isObject(components['schemas']) ? components['schemas'] : {};
  const edges = new Map<string, string[]>();
  const targetsOf = (ref: string): string[] => {
    let targets = edges.get(ref);
    if (!targets) {
      targets = eagerTargets(getAtPointer(document, ref), ref);
      edges.set(ref, targets);
    }
    return targets;
  };
  const issues: SchemaCycleIssue[] = [];
  const reported = new Set<string>();
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (ref: string): void => {
    const at = path.indexOf(ref);
    if (at >= 0) {
      const cycle = path.slice(at);
      const key = [...cycle].sort().join('\n');
      if (!reported.has(key) && !onlyRefs(document, cycle)) {
        reported.add(key);
        issues.push({
          code: 'circular-schema',
          severity: 'error',
          pointer: cycle[0]?.slice(1) ?? '',
          message: `schema "${label(ref)}" is made of itself (${[...cycle, ref].map(label).join(' -> ')}) through $ref, allOf, anyOf or oneOf alone, with no property or array item in between: it has no finite shape and no TypeScript type`,
          hint: 'Move what the schemas share into a third schema that each refers to, or make the self-reference a property or array items.',
        });
      }
      return;
    }
    if (done.has(ref)) return;
    path.push(ref);
    for (const target of targetsOf(ref)) visit(target);
    path.pop();
    done.add(ref);
  };
  for (const name of Object.keys(schemas)) visit(appendPointer('#/components/schemas', name));
  return issues;
}
