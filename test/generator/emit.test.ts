/**
 * Printed code for small operations: resource methods (signature, JSDoc,
 * body), operation descriptors in operations.ts, exported types and the
 * webhook union, each built from a tiny in-memory spec.
 */
import { describe, expect, it } from 'vitest';
import { emitOperations } from '../../generator/emit/operations-file.js';
import { emitResource } from '../../generator/emit/resource-file.js';
import { emitTypes } from '../../generator/emit/types-file.js';
import { emitWebhooks } from '../../generator/emit/webhooks-file.js';
import type { ApiModel } from '../../generator/model/types.js';
import { jsonResponse, model, spec, type Json } from './helpers.js';

const thingId = { name: 'thing_id', in: 'path', required: true, schema: { type: 'string' }, example: 'th_1' };
const wrapped = (ref: string): Json => jsonResponse({ type: 'object', properties: { data: { $ref: ref } } });

const document = spec(
  {
    '/things': {
      get: {
        operationId: 'listThings',
        tags: ['things'],
        summary: 'List things',
        'x-specsmith-pagination': { style: 'offset', items: '/data', limit: 'limit', offset: 'offset' },
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer' }, example: 10 },
          { name: 'offset', in: 'query', schema: { type: 'integer' } },
        ],
        responses: {
          '200': jsonResponse({
            type: 'object',
            properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } },
          }),
        },
      },
      post: {
        operationId: 'createThing',
        tags: ['things'],
        summary: 'Create a thing',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
              example: { name: 'Widget' },
            },
          },
        },
        responses: { '201': wrapped('#/components/schemas/Thing') },
      },
    },
    '/things/{thing_id}': {
      parameters: [thingId],
      get: {
        operationId: 'getThing',
        tags: ['things'],
        summary: 'Get a thing',
        description: 'Reads one thing.',
        responses: { '200': wrapped('#/components/schemas/Thing') },
      },
      delete: {
        operationId: 'deleteThing',
        tags: ['things'],
        summary: 'Delete a thing',
        deprecated: true,
        responses: { '204': { description: 'Gone' } },
      },
    },
    '/things/{thing_id}/events': {
      parameters: [thingId],
      get: {
        operationId: 'streamThingEvents',
        tags: ['things'],
        'x-specsmith-sse': {
          terminal: ['thing.done'],
          resume: { via: 'self', lastEventId: true },
          result: { success: { event: 'thing.done', value: '/thing' } },
        },
        responses: {
          '200': {
            description: 'Events',
            content: {
              'text/event-stream': {
                schema: {
                  type: 'string',
                  contentMediaType: 'text/event-stream',
                  contentSchema: { $ref: '#/components/schemas/ThingEvent' },
                },
              },
            },
          },
        },
      },
    },
    '/things/{thing_id}/archive': {
      parameters: [thingId],
      post: {
        operationId: 'archiveThing',
        tags: ['things'],
        'x-specsmith-long-running': {
          status: 202,
          poll: 'getJob',
          params: { job_id: '/id' },
          state: '/state',
          succeeded: ['done'],
          failed: ['failed'],
        },
        responses: { '202': jsonResponse({ $ref: '#/components/schemas/Job' }) },
      },
    },
    '/buckets/{bucket_name}/objects/{object_key}': {
      get: {
        operationId: 'getObject',
        tags: ['objects'],
        parameters: [
          { name: 'bucket_name', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'object_key',
            in: 'path',
            required: true,
            'x-specsmith-multi-segment': true,
            schema: { type: 'string' },
          },
        ],
        responses: { '200': jsonResponse({ type: 'object' }) },
      },
    },
    '/jobs/{job_id}': {
      get: {
        operationId: 'getJob',
        tags: ['jobs'],
        parameters: [{ name: 'job_id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': jsonResponse({ $ref: '#/components/schemas/Job' }) },
      },
      delete: {
        operationId: 'delete',
        tags: ['jobs'],
        parameters: [{ name: 'job_id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Gone' } },
      },
    },
  },
  {
    'x-specsmith-client': { name: 'Acme' },
    'x-specsmith-envelope': { data: '/data' },
    components: {
      schemas: {
        Thing: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        Job: { type: 'object', properties: { id: { type: 'string' }, state: { type: 'string' } } },
        ThingEvent: {
          oneOf: [
            {
              type: 'object',
              properties: { type: { const: 'thing.updated' }, thing: { $ref: '#/components/schemas/Thing' } },
            },
            {
              type: 'object',
              properties: { type: { const: 'thing.done' }, thing: { $ref: '#/components/schemas/Thing' } },
            },
          ],
        },
      },
    },
  },
);

const api: ApiModel = model(document);
const resource = (property: string): string => {
  const found = api.resources.find((candidate) => candidate.property === property);
  if (!found) throw new Error(`no resource ${property}`);
  return emitResource(api, found);
};

