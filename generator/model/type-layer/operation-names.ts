/**
 * Exported names for each operation's params and response types
 * (`ProjectListParams`, `ProjectGetResponse`), from its resource and method
 * names, and the params type's expression.
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
  responseTypeName: string;
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
}

export function operationTypeNames({ operation, surface, parameters, body, bodyType, streams, streamHasResult }: NamedOperation, names: TypeNames): OperationTypeNames {
  const stem = identifier(`${pascalCase(singular(surface.resource))}${pascalCase(surface.methodName)}`);
  const base = operationType(operation.path, operation.method);
  const parts: string[] = [];
  if (parameters.query.length > 0) parts.push(`NonNullable<${base}['parameters']['query']>`);
  if (parameters.header.length > 0) parts.push(`NonNullable<${base}['parameters']['header']>`);
  // An optional body may be left out even when the other params are given.
  if (body && bodyType !== undefined) parts.push(surface.bodyParam === undefined ? bodyType : `{ ${propertyKey(surface.bodyParam)}${body.required ? '' : '?'}: ${bodyType} }`);
  const id = JSON.stringify(surface.operationId);
  const paramsType = parts.length > 0 ? { name: names.claim(`the params type of operation ${id}`, `${stem}Params`, `${stem}Input`), expression: intersection(parts) } : undefined;
  const subject = `the response type of operation ${id}`;
  const responseTypeName = streams ? names.claim(subject, `${stem}Event`, `${stem}StreamEvent`) : names.claim(subject, `${stem}Response`, `${stem}Result`);
  const sseResultTypeName = streamHasResult ? names.claim(`the stream result type of operation ${id}`, `${stem}Result`, `${stem}StreamResult`) : undefined;
  return { paramsType, responseTypeName, sseResultTypeName };
}

/** Whether a caller must pass the params object: a required parameter, or a required body that is not an object of optional fields. */
export function paramsRequired(parameters: SourceParameters, body: SourceBody | undefined, flat: boolean, hasRequiredFields: boolean): boolean {
  const required = (param: SourceParameters['query'][number]): boolean => param.parameter.required === true;
  return parameters.query.some(required) || parameters.header.some(required) || (body !== undefined && body.required && (!flat || hasRequiredFields));
}
