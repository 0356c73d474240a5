/**
 * The type layer: every exported type name (schema aliases, resource classes,
 * operation params and responses, stream results, webhook events) and the
 * expression it stands for. Built from the surface's names.
 */
import { identifier, pascalCase } from '../naming.js';
import type { SourceOperation, Spec } from '../read/document.js';
import { requestBodyOf } from '../read/media.js';
import { parametersOf } from '../read/parameters.js';
import type { SourceWebhook } from '../read/webhooks.js';
import type { Surface } from '../surface/index.js';
import { union } from '../type-expressions.js';
import type { Rename, SchemaAlias } from '../types.js';
import { markLongRunning, type ResponseTypes } from './long-running.js';
import { operationExpressions, type OperationExpressions } from './operation-expressions.js';
import { operationTypeNames, paramsRequired, type OperationTypeNames } from './operation-names.js';
import { schemaAliases } from './schema-aliases.js';
import { TypeNames } from './type-names.js';
import { webhookTypes, type WebhookTypes } from './webhooks.js';

export interface OperationTypes extends OperationExpressions, OperationTypeNames {
  /** After long-running marking. */
  responses: ResponseTypes;
  /** Union over the success responses. */
  responseType: string;
  paramsRequired: boolean;
  /** What waiting for a long-running operation yields. */
  longRunningResultType: string | undefined;
}

export interface TypeLayer {
  schemas: SchemaAlias[];
  /** Resource class names by tag. */
  resourceClasses: Map<string, string>;
  /** By operation pointer. */
  operations: Map<string, OperationTypes>;
  webhooks: WebhookTypes | undefined;
  renames: Rename[];
}

export function buildTypes(spec: Spec, operations: readonly SourceOperation[], surface: Surface, webhooks: readonly SourceWebhook[] | undefined): TypeLayer {
  const names = new TypeNames(surface.name);
  const schemas = schemaAliases(spec, names);
  const resourceClasses = new Map(surface.resources.map((resource) => [resource.tag, names.claim(`the resource class of tag ${JSON.stringify(resource.tag)}`, identifier(pascalCase(resource.property), 'Resource'), `${pascalCase(resource.property)}Resource`)]));
  const expressions = new Map(operations.flatMap((operation) => {
    const own = surface.operations.get(operation.pointer);
    return own ? [[operation.pointer, operationExpressions(spec, operation, own)] as const] : [];
  }));
  const marked = markLongRunning(operations, new Map([...expressions].map(([pointer, expression]) => [pointer, expression.responses])));
  const typed = operations.flatMap((operation): Array<[string, OperationTypes]> => {
    const own = surface.operations.get(operation.pointer);
    const expression = expressions.get(operation.pointer);
    if (!own || !expression) return [];
    const parameters = parametersOf(operation);
    const body = requestBodyOf(spec, operation);
    const hashField = operation.operation['x-specsmith-upload']?.hash?.field;
    const hasRequiredFields = [...(body?.requiredProperties ?? [])].some((name) => name !== hashField);
    const named = operationTypeNames({ operation, surface: own, parameters, body, bodyType: expression.body, streams: expression.sse !== undefined, streamHasResult: expression.sse?.resultType !== undefined }, names);
    const responses = marked.responses.get(operation.pointer) ?? expression.responses;
    return [[operation.pointer, { ...expression, ...named, responses, responseType: union(responses.map((response) => response.type)), paramsRequired: named.paramsType !== undefined && paramsRequired(parameters, body, own.flatBody, hasRequiredFields), longRunningResultType: marked.resultTypes.get(operation.pointer) }]];
  });
  const webhookLayer = webhooks ? webhookTypes(webhooks, surface.name, names) : undefined;
  return { schemas, resourceClasses, operations: new Map(typed), webhooks: webhookLayer, renames: names.renames() };
}
