/** RFC 6901 JSON pointers: escaping and building here; parsing and lookup shared with the runtime. */

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `appendPointer('/paths', '/v1/x', 'get')` is `/paths/~1v1~1x/get`. */
export function appendPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');
}

// Parsing and lookup are the runtime's (generated clients read pointers the same way).
export { getAtPointer, parsePointer } from '../runtime/pointer.js';
