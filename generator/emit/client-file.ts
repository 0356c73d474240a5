/**
 * src/client.ts: the client class users construct. It extends the core client
 * (core.ts: configuration and credentials, kept in the runtime core out of
 * users' reach) with one resource object per tag, the typed openapi-fetch
 * client as `raw` (made on first use), and the API's waiters and webhook
 * verification where the spec has them.
 */
import {
  StructureKind,
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
} from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { clientVariable } from './call-example.js';
import { docText } from './doc-text.js';
import { printFile, type Statement } from './print.js';
import { baseUrlRule } from './base-url-text.js';
import { coreClassName } from './core-file.js';

export function emitClient(model: ApiModel): string {
  const longRunning = model.operations.filter((operation) => operation.longRunning);
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  if (longRunning.length > 0) {
    methods.push({
      name: 'waitFor',
      typeParameters: [{ name: 'T', constraint: 'object' }],
      docs: [
        {
          description: `${docText('Waits for a long-running operation returned by this client: polls its status with growing intervals until it succeeds (resolving to the finished resource, or the final operation object) or fails (`OperationFailedError`), or until `options.timeout` passes (`WaitTimeoutError`). A value that is not an operation (the resource itself, when the API finished at once) is returned as it is.')}\n`,
        },
      ],
      parameters: [
        { name: 'operation', type: 'T' },
        { name: 'options', type: 'WaitOptions', hasQuestionToken: true },
      ],
      returnType: 'Promise<WaitResult<T>>',
      // Every long-running spec, so an unmarked operation object (restored from storage) is still recognised.
      statements: [
        `return waitForOperation(coreOf(this), operation, options, [${longRunning.map((operation) => `ops.${operation.key}.longRunning`).join(', ')}]) as Promise<WaitResult<T>>;`,
      ],
    });
  }
  if (model.webhooks) {
    methods.push({
      name: 'verifyWebhook',
      docs: [
        {
          description: `${docText('Verifies a webhook delivery (see `verifyWebhook` in webhooks.ts) and returns the typed event.')}\n`,
        },
      ],
      parameters: [
        { name: 'rawBody', type: 'BinaryInput' },
        { name: 'signature', type: 'string | null | undefined' },
        { name: 'secret', type: 'string' },
      ],
      returnType: `Promise<${model.webhooks.eventTypeName}>`,
      statements: ['return verifyWebhook(rawBody, signature, secret);'],
    });
  }
  const client: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: model.name,
    isExported: true,
    docs: [
      {
        description: `${docText(
          `Client for the ${model.title}${model.apiVersion ? ` (version ${model.apiVersion})` : ''}.`,
          `The API key comes from \`options.apiKey\`${model.apiKeyEnv ? ` or the \`${model.apiKeyEnv}\` environment variable` : ''}.`,
          baseUrlRule(model),
          `@example\n\`\`\`ts\nconst ${clientVariable(model)} = new ${model.name}();\n\`\`\``,
        )}\n`,
      },
    ],
    extends: coreClassName(model),
    properties: model.resources.map((resource) => ({
      name: resource.property,
      type: resource.className,
      isReadonly: true,
      docs: [docText(resource.description ?? `Operations tagged ${resource.tag}.`)],
    })),
    ctors: [
      {
        parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
        statements: [
          'super(options);',
          ...(model.resources.length > 0 ? ['const core = coreOf(this);'] : []),
          ...model.resources.map((resource) => `this.${resource.property} = new ${resource.className}(core);`),
        ],
      },
    ],
    getAccessors: [
      {
        name: 'raw',
        docs: [
          'The openapi-fetch client underneath, typed from the spec, with this client’s base URL, credentials and headers: an escape hatch for anything the resources do not cover. Made on first use.',
        ],
        returnType: 'Client<paths>',
        statements: ['return rawClient(coreOf(this)) as unknown as Client<paths>;'],
      },
    ],
    methods,
  };
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: 'openapi-fetch',
      namedImports: ['Client'],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: './core.js',
      namedImports: [coreClassName(model), 'coreOf'],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/raw-client.js', namedImports: ['rawClient'] },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/config.js',
      namedImports: ['ClientOptions'],
    },
    ...(longRunning.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: './runtime/long-running.js',
            namedImports: [
              'waitForOperation',
              { name: 'WaitOptions', isTypeOnly: true },
              { name: 'WaitResult', isTypeOnly: true },
            ],
          } as Statement,
        ]
      : []),
    ...(model.webhooks
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: './runtime/encoding.js',
            namedImports: ['BinaryInput'],
          } as Statement,
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: './webhooks.js',
            namedImports: ['verifyWebhook', { name: model.webhooks.eventTypeName, isTypeOnly: true }],
          } as Statement,
        ]
      : []),
    ...(longRunning.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            moduleSpecifier: './operations.js',
            namespaceImport: 'ops',
          } as Statement,
        ]
      : []),
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedImports: ['paths'],
    },
    ...model.resources.map(
      (resource): Statement => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `./resources/${resource.fileName}.js`,
        namedImports: [resource.className],
      }),
    ),
    client,
  ];
  return printFile(model.source, statements);
}
