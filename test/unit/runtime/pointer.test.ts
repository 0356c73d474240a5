import { describe, expect, it } from 'vitest';
import { getAtPointer, parsePointer } from '../../../generator/runtime/pointer.js';

// The example document of RFC 6901, section 5.
const DOC = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };

describe('JSON pointers (RFC 6901)', () => {
  it.each([
    ['', DOC],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('resolves %j as in the RFC', (pointer, expected) => {
    expect(getAtPointer(DOC, pointer)).toEqual(expected);
  });

  it('accepts the URI fragment form', () => {
    expect(getAtPointer(DOC, '#/foo/1')).toBe('baz');
    expect(getAtPointer(DOC, '#')).toEqual(DOC);
  });

  it('unescapes ~1 before ~0, so ~01 is a literal ~1', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('/a~1b/~0')).toEqual(['a/b', '~']);
  });

  it('returns undefined for any missing step, without throwing', () => {
    expect(getAtPointer(DOC, '/nope')).toBeUndefined();
    expect(getAtPointer(DOC, '/foo/7')).toBeUndefined();
    expect(getAtPointer(DOC, '/foo/0/deeper')).toBeUndefined();
    expect(getAtPointer(null, '/a')).toBeUndefined();
    expect(getAtPointer({ a: null }, '/a/b')).toBeUndefined();
  });

  it('takes pre-split segments as they are', () => {
    expect(getAtPointer({ 'x/y': { '~': 1 } }, ['x/y', '~'])).toBe(1);
  });

  it('rejects text that is not a pointer', () => {
    expect(() => parsePointer('data')).toThrow();
  });
});
