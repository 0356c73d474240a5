import { describe, expect, it } from 'vitest';
import { unwrapValuesOf } from '../../../generator/model/read/unwrap-values.js';

type Json = Record<string, unknown>;

const marked: Json = { description: 'wrapped', 'x-specsmith-unwrap': { key: '$ok' } };

function document(schemas: Json): Json {
  return { openapi: '3.1.0', components: { schemas } };
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

describe('unwrapValuesOf (where x-specsmith-unwrap values sit in a body)', () => {
  it('finds a marked property through $ref', () => {
    const doc = document({ Result: marked, Run: { type: 'object', properties: { id: {}, result: ref('Result') } } });
    expect(unwrapValuesOf(doc, ref('Run'))).toEqual([{ at: '/result', key: '$ok' }]);
  });

  it('marks array items with `*`, nested arrays included', () => {
    const doc = document({
      Result: marked,
      Run: { type: 'object', properties: { result: ref('Result') } },
      Grid: { type: 'array', items: { type: 'array', items: ref('Run') } },
    });
    expect(unwrapValuesOf(doc, { type: 'array', items: ref('Run') })).toEqual([{ at: '/*/result', key: '$ok' }]);
    expect(unwrapValuesOf(doc, ref('Grid'))).toEqual([{ at: '/*/*/result', key: '$ok' }]);
  });

  it('walks allOf, anyOf and oneOf at the same place, once per place', () => {
    const doc = document({
      Result: marked,
      Base: { type: 'object', properties: { result: ref('Result') } },
      Event: {
        oneOf: [{ allOf: [ref('Base'), { properties: { extra: ref('Result') } }] }, { anyOf: [ref('Base')] }],
      },
    });
    expect(unwrapValuesOf(doc, ref('Event'))).toEqual([
      { at: '/result', key: '$ok' },
      { at: '/extra', key: '$ok' },
    ]);
  });

  it('ends on a cycle and still reports what the cycle reaches', () => {
    const doc = document({
      Result: marked,
      Node: {
        type: 'object',
        properties: { value: ref('Result'), next: ref('Node'), children: { items: ref('Node') } },
      },
    });
    expect(unwrapValuesOf(doc, ref('Node'))).toEqual([{ at: '/value', key: '$ok' }]);
  });

  it('ends on a $ref that points at itself', () => {
    const doc = document({ Loop: ref('Loop') });
    expect(unwrapValuesOf(doc, ref('Loop'))).toEqual([]);
  });

  it('gives up below a bounded depth instead of exhausting the stack', () => {
    let schema: Json = marked;
    for (let level = 0; level < 200; level++) schema = { type: 'object', properties: { a: schema } };
    expect(unwrapValuesOf(document({ Result: marked }), schema)).toEqual([]);
    let shallow: Json = marked;
    for (let level = 0; level < 3; level++) shallow = { type: 'object', properties: { a: shallow } };
    expect(unwrapValuesOf(document({ Result: marked }), shallow)).toEqual([{ at: '/a/a/a', key: '$ok' }]);
  });

  it('stays bounded on richly cross-referenced schemas (2^20 paths to the marked schema)', () => {
    const schemas: Record<string, Json> = { Result: marked };
    for (let index = 0; index < 20; index++) {
      const next = index + 1 < 20 ? ref(`S${index + 1}`) : ref('Result');
      schemas[`S${index}`] = { type: 'object', properties: { left: next, right: next }, anyOf: [next, next] };
    }
    const started = performance.now();
    const values = unwrapValuesOf(document(schemas), ref('S0'));
    // 2^20 paths by enumeration; each reference is worked out once, and the places are capped.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(values.length).toBeGreaterThan(0);
    expect(values.length).toBeLessThanOrEqual(64);
    expect(values.every((value) => value.key === '$ok')).toBe(true);
  });

  it('finds nothing, without walking, when no component schema is marked', () => {
    expect(unwrapValuesOf(document({}), { properties: { a: marked } })).toEqual([]);
  });

  it('reports the body itself when its schema is marked', () => {
    expect(unwrapValuesOf(document({ Result: marked }), ref('Result'))).toEqual([{ at: '', key: '$ok' }]);
  });

  it('escapes property names the way the runtime reads pointers', () => {
    const doc = document({ Result: marked });
    const schema = { properties: { 'a/b': ref('Result'), 'm~n': ref('Result'), '50%': ref('Result') } };
    expect(unwrapValuesOf(doc, schema).map((value) => value.at)).toEqual(['/a~1b', '/m~0n', '/50%25']);
  });

  it('finds nothing without a marker, and ignores a marker without a key', () => {
    const doc = document({ Plain: { type: 'object', properties: { x: { type: 'string' } } } });
    expect(unwrapValuesOf(doc, ref('Plain'))).toEqual([]);
    expect(unwrapValuesOf(doc, { properties: { x: { 'x-specsmith-unwrap': {} } } })).toEqual([]);
    expect(unwrapValuesOf(doc, { $ref: 'other.yaml#/X' })).toEqual([]);
  });
});
