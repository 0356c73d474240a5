import { describe, expect, it } from 'vitest';
import {
  encodeSegments,
  headerNameProblem,
  headerValueProblem,
  ownEntries,
  pathValueProblem,
  queryValueProblem,
} from '../../../generator/runtime/request-checks.js';

describe('pathValueProblem', () => {
  it('refuses dot-segments in every encoding, and empty or non-scalar values', () => {
    for (const value of [
      '.',
      '..',
      '%2e',
      '%2E%2E',
      '%252e%252e',
      '../x',
      'x/..',
      '..%2fx',
      '..\\x',
      '',
      null,
      undefined,
      {},
      ['a'],
    ]) {
      expect(pathValueProblem(value, false), String(value)).toBeDefined();
    }
  });

  it('accepts ordinary values, dots inside a segment, numbers and undecodable text', () => {
    for (const value of ['abc', '...', 'a..b', '.hidden', 'v1.2', 'a/b', 42, '%zz'])
      expect(pathValueProblem(value, false), String(value)).toBeUndefined();
  });

  it('lets a spanning parameter hold "/" but no empty or dot segment', () => {
    expect(pathValueProblem('reports/2026/a.csv', true)).toBeUndefined();
    for (const value of ['a//b', '/a', 'a/', 'a/./b', 'a/%2E%2E/b'])
      expect(pathValueProblem(value, true), value).toBeDefined();
    expect(encodeSegments('a b/c?d/%')).toBe('a%20b/c%3Fd/%25');
  });
});

describe('header and query checks', () => {
  it('refuses CR, LF and NUL in header values and non-token header names', () => {
    expect(['a\r\nb', 'a\nb', 'a\rb', 'a\u0000b'].map(headerValueProblem).every(Boolean)).toBe(true);
    expect(headerValueProblem('ok value, "quoted"; x=y')).toBeUndefined();
    expect(headerNameProblem('X-Trace')).toBeUndefined();
    expect(headerNameProblem('X Trace')).toBeDefined();
    expect(headerNameProblem('X-Trace:\r\n')).toBeDefined();
  });

  it('accepts primitives, arrays of primitives and one-level objects; refuses deeper nesting', () => {
    for (const value of ['a', 1, true, null, [1, 'b'], { a: 1, b: 'c' }])
      expect(queryValueProblem(value)).toBeUndefined();
    for (const value of [[{ a: 1 }], [[1]], { a: { b: 1 } }, { a: [1] }])
      expect(queryValueProblem(value)).toBeDefined();
  });
});

describe('ownEntries', () => {
  it('copies own properties only, into a map without a prototype', () => {
    const inherited = Object.create({ toString: 'inherited' }) as Record<string, unknown>;
    inherited['a'] = 1;
    const copy = ownEntries(inherited);
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['a']);
    expect(copy['toString']).toBeUndefined();
    const proto = ownEntries(JSON.parse('{"__proto__": "x"}'));
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(proto['__proto__']).toBe('x');
  });
});
