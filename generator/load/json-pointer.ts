/** RFC 6901 JSON pointers: escaping, parsing and lookup. */

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `appendPointer('/paths', '/v1/x', 'get')` is `/paths/~1v1~1x/get`. */
export function appendPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (!body.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer (it must start with "/")`);
  return body
    .slice(1)
    .split('/')
    .map((segment) => unescapeSegment(decodeURIComponent(segment)));
}

/** The value at `pointer` inside `root`, or undefined when any step is missing. */
export function getAtPointer(root: unknown, pointer: string | string[]): unknown {
  const segments = typeof pointer === 'string' ? parsePointer(pointer) : pointer;
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
