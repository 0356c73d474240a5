/** src/index.ts: the package's public surface. */
import { StructureKind } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { RUNTIME_EXPORTS } from '../model/reserved-names.js';
import { coreClassName } from './core-file.js';
import { printFile, type Statement } from './print.js';

/** Runtime exports that are values (classes); the rest are types. */
const VALUES = new Set(['APIPromise', 'Page', 'PagePromise', 'EventStream']);

/** `export { ... } from './runtime/<module>.js'` for one group of RUNTIME_EXPORTS, the one list spec names are kept off. */
function runtimeExport(module: string, names: readonly string[]): Statement {
  const typeOnly = names.every((name) => !VALUES.has(name));
  return {
    kind: StructureKind.ExportDeclaration,
    isTypeOnly: typeOnly,
    moduleSpecifier: `./runtime/${module}.js`,
    namedExports: names.map((name) => (typeOnly || VALUES.has(name) ? name : { name, isTypeOnly: true })),
  };
}

export function emitIndex(model: ApiModel, hasCustomIndex: boolean): string {
  const uses = (predicate: (operation: ApiModel['operations'][number]) => unknown): boolean =>
    model.operations.some(predicate);
  const statements: Statement[] = [
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: './client.js',
      namedExports: [model.name, { name: model.name, alias: 'default' }],
    },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './core.js', namedExports: [coreClassName(model)] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js' },
    {
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedExports: ['components', 'paths', 'operations', 'webhooks'],
    },
    runtimeExport('config', RUNTIME_EXPORTS.config),
    runtimeExport('api-promise', RUNTIME_EXPORTS.apiPromise),
    runtimeExport('response-info', RUNTIME_EXPORTS.responseInfo),
  ];
  if (uses((operation) => operation.pagination))
    statements.push(runtimeExport('pagination', RUNTIME_EXPORTS.pagination));
  if (uses((operation) => operation.sse)) statements.push(runtimeExport('event-stream', RUNTIME_EXPORTS.eventStream));
  if (uses((operation) => operation.longRunning))
    statements.push(runtimeExport('long-running', RUNTIME_EXPORTS.longRunning));
  if (uses((operation) => operation.chunkedUpload))
    statements.push(runtimeExport('chunked-upload', RUNTIME_EXPORTS.chunkedUpload));
  if (uses((operation) => operation.body?.kind === 'binary'))
    statements.push(runtimeExport('request-body', RUNTIME_EXPORTS.requestBody));
  if (model.webhooks) statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './webhooks.js' });
  if (hasCustomIndex) statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './custom/index.js' });
  return printFile(model.source, statements);
}
