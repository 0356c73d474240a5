/** src/index.ts: the package's public surface. */
import { StructureKind } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { printFile, type Statement } from './print.js';

export function emitIndex(model: ApiModel, hasCustomIndex: boolean): string {
  const uses = (predicate: (operation: ApiModel['operations'][number]) => unknown): boolean => model.operations.some(predicate);
  const statements: Statement[] = [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './client.js', namedExports: [model.name, { name: model.name, alias: 'default' }] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './errors.js' },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js' },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './schema.js', namedExports: ['components', 'paths', 'operations', 'webhooks'] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/config.js', namedExports: ['ClientOptions', 'RequestOptions', 'ClientHooks', 'RequestEvent', 'ResponseEvent', 'RetryEvent'] },
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/api-promise.js', namedExports: ['APIPromise', { name: 'APIResponse', isTypeOnly: true }] },
    { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/response-info.js', namedExports: ['RateLimitInfo'] },
  ];
  if (uses((operation) => operation.pagination)) statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/pagination.js', namedExports: ['Page', 'PagePromise', { name: 'PageOptions', isTypeOnly: true }] });
  if (uses((operation) => operation.sse)) statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './runtime/event-stream.js', namedExports: ['EventStream', { name: 'UnknownEvent', isTypeOnly: true }, { name: 'StreamOptions', isTypeOnly: true }] });
  if (uses((operation) => operation.longRunning)) statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/long-running.js', namedExports: ['LongRunning', 'WaitOptions', 'WaitResult'] });
  if (uses((operation) => operation.chunkedUpload)) statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/chunked-upload.js', namedExports: ['ChunkedUploadOptions'] });
  if (uses((operation) => operation.body?.kind === 'binary')) statements.push({ kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/request-body.js', namedExports: ['BinaryBody'] });
  if (model.webhooks) statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './webhooks.js' });
  if (hasCustomIndex) statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: './custom/index.js' });
  return printFile(model.source, statements);
}
