/**
 * src/resources/<resource>.ts: one class per tag with one thin method per
 * operation. Each method hands its operation description and arguments to the
 * runtime; JSDoc comes from the spec's summary and description, with an
 * `@example` built from the spec's examples.
 */
import { StructureKind, type JSDocStructure, type MethodDeclarationStructure, type OptionalKind, type ParameterDeclarationStructure } from 'ts-morph';
import type { ApiModel, OperationModel, ResourceModel } from '../model/types.js';
import { exampleSnippet } from './call-example.js';
import { docText } from './doc-text.js';
import { expression, objectCode, optional, printFile, type Statement } from './print.js';

interface Imports {
  runtime: Set<string>;
  types: Set<string>;
}

function docsFor(model: ApiModel, operation: OperationModel, extra?: string): OptionalKind<JSDocStructure>[] {
  const lines = [
    docText(operation.summary, extra, operation.description),
    operation.deprecated ? '@deprecated The API marks this operation as deprecated.' : undefined,
    docText(`@example\n\`\`\`ts\n${exampleSnippet(model, operation)}\n\`\`\``),
  ].filter(Boolean);
  return [{ description: `${lines.join('\n\n')}\n` }];
}

function parameters(operation: OperationModel, optionsType: string, imports: Imports): OptionalKind<ParameterDeclarationStructure>[] {
  const list: OptionalKind<ParameterDeclarationStructure>[] = operation.pathParams.map((param) => ({ name: param.argName, type: param.type }));
  if (operation.paramsType) {
    imports.types.add(operation.paramsType.name);
    list.push({ name: 'params', type: operation.paramsType.name, hasQuestionToken: !operation.paramsRequired });
  }
  list.push({ name: 'options', type: optionsType, hasQuestionToken: true });
  return list;
}

function args(operation: OperationModel): string {
  return `[${operation.pathParams.map((param) => param.argName).join(', ')}], ${operation.paramsType ? 'params' : 'undefined'}`;
}

function methodsFor(model: ApiModel, operation: OperationModel, imports: Imports): OptionalKind<MethodDeclarationStructure>[] {
  const op = `ops.${operation.key}`;
  const response = operation.responseTypeName;
  imports.types.add(response);
  const methods: OptionalKind<MethodDeclarationStructure>[] = [];
  if (operation.sse) {
    imports.runtime.add('EventStream').add('StreamOptions');
    if (operation.sse.resultTypeName) imports.types.add(operation.sse.resultTypeName);
    methods.push({
      name: operation.methodName,
      docs: docsFor(model, operation, 'Returns an event stream: iterate it with `for await`; `break` or `close()` ends the connection.'),
      parameters: parameters(operation, 'StreamOptions', imports),
      returnType: `EventStream<${response}${operation.sse.resultTypeName ? `, ${operation.sse.resultTypeName}` : ''}>`,
      statements: [`return new EventStream(this.#core, ${op}, ${args(operation)}, options);`],
    });
  } else if (operation.pagination) {
    imports.runtime.add('paginate').add('PagePromise').add('PageOptions');
    methods.push({
      name: operation.methodName,
      docs: docsFor(model, operation, 'Await it for the first page; iterate it with `for await` for every item of every page, or call `.pages()`.'),
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
    const resultType = via?.sse?.resultTypeName ?? 'unknown';
    imports.runtime.add('awaitStreamResult').add('StreamOptions');
    if (via?.sse?.resultTypeName) imports.types.add(via.sse.resultTypeName);
    const call = `this.${operation.methodName}(${[...operation.pathParams.map((param) => param.argName), ...(operation.paramsType ? ['params'] : []), 'options'].join(', ')})`;
    const { match, current } = operation.wait;
    // A result that can be final already (`current`) is read again when the stream ends without an outcome.
    const follow = match !== undefined || current !== undefined ? `, ${objectCode({ match: optional(match), current: optional(current), refresh: current !== undefined ? `() => ${call}` : undefined })}` : '';
    methods.push({
      name: operation.wait.methodName,
      isAsync: true,
      docs: [{ description: `${docText(`Calls \`${operation.methodName}()\`, then follows \`${via?.resource}.${via?.methodName}()\` until the outcome ${match !== undefined ? 'of this call ' : ''}arrives, and returns the result (or throws \`OperationFailedError\` with the failure message).`)}\n` }],
      parameters: parameters(operation, 'StreamOptions', imports),
      returnType: `Promise<${resultType}>`,
      statements: [`const started = await ${call};`, `return (await awaitStreamResult(this.#core, ops.${via?.key ?? 'undefined'}, ${expression(operation.wait.params)}, started, options${follow})) as ${resultType};`],
    });
  }
  if (operation.chunkedUpload) {
    const chunked = operation.chunkedUpload;
    // The helper resolves to what the completing operation does.
    const resultType = model.operations.find((candidate) => candidate.operationId === chunked.complete)?.responseTypeName ?? 'unknown';
    imports.runtime.add('uploadInChunks').add('ChunkedUploadOptions').add('BinaryInput');
    if (resultType !== 'unknown') imports.types.add(resultType);
    methods.push({
      name: chunked.methodName,
      docs: [{ description: `${docText(`Uploads \`data\` in parts: starts the upload with \`${operation.methodName}()\`, sends parts of the size the server chooses, then completes it. On failure the upload is aborted${chunked.abort ? '' : ' (the API has no abort operation, so it is left to expire)'}.`)}\n` }],
      parameters: [...parameters(operation, 'ChunkedUploadOptions', imports).slice(0, -1), { name: 'data', type: 'BinaryInput' }, { name: 'options', type: 'ChunkedUploadOptions', hasQuestionToken: true }],
      returnType: `Promise<${resultType}>`,
      isAsync: true,
      statements: [`return (await uploadInChunks(this.#core, ops.${chunked.key}, ${args(operation)}, data, options)) as ${resultType};`],
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
const TYPE_ONLY = new Set(['APIPromise', 'RequestOptions', 'PagePromise', 'PageOptions', 'StreamOptions', 'ChunkedUploadOptions', 'BinaryInput']);

export function emitResource(model: ApiModel, resource: ResourceModel): string {
  const imports: Imports = { runtime: new Set(), types: new Set() };
  const methods = resource.operations.flatMap((operation) => methodsFor(model, operation, imports));
  const byModule = new Map<string, string[]>();
  for (const name of [...imports.runtime].sort()) {
    const module = RUNTIME_MODULES[name] ?? 'core';
    byModule.set(module, [...(byModule.get(module) ?? []), name]);
  }
  const typeText = JSON.stringify(methods.map((method) => [method.parameters, method.returnType]));
  const schemaTypes = ['components', 'paths'].filter((name) => typeText.includes(`${name}[`));
  const statements: Statement[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../runtime/core.js', namedImports: ['ClientCore'] },
    ...[...byModule.entries()].map(([module, names]): Statement => ({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `../runtime/${module}.js`,
      isTypeOnly: names.every((name) => TYPE_ONLY.has(name)),
      namedImports: names.map((name) => (TYPE_ONLY.has(name) && !names.every((other) => TYPE_ONLY.has(other)) ? { name, isTypeOnly: true } : name)),
    })),
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../operations.js', namespaceImport: 'ops' },
    ...(schemaTypes.length > 0 ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../schema.js', namedImports: schemaTypes } as Statement] : []),
    ...(imports.types.size > 0 ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: '../types.js', namedImports: [...imports.types].sort() } as Statement] : []),
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
