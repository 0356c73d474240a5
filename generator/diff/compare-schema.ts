/**
 * Compares two schemas in the direction data flows. A request schema may
 * accept more (wider types, more enum values, looser limits, fewer required
 * fields) without breaking callers; a response schema may promise more (fewer
 * types, fewer values, more required fields). The opposite breaks them
 * (the robustness argument of RFC 9110 §16.3 and oasdiff's checkers).
 * Recursion follows properties and array items; a pair of schemas already
 * compared is not compared again, so recursive schemas end.
 */
import type { Json } from '../model/schema-utils.js';
import type { ChangeLog } from './change.js';
import type { RuleId } from './rules.js';
import {
  admits,
  enumOf,
  itemsOf,
  LOWER_LIMITS,
  objectFacts,
  sameValue,
  typeSet,
  UPPER_LIMITS,
  type At,
} from './schema-facts.js';

export interface SchemaPair {
  oldDoc: Json;
  newDoc: Json;
  log: ChangeLog;
  subject: string;
  direction: 'request' | 'response';
  /** Pairs already compared (old pointer, new pointer, direction). */
  visited: Set<string>;
}

/** Where a value sits: a parameter's name, or a field's path in a body (`owner.name`, `tags[]`; empty for the body itself). */
export interface ValuePath {
  name: string;
  parameter: boolean;
}

function display(pair: SchemaPair, what: ValuePath): string {
  if (what.name === '') return pair.direction === 'request' ? 'request body' : 'response body';
  return `${what.parameter ? 'parameter' : 'field'} "${what.name}"`;
}

function child(what: ValuePath, segment: string): ValuePath {
  return {
    name: what.name === '' ? segment : segment === '[]' ? `${what.name}[]` : `${what.name}.${segment}`,
    parameter: what.parameter,
  };
}

export function compareSchema(pair: SchemaPair, oldAt: At, newAt: At, what: ValuePath): void {
  const key = `${oldAt.pointer}\u0000${newAt.pointer}\u0000${pair.direction}\u0000${what.parameter}`;
  if (pair.visited.has(key)) return;
  pair.visited.add(key);
  const { log, subject } = pair;
  const pointers = { old: oldAt.pointer, new: newAt.pointer };
  const request = pair.direction === 'request';
  const rule = (request: string, suffix: string): RuleId => `${request}-${suffix}` as RuleId;
  const prefix = request ? (what.parameter ? 'request-parameter' : 'request-property') : 'response-property';
  const label = display(pair, what);

  const oldTypes = typeSet(pair.oldDoc, oldAt);
  const newTypes = typeSet(pair.newDoc, newAt);
  if (oldTypes.size > 0 && newTypes.size > 0 && !sameValue([...oldTypes].sort(), [...newTypes].sort())) {
    const wider = admits(newTypes, oldTypes);
    const narrower = admits(oldTypes, newTypes);
    const describe = `${label}: type ${[...oldTypes].sort().join('|')} -> ${[...newTypes].sort().join('|')}`;
    if (wider && !narrower) log.add(rule(prefix, 'type-widened'), { subject, message: describe, ...pointers });
    else if (narrower && !wider) log.add(rule(prefix, 'type-narrowed'), { subject, message: describe, ...pointers });
    else log.add(rule(prefix, 'type-changed'), { subject, message: describe, ...pointers });
  }

  const oldEnum = enumOf(pair.oldDoc, oldAt);
  const newEnum = enumOf(pair.newDoc, newAt);
  if (oldEnum && newEnum) {
    const has = (values: unknown[], value: unknown): boolean => values.some((candidate) => sameValue(candidate, value));
    for (const value of newEnum.values) {
      if (has(oldEnum.values, value)) continue;
      const id: RuleId = request
        ? rule(prefix, 'enum-value-added')
        : newEnum.open
          ? 'response-open-enum-value-added'
          : 'response-property-enum-value-added';
      log.add(id, { subject, message: `${label}: value ${JSON.stringify(value)} added`, ...pointers });
    }
    for (const value of oldEnum.values) {
      if (!has(newEnum.values, value))
        log.add(rule(prefix, 'enum-value-removed'), {
          subject,
          message: `${label}: value ${JSON.stringify(value)} removed`,
          ...pointers,
        });
    }
  }

  if (request) compareLimits(pair, oldAt, newAt, label, prefix);

  const bothObjects =
    (oldTypes.has('object') || oldTypes.size === 0) && (newTypes.has('object') || newTypes.size === 0);
  if (bothObjects) compareProperties(pair, oldAt, newAt, what);
  if (oldTypes.has('array') && newTypes.has('array')) {
    const oldItems = itemsOf(pair.oldDoc, oldAt);
    const newItems = itemsOf(pair.newDoc, newAt);
    if (oldItems && newItems) compareSchema(pair, oldItems, newItems, child(what, '[]'));
  }
}