/** The text of one class member: its JSDoc (when it has one), signature and body. */
function member(source: string, name: string): string {
  const start = source.indexOf(`\n  ${name}(`);
  if (start === -1) throw new Error(`no member ${name}( in:\n${source}`);
  const docStart = source.lastIndexOf('\n  /**', start);
  const previousEnd = source.lastIndexOf('\n  }\n', start);
  const from = docStart > previousEnd ? docStart : start;
  const end = source.indexOf('\n  }\n', start);
  return source.slice(from + 1, end + 5);
}

/** The declaration of one export (with its JSDoc line) from a printed module. */
function declaration(source: string, name: string): string {
  const lines = source.split('\n');
  const index = lines.findIndex(
    (line) => line.startsWith(`export const ${name}:`) || line.startsWith(`export type ${name} =`),
  );
  if (index === -1) throw new Error(`no export ${name} in:\n${source}`);
  return `${lines[index - 1]}\n${lines[index]}`;
}

describe('resource methods', () => {
  const things = resource('things');

  it('a plain call: path parameter typed from the spec, JSDoc from summary, description and examples', () => {
    expect(member(things, 'get')).toBe(
      [
        '  /**',
        '   * Get a thing',
        '   *',
        '   * Reads one thing.',
        '   *',
        '   * `GET /things/{thing_id}`',
        '   *',
        '   * @example',
        '   * ```ts',
        "   * const result = await acme.things.get('th_1');",
        '   * console.log(result);',
        '   * ```',
        '   *',
        '   */',
        // The enveloped data is a Thing: the method is typed by the schema's name.
        '  get(thingId: string, options?: RequestOptions): APIPromise<Thing> {',
        '    return this.#core.call<Thing>(ops.getThing, [thingId], undefined, options);',
        '  }',
        '',
      ].join('\n'),
    );
  });

  it('a body: a required params argument, with the example spread into it', () => {
    expect(member(things, 'create')).toBe(
      [
        '  /**',
        '   * Create a thing',
        '   *',
        '   * `POST /things`',
        '   *',
        '   * @example',
        '   * ```ts',
        "   * const result = await acme.things.create({ name: 'Widget' });",
        '   * console.log(result);',
        '   * ```',
        '   *',
        '   */',
        '  create(params: ThingCreateParams, options?: RequestOptions): APIPromise<Thing> {',
        '    return this.#core.call<Thing>(ops.createThing, [], params, options);',
        '  }',
        '',
      ].join('\n'),
    );
  });

  it('a paginated list returns a PagePromise of items', () => {
    const text = member(things, 'list');
    expect(text).toContain(
      '   * for await (const item of acme.things.list({ limit: 10 })) {\n   *   console.log(item);\n   * }\n',
    );
    expect(text).toContain(
      [
        '  list(params?: ThingListParams, options?: PageOptions): PagePromise<Thing> {',
        '    return paginate<Thing>(this.#core, ops.listThings, [], params, options);',
        '  }',
      ].join('\n'),
    );
  });

  it('a stream returns an EventStream typed with its events and result', () => {
    expect(member(things, 'streamEvents')).toContain(
      [
        '  streamEvents(thingId: string, options?: StreamOptions): EventStream<ThingEvent, ThingStreamEventsResult> {',
        '    return new EventStream(this.#core, ops.streamThingEvents, [thingId], undefined, options);',
        '  }',
      ].join('\n'),
    );
  });

  it('a deprecated operation says so; a reserved word is a fine method name', () => {
    const text = member(things, 'delete');
    expect(text).toContain('   * @deprecated The API marks this operation as deprecated.\n');
    expect(text).toContain("   * await acme.things.delete('th_1');\n");
    expect(text).toContain(
      '    return this.#core.call<ThingDeleteResponse>(ops.deleteThing, [thingId], undefined, options);',
    );
  });

  it('a scalar parameter reads as a plain type; an enum as its literals; anything richer indexes the schema', () => {
    const path = '/reports/{kind}/{year}/{tags}';
    const param = (name: string, schema: Json): Json => ({ name, in: 'path', required: true, schema });
    const reports = model(
      spec({
        [path]: {
          get: {
            operationId: 'getReport',
            parameters: [
              param('kind', { type: 'string', enum: ['daily', "o'clock"] }),
              param('year', { type: 'integer' }),
              param('tags', { type: 'array', items: { type: 'string' } }),
            ],
            responses: { '200': { description: 'OK' } },
          },
        },
      }),
    );
    const [only] = reports.resources;
    if (!only) throw new Error('no resource');
    expect(emitResource(reports, only)).toContain(
      `  get(kind: 'daily' | 'o\\'clock', year: number, tags: paths['${path}']['get']['parameters']['path']['tags'], options?: RequestOptions)`,
    );
  });

  it('imports exactly what the methods use', () => {
    const jobs = resource('jobs');
    expect(jobs.split('\n\n')[1]).toBe(
      [
        "import type { ClientCore } from '../runtime/core.js';",
        "import type { APIPromise } from '../runtime/api-promise.js';",
        "import type { RequestOptions } from '../runtime/config.js';",
        "import * as ops from '../operations.js';",
        "import type { Job, JobDeleteResponse } from '../types.js';",
      ].join('\n'),
    );
    expect(member(jobs, 'delete')).toContain(
      '    return this.#core.call<JobDeleteResponse>(ops.delete_, [jobId], undefined, options);',
    );
  });

  it('starts with the generated header naming the spec', () => {
    expect(things.split('\n')[0]).toBe(
      '// Generated by specsmith from specs/test/openapi.yaml. Do not edit: changes are lost on regeneration.',
    );
  });
});

