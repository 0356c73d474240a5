/**
 * `x-specsmith-unwrap` in the descriptor: the places a marked schema sits in
 * a success body (relative to the envelope's data) and in a stream's events,
 * printed into operations.ts.
 */
import { describe, expect, it } from 'vitest';
import { emitOperations } from '../../generator/emit/operations-file.js';
import { model, spec, type Json } from './helpers.js';

const components: Json = {
  schemas: {
    Result: { description: 'any value', 'x-specsmith-unwrap': { key: '$ok' } },
    Run: { type: 'object', properties: { id: { type: 'string' }, result: { $ref: '#/components/schemas/Result' } } },
    RunEvent: {
      type: 'object',
      required: ['type'],
      properties: { type: { const: 'run:update' }, run: { $ref: '#/components/schemas/Run' } },
    },
  },
};

const json = (schema: Json): Json => ({
  '200': { description: 'ok', content: { 'application/json': { schema } } },
});

const document = spec(
  {
    '/runs/{id}': {
      get: {
        operationId: 'getRun',
        tags: ['runs'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: json({ type: 'object', properties: { data: { $ref: '#/components/schemas/Run' } } }),
      },
    },
    '/runs': {
      get: {
        operationId: 'listRuns',
        tags: ['runs'],
        responses: json({
          type: 'object',
          properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Run' } } },
        }),
      },
    },
    '/runs/{id}/events': {
      get: {
        operationId: 'streamRun',
        tags: ['runs'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'events',
            content: {
              'text/event-stream': {
                schema: { type: 'string', contentSchema: { $ref: '#/components/schemas/RunEvent' } },
              },
            },
          },
        },
      },
    },
    '/plain': {
      get: { operationId: 'getPlain', tags: ['runs'], responses: json({ type: 'object', properties: {} }) },
    },
  },
  { components, 'x-specsmith-envelope': { data: '/data' } },
);

function described(operationId: string) {
  const found = model(document).descriptor.operations.find((op) => op.descriptor.id === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found.descriptor;
}

describe('x-specsmith-unwrap values in the descriptor', () => {
  it('are relative to the envelope data of a response', () => {
    expect(described('getRun').responses[200]).toEqual({
      kind: 'json',
      unwrap: '/data',
      values: [{ at: '/result', key: '$ok' }],
    });
  });

  it('reach into array items with `*`', () => {
    expect(described('listRuns').responses[200]?.values).toEqual([{ at: '/*/result', key: '$ok' }]);
  });

  it('are listed for the events of a stream', () => {
    expect(described('streamRun').sse?.values).toEqual([{ at: '/run/result', key: '$ok' }]);
  });

  it('are absent where no marked schema is reachable', () => {
    expect(described('getPlain').responses[200]?.values).toBeUndefined();
  });

  it('are printed into operations.ts', () => {
    const text = emitOperations(model(document), 'ua');
    expect(text).toContain(
      "responses: { '200': { kind: 'json', unwrap: '/data', values: [{ at: '/result', key: '$ok' }] } }",
    );
    expect(text).toContain("values: [{ at: '/run/result', key: '$ok' }]");
  });
});
