/**
 * src/types.ts: named types for everything a user touches. Each component
 * schema gets an alias (`Project`), and each operation its params and response
 * types (`ProjectCreateParams`, `ProjectCreateResponse`), all pointing into
 * openapi-typescript's output so there is one source of truth.
 */
import { StructureKind } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { quote } from '../model/type-expressions.js';
import { clientVariable } from './call-example.js';
import { docText } from './doc-text.js';
import { printFile, type Statement } from './print.js';

export function emitTypes(model: ApiModel): string {
  const usesLongRunning = model.operations.some((operation) => operation.longRunning);
  const usesBinary = model.operations.some((operation) => operation.body?.kind === 'binary');
  const statements: Statement[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './schema.js', namedImports: ['components', 'paths'] },
  ];
  if (usesLongRunning) statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/long-running.js', namedImports: ['LongRunning'] });
  if (usesBinary) statements.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/request-body.js', namedImports: ['BinaryBody'] });
  for (const schema of model.schemas) {
    statements.push({ kind: StructureKind.TypeAlias, name: schema.name, isExported: true, type: `components['schemas'][${quote(schema.component)}]` });
  }
  for (const operation of model.operations) {
    const call = `\`${clientVariable(model)}.${operation.resource}.${operation.methodName}()\``;
    if (operation.paramsType) {
      statements.push({ kind: StructureKind.TypeAlias, name: operation.paramsType.name, isExported: true, docs: [docText(`Params of ${call}.`)], type: operation.paramsType.expression });
    }
    const what = operation.sse ? `One event of ${call}.` : operation.pagination ? `One item listed by ${call}.` : `What ${call} resolves to.`;
    const type = operation.sse ? operation.sse.eventType : operation.pagination ? operation.pagination.itemType : operation.responseType;
    statements.push({ kind: StructureKind.TypeAlias, name: operation.responseTypeName, isExported: true, docs: [docText(what)], type });
    if (operation.sse?.resultTypeName && operation.sse.resultType) {
      statements.push({ kind: StructureKind.TypeAlias, name: operation.sse.resultTypeName, isExported: true, docs: [docText(`What \`.result()\` of ${call} resolves to: the result its \`${operation.sse.result?.success.event ?? 'success'}\` event carries.`)], type: operation.sse.resultType });
    }
  }
  if (!usesLongRunning && !usesBinary && model.operations.length === 0 && model.schemas.length === 0) statements.push('export {};');
  return printFile(model.source, statements);
}
