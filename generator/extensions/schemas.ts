/**
 * The `x-specsmith-*` vocabulary: one JSON Schema per extension and the places
 * it may appear. The lint plugin and the generator's validate stage both check
 * specs against these, so a malformed extension is reported the same way in
 * both. README.md ("x-specsmith-* extensions") documents each one for humans.
 */

/**
 * Where in an OpenAPI document an extension may be written. No extension
 * belongs on a path item; it is a site so that one written there (an easy slip
 * for an operation's extension) is reported instead of silently ignored.
 */
export type ExtensionSite = 'root' | 'path-item' | 'operation' | 'tag' | 'parameter' | 'schema';

export interface ExtensionDefinition {
  sites: readonly ExtensionSite[];
  schema: Record<string, unknown>;
}

const pointer = { type: 'string', pattern: '^(/([^~/]|~[01])*)*$' } as const;
const name = { type: 'string', minLength: 1 } as const;
const names = { type: 'array', items: name, minItems: 1 } as const;
const statusCode = { type: 'integer', minimum: 100, maximum: 599 } as const;
const pointerMap = { type: 'object', additionalProperties: pointer, minProperties: 1 } as const;
const stateRule = {
  type: 'object',
  properties: { pointer, values: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } } },
  required: ['pointer', 'values'],
  additionalProperties: false,
} as const;
const dedupeRule = {
  type: 'object',
  properties: { events: names, key: pointer },
  required: ['events', 'key'],
  additionalProperties: false,
} as const;

function object(properties: Record<string, unknown>, required: string[] = []): Record<string, unknown> {
  return { type: 'object', properties, required, additionalProperties: false };
}

