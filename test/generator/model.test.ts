/**
 * Decisions of the model stage, each from a tiny in-memory spec: params
 * shape, envelope unwrapping, response kinds, pagination items, SSE events,
 * long-running results and the webhook event union.
 */
import { describe, expect, it } from 'vitest';
import { responseKindOf } from '../../generator/model/index.js';
import { jsonResponse, model, ok, operation, spec, type Json } from './helpers.js';

function post(path: string, body: Json, extra: Json = {}): Json {
  return spec({
    [path]: { post: { operationId: 'createThing', tags: ['things'], requestBody: body, responses: ok, ...extra } },
  });
}

function jsonBody(schema: Json, required = true): Json {
  return { required, content: { 'application/json': { schema } } };
}

const wire = "NonNullable<paths['/things']['post']['requestBody']>['content']['application/json']";
/** A flat body is spread into the params, so it is never null there. */
const flatWire = `NonNullable<${wire}>`;
const query = "NonNullable<paths['/things']['post']['parameters']['query']>";

describe('params: flat body or { body }', () => {
  const thing = {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, notify: { type: 'string' } },
  };

  it('spreads an object body into the params when no field shares a parameter name', () => {
    const op = operation(
      model(
        post('/things', jsonBody(thing), {
          parameters: [{ name: 'dryRun', in: 'query', schema: { type: 'boolean' } }],
        }),
      ),
      'createThing',
    );
    expect(op.body).toMatchObject({
      kind: 'json',
      mediaType: 'application/json',
      flat: true,
      required: true,
      type: flatWire,
      hasRequiredFields: true,
    });
    expect(op.paramsType).toEqual({ name: 'ThingCreateParams', expression: `${query} & ${flatWire}` });
    expect(op.paramsRequired).toBe(true);
  });

  it('puts the body under `body` when a body field collides with a query parameter', () => {
    const op = operation(
      model(
        post('/things', jsonBody(thing), {
          parameters: [{ name: 'notify', in: 'query', schema: { type: 'boolean' } }],
        }),
      ),
      'createThing',
    );
    expect(op.body?.flat).toBe(false);
    expect(op.paramsType?.expression).toBe(`${query} & { body: ${wire} }`);
    expect(op.paramsRequired).toBe(true);
  });

  it('lets an optional `{ body }` be left out', () => {
    const op = operation(
      model(
        post('/things', jsonBody(thing, false), {
          parameters: [{ name: 'notify', in: 'query', schema: { type: 'boolean' } }],
        }),
      ),
      'createThing',
    );
    expect(op.paramsType?.expression).toBe(`${query} & { body?: ${wire} }`);
    expect(op.paramsRequired).toBe(false);
  });

  it('puts the body under `body` when a body field collides with a header parameter', () => {
    const op = operation(
      model(
        post('/things', jsonBody(thing), { parameters: [{ name: 'name', in: 'header', schema: { type: 'string' } }] }),
      ),
      'createThing',
    );
    expect(op.body?.flat).toBe(false);
    expect(op.paramsType?.expression).toBe(
      `NonNullable<paths['/things']['post']['parameters']['header']> & { body: ${wire} }`,
    );
  });

  it('keeps it flat when only a path parameter shares a field name (path parameters are positional)', () => {
    const document = spec({
      '/things/{name}': {
        post: {
          operationId: 'createThing',
          tags: ['things'],
          parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: jsonBody(thing),
          responses: ok,
        },
      },
    });
    const op = operation(model(document), 'createThing');
    expect(op.body?.flat).toBe(true);
    expect(op.pathParams.map((param) => param.argName)).toEqual(['name']);
  });

  it('never spreads a non-object body', () => {
    const op = operation(model(post('/things', jsonBody({ type: 'array', items: { type: 'string' } }))), 'createThing');
    expect(op.body?.flat).toBe(false);
    expect(op.paramsType?.expression).toBe(`{ body: ${wire} }`);
  });

  it('spreads an allOf of object schemas, reading required fields through $ref', () => {
    const document = post('/things', jsonBody({ $ref: '#/components/schemas/Both' }), {});
    document['components'] = {
      schemas: {
        Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        Both: {
          allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { label: { type: 'string' } } }],
        },
      },
    };
    const op = operation(model(document), 'createThing');
    expect(op.body).toMatchObject({ flat: true, hasRequiredFields: true });
  });

  it('an optional flat body without required fields makes the params optional', () => {
    const op = operation(
      model(post('/things', jsonBody({ type: 'object', properties: { name: { type: 'string' } } }, false))),
      'createThing',
    );
    expect(op.paramsRequired).toBe(false);
  });

  it('a required flat body whose fields are all optional does not force a params argument', () => {
    const op = operation(
      model(post('/things', jsonBody({ type: 'object', properties: { name: { type: 'string' } } }, true))),
      'createThing',
    );
    expect(op.body?.required).toBe(true);
    expect(op.paramsRequired).toBe(false);
  });

  it.each<[string, string, string, string]>([
    ['text/plain', 'text', 'string', '{ body: string }'],
    ['application/octet-stream', 'binary', 'BinaryBody', '{ body: BinaryBody }'],
    [
      'application/x-www-form-urlencoded',
      'form',
      "NonNullable<NonNullable<paths['/things']['post']['requestBody']>['content']['application/x-www-form-urlencoded']>",
      "NonNullable<NonNullable<paths['/things']['post']['requestBody']>['content']['application/x-www-form-urlencoded']>",
    ],
  ])('a %s body is %s, typed %s', (mediaType, kind, type, expression) => {
    const schema =
      mediaType === 'application/x-www-form-urlencoded'
        ? { type: 'object', properties: { q: { type: 'string' } } }
        : { type: 'string' };
    const op = operation(
      model(post('/things', { required: true, content: { [mediaType]: { schema } } })),
      'createThing',
    );
    expect(op.body).toMatchObject({ kind, type });
    expect(op.paramsType?.expression).toBe(expression);
  });

  it('prefers the JSON media type when a body offers several', () => {
    const op = operation(
      model(
        post('/things', {
          content: {
            'text/plain': { schema: { type: 'string' } },
            'application/merge-patch+json': { schema: { type: 'object', properties: { a: { type: 'string' } } } },
          },
        }),
      ),
      'createThing',
    );
    expect(op.body).toMatchObject({ kind: 'json', mediaType: 'application/merge-patch+json' });
  });

  it('makes an upload hash field optional (the client computes it)', () => {
    const multipart =
      "NonNullable<NonNullable<paths['/things']['post']['requestBody']>['content']['multipart/form-data']>";
    const body = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file', 'sha256'],
            properties: { file: { type: 'string', format: 'binary' }, sha256: { type: 'string' } },
          },
        },
      },
    };
    const op = operation(
      model(
        post('/things', body, {
          'x-specsmith-upload': { file: 'file', hash: { field: 'sha256', algorithm: 'sha-256', encoding: 'base64' } },
        }),
      ),
      'createThing',
    );
    expect(op.upload).toEqual({ file: 'file', hash: { field: 'sha256', encoding: 'base64' } });
    expect(op.body).toMatchObject({ kind: 'multipart', flat: true, hasRequiredFields: true });
    expect(op.body?.type).toBe(`Omit<${multipart}, 'sha256'> & { sha256?: ${multipart}['sha256'] }`);
  });
});

