/**
 * src/resources/<resource>.ts: one class per tag with one thin method per
 * operation. Each method hands its operation description and arguments to the
 * runtime; JSDoc comes from the spec's summary and description, with an
 * `@example` built from the spec's examples.
 */
import {
  StructureKind,
  type JSDocStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
} from 'ts-morph';
import type { ApiModel, OperationModel, ResourceModel } from '../model/types.js';
import { exampleSnippet } from './call-example.js';
import { docText } from './doc-text.js';
import { expression, objectCode, optional, printFile, type Statement } from './print.js';

interface Imports {
  runtime: Set<string>;
  types: Set<string>;
  /** The resource's class name: a type of the same name (a schema `Status` on resource `status`) is written `types.Status`. */
  className: string;
}

/** A type from ../types.js as this file refers to it, recorded as imported. */
function typeRef(imports: Imports, name: string): string {
  imports.types.add(name);
  return name === imports.className ? `types.${name}` : name;
}

function docsFor(model: ApiModel, operation: OperationModel, extra?: string): OptionalKind<JSDocStructure>[] {
  const lines = [
    docText(operation.summary, extra, operation.description),
    // The HTTP method and path, so a reader can find the operation in the API's own reference.
    docText(`\`${operation.method.toUpperCase()} ${operation.path}\``),
    operation.deprecated ? '@deprecated The API marks this operation as deprecated.' : undefined,
    docText(`@example\n\`\`\`ts\n${exampleSnippet(model, operation)}\n\`\`\``),
  ].filter(Boolean);
  return [{ description: `${lines.join('\n\n')}\n` }];
}

function parameters(
  operation: OperationModel,
  optionsType: string,
  imports: Imports,
): OptionalKind<ParameterDeclarationStructure>[] {
  const list: OptionalKind<ParameterDeclarationStructure>[] = operation.pathParams.map((param) => ({
    name: param.argName,
    type: param.type,
  }));
  if (operation.paramsType) {
    list.push({
      name: 'params',
      type: typeRef(imports, operation.paramsType.name),
      hasQuestionToken: !operation.paramsRequired,
    });
  }
  list.push({ name: 'options', type: optionsType, hasQuestionToken: true });
  return list;
}

function args(operation: OperationModel): string {
  return `[${operation.pathParams.map((param) => param.argName).join(', ')}], ${operation.paramsType ? 'params' : 'undefined'}`;
}

