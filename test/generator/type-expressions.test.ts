/** generator/model/type-expressions.ts: TypeScript type text over openapi-typescript's output. */
import { describe, expect, it } from 'vitest';
import {
  indexByPointer,
  intersection,
  operationType,
  presentAt,
  quote,
  responseStatusKey,
  union,
} from '../../generator/model/type-expressions.js';

describe('indexByPointer', () => {
  it.each<[string, string]>([
    ['', 'T'],
    ['/data', "NonNullable<T>['data']"],
    ['/data/items', "NonNullable<NonNullable<T>['data']>['items']"],
    ['/data/0/id', "NonNullable<NonNullable<NonNullable<T>['data']>[number]>['id']"],
    // RFC 6901 escapes: ~1 is "/", ~0 is "~".
    ['/a~1b/c~0d', "NonNullable<NonNullable<T>['a/b']>['c~d']"],
    ["/it's", "NonNullable<T>['it\\'s']"],
    ['/$err/message', "NonNullable<NonNullable<T>['$err']>['message']"],
  ])('T at %j -> %s', (pointer, want) => {
    expect(indexByPointer('T', pointer)).toBe(want);
  });

  it('rejects text that is not a pointer', () => {
    expect(() => indexByPointer('T', 'data')).toThrow(/not a JSON pointer/);
  });
});

describe('presentAt', () => {
  it.each<[string, string]>([
    ['/data', "Exclude<NonNullable<T>['data'], undefined>"],
    ['/run/result', "Exclude<NonNullable<NonNullable<T>['run']>['result'], undefined>"],
  ])('T at %j -> %s', (pointer, want) => {
    expect(presentAt('T', pointer)).toBe(want);
  });
});

describe('small helpers', () => {
  it.each<[string, string]>([
    ['plain', "'plain'"],
    ["it's", "'it\\'s'"],
    ['back\\slash', "'back\\\\slash'"],
  ])('quote(%j) -> %s', (given, want) => {
    expect(quote(given)).toBe(want);
  });

  it('operationType indexes paths by path and method', () => {
    expect(operationType('/v1/projects/{id}', 'get')).toBe("paths['/v1/projects/{id}']['get']");
  });

  it.each<[string, string]>([
    ['200', '200'],
    ['2XX', "'2XX'"],
    ['default', "'default'"],
  ])('responseStatusKey(%j) -> %s', (given, want) => {
    expect(responseStatusKey(given)).toBe(want);
  });

  it.each<[string[], string]>([
    [[], 'never'],
    [['A'], 'A'],
    [['A', 'A'], 'A'],
    [['A', 'B', 'A'], 'A | B'],
  ])('union(%j) -> %s', (given, want) => {
    expect(union(given)).toBe(want);
  });

  it.each<[string[], string]>([
    [[], 'Record<string, never>'],
    [['A'], 'A'],
    [['A', 'B', 'B'], 'A & B'],
  ])('intersection(%j) -> %s', (given, want) => {
    expect(intersection(given)).toBe(want);
  });
});