function compareLimits(pair: SchemaPair, oldAt: At, newAt: At, label: string, prefix: string): void {
  const limit = (at: At, name: string): number | undefined =>
    typeof at.schema[name] === 'number' ? (at.schema[name] as number) : undefined;
  const report = (narrowed: boolean, name: string, before: unknown, after: unknown): void => {
    const shown = (value: unknown): string =>
      value === undefined ? 'none' : typeof value === 'string' ? JSON.stringify(value) : String(value);
    const message = `${label}: ${name} ${shown(before)} -> ${shown(after)}`;
    pair.log.add(`${prefix}-constraint-${narrowed ? 'narrowed' : 'widened'}` as RuleId, {
      subject: pair.subject,
      message,
      old: oldAt.pointer,
      new: newAt.pointer,
    });
  };
  for (const name of UPPER_LIMITS) {
    const before = limit(oldAt, name);
    const after = limit(newAt, name);
    if (before === after) continue;
    report(after !== undefined && (before === undefined || after < before), name, before, after);
  }
  for (const name of LOWER_LIMITS) {
    const before = limit(oldAt, name);
    const after = limit(newAt, name);
    if (before === after) continue;
    report(after !== undefined && (before === undefined || after > before), name, before, after);
  }
  const oldPattern = oldAt.schema['pattern'];
  const newPattern = newAt.schema['pattern'];
  // Whether one regular expression accepts everything another does is not decidable in general: a new or
  // changed pattern may reject values the old one took; only a removed pattern surely accepts more.
  if (oldPattern !== newPattern) {
    if (newPattern === undefined) report(false, 'pattern', oldPattern, newPattern);
    else
      pair.log.add(`${prefix}-pattern-changed` as RuleId, {
        subject: pair.subject,
        message: `${label}: pattern ${oldPattern === undefined ? 'none' : JSON.stringify(oldPattern)} -> ${JSON.stringify(newPattern)}`,
        old: oldAt.pointer,
        new: newAt.pointer,
      });
  }
}

function compareProperties(pair: SchemaPair, oldAt: At, newAt: At, what: ValuePath): void {
  const request = pair.direction === 'request';
  // A request never carries readOnly fields; a response never carries writeOnly ones (OpenAPI 3.1 §4.8.24.1).
  const hidden = request ? 'readOnly' : 'writeOnly';
  const visible = (facts: ReturnType<typeof objectFacts>): Map<string, At> =>
    new Map([...facts.properties].filter(([, at]) => at.schema[hidden] !== true));
  const oldFacts = objectFacts(pair.oldDoc, oldAt);
  const newFacts = objectFacts(pair.newDoc, newAt);
  const oldProps = visible(oldFacts);
  const newProps = visible(newFacts);
  // Inside a parameter or a body every nested value is a field.
  const path = (name: string): ValuePath => ({ ...child(what, name), parameter: false });
  const field = (name: string): string => display(pair, path(name));
  const { log, subject } = pair;
  // An added, removed or re-required field is reported where it is declared, not at the component it names.
  const written = (at: At): string => at.declared ?? at.pointer;
  for (const [name, at] of newProps) {
    const before = oldProps.get(name);
    const required = newFacts.required.has(name);
    if (!before) {
      if (request)
        log.add(required ? 'new-required-request-property' : 'new-optional-request-property', {
          subject,
          message: `${field(name)} added`,
          old: oldAt.pointer,
          new: written(at),
        });
      else
        log.add('response-property-added', {
          subject,
          message: `${field(name)} added`,
          old: oldAt.pointer,
          new: written(at),
        });
      continue;
    }
    const wasRequired = oldFacts.required.has(name);
    if (wasRequired !== required) {
      const id: RuleId = request
        ? required
          ? 'request-property-became-required'
          : 'request-property-became-optional'
        : required
          ? 'response-property-became-required'
          : 'response-property-became-optional';
      log.add(id, {
        subject,
        message: `${field(name)} became ${required ? 'required' : 'optional'}`,
        old: written(before),
        new: written(at),
      });
    }
    compareSchema(pair, before, at, path(name));
  }
  for (const [name, at] of oldProps) {
    if (newProps.has(name)) continue;
    log.add(request ? 'request-property-removed' : 'response-property-removed', {
      subject,
      message: `${field(name)} removed`,
      old: written(at),
      new: newAt.pointer,
    });
  }
}