function methodsFor(
  model: ApiModel,
  operation: OperationModel,
  imports: Imports,
): OptionalKind<MethodDeclarationStructure>[] {
  const op = `ops.${operation.key}`;
  const response = typeRef(imports, operation.responseTypeName);
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  if (operation.sse) {
    imports.runtime.add('EventStream').add('StreamOptions');
    const result = operation.sse.resultTypeName ? typeRef(imports, operation.sse.resultTypeName) : undefined;
    methods.push({
      name: operation.methodName,
      docs: docsFor(
        model,
        operation,
        'Returns an event stream: iterate it with `for await`; `break` or `close()` ends the connection.',
      ),
      parameters: parameters(operation, 'StreamOptions', imports),
      returnType: `EventStream<${response}${result ? `, ${result}` : ''}>`,
      statements: [`return new EventStream(this.#core, ${op}, ${args(operation)}, options);`],
    });
  } else if (operation.pagination) {
    imports.runtime.add('paginate').add('PagePromise').add('PageOptions');
    methods.push({
      name: operation.methodName,
      docs: docsFor(
        model,
        operation,
        'Await it for the first page; iterate it with `for await` for every item of every page, or call `.pages()`.',
      ),
      parameters: parameters(operation, 'PageOptions', imports),
      returnType: `PagePromise<${response}>`,
      statements: [`return paginate<${response}>(this.#core, ${op}, ${args(operation)}, options);`],
    });
  } else {
    imports.runtime.add('APIPromise').add('RequestOptions');
    methods.push({
      name: operation.methodName,
      docs: docsFor(model, operation),
      parameters: parameters(operation, 'RequestOptions', imports),
      returnType: `APIPromise<${response}>`,
      statements: [`return this.#core.call<${response}>(${op}, ${args(operation)}, options);`],
    });
  }
  if (operation.wait) {
    const via = model.operations.find((candidate) => candidate.operationId === operation.wait?.via);
    // The helper resolves to what the followed stream's result() does.
    const resultType = via?.sse?.resultTypeName ? typeRef(imports, via.sse.resultTypeName) : 'unknown';
    imports.runtime.add('awaitStreamResult').add('StreamOptions');
    const call = `this.${operation.methodName}(${[...operation.pathParams.map((param) => param.argName), ...(operation.paramsType ? ['params'] : []), 'options'].join(', ')})`;
    const { match, current } = operation.wait;
    // A result that can be final already (`current`) is read again when the stream ends without an outcome.
    const follow =
      match !== undefined || current !== undefined
        ? `, ${objectCode({ match: optional(match), current: optional(current), refresh: current !== undefined ? `() => ${call}` : undefined })}`
        : '';
    methods.push({
      name: operation.wait.methodName,
      isAsync: true,
      docs: [
        {
          description: `${docText(`Calls \`${operation.methodName}()\`, then follows \`${via?.resource}.${via?.methodName}()\` until the outcome ${match !== undefined ? 'of this call ' : ''}arrives, and returns the result (or throws \`OperationFailedError\` with the failure message).`)}\n`,
        },
      ],
      parameters: parameters(operation, 'StreamOptions', imports),
      returnType: `Promise<${resultType}>`,
      statements: [
        `const started = await ${call};`,
        `return (await awaitStreamResult(this.#core, ops.${via?.key ?? 'undefined'}, ${expression(operation.wait.params)}, started, options${follow})) as ${resultType};`,
      ],
    });
  }
  if (operation.chunkedUpload) {
    const chunked = operation.chunkedUpload;
    // The helper resolves to what the completing operation does.
    const completeType = model.operations.find(
      (candidate) => candidate.operationId === chunked.complete,
    )?.responseTypeName;
    const resultType = completeType ? typeRef(imports, completeType) : 'unknown';
    imports.runtime.add('uploadInChunks').add('ChunkedUploadOptions').add('BinaryInput');
    methods.push({
      name: chunked.methodName,
      docs: [
        {
          description: `${docText(`Uploads \`data\` in parts: starts the upload with \`${operation.methodName}()\`, sends parts of the size the server chooses, then completes it. On failure the upload is aborted${chunked.abort ? '' : ' (the API has no abort operation, so it is left to expire)'}.`)}\n`,
        },
      ],
      parameters: [
        ...parameters(operation, 'ChunkedUploadOptions', imports).slice(0, -1),
        { name: 'data', type: 'BinaryInput' },
        { name: 'options', type: 'ChunkedUploadOptions', hasQuestionToken: true },
      ],
      returnType: `Promise<${resultType}>`,
      isAsync: true,
      statements: [
        `return (await uploadInChunks(this.#core, ops.${chunked.key}, ${args(operation)}, data, options)) as ${resultType};`,
      ],
    });
  }
  return methods;
}

const RUNTIME_MODULES: Record<string, string> = {
  APIPromise: 'api-promise',
  RequestOptions: 'config',
  paginate: 'pagination',
  PagePromise: 'pagination',
  PageOptions: 'pagination',
  EventStream: 'event-stream',
  StreamOptions: 'event-stream',
  awaitStreamResult: 'event-stream',
  uploadInChunks: 'chunked-upload',
  ChunkedUploadOptions: 'chunked-upload',
  BinaryInput: 'encoding',
};
const TYPE_ONLY = new Set([
  'APIPromise',
  'RequestOptions',
  'PagePromise',
  'PageOptions',
  'StreamOptions',
  'ChunkedUploadOptions',
  'BinaryInput',
]);

export function emitResource(model: ApiModel, resource: ResourceModel): string {
  const imports: Imports = { runtime: new Set(), types: new Set(), className: resource.className };
  const methods = resource.operations.flatMap((operation) => methodsFor(model, operation, imports));
  const byModule = new Map<string, string[]>();
  for (const name of [...imports.runtime].sort()) {
    const module = RUNTIME_MODULES[name] ?? 'core';
    byModule.set(module, [...(byModule.get(module) ?? []), name]);
  }
  const namedTypes = [...imports.types].filter((name) => name !== resource.className).sort();
  const typeText = JSON.stringify(methods.map((method) => [method.parameters, method.returnType]));
  const schemaTypes = ['components', 'paths'].filter((name) => typeText.includes(`${name}[`));
  const statements: Statement[] = [
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: '../runtime/core.js',
      namedImports: ['ClientCore'],
    },
    ...[...byModule.entries()].map(
      ([module, names]): Statement => ({
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: `../runtime/${module}.js`,
        isTypeOnly: names.every((name) => TYPE_ONLY.has(name)),
        namedImports: names.map((name) =>
          TYPE_ONLY.has(name) && !names.every((other) => TYPE_ONLY.has(other)) ? { name, isTypeOnly: true } : name,
        ),
      }),
    ),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../operations.js', namespaceImport: 'ops' },
    ...(schemaTypes.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: '../schema.js',
            namedImports: schemaTypes,
          } as Statement,
        ]
      : []),
    ...(imports.types.has(resource.className)
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: '../types.js',
            namespaceImport: 'types',
          } as Statement,
        ]
      : []),
    ...(namedTypes.length > 0
      ? [
          {
            kind: StructureKind.ImportDeclaration,
            isTypeOnly: true,
            moduleSpecifier: '../types.js',
            namedImports: namedTypes,
          } as Statement,
        ]
      : []),
    {
      kind: StructureKind.Class,
      name: resource.className,
      isExported: true,
      docs: [docText(resource.description ?? `Operations tagged ${resource.tag}.`)],
      properties: [{ name: '#core', type: 'ClientCore', isReadonly: true }],
      ctors: [{ parameters: [{ name: 'core', type: 'ClientCore' }], statements: ['this.#core = core;'] }],
      methods,
    },
  ];
  return printFile(model.source, statements);
}
