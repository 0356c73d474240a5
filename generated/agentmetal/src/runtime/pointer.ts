// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/** RFC 6901 JSON pointers, the way `x-specsmith-*` extensions locate values in bodies. */

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!body.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer (it must start with "/")`);
  return body
    .slice(1)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `pointer` inside `root`, or undefined when any step is missing. */
export function getAtPointer(root: unknown, pointer: string | readonly string[]): unknown {
  const segments = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  let node = root;
  for (const segment of segments) {
    // Own properties only: a server's JSON without a `constructor` member has no value there.
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Values by name, each read from `source` at its pointer. */
export function valuesAt(source: unknown, pointers: Readonly<Record<string, string>>): Record<string, unknown> {
  const values = Object.create(null) as Record<string, unknown>;
  for (const [name, pointer] of Object.entries(pointers)) values[name] = getAtPointer(source, pointer);
  return values;
}
