/** Where each parameter goes: path (in argument order), query and header names. */
import type { SourceParameters } from '../read/parameters.js';
import type { DescribedOperation } from './types.js';

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

export function parameterDescriptor(
  parameters: SourceParameters,
  pathArgNames: readonly string[],
): Pick<DescribedOperation, 'pathParams' | 'pathArgNames' | 'multiSegment' | 'query' | 'header'> {
  return {
    pathParams: nonEmpty(parameters.path.map((param) => param.name)),
    pathArgNames: nonEmpty([...pathArgNames]),
    // x-specsmith-multi-segment: the value may hold `/`, each segment encoded on its own.
    multiSegment: nonEmpty(
      parameters.path
        .filter((param) => param.parameter['x-specsmith-multi-segment'] === true)
        .map((param) => param.name),
    ),
    query: nonEmpty(parameters.query.map((param) => param.name)),
    header: nonEmpty(parameters.header.map((param) => param.name)),
  };
}
