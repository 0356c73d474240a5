/**
 * The type layer: every exported type name (schema aliases, resource classes,
 * operation params and responses, stream results, webhook events) and the
 * expression it stands for. Built from the surface's names.
 *
 * Names follow fixed schemes that do not depend on what else is taken:
 * webhook events and operation types are claimed first, the component schemas
 * then take what is left, so a schema that collides with one is the side
 * renamed (`RunListParams` -> `RunListParamsSchema`). Resource classes are not
 * exported, so they have a scope of their own.
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

export interface OperationTypes extends OperationExpressions, Omit<OperationTypeNames, 'responseTypeName'> {
  /** What methods name a call's value: the yielded schema's public name, else the operation's own type. */
  responseTypeName: string;
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

export function buildTypes(
  spec: Spec,
  operations: readonly SourceOperation[],
  surface: Surface,
  webhooks: readonly SourceWebhook[] | undefined,
): TypeLayer {
  const names = new TypeNames(surface.name);
  const classes = new TypeNames(surface.name);
  const resourceClasses = new Map(
    surface.resources.map((resource) => [
      resource.tag,
      classes.claim(
        `the resource class of tag ${JSON.stringify(resource.tag)}`,
        identifier(pascalCase(resource.property), 'Resource'),
        `${pascalCase(resource.property)}Resource`,
      ),
    ]),
  );
  const webhookLayer = webhooks ? webhookTypes(webhooks, surface.name, names) : undefined;
  const expressions = new Map(
    operations.flatMap((operation) => {
      const own = surface.operations.get(operation.pointer);
      return own ? [[operation.pointer, operationExpressions(spec, operation, own)] as const] : [];
    }),
  );
  const marked = markLongRunning(
    operations,
    new Map([...expressions].map(([pointer, expression]) => [pointer, expression.responses])),
  );
  const typed = operations.flatMap(
    (
      operation,
    ): Array<[string, OperationExpressions & OperationTypeNames & Omit<OperationTypes, 'responseTypeName'>]> => {
      const own = surface.operations.get(operation.pointer);
      const expression = expressions.get(operation.pointer);
      if (!own || !expression) return [];
      const parameters = parametersOf(operation);
      const body = requestBodyOf(spec, operation);
      const hashField = operation.operation['x-specsmith-upload']?.hash?.field;
      const hasRequiredFields = [...(body?.requiredProperties ?? [])].some((name) => name !== hashField);
      const named = operationTypeNames(
        {
          operation,
          surface: own,
          parameters,
          body,
          bodyType: expression.body,
          streams: expression.sse !== undefined,
          streamHasResult: expression.sse?.resultType !== undefined,
          paginated: expression.paginationItemType !== undefined,
          yields: expression.yields,
        },
        names,
      );
      const responses = marked.responses.get(operation.pointer) ?? expression.responses;
      return [
        [
          operation.pointer,
          {
            ...expression,
            ...named,
            responses,
            responseType: union(responses.map((response) => response.type)),
            paramsRequired:
              named.paramsType !== undefined && paramsRequired(parameters, body, own.flatBody, hasRequiredFields),
            longRunningResultType: marked.resultTypes.get(operation.pointer),
          },
        ],
      ];
    },
  );
  const schemas = schemaAliases(spec, names);
  const schemaName = new Map(schemas.map((schema) => [schema.component, schema.name]));
  const named = typed.map(([pointer, types]): [string, OperationTypes] => [
    pointer,
    { ...types, responseTypeName: types.responseTypeName ?? schemaName.get(types.yields ?? '') ?? 'unknown' },
  ]);
  return {
    schemas,
    resourceClasses,
    operations: new Map(named),
    webhooks: webhookLayer,
    renames: [...classes.renames(), ...names.renames()],
  };
}
