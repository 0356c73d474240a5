// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * A set of the most recent keys, bounded so a stream that runs for days (or a
 * server that sends endless distinct ids) cannot grow it without limit. The
 * oldest key is forgotten first; a Set iterates in insertion order.
 */
export const DEFAULT_RECENT_KEYS = 10_000;

export class RecentKeys {
  readonly #max: number;
  readonly #keys = new Set<string>();

  constructor(max = DEFAULT_RECENT_KEYS) {
    this.#max = Math.max(1, max);
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Remembers `key`; true when it was not remembered yet. */
  add(key: string): boolean {
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    if (this.#keys.size > this.#max) {
      const oldest = this.#keys.values().next();
      if (!oldest.done) this.#keys.delete(oldest.value);
    }
    return true;
  }

  get size(): number {
    return this.#keys.size;
  }
}

/**
 * A short fingerprint of an event's text (two 32-bit FNV-1a hashes), so the
 * set of events already seen does not hold copies of large payloads. A
 * collision only makes one event look like a repeat when counting progress.
 */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length}`;
}
