/**
 * src/errors.ts: the package's error hierarchy. `<Name>Error` is the base of
 * everything the client throws; `APIError` carries status, code (the spec's
 * literal codes, open to unknown ones), message, request id and body, with a
 * subclass per common status; connection, timeout and abort errors sit beside
 * it. The runtime constructs them through the exported `errorClasses` table.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type OptionalKind,
  type PropertyDeclarationStructure,
} from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import type { ERROR_CLASSES } from '../model/reserved-names.js';
import { docText } from './doc-text.js';
import { literal, printFile, type Statement } from './print.js';

/** A class this file declares: one of the registry's names (model/reserved-names.ts), which spec names are kept off. */
type ErrorClassName = (typeof ERROR_CLASSES)[number];

const STATUS_CLASSES: Array<[number, ErrorClassName, string]> = [
  [400, 'BadRequestError', 'The request was invalid (400).'],
  [401, 'AuthenticationError', 'The credentials are missing or invalid (401).'],
  [403, 'PermissionDeniedError', 'The credentials may not do this (403).'],
  [404, 'NotFoundError', 'The resource does not exist (404).'],
  [409, 'ConflictError', 'The request conflicts with the current state (409).'],
  [422, 'UnprocessableEntityError', 'The request was well-formed but failed validation (422).'],
  [429, 'RateLimitError', 'Too many requests (429); retried automatically where allowed.'],
];

function field(name: string, type: string, docs?: string): OptionalKind<PropertyDeclarationStructure> {
  return { name, type, isReadonly: true, docs: docs ? [docs] : [] };
}

function named(
  name: ErrorClassName,
  base: string,
  docs: string,
  extra: Partial<ClassDeclarationStructure> = {},
): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name,
    isExported: true,
    extends: base,
    docs: [docs],
    ...extra,
    properties: [
      { name: 'name', type: 'string', isReadonly: true, hasOverrideKeyword: true, initializer: literal(name) },
      brand(name),
      ...(extra.properties ?? []),
    ],
  };
}

/** Each class's name under the package's brand symbol, which `instanceof` compares (see `hasInstance`). */
function brand(name: string): OptionalKind<PropertyDeclarationStructure> {
  return {
    name: `[${BRAND}]`,
    isStatic: true,
    isReadonly: true,
    hasOverrideKeyword: true,
    type: 'string',
    initializer: literal(name),
  };
}

const BRAND = 'errorClass';

/**
 * `instanceof` across the package's two module formats. An app whose code
 * both imports and requires the package (directly or through dependencies)
 * loads two copies of every class, and an error thrown by one copy is not an
 * instance of the other's class by prototype. The classes therefore also match
 * by name under a symbol from the global registry, which both copies share.
 */
const HAS_INSTANCE = [
  "for (let proto: unknown = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : null; proto !== null && typeof proto === 'object'; proto = Object.getPrototypeOf(proto)) {",
  "  const owner: unknown = Object.hasOwn(proto, 'constructor') ? (proto as { constructor: unknown }).constructor : undefined;",
  '  if (owner === this) return true;',
  `  if (typeof owner === 'function' && Object.hasOwn(owner, ${BRAND}) && (owner as unknown as Record<symbol, unknown>)[${BRAND}] === this[${BRAND}]) return true;`,
  '}',
  'return false;',
];

