/**
 * The public surface: the client's name, its resources, their methods and the
 * arguments those take, and the names of the operation descriptors in
 * operations.ts. Built first: the type layer and the descriptors name things
 * by what is decided here.
 */
import { camelCase, identifier, isIdentifier, NameScope, pascalCase } from '../naming.js';
import { text, type SourceOperation, type Spec } from '../read/document.js';
import { requestBodyOf } from '../read/media.js';
import { parametersOf } from '../read/parameters.js';
import type { Rename } from '../types.js';
import { methodArguments, type MethodArguments } from './arguments.js';
import { clientName } from './client-name.js';
import { resourceMethodNames, type MethodNames } from './method-names.js';
import { buildResources, type ResourceSurface } from './resources.js';

export interface OperationSurface extends MethodNames, MethodArguments {
  operationId: string;
  /** Its descriptor's exported name in operations.ts. */
  key: string;
  /** The chunked-upload descriptor's exported name, when the operation has the helper. */
  chunkedKey: string | undefined;
  /** Property of its resource on the client. */
  resource: string;
}

export interface Surface {
  /** Client class name. */
  name: string;
  resources: ResourceSurface[];
  /** By operation pointer. */
  operations: Map<string, OperationSurface>;
  renames: Rename[];
}

/** Names operations.ts declares or imports besides the descriptors. */
const OPERATIONS_FILE_NAMES = ['apiConfig', 'ApiConfig', 'OperationDescriptor', 'ChunkedUploadDescriptor'];

export function buildSurface(spec: Spec, operations: readonly SourceOperation[]): Surface {
  const info = spec.api.info ?? {};
  const client = clientName(
    text(spec.api['x-specsmith-client']?.name) ?? identifier(pascalCase(text(info.title) ?? ''), 'Api'),
  );
  const { resources, renames: resourceRenames } = buildResources(spec, operations);
  const operationIds = new Set(operations.map((operation) => operation.operationId));
  const methodRenames: Rename[] = [];
  const methods = new Map<string, MethodNames>();
  for (const resource of resources) {
    const { names, renames } = resourceMethodNames(
      resource.property,
      operations.filter((operation) => operation.tag === resource.tag),
      operationIds,
    );
    for (const [pointer, name] of names) methods.set(pointer, name);
    methodRenames.push(...renames);
  }
  const keys = new NameScope(OPERATIONS_FILE_NAMES);
  const operationKeys = operations.map((operation) =>
    keys.claim(
      isIdentifier(operation.operationId)
        ? operation.operationId
        : identifier(camelCase(operation.operationId) || 'operation'),
    ),
  );
  // Claimed after every operation's key, so adding the helper's descriptor renames no operation.
  const chunkedKeys = operations.map((operation, index) =>
    methods.get(operation.pointer)?.chunkedMethodName
      ? keys.claim(`${operationKeys[index] ?? 'operation'}Chunked`)
      : undefined,
  );
  const resourceOf = new Map(resources.map((resource) => [resource.tag, resource.property]));
  const surfaces = operations.map((operation, index): [string, OperationSurface] => [
    operation.pointer,
    {
      operationId: operation.operationId,
      key: operationKeys[index] ?? 'operation',
      chunkedKey: chunkedKeys[index],
      resource: resourceOf.get(operation.tag) ?? '',
      ...(methods.get(operation.pointer) ?? {
        methodName: '',
        waitMethodName: undefined,
        chunkedMethodName: undefined,
      }),
      ...methodArguments(parametersOf(operation), requestBodyOf(spec, operation)),
    },
  ]);
  return {
    name: client.name,
    resources,
    operations: new Map(surfaces),
    renames: [...client.renames, ...resourceRenames, ...methodRenames],
  };
}
