import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unwrapOne, unwrapValues } from '../../../generator/runtime/unwrap-values.js';

describe('unwrapOne', () => {
  it('replaces an object whose only key is the key by its value', () => {
    expect(unwrapOne({ $ok: 1 }, '$ok')).toBe(1);
    expect(unwrapOne({ $ok: null }, '$ok')).toBeNull();
    expect(unwrapOne({ $ok: { n: 1 } }, '$ok')).toEqual({ n: 1 });
  });

  it('leaves anything else as the server sent it', () => {
    expect(unwrapOne({ $ok: 1, x: 2 }, '$ok')).toEqual({ $ok: 1, x: 2 });
    expect(unwrapOne({ $err: { message: 'boom' } }, '$ok')).toEqual({ $err: { message: 'boom' } });
    expect(unwrapOne({}, '$ok')).toEqual({});
    expect(unwrapOne('Hello world', '$ok')).toBe('Hello world');
    expect(unwrapOne([{ $ok: 1 }], '$ok')).toEqual([{ $ok: 1 }]);
    expect(unwrapOne(null, '$ok')).toBeNull();
  });

  it('does not take an inherited key for an own one', () => {
    const inherited = Object.create({ $ok: 'from the prototype' }) as object;
    expect(unwrapOne(inherited, '$ok')).toBe(inherited);
  });
});

describe('unwrapValues', () => {
  it('unwraps at a property path, in place', () => {
    const body = { id: 'r1', result: { $ok: { n: 1 } } };
    expect(unwrapValues(body, [{ at: '/result', key: '$ok' }])).toBe(body);
    expect(body).toEqual({ id: 'r1', result: { n: 1 } });
  });

  it('unwraps every item of an array at `*`', () => {
    const body = [{ result: { $ok: 1 } }, { result: { $err: { message: 'no' } } }, { result: 'plain' }, 7];
    unwrapValues(body, [{ at: '/*/result', key: '$ok' }]);
    expect(body).toEqual([{ result: 1 }, { result: { $err: { message: 'no' } } }, { result: 'plain' }, 7]);
  });

  it('replaces the root itself when it is the wrapped value', () => {
    expect(unwrapValues({ $ok: [1, 2] }, [{ at: '', key: '$ok' }])).toEqual([1, 2]);
  });

  it('leaves missing members missing and non-objects alone', () => {
    const body = { other: 1 };
    unwrapValues(body, [{ at: '/result', key: '$ok' }]);
    expect(body).toEqual({ other: 1 });
    expect(Object.hasOwn(body, 'result')).toBe(false);
    expect(unwrapValues('text', [{ at: '/result', key: '$ok' }])).toBe('text');
    expect(unwrapValues({ result: null }, [{ at: '/result/inner', key: '$ok' }])).toEqual({ result: null });
  });

  it('reads `*` on an object as a property named "*", never as every member', () => {
    const body = { a: { $ok: 1 }, '*': { $ok: 2 } };
    unwrapValues(body, [{ at: '/*', key: '$ok' }]);
    expect(body).toEqual({ a: { $ok: 1 }, '*': 2 });
  });

  it('never follows or writes through an inherited member', () => {
    const body = JSON.parse('{"id": 1}') as Record<string, unknown>;
    unwrapValues(body, [{ at: '/constructor/prototype', key: '$ok' }]);
    expect(Object.hasOwn(body, 'constructor')).toBe(false);
    expect(({} as Record<string, unknown>)['prototype']).toBeUndefined();
  });

  it('keeps a hostile own `__proto__` member an ordinary property, polluting nothing', () => {
    const body = JSON.parse('{"__proto__": {"$ok": {"polluted": true}}, "result": {"$ok": 1}}') as Record<
      string,
      unknown
    >;
    unwrapValues(body, [
      { at: '/__proto__', key: '$ok' },
      { at: '/result', key: '$ok' },
    ]);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(body, '__proto__')?.value).toEqual({ polluted: true });
    expect(body['result']).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('unwraps with a `__proto__` key only when it is an own member', () => {
    const own = JSON.parse('{"v": {"__proto__": 5}}') as Record<string, unknown>;
    unwrapValues(own, [{ at: '/v', key: '__proto__' }]);
    expect(own['v']).toBe(5);
    const plain = { v: {} };
    unwrapValues(plain, [{ at: '/v', key: '__proto__' }]);
    expect(plain.v).toEqual({});
  });

  it('reads `%` in a segment in its URI-fragment form', () => {
    const body = { '100%': { $ok: 'full' } };
    unwrapValues(body, [{ at: '/100%25', key: '$ok' }]);
    expect(body['100%']).toBe('full');
  });
});

interface BodyCase {
  name: string;
  body: string;
  values: Array<{ at: string; key: string }>;
  expected: unknown;
}
const bodyCases = (
  JSON.parse(readFileSync(new URL('../../fixtures/hostile/unwrap/bodies.json', import.meta.url), 'utf8')) as {
    cases: BodyCase[];
  }
).cases;

describe('hostile bodies (test/fixtures/hostile/unwrap/bodies.json)', () => {
  it.each(bodyCases)('$name', ({ body, values, expected }) => {
    const got = unwrapValues(JSON.parse(body), values);
    // toEqual treats an own `__proto__` member as data only when compared as JSON text.
    expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('$ok');
  });
});