describe('operation descriptors', () => {
  const operations = emitOperations(api, 'acme-sdk/1.0.0');

  it.each<[string, string]>([
    [
      'getThing',
      "/** GET /things/{thing_id} */\nexport const getThing: OperationDescriptor = { id: 'getThing', methodPath: 'things.get', method: 'get', path: '/things/{thing_id}', pathParams: ['thing_id'], pathArgNames: ['thingId'], accept: 'application/json', responses: { '200': { kind: 'json', unwrap: '/data' } } };",
    ],
    [
      'createThing',
      "/** POST /things */\nexport const createThing: OperationDescriptor = { id: 'createThing', methodPath: 'things.create', method: 'post', path: '/things', body: { kind: 'json', type: 'application/json', flat: true, required: true }, accept: 'application/json', responses: { '201': { kind: 'json', unwrap: '/data' } } };",
    ],
    [
      'listThings',
      "/** GET /things */\nexport const listThings: OperationDescriptor = { id: 'listThings', methodPath: 'things.list', method: 'get', path: '/things', query: ['limit', 'offset'], accept: 'application/json', responses: { '200': { kind: 'json', unwrap: '/data' } }, pagination: { style: 'offset', items: '/data', limit: 'limit', offset: 'offset' } };",
    ],
    [
      'deleteThing',
      "/** DELETE /things/{thing_id} */\nexport const deleteThing: OperationDescriptor = { id: 'deleteThing', methodPath: 'things.delete', method: 'delete', path: '/things/{thing_id}', pathParams: ['thing_id'], pathArgNames: ['thingId'], responses: { '204': { kind: 'empty' } } };",
    ],
    [
      'streamThingEvents',
      "/** GET /things/{thing_id}/events */\nexport const streamThingEvents: OperationDescriptor = { id: 'streamThingEvents', methodPath: 'things.streamEvents', method: 'get', path: '/things/{thing_id}/events', pathParams: ['thing_id'], pathArgNames: ['thingId'], accept: 'text/event-stream', responses: { '200': { kind: 'sse' } }, sse: { typeField: 'type', known: ['thing.updated', 'thing.done'], terminal: ['thing.done'], resume: { lastEventId: true }, result: { success: { event: 'thing.done', value: '/thing' } } } };",
    ],
    [
      'archiveThing',
      "/** POST /things/{thing_id}/archive */\nexport const archiveThing: OperationDescriptor = { id: 'archiveThing', methodPath: 'things.archive', method: 'post', path: '/things/{thing_id}/archive', pathParams: ['thing_id'], pathArgNames: ['thingId'], accept: 'application/json', responses: { '202': { kind: 'json' } }, longRunning: { status: 202, poll: () => getJob, params: { job_id: '/id' }, state: '/state', succeeded: ['done'], failed: ['failed'] } };",
    ],
    // The method's name and argument names say how messages name them; only the spanning parameter is multi-segment.
    [
      'getObject',
      "/** GET /buckets/{bucket_name}/objects/{object_key} */\nexport const getObject: OperationDescriptor = { id: 'getObject', methodPath: 'objects.get', method: 'get', path: '/buckets/{bucket_name}/objects/{object_key}', pathParams: ['bucket_name', 'object_key'], pathArgNames: ['bucketName', 'objectKey'], multiSegment: ['object_key'], accept: 'application/json', responses: { '200': { kind: 'json' } } };",
    ],
    [
      'delete_',
      "/** DELETE /jobs/{job_id} */\nexport const delete_: OperationDescriptor = { id: 'delete', methodPath: 'jobs.delete', method: 'delete', path: '/jobs/{job_id}', pathParams: ['job_id'], pathArgNames: ['jobId'], responses: { '204': { kind: 'empty' } } };",
    ],
  ])('%s', (key, want) => {
    expect(declaration(operations, key)).toBe(want);
  });

  it('the API configuration comes first', () => {
    expect(declaration(operations, 'apiConfig')).toBe(
      "/** How the Acme API authenticates, reports errors, limits rates and retries. */\nexport const apiConfig: ApiConfig = { name: 'Acme', userAgent: 'acme-sdk/1.0.0', apiKeyEnv: 'ACME_API_KEY', baseUrlEnv: 'ACME_BASE_URL', baseUrl: '', auth: {}, security: [], errors: {} };",
    );
  });
});