describe('envelope unwrapping', () => {
  const envelope = { 'x-specsmith-envelope': { data: '/data' } };
  const wrapped = { type: 'object', properties: { data: { type: 'string' } } };
  const at = (path: string, status = 200): string =>
    `paths['${path}']['get']['responses'][${status}]['content']['application/json']`;
  const get = (path: string, response: Json, extra: Json = {}): Json => ({
    [path]: { get: { operationId: `get${path.slice(1)}`, tags: ['t'], responses: { '200': response }, ...extra } },
  });

  const document = spec(
    {
      ...get('/Wrapped', jsonResponse(wrapped)),
      ...get('/Bare', jsonResponse({ type: 'array', items: { type: 'string' } })),
      ...get('/Off', jsonResponse(wrapped), { 'x-specsmith-envelope': false }),
      ...get('/Items', jsonResponse({ type: 'object', properties: { items: { type: 'array' } } }), {
        'x-specsmith-envelope': { data: '/items' },
      }),
      ...get('/Composed', jsonResponse({ $ref: '#/components/schemas/Page' })),
      ...get('/Empty', { description: 'No content' }),
    },
    {
      ...envelope,
      components: {
        schemas: {
          Meta: { type: 'object', properties: { total: { type: 'integer' } } },
          Page: {
            allOf: [{ $ref: '#/components/schemas/Meta' }, { type: 'object', properties: { data: { type: 'array' } } }],
          },
        },
      },
    },
  );
  const api = model(document);

  it.each<[string, string | undefined, string]>([
    ['getWrapped', '/data', `Exclude<NonNullable<${at('/Wrapped')}>['data'], undefined>`],
    ['getBare', undefined, at('/Bare')],
    ['getOff', undefined, at('/Off')],
    ['getItems', '/items', `Exclude<NonNullable<${at('/Items')}>['items'], undefined>`],
    ['getComposed', '/data', `Exclude<NonNullable<${at('/Composed')}>['data'], undefined>`],
  ])('%s unwraps %j and returns %s', (id, unwrap, type) => {
    const [response] = operation(api, id).responses;
    expect(response).toMatchObject({ status: 200, kind: 'json', unwrap, type });
    expect(operation(api, id).responseType).toBe(type);
  });

  it('returns void for a response without content', () => {
    expect(operation(api, 'getEmpty').responses).toEqual([
      { status: 200, kind: 'empty', mediaType: undefined, unwrap: undefined, type: 'void' },
    ]);
  });

  it('unwraps nothing without a root envelope', () => {
    const plain = model(spec(get('/Wrapped', jsonResponse(wrapped))));
    expect(operation(plain, 'getWrapped').responses[0]?.unwrap).toBeUndefined();
  });

  it('needs every segment of a nested pointer', () => {
    const nested = { 'x-specsmith-envelope': { data: '/data/items' } };
    const has = model(
      spec(
        get(
          '/Wrapped',
          jsonResponse({
            type: 'object',
            properties: { data: { type: 'object', properties: { items: { type: 'array' } } } },
          }),
        ),
        nested,
      ),
    );
    const lacks = model(spec(get('/Wrapped', jsonResponse(wrapped)), nested));
    expect(operation(has, 'getWrapped').responses[0]?.unwrap).toBe('/data/items');
    expect(operation(lacks, 'getWrapped').responses[0]?.unwrap).toBeUndefined();
  });
});