export const EXTENSIONS: Record<string, ExtensionDefinition> = {
  'x-specsmith-client': {
    sites: ['root'],
    schema: object(
      {
        name: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$' },
        apiKeyEnv: { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' },
        baseUrlEnv: { type: 'string', pattern: '^[A-Z_][A-Z0-9_]*$' },
      },
      ['name'],
    ),
  },
  'x-specsmith-envelope': {
    sites: ['root', 'operation'],
    schema: { oneOf: [{ const: false }, object({ data: pointer }, ['data'])] },
  },
  'x-specsmith-errors': {
    sites: ['root'],
    schema: object({ schema: name, message: pointer, code: pointer, requestId: pointer }, ['schema', 'message']),
  },
  'x-specsmith-request-id': {
    sites: ['root'],
    schema: { ...object({ header: name, pointer }), minProperties: 1 },
  },
  'x-specsmith-rate-limit': {
    sites: ['root', 'operation'],
    schema: object({
      headers: { ...object({ limit: name, remaining: name, reset: name }), minProperties: 1 },
      resetFormat: { enum: ['epoch-seconds', 'delta-seconds'] },
      policies: {
        type: 'array',
        minItems: 1,
        items: object(
          {
            name,
            scope: name,
            limit: { type: 'integer', minimum: 1 },
            windowSeconds: { type: 'number', exclusiveMinimum: 0 },
          },
          ['scope', 'limit', 'windowSeconds'],
        ),
      },
    }),
  },
  'x-specsmith-retry': {
    sites: ['root'],
    schema: object({
      maxRetries: { type: 'integer', minimum: 0, maximum: 10 },
      statuses: { type: 'array', items: statusCode },
      requireRetryAfter: { type: 'array', items: statusCode },
    }),
  },
  'x-specsmith-pagination': {
    sites: ['operation'],
    schema: {
      ...object(
        {
          style: { enum: ['offset', 'page', 'cursor'] },
          items: pointer,
          limit: name,
          offset: name,
          page: name,
          cursor: name,
          nextCursor: pointer,
          hasMore: pointer,
          total: pointer,
          pageSize: pointer,
        },
        ['style', 'items'],
      ),
      allOf: [
        { if: { properties: { style: { const: 'offset' } } }, then: { required: ['offset'] } },
        { if: { properties: { style: { const: 'page' } } }, then: { required: ['page'] } },
        { if: { properties: { style: { const: 'cursor' } } }, then: { required: ['cursor', 'nextCursor'] } },
      ],
    },
  },
  'x-specsmith-idempotent': {
    sites: ['operation'],
    schema: { oneOf: [{ type: 'boolean' }, object({ field: name }, ['field'])] },
  },
  'x-specsmith-sse': {
    sites: ['operation'],
    schema: object({
      typeField: name,
      terminal: names,
      terminalWhen: stateRule,
      resume: {
        oneOf: [
          { const: false },
          object(
            {
              via: name,
              lastEventId: { type: 'boolean' },
              params: {
                type: 'object',
                minProperties: 1,
                additionalProperties: object({ event: name, pointer }, ['event', 'pointer']),
              },
              requires: name,
            },
            ['via'],
          ),
        ],
      },
      dedupe: { oneOf: [dedupeRule, { type: 'array', items: dedupeRule, minItems: 1 }] },
      // Which run a terminal or result event belongs to: its value at `pointer` equals the caller's own
      // event id, announced by this stream's `equals.event` or handed in by a waiter (x-specsmith-wait.match).
      match: object({ pointer, equals: object({ event: name, pointer }, ['event', 'pointer']) }, ['pointer']),
      result: object(
        {
          success: {
            ...object({ event: name, when: stateRule, value: pointer }, ['value']),
            anyOf: [{ required: ['event'] }, { required: ['when'] }],
          },
          failure: {
            ...object(
              {
                events: names,
                when: stateRule,
                message: { type: 'array', items: pointer, minItems: 1 },
                value: pointer,
              },
              ['message'],
            ),
            anyOf: [{ required: ['events'] }, { required: ['when'] }],
          },
        },
        ['success'],
      ),
    }),
  },
  'x-specsmith-wait': {
    sites: ['operation'],
    schema: object(
      {
        via: name,
        params: pointerMap,
        // The helper's method name (default `<method>AndWait`).
        method: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
        // Pointer into this operation's result to the caller's own event id (the stream's `match`).
        match: pointer,
        // Pointer into a stream event where this operation's result appears: a result already final settles the wait.
        current: pointer,
      },
      ['via', 'params'],
    ),
  },
  'x-specsmith-long-running': {
    sites: ['operation'],
    schema: object(
      {
        status: statusCode,
        poll: name,
        params: pointerMap,
        state: pointer,
        succeeded: names,
        failed: names,
        error: pointer,
        result: object({ operationId: name, params: pointerMap }, ['operationId', 'params']),
      },
      ['status', 'poll', 'params', 'state', 'succeeded', 'failed'],
    ),
  },
  'x-specsmith-async-webhook': {
    sites: ['operation'],
    schema: object({ field: name, status: statusCode, events: names }, ['field', 'status']),
  },
  'x-specsmith-webhooks': {
    sites: ['root'],
    schema: object(
      {
        signature: object(
          {
            header: name,
            algorithm: { const: 'hmac-sha256' },
            encoding: { enum: ['hex', 'base64'] },
            prefix: { type: 'string' },
          },
          ['header', 'algorithm', 'encoding'],
        ),
        secret: name,
        eventField: name,
        userAgent: name,
        retries: { type: 'integer', minimum: 0 },
        urlRules: object({
          schemes: names,
          maxLength: { type: 'integer', minimum: 1 },
          denyHosts: names,
          denySuffixes: names,
          denyPrivateNetworks: { type: 'boolean' },
        }),
      },
      ['signature'],
    ),
  },
  'x-specsmith-upload': {
    sites: ['operation'],
    schema: object(
      {
        file: name,
        hash: object({ field: name, algorithm: { const: 'sha-256' }, encoding: { enum: ['hex', 'base64'] } }, [
          'field',
          'algorithm',
          'encoding',
        ]),
      },
      ['file'],
    ),
  },
  'x-specsmith-chunked-upload': {
    sites: ['operation'],
    schema: object(
      {
        part: name,
        complete: name,
        abort: name,
        uploadId: pointer,
        partSize: pointer,
        uploadIdParam: name,
        partNumberParam: name,
        firstPart: { type: 'integer', minimum: 0 },
      },
      ['part', 'complete', 'uploadId', 'partSize', 'uploadIdParam', 'partNumberParam'],
    ),
  },
  'x-specsmith-resource': {
    sites: ['tag'],
    schema: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
  },
  'x-specsmith-multi-segment': {
    // A path parameter that spans segments (`/v1/files/upload/{path}` with `path` = `a/b.txt`):
    // OpenAPI path templates cannot say so, and RFC 6570 simple expansion would encode the `/`.
    sites: ['parameter'],
    schema: { type: 'boolean' },
  },
  'x-specsmith-unwrap': {
    // A value the server wraps in a one-key object (`{"$ok": value}`): wherever this component
    // schema appears in a response body or a stream event, the client hands over the key's value.
    sites: ['schema'],
    schema: object({ key: name }, ['key']),
  },
  'x-specsmith-method': {
    sites: ['operation'],
    schema: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' },
  },
};

export const EXTENSION_PREFIX = 'x-specsmith-';
