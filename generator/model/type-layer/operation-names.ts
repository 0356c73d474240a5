/**
 * Exported names for each operation's types, by one fixed scheme (stem: the
 * resource in the singular and the method, `RunList`): `<Stem>Params`, and,
 * only when what a call yields is not exactly a component schema (which it is
 * then typed by), `<Stem>Response`, `<Stem>Item` (one item of a list) or
 * `<Stem>Event` (one event of a stream), plus `<Stem>Result` for a stream's
 * result. These are claimed before the schemas (type-layer/index.ts), so a
 * schema that wants one of them is the one renamed.
 */
import { identifier, pascalCase, singular } from '../naming.js';
import type { SourceOperation } from '../read/document.js';
import type { SourceBody } from '../read/media.js';
import type { SourceParameters } from '../read/parameters.js';
import type { OperationSurface } from '../surface/index.js';
import { intersection, operationType, propertyKey } from '../type-expressions.js';
import type { TypeNames } from './type-names.js';

export interface OperationTypeNames {
  paramsType: { name: string; expression: string } | undefined;
  /** Undefined when the call yields a component schema: it is then typed by the schema's name. */
  responseTypeName: string | undefined;
  /** The stream's result type name, when it has a result. */
  sseResultTypeName: string | undefined;
}

export interface NamedOperation {
  operation: SourceOperation;
  surface: OperationSurface;
  parameters: SourceParameters;
  body: SourceBody | undefined;
  bodyType: string | undefined;
  streams: boolean;
  streamHasResult: boolean;
  paginated: boolean;
  /** The component schema the call yields, if it is exactly one. */
  yields: string | undefined;
}

export function operationTypeNames(
  { operation, surface, parameters, body, bodyType, streams, streamHasResult, paginated, yields }: NamedOperation,
  names: TypeNames,
): OperationTypeNames {
  const stem = identifier(`${pascalCase(singular(surface.resource))}${pascalCase(surface.methodName)}`);
  const base = operationType(operation.path, operation.method);
  const parts: string[] = [];
  if (parameters.query.length > 0) parts.push(`NonNullable<${base}['parameters']['query']>`);
  if (parameters.header.length > 0) parts.push(`NonNullable<${base}['parameters']['header']>`);
  // An optional body may be left out even when the other params are given.
  if (body && bodyType !== undefined)
    parts.push(
      surface.bodyParam === undefined
        ? bodyType
        : `{ ${propertyKey(surface.bodyParam)}${body.required ? '' : '?'}: ${bodyType} }`,
    );
  const id = JSON.stringify(surface.operationId);
  const paramsType =
    parts.length > 0
      ? { name: names.claim(`the params type of operation ${id}`, `${stem}Params`), expression: intersection(parts) }
      : undefined;
  const subject = `the response type of operation ${id}`;
  const responseTypeName =
    yields === undefined
      ? names.claim(subject, `${stem}${streams ? 'Event' : paginated ? 'Item' : 'Response'}`)
      : undefined;
  const sseResultTypeName = streamHasResult
    ? names.claim(`the stream result type of operation ${id}`, `${stem}Result`)
    : undefined;
  return { paramsType, responseTypeName, sseResultTypeName };
}

/** Whether a caller must pass the params object: a required parameter, or a required body that is not an object of optional fields. */
export function paramsRequired(
  parameters: SourceParameters,
  body: SourceBody | undefined,
  flat: boolean,
  hasRequiredFields: boolean,
): boolean {
  const required = (param: SourceParameters['query'][number]): boolean => param.parameter.required === true;
  return (
    parameters.query.some(required) ||
    parameters.header.some(required) ||
    (body !== undefined && body.required && (!flat || hasRequiredFields))
  );
}
