/**
 * The arguments of a generated method: positional path arguments, then a
 * params object holding query and header parameters and the body (spread in
 * when it is a plain object whose properties collide with no parameter,
 * otherwise under its own key).
 */
import { camelCase, identifier, NameScope } from '../naming.js';
import type { SourceBody } from '../read/media.js';
import { paramsObjectNames, type SourceParameters } from '../read/parameters.js';

/** Names the generated method body uses beside its path arguments. */
const METHOD_LOCALS = [
  'options',
  'params',
  'data',
  'ops',
  'started',
  'spec',
  'EventStream',
  'paginate',
  'awaitStreamResult',
  'uploadInChunks',
];

export interface MethodArguments {
  /** Argument names of the path parameters, in template order. */
  pathArgNames: string[];
  /** The body is the params object itself. */
  flatBody: boolean;
  /** Key of the params object holding a body that is not flat: `body`, or `requestBody` when a parameter is called `body`. */
  bodyParam: string | undefined;
}

export function methodArguments(parameters: SourceParameters, body: SourceBody | undefined): MethodArguments {
  const args = new NameScope(METHOD_LOCALS);
  const pathArgNames = parameters.path.map((param) => args.claim(identifier(camelCase(param.name) || 'id')));
  const taken = paramsObjectNames(parameters);
  const flatBody =
    body !== undefined && body.objectLike && ![...body.properties.keys()].some((name) => taken.has(name));
  return {
    pathArgNames,
    flatBody,
    bodyParam: body && !flatBody ? new NameScope(taken).claim('body', 'requestBody') : undefined,
  };
}
