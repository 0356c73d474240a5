/**
 * src/types.ts: named types for everything a user touches. The component
 * schemas are declared in src/schema.ts under their names (`Run`, see
 * named-schemas.ts) and re-exported here; each operation adds its params type
 * (`RunListParams`) and, when a call does not yield exactly a schema, a type
 * for what it yields (`RunStatsResponse`), over openapi-typescript's `paths`,
 * so there is one source of truth.
 */
import { StructureKind } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { clientVariable } from './call-example.js';
import { docText } from './doc-text.js';
import { printFile, type Statement } from './print.js';

export function emitTypes(model: ApiModel): string {
  const usesLongRunning = model.operations.some((operation) => operation.longRunning);
  const usesBinary = model.operations.some((operation) => operation.body?.kind === 'binary');
  const statements: Statement[] = [];
  if (usesLongRunning)
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/long-running.js',
      namedImports: ['LongRunning'],
    });
  if (usesBinary)
    statements.push({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './runtime/request-body.js',
      namedImports: ['BinaryBody'],
    });
  if (model.schemas.length > 0)
    statements.push({
      kind: StructureKind.ExportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedExports: model.schemas.map((schema) => schema.name),
    });
  for (const operation of model.operations) {
    const call = `\`${clientVariable(model)}.${operation.resource}.${operation.methodName}()\``;
    if (operation.paramsType) {
      statements.push({
        kind: StructureKind.TypeAlias,
        name: operation.paramsType.name,
        isExported: true,
        docs: [docText(`Params of ${call}.`)],
        type: operation.paramsType.expression,
      });
    }
    if (operation.responseSchema === undefined) {
      const what = operation.sse
        ? `One event of ${call}.`
        : operation.pagination
          ? `One item listed by ${call}.`
          : `What ${call} resolves to.`;
      const type = operation.sse
        ? operation.sse.eventType
        : operation.pagination
          ? operation.pagination.itemType
          : operation.responseType;
      statements.push({
        kind: StructureKind.TypeAlias,
        name: operation.responseTypeName,
        isExported: true,
        docs: [docText(what)],
        type,
      });
    }
    if (operation.sse?.resultTypeName && operation.sse.resultType) {
      statements.push({
        kind: StructureKind.TypeAlias,
        name: operation.sse.resultTypeName,
        isExported: true,
        docs: [
          docText(
            `What \`.result()\` of ${call} resolves to: the result its \`${operation.sse.result?.success.event ?? 'success'}\` event carries.`,
          ),
        ],
        type: operation.sse.resultType,
      });
    }
  }
  // Only the schema-table names the declarations below use are imported (unused imports fail strict builds).
  const text = JSON.stringify(statements);
  const tables = ['components', 'paths', 'webhooks'].filter((name) => new RegExp(`\\b${name}\\[`).test(text));
  if (tables.length > 0)
    statements.unshift({
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './schema.js',
      namedImports: tables,
    });
  if (statements.length === 0) statements.push('export {};');
  return printFile(model.source, statements);
}