describe('exported types', () => {
  const types = emitTypes(api);

  it.each<[string, string]>([
    [
      'ThingCreateParams',
      "/** Params of `acme.things.create()`. */\nexport type ThingCreateParams = NonNullable<NonNullable<paths['/things']['post']['requestBody']>['content']['application/json']>;",
    ],
    [
      'ThingStreamEventsResult',
      "/** What `.result()` of `acme.things.streamEvents()` resolves to: the result its `thing.done` event carries. */\nexport type ThingStreamEventsResult = Exclude<NonNullable<Extract<components['schemas']['ThingEvent'], { type: 'thing.done' }>>['thing'], undefined>;",
    ],
    [
      'ThingArchiveResponse',
      "/** What `acme.things.archive()` resolves to. */\nexport type ThingArchiveResponse = LongRunning<paths['/things/{thing_id}/archive']['post']['responses'][202]['content']['application/json'], paths['/jobs/{job_id}']['get']['responses'][200]['content']['application/json']>;",
    ],
    ['ThingDeleteResponse', '/** What `acme.things.delete()` resolves to. */\nexport type ThingDeleteResponse = void;'],
  ])('%s', (name, want) => {
    expect(declaration(types, name)).toBe(want);
  });

  it('re-exports the schemas from schema.ts, where they are declared under their names', () => {
    expect(types).toContain("export type { Thing, Job, ThingEvent } from './schema.js';");
  });

  it('declares no type for a call that yields exactly a schema (the schema is its type)', () => {
    for (const name of [
      'ThingGetResponse',
      'ThingCreateResponse',
      'ThingListResponse',
      'ThingListItem',
      'ThingStreamEventsEvent',
      'JobGetResponse',
    ])
      expect(types).not.toContain(`export type ${name} `);
  });

  it('imports LongRunning only because an operation is long-running', () => {
    expect(types).toContain("import type { LongRunning } from './runtime/long-running.js';");
    const plain = emitTypes(
      model(spec({ '/a': { get: { operationId: 'getA', responses: { '200': { description: 'OK' } } } } })),
    );
    expect(plain).not.toContain('LongRunning');
  });
});

describe('webhooks.ts', () => {
  it('declares one payload type per event and their union', () => {
    const hooks = model(
      spec(
        {},
        {
          'x-specsmith-client': { name: 'Acme' },
          'x-specsmith-webhooks': {
            signature: { header: 'X-Acme-Signature', algorithm: 'hmac-sha256', encoding: 'hex', prefix: 'v1=' },
            eventField: 'type',
          },
          webhooks: {
            'thing.created': {
              post: {
                summary: 'A thing was created',
                requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
                responses: { '200': { description: 'OK' } },
              },
            },
            'thing.deleted': {
              post: {
                requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
                responses: { '200': { description: 'OK' } },
              },
            },
          },
        },
      ),
    );
    const text = emitWebhooks(hooks, hooks.webhooks ?? (undefined as never));
    expect(declaration(text, 'ThingCreatedWebhookEvent')).toBe(
      "/** `thing.created`: A thing was created. */\nexport type ThingCreatedWebhookEvent = NonNullable<webhooks['thing.created']['post']['requestBody']>['content']['application/json'];",
    );
    expect(declaration(text, 'ThingDeletedWebhookEvent')).toBe(
      "/** `thing.deleted`: webhook payload. */\nexport type ThingDeletedWebhookEvent = NonNullable<webhooks['thing.deleted']['post']['requestBody']>['content']['application/json'];",
    );
    expect(declaration(text, 'AcmeWebhookEvent')).toBe(
      '/** Any webhook the Acme API delivers; narrow it on `type`. */\nexport type AcmeWebhookEvent = ThingCreatedWebhookEvent | ThingDeletedWebhookEvent;',
    );
    expect(declaration(text, 'webhookSignature')).toBe(
      "/** How deliveries are signed: HMAC-SHA256 of the raw body, hex after \"v1=\", in the `X-Acme-Signature` header. */\nexport const webhookSignature: WebhookSignatureScheme = { header: 'X-Acme-Signature', encoding: 'hex', prefix: 'v1=', eventField: 'type', events: ['thing.created', 'thing.deleted'] };",
    );
  });
});