describe('response kinds', () => {
  it.each<[string, string]>([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/problem+json', 'json'],
    ['application/vnd.api+json', 'json'],
    ['APPLICATION/JSON', 'json'],
    ['text/event-stream', 'sse'],
    ['text/plain', 'text'],
    ['text/csv', 'text'],
    ['application/xml', 'text'],
    ['image/svg+xml', 'text'],
    ['application/octet-stream', 'binary'],
    ['application/pdf', 'binary'],
    ['image/png', 'binary'],
  ])('%s -> %s', (mediaType, kind) => {
    expect(responseKindOf(mediaType)).toBe(kind);
  });

  const document = spec({
    '/report': {
      get: {
        operationId: 'getReport',
        tags: ['reports'],
        responses: {
          '2XX': {
            description: 'Either form',
            content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } },
          },
          '404': { description: 'Missing' },
          '4XX': { description: 'Client error' },
          default: { description: 'Anything else' },
        },
      },
    },
    '/report.pdf': {
      get: {
        operationId: 'downloadReport',
        tags: ['reports'],
        responses: {
          '200': {
            description: 'PDF',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
  });
  const api = model(document);

  it('answers "auto" for a response that may come in several kinds, typed as their union', () => {
    const op = operation(api, 'getReport');
    expect(op.responses).toEqual([
      {
        status: 200,
        kind: 'auto',
        mediaType: 'application/json, text/csv',
        unwrap: undefined,
        type: "paths['/report']['get']['responses']['2XX']['content']['application/json'] | string",
      },
    ]);
    expect(op.accept).toBe('application/json, text/csv');
  });

  it('lists error statuses as the spec writes them', () => {
    expect(operation(api, 'getReport').errorStatuses).toEqual(['404', '4XX', 'default']);
  });

  it('returns a Blob for a binary download', () => {
    expect(operation(api, 'downloadReport').responses).toEqual([
      { status: 200, kind: 'binary', mediaType: 'application/pdf', unwrap: undefined, type: 'Blob' },
    ]);
  });
});

describe('pagination item type', () => {
  it('indexes the page body by the items pointer and takes one element', () => {
    const document = spec({
      '/things': {
        get: {
          operationId: 'listThings',
          tags: ['things'],
          'x-specsmith-pagination': {
            style: 'cursor',
            items: '/results/items',
            cursor: 'after',
            nextCursor: '/results/next',
            limit: 'limit',
          },
          responses: {
            '200': { description: 'A page', content: { 'application/vnd.api+json': { schema: { type: 'object' } } } },
          },
        },
      },
    });
    const op = operation(model(document), 'listThings');
    expect(op.pagination).toEqual({
      style: 'cursor',
      items: '/results/items',
      limit: 'limit',
      offset: undefined,
      page: undefined,
      cursor: 'after',
      nextCursor: '/results/next',
      hasMore: undefined,
      total: undefined,
      itemType:
        "NonNullable<NonNullable<NonNullable<paths['/things']['get']['responses'][200]['content']['application/vnd.api+json']>['results']>['items']>[number]",
      itemSchema: undefined,
    });
    // The items are no component schema: they get an operation type of their own.
    expect(op.responseTypeName).toBe('ThingListItem');
    expect(op.responseSchema).toBeUndefined();
  });

  it('types items that are a component schema by its name', () => {
    const document = spec({
      '/things': {
        get: {
          operationId: 'listThings',
          tags: ['things'],
          'x-specsmith-pagination': {
            style: 'cursor',
            items: '/results/items',
            cursor: 'after',
            nextCursor: '/results/next',
          },
          responses: {
            '200': {
              description: 'A page',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      results: {
                        type: 'object',
                        properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    });
    document['components'] = { schemas: { Thing: { type: 'object' } } };
    const op = operation(model(document), 'listThings');
    expect(op.responseTypeName).toBe('Thing');
    expect(op.responseSchema).toBe('Thing');
  });
});

describe('SSE events', () => {
  const stream = (contentSchema: Json, extension: Json = {}): Json =>
    spec(
      {
        '/events': {
          get: {
            operationId: 'streamEvents',
            tags: ['events'],
            'x-specsmith-sse': extension,
            responses: {
              '200': {
                description: 'Stream',
                content: {
                  'text/event-stream': {
                    schema: { type: 'string', contentMediaType: 'text/event-stream', contentSchema },
                  },
                },
              },
            },
          },
        },
      },
      {
        components: {
          schemas: {
            Started: { type: 'object', properties: { type: { const: 'run.started' }, kind: { const: 'start' } } },
            Finished: {
              type: 'object',
              properties: {
                type: { type: 'string', const: 'run.finished' },
                kind: { const: 'stop' },
                output: { type: 'string' },
              },
            },
            ByMapping: {
              oneOf: [{ $ref: '#/components/schemas/Started' }, { $ref: '#/components/schemas/Finished' }],
              discriminator: {
                propertyName: 'type',
                mapping: { started: '#/components/schemas/Started', finished: '#/components/schemas/Finished' },
              },
            },
            ByConst: { oneOf: [{ $ref: '#/components/schemas/Started' }, { $ref: '#/components/schemas/Finished' }] },
            ByEnum: { type: 'object', properties: { type: { type: 'string', enum: ['tick', 'tock'] } } },
          },
        },
      },
    );

  it('takes the known events from the discriminator mapping when there is one', () => {
    const sse = operation(model(stream({ $ref: '#/components/schemas/ByMapping' })), 'streamEvents').sse;
    expect(sse?.known).toEqual(['started', 'finished']);
    expect(sse?.eventType).toBe("components['schemas']['ByMapping']");
    expect(sse?.typeField).toBe('type');
  });

  it('takes them from each branch’s `const` otherwise', () => {
    expect(operation(model(stream({ $ref: '#/components/schemas/ByConst' })), 'streamEvents').sse?.known).toEqual([
      'run.started',
      'run.finished',
    ]);
  });

  it('reads the type field the extension names', () => {
    expect(
      operation(model(stream({ $ref: '#/components/schemas/ByConst' }, { typeField: 'kind' })), 'streamEvents').sse
        ?.known,
    ).toEqual(['start', 'stop']);
  });

  it('falls back to an enum on a single event schema', () => {
    expect(operation(model(stream({ $ref: '#/components/schemas/ByEnum' })), 'streamEvents').sse?.known).toEqual([
      'tick',
      'tock',
    ]);
  });

  it('types events of an inline schema as plain records', () => {
    const sse = operation(
      model(stream({ type: 'object', properties: { type: { const: 'ping' } } })),
      'streamEvents',
    ).sse;
    expect(sse?.known).toEqual(['ping']);
    expect(sse?.eventType).toBe('Record<string, unknown>');
  });

  it('types the stream result from the success event and pointer', () => {
    const op = operation(
      model(
        stream(
          { $ref: '#/components/schemas/ByConst' },
          {
            terminal: ['run.finished'],
            resume: { via: 'self', lastEventId: true },
            result: { success: { event: 'run.finished', value: '/output' } },
          },
        ),
      ),
      'streamEvents',
    );
    expect(op.sse?.resultType).toBe(
      "Exclude<NonNullable<Extract<components['schemas']['ByConst'], { type: 'run.finished' }>>['output'], undefined>",
    );
    expect(op.sse?.terminal).toEqual(['run.finished']);
    expect(op.sse?.resume).toEqual({ via: undefined, lastEventId: true, params: undefined, requires: undefined });
    expect(op.responses).toEqual([
      {
        status: 200,
        kind: 'sse',
        mediaType: 'text/event-stream',
        unwrap: undefined,
        type: 'ReadableStream<Uint8Array>',
      },
    ]);
    // Each event is a ByConst: the stream is typed by the schema's name, the result by an operation type.
    expect(op.responseTypeName).toBe('ByConst');
    expect(op.sse?.resultTypeName).toBe('EventStreamResult');
  });

  it('quotes a type field that is not an identifier', () => {
    const op = operation(
      model(
        stream(
          { $ref: '#/components/schemas/ByConst' },
          { typeField: 'event-type', result: { success: { event: 'done', value: '/output' } } },
        ),
      ),
      'streamEvents',
    );
    expect(op.sse?.resultType).toBe(
      "Exclude<NonNullable<Extract<components['schemas']['ByConst'], { 'event-type': 'done' }>>['output'], undefined>",
    );
  });
});

describe('long-running results', () => {
  const thing = jsonResponse({ $ref: '#/components/schemas/Thing' });
  const op202 = jsonResponse({ $ref: '#/components/schemas/Operation' });
  const longRunning = (result?: Json): Json => ({
    status: 202,
    poll: 'getOperation',
    params: { operation_id: '/id' },
    state: '/status',
    succeeded: ['done'],
    failed: ['failed'],
    ...(result ? { result } : {}),
  });
  const document = (result?: Json): Json =>
    spec(
      {
        '/things': {
          post: {
            operationId: 'createThing',
            tags: ['things'],
            'x-specsmith-long-running': longRunning(result),
            responses: { '201': thing, '202': op202 },
          },
        },
        '/things/{id}': {
          get: {
            operationId: 'getThing',
            tags: ['things'],
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': thing },
          },
        },
        '/operations/{id}': {
          get: {
            operationId: 'getOperation',
            tags: ['operations'],
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '200': op202 },
          },
        },
      },
      {
        components: {
          schemas: {
            Thing: { type: 'object' },
            Operation: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } } },
          },
        },
      },
    );
  const created = "paths['/things']['post']['responses'][201]['content']['application/json']";
  const accepted = "paths['/things']['post']['responses'][202]['content']['application/json']";

  it('resolves to the result operation’s response when the extension names one', () => {
    const op = operation(model(document({ operationId: 'getThing', params: { id: '/resource_id' } })), 'createThing');
    const result = "paths['/things/{id}']['get']['responses'][200]['content']['application/json']";
    expect(op.longRunning?.resultType).toBe(result);
    expect(op.responses.map((response) => response.type)).toEqual([created, `LongRunning<${accepted}, ${result}>`]);
    expect(op.responseType).toBe(`${created} | LongRunning<${accepted}, ${result}>`);
    expect(op.longRunning?.result).toEqual({ operationId: 'getThing', params: { id: '/resource_id' } });
  });

  it('resolves to the final operation object (the poll’s response) otherwise', () => {
    const op = operation(model(document()), 'createThing');
    expect(op.longRunning?.resultType).toBe(
      "paths['/operations/{id}']['get']['responses'][200]['content']['application/json']",
    );
    expect(op.longRunning?.result).toBeUndefined();
  });
});

describe('webhook event union', () => {
  const event = (schema: Json, mediaType = 'application/json'): Json => ({
    post: { summary: 'A delivery', requestBody: { content: { [mediaType]: { schema } } }, responses: ok },
  });
  const signature = {
    'x-specsmith-webhooks': {
      signature: { header: 'X-Sig', algorithm: 'hmac-sha256', encoding: 'base64' },
      eventField: 'kind',
    },
  };

  it('has one member per JSON webhook, in spec order, typed from the webhooks table', () => {
    const api = model(
      spec(
        {},
        {
          ...signature,
          'x-specsmith-client': { name: 'Acme' },
          webhooks: {
            'thing.created': event({ type: 'object' }),
            'thing.deleted': event({ type: 'object' }),
            'ping.text': event({ type: 'string' }, 'text/plain'),
          },
        },
      ),
    );
    expect(api.webhooks).toEqual({
      header: 'X-Sig',
      encoding: 'base64',
      prefix: '',
      eventField: 'kind',
      secret: undefined,
      userAgent: undefined,
      retries: undefined,
      eventTypeName: 'AcmeWebhookEvent',
      events: [
        {
          name: 'thing.created',
          typeName: 'ThingCreatedWebhookEvent',
          summary: 'A delivery',
          description: undefined,
          type: "NonNullable<webhooks['thing.created']['post']['requestBody']>['content']['application/json']",
        },
        {
          name: 'thing.deleted',
          typeName: 'ThingDeletedWebhookEvent',
          summary: 'A delivery',
          description: undefined,
          type: "NonNullable<webhooks['thing.deleted']['post']['requestBody']>['content']['application/json']",
        },
      ],
    });
  });

  it('is absent without x-specsmith-webhooks', () => {
    expect(model(spec({}, { webhooks: { 'thing.created': event({ type: 'object' }) } })).webhooks).toBeUndefined();
  });

  it('gives each event a unique, valid type name; a schema that wants one is renamed', () => {
    const api = model(
      spec(
        {},
        {
          ...signature,
          webhooks: {
            'thing.created': event({ type: 'object' }),
            thing_created: event({ type: 'object' }),
            '1.0.ping': event({ type: 'object' }),
          },
          components: { schemas: { ThingCreatedWebhookEvent: { type: 'object' } } },
        },
      ),
    );
    expect(api.webhooks?.events.map((item) => item.typeName)).toEqual([
      'ThingCreatedWebhookEvent',
      'ThingCreatedWebhookEvent2',
      '_10PingWebhookEvent',
    ]);
    expect(api.schemas).toEqual([{ component: 'ThingCreatedWebhookEvent', name: 'ThingCreatedWebhookEventSchema' }]);
  });

  it('keeps the union’s name when a schema wants it, and renames the schema', () => {
    const api = model(
      spec(
        {},
        {
          ...signature,
          'x-specsmith-client': { name: 'Acme' },
          webhooks: { a: event({ type: 'object' }) },
          components: { schemas: { AcmeWebhookEvent: { type: 'object' } } },
        },
      ),
    );
    expect(api.schemas).toEqual([{ component: 'AcmeWebhookEvent', name: 'AcmeWebhookEventSchema' }]);
    expect(api.webhooks?.eventTypeName).toBe('AcmeWebhookEvent');
    expect(api.renames).toContainEqual({
      subject: 'schema #/components/schemas/AcmeWebhookEvent',
      wanted: 'AcmeWebhookEvent',
      name: 'AcmeWebhookEventSchema',
      reason: 'taken',
    });
  });
});
