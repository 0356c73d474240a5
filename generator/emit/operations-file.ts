/**
 * src/operations.ts: the runtime description of every operation (where each
 * parameter goes, how bodies are encoded and responses read, which traits
 * apply) and the API's configuration. Generated methods pass these plain
 * objects to the runtime; links between operations are thunks, so order of
 * declaration does not matter.
 */
import { StructureKind, VariableDeclarationKind } from 'ts-morph';
import type { ApiModel, OperationModel } from '../model/types.js';
import { docText } from './doc-text.js';
import { expression, objectCode, optional, printFile, type Statement } from './print.js';
import { uncheckedGenerated } from './unchecked.js';

function thunk(keys: Map<string, string>, operationId: string | undefined): string | undefined {
  const key = operationId ? keys.get(operationId) : undefined;
  return key ? `() => ${key}` : undefined;
}

/** Source text of one OperationSpec literal; links to other operations become thunks. */
function operationSpec(operation: OperationModel, keys: Map<string, string>): string {
  const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
  const sse = operation.sse;
  const longRunning = operation.longRunning;
  const pagination = operation.pagination ? (({ itemType: _itemType, ...rest }) => rest)(operation.pagination) : undefined;
  return objectCode({
    id: expression(operation.operationId),
    methodPath: expression(`${operation.resource}.${operation.methodName}`),
    method: expression(operation.method),
    path: expression(operation.path),
    pathParams: optional(nonEmpty(operation.pathParams.map((param) => param.name))),
    pathArgNames: optional(nonEmpty(operation.pathParams.map((param) => param.argName))),
    multiSegment: optional(nonEmpty(operation.pathParams.filter((param) => param.multiSegment).map((param) => param.name))),
    query: optional(nonEmpty(operation.queryParams.map((param) => param.name))),
    header: optional(nonEmpty(operation.headerParams.map((param) => param.name))),
    body: optional(operation.body && { kind: operation.body.kind, type: operation.body.mediaType, flat: operation.body.flat, required: operation.body.required || undefined, param: operation.body.param === 'body' ? undefined : operation.body.param }),
    accept: optional(operation.accept),
    responses: expression(Object.fromEntries(operation.responses.map((response) => [String(response.status), { kind: response.kind, unwrap: response.unwrap }]))),
    security: optional(operation.security),
    idempotent: optional(operation.idempotent),
    pagination: optional(pagination),
    sse: sse
      ? objectCode({
          typeField: expression(sse.typeField),
          known: expression(sse.known),
          terminal: optional(sse.terminal),
          terminalWhen: optional(sse.terminalWhen),
          resume: sse.resume
            ? objectCode({
                via: thunk(keys, sse.resume.via),
                lastEventId: sse.resume.lastEventId ? 'true' : undefined,
                params: optional(sse.resume.params),
                requires: optional(sse.resume.requires),
              })
            : undefined,
          dedupe: optional(sse.dedupe),
          match: optional(sse.match),
          result: optional(sse.result),
        })
      : undefined,
    longRunning: longRunning
      ? objectCode({
          status: String(longRunning.status),
          poll: thunk(keys, longRunning.poll),
          params: expression(longRunning.params),
          state: expression(longRunning.state),
          succeeded: expression(longRunning.succeeded),
          failed: expression(longRunning.failed),
          error: optional(longRunning.error),
          result: longRunning.result ? objectCode({ operation: thunk(keys, longRunning.result.operationId), params: expression(longRunning.result.params) }) : undefined,
        })
      : undefined,
    upload: optional(operation.upload),
    webhookUrlField: optional(operation.webhookUrlField),
  });
}

export function emitOperations(model: ApiModel, userAgent: string): string {
  const keys = new Map(model.operations.map((operation) => [operation.operationId, operation.key]));
  const config = {
    name: model.name,
    userAgent,
    apiKeyEnv: model.apiKeyEnv,
    baseUrlEnv: model.baseUrlEnv,
    baseUrl: model.baseUrl,
    auth: model.auth,
    security: model.security,
    errors: { message: model.errors.message, code: model.errors.code, requestId: model.errors.requestId },
    requestId: model.requestId,
    rateLimit: model.rateLimit,
    retry: model.retry,
    webhookUrlRules: model.webhookUrlRules,
  };
  const statements: Statement[] = [
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/config.js', namedImports: ['ApiConfig'] },
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime/operation.js', namedImports: ['OperationSpec'] },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [docText(`How the ${model.name} API authenticates, reports errors, limits rates and retries.`)],
      declarations: [{ name: 'apiConfig', type: 'ApiConfig', initializer: expression(config) }],
    },
    ...model.operations.map(
      (operation): Statement => ({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: [docText(`${operation.method.toUpperCase()} ${operation.path}`)],
        declarations: [{ name: operation.key, type: 'OperationSpec', initializer: operationSpec(operation, keys) }],
      }),
    ),
  ];
  return uncheckedGenerated(printFile(model.source, statements), 'Descriptors take their types from their annotations; specsmith checks their values in its tests, so a package build does not check them again.');
}
