/**
 * src/client.ts: the client class users construct. It owns the runtime core
 * (credentials live there, in a private field) and exposes one resource
 * object per tag, the typed openapi-fetch client as `raw`, and the API's
 * waiters and webhook verification where the spec has them.
 */
import { StructureKind, type ClassDeclarationStructure, type MethodDeclarationStructure, type OptionalKind } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { clientVariable } from './call-example.js';
import { docText } from './doc-text.js';
import { printFile, type Statement } from './print.js';
import { baseUrlRule } from './base-url-text.js';

export function emitClient(model: ApiModel): string {
  const longRunning = model.operations.filter((operation) => operation.longRunning);
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  if (longRunning.length > 0) {
    methods.push({
      name: 'waitFor',
      typeParameters: [{ name: 'T', constraint: 'object' }],
      docs: [{ description: `${docText('Waits for a long-running operation returned by this client: polls its status with growing intervals until it succeeds (resolving to the finished resource, or the final operation object) or fails (`OperationFailedError`), or until `options.timeout` passes (`WaitTimeoutError`). A value that is not an operation (the resource itself, when the API finished at once) is returned as it is.')}\n` }],
      parameters: [{ name: 'operation', type: 'T' }, { name: 'options', type: 'WaitOptions', hasQuestionToken: true }],
      returnType: 'Promise<WaitResult<T>>',
      // Every long-running spec, so an unmarked operation object (restored from storage) is still recognised.
      statements: [`return waitForOperation(this.#core, operation, options, [${longRunning.map((operation) => `ops.${operation.key}.longRunning`).join(', ')}]) as Promise<WaitResult<T>>;`],
    });
  }
  if (model.webhooks) {
    methods.push({
      name: 'verifyWebhook',
      docs: [{ description: `${docText('Verifies a webhook delivery (see `verifyWebhook` in webhooks.ts) and returns the typed event.')}\n` }],
      parameters: [{ name: 'rawBody', type: 'BinaryInput' }, { name: 'signature', type: 'string | null | undefined' }, { name: 'secret', type: 'string' }],
      returnType: `Promise<${model.webhooks.eventTypeName}>`,
      statements: ['return verifyWebhook(rawBody, signature, secret);'],
    });
  }
  methods.push(
    {
      name: 'withOptions',
      docs: ['A new client with these options over this one’s (the same credentials unless `apiKey` is given).'],
      parameters: [{ name: 'options', type: 'ClientOptions' }],
      returnType: model.name,
      statements: [`return new ${model.name}({ ...this.#options, ...options });`],
    },
    { name: 'toJSON', returnType: 'Record<string, unknown>', statements: ['return this.#core.toJSON();'] },
    { name: "[Symbol.for('nodejs.util.inspect.custom')]", returnType: 'string', statements: ['return this.#core.describe();'] },
  );
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
    properties: [
      ...model.resources.map((resource) => ({ name: resource.property, type: resource.className, isReadonly: true, docs: [docText(resource.description ?? `Operations tagged ${resource.tag}.`)] })),
      { name: '#core', type: 'ClientCore', isReadonly: true },
      { name: '#options', type: 'ClientOptions', isReadonly: true },
    ],
    ctors: [
      {
        parameters: [{ name: 'options', type: 'ClientOptions', initializer: '{}' }],
        statements: ['this.#options = options;', 'this.#core = new ClientCore(ops.apiConfig, errorClasses, options);', ...model.resources.map((resource) => `this.${resource.property} = new ${resource.className}(this.#core);`)],
      },
    ],
    getAccessors: [
      { name: 'raw', docs: ['The openapi-fetch client underneath, typed from the spec, with this client’s base URL, credentials and headers: an escape hatch for anything the resources do not cover.'], returnType: 'Client<paths>', statements: ['return this.#core.raw as unknown as Client<paths>;'] },
      { name: 'baseUrl', docs: ['The base URL requests go to.'], returnType: 'string', statements: ['return this.#core.baseUrl;'] },
    ],
    methods,
  };
  const statements: Statement[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: 'openapi-fetch', namedImports: ['Client'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/core.js', namedImports: ['ClientCore'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/config.js', namedImports: ['ClientOptions'] },
    ...(longRunning.length > 0 ? [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime/long-running.js', namedImports: ['waitForOperation', { name: 'WaitOptions', isTypeOnly: true }, { name: 'WaitResult', isTypeOnly: true }] } as Statement] : []),
    ...(model.webhooks
      ? [
          { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/encoding.js', namedImports: ['BinaryInput'] } as Statement,
          { kind: StructureKind.ImportDeclaration, moduleSpecifier: './webhooks.js', namedImports: ['verifyWebhook', { name: model.webhooks.eventTypeName, isTypeOnly: true }] } as Statement,
        ]
      : []),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './errors.js', namedImports: ['errorClasses'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: './operations.js', namespaceImport: 'ops' },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './schema.js', namedImports: ['paths'] },
    ...model.resources.map((resource): Statement => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./resources/${resource.fileName}.js`, namedImports: [resource.className] })),
    client,
  ];
  return printFile(model.source, statements);
}
