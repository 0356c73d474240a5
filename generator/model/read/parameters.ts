/** An operation's parameters by location, as the generated method takes them. */
import type { SourceOperation } from './document.js';
import type { ParameterObject } from './openapi-types.js';

/** Headers OpenAPI says are not parameters (https://spec.openapis.org/oas/v3.1.0#fixed-fields-9). */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export type ParameterLocation = 'path' | 'query' | 'header';

export interface SourceParameter {
  /** Name on the wire. */
  name: string;
  location: ParameterLocation;
  parameter: ParameterObject;
}

export interface SourceParameters {
  /** In the order the path template names them: the order of the positional arguments. */
  path: SourceParameter[];
  query: SourceParameter[];
  header: SourceParameter[];
}

export function parametersOf(operation: SourceOperation): SourceParameters {
  const of = (location: ParameterLocation, parameter: ParameterObject): SourceParameter => ({
    name: parameter.name,
    location,
    parameter,
  });
  const path = [...operation.path.matchAll(/\{([^{}]+)\}/g)].flatMap((match) => {
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === match[1]);
    return parameter ? [of('path', parameter)] : [];
  });
  return {
    path,
    query: operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => of('query', parameter)),
    header: operation.parameters
      .filter((parameter) => parameter.in === 'header' && !IGNORED_HEADERS.has(parameter.name.toLowerCase()))
      .map((parameter) => of('header', parameter)),
  };
}

/** The names a non-flat body's key and a flat body's properties must not collide with. */
export function paramsObjectNames(parameters: SourceParameters): Set<string> {
  return new Set([...parameters.query, ...parameters.header].map((param) => param.name));
}
