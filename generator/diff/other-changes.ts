/**
 * The fallback when the rules found nothing but the documents differ: the
 * first few places they differ (an extension, an example, a schema's
 * description), so a release of such a spec still says what changed.
 */
import { appendPointer } from '../load/json-pointer.js';
import { isObject } from '../model/schema-utils.js';

/** Pointers of the differing values, depth first in key order, at most `limit`. */
export function differingPointers(
  before: unknown,
  after: unknown,
  limit: number,
  at = '',
  found: string[] = [],
): string[] {
  if (found.length >= limit || JSON.stringify(before) === JSON.stringify(after)) return found;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) differingPointers(before[key], after[key], limit, appendPointer(at, key), found);
    return found;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, index) => differingPointers(item, after[index], limit, appendPointer(at, index), found));
    return found;
  }
  found.push(at);
  return found;
}
