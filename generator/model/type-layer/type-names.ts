/**
 * The exported type and class names of a package: seeded with every reserved
 * name (reserved-names.ts) and the client's own, then claimed in a fixed order
 * (schemas, resource classes, operation types, webhook events), so names are
 * deterministic.
 */
import { NameScope } from '../naming.js';
import { clientTypeNames, RENAME_SUFFIXES, RESERVED_TYPE_NAMES } from '../reserved-names.js';
import type { Rename } from '../types.js';

export class TypeNames {
  readonly #scope: NameScope;
  readonly #renames: Rename[] = [];

  constructor(client: string) {
    this.#scope = new NameScope([...RESERVED_TYPE_NAMES, ...clientTypeNames(client)]);
  }

  /**
   * An exported type name. A wanted name that is reserved (a global, a runtime
   * export) gets a suffix (`Promise` -> `PromiseSchema`); one taken by an earlier
   * spec name gets the alternatives, then a number. Every rename is recorded.
   */
  claim(subject: string, wanted: string, ...alternatives: string[]): string {
    const reserved = RESERVED_TYPE_NAMES.has(wanted);
    const name = this.#scope.claim(
      wanted,
      ...alternatives,
      ...(reserved ? RENAME_SUFFIXES.map((suffix) => `${wanted}${suffix}`) : []),
    );
    if (name !== wanted) this.#renames.push({ subject, wanted, name, reason: reserved ? 'reserved' : 'taken' });
    return name;
  }

  /** The renames so far, as a copy. */
  renames(): Rename[] {
    return [...this.#renames];
  }
}