export function emitErrors(model: ApiModel): string {
  const base = `${model.name}Error`;
  const codeType = `${model.name}ErrorCode`;
  const codes = model.errors.codes.map(literal);
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/errors.js',
      namedImports: ['APIErrorInit', 'ConnectionErrorInit', 'ErrorClasses', 'InvalidResponseInit'],
    },
    {
      kind: StructureKind.TypeAlias,
      name: codeType,
      isExported: true,
      docs: [
        codes.length > 0
          ? 'Error codes the API documents; any other string the server sends is kept as it is.'
          : 'The API documents no error codes; whatever the server sends is kept as it is.',
      ],
      type: [...codes, '(string & {})'].join(' | '),
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: ["The key of each error class's name, the same symbol in the ESM and CommonJS builds of this package."],
      declarations: [
        {
          name: BRAND,
          type: 'unique symbol',
          initializer: `Symbol.for(${literal(`${model.packageName}:error-class`)})`,
        },
      ],
    },
    {
      kind: StructureKind.Class,
      name: base,
      isExported: true,
      extends: 'Error',
      docs: [docText(`Base class of every error the ${model.name} client throws.`)],
      properties: [
        { name: 'name', type: 'string', hasOverrideKeyword: true, initializer: literal(base) },
        { ...brand(base), hasOverrideKeyword: false },
      ],
      methods: [
        {
          name: '[Symbol.hasInstance]',
          isStatic: true,
          hasOverrideKeyword: true,
          docs: ['True for errors of this class from either module format of the package (ESM or CommonJS).'],
          parameters: [{ name: 'value', type: 'unknown' }],
          returnType: 'boolean',
          statements: HAS_INSTANCE,
        },
      ],
    },
    named('APIError', base, 'The API answered with an error status.', {
      properties: [
        field('status', 'number', 'HTTP status code.'),
        field('code', `${codeType} | undefined`, 'Machine-readable error code, when the API sends one.'),
        field('requestId', 'string | undefined', 'Request id to quote to the provider’s support.'),
        field('body', 'unknown', 'The parsed error body (or its raw text when it is not JSON).'),
        field('headers', 'Headers', 'Response headers.'),
        field('attempts', 'number', 'Attempts made, retries included.'),
        field('operationId', 'string', 'The operation that failed.'),
        field(
          'retryAfter',
          'number | undefined',
          'Seconds the server asked to wait before trying again (`retry-after-ms`, or `Retry-After` as seconds or an HTTP date); undefined when it did not say.',
        ),
      ],
      ctors: [
        {
          parameters: [{ name: 'init', type: 'APIErrorInit' }],
          statements: [
            'super(init.message);',
            'this.status = init.status;',
            'this.code = init.code;',
            'this.requestId = init.requestId;',
            'this.body = init.body;',
            'this.headers = init.headers;',
            'this.attempts = init.attempts;',
            'this.operationId = init.operationId;',
            'this.retryAfter = init.retryAfter;',
          ],
        },
      ],
    }),
    ...STATUS_CLASSES.map(([, name, docs]) => named(name, 'APIError', docs)),
    named('InternalServerError', 'APIError', 'The server failed (5xx); retried automatically where allowed.'),
    named(
      'APIConnectionError',
      base,
      'The request could not be completed: the network failed or the connection broke.',
      {
        properties: [field('attempts', 'number', 'Attempts made, retries included.'), field('operationId', 'string')],
        ctors: [
          {
            parameters: [{ name: 'init', type: 'ConnectionErrorInit' }],
            statements: [
              'super(init.message, { cause: init.cause });',
              'this.attempts = init.attempts;',
              'this.operationId = init.operationId;',
            ],
          },
        ],
      },
    ),
    named('APIConnectionTimeoutError', 'APIConnectionError', 'An attempt took longer than the timeout.'),
    named('APIUserAbortError', 'APIConnectionError', 'The caller aborted the request (AbortSignal or close()).'),
    named(
      'InvalidResponseError',
      base,
      'A success response did not have the documented form (for example, truncated or non-JSON).',
      {
        properties: [
          field('status', 'number'),
          field('raw', 'string', 'The body as received.'),
          field('headers', 'Headers'),
          field('requestId', 'string | undefined'),
          field('operationId', 'string'),
        ],
        ctors: [
          {
            parameters: [{ name: 'init', type: 'InvalidResponseInit' }],
            statements: [
              'super(init.message);',
              'this.status = init.status;',
              'this.raw = init.raw;',
              'this.headers = init.headers;',
              'this.requestId = init.requestId;',
              'this.operationId = init.operationId;',
            ],
          },
        ],
      },
    ),
    named('InvalidRequestError', base, 'The client refused to send a request that breaks a rule of the API.'),
    named('OperationFailedError', base, 'A stream, waiter or long-running operation ended in failure.', {
      properties: [
        field('operationId', 'string'),
        field('result', 'unknown', 'The event or operation object that reported the failure.'),
      ],
      ctors: [
        {
          parameters: [
            { name: 'message', type: 'string' },
            { name: 'details', type: '{ operationId: string; result: unknown }' },
          ],
          statements: ['super(message);', 'this.operationId = details.operationId;', 'this.result = details.result;'],
        },
      ],
    }),
    named('WaitTimeoutError', 'OperationFailedError', 'A waiter’s deadline passed before the operation finished.'),
    named('WebhookVerificationError', base, 'A webhook delivery failed signature verification.'),
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: ['The classes above, as the runtime constructs them.'],
      declarations: [
        {
          name: 'errorClasses',
          type: 'ErrorClasses',
          initializer: `{ base: ${base}, api: APIError, byStatus: { ${STATUS_CLASSES.map(([status, name]) => `${status}: ${name}`).join(', ')} }, serverError: InternalServerError, connection: APIConnectionError, timeout: APIConnectionTimeoutError, abort: APIUserAbortError, invalidResponse: InvalidResponseError, invalidRequest: InvalidRequestError, operationFailed: OperationFailedError, waitTimeout: WaitTimeoutError, webhookVerification: WebhookVerificationError }`,
        },
      ],
    },
  ];
  return printFile(model.source, statements);
}
