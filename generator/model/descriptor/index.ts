/**
 * The runtime descriptor: the API's configuration and one descriptor per
 * operation (plus one per chunked-upload helper), exactly as operations.ts
 * declares them. Built from the surface, which names them.
 */
import type { SourceOperation, Spec } from '../read/document.js';
import type { Surface } from '../surface/index.js';
import { chunkedUploadDescriptor } from './chunked-upload.js';
import { configDescriptor } from './config.js';
import { operationDescriptor } from './operation.js';
import { linksOf, type DescribedChunkedUpload, type ConfigDescriptor, type DescribedOperation } from './types.js';

export interface OperationDeclaration {
  /** The operation's JSON pointer in the spec. */
  pointer: string;
  /** Exported name in operations.ts. */
  key: string;
  /** What the declaration's doc comment says (`GET /v1/projects`). */
  label: string;
  descriptor: DescribedOperation;
  /** The chunked-upload helper's descriptor, declared right after this one (it refers to it directly). */
  chunkedUpload: { key: string; descriptor: DescribedChunkedUpload } | undefined;
}

export interface RuntimeDescriptor {
  config: ConfigDescriptor;
  /** In document order. */
  operations: OperationDeclaration[];
}

export function buildDescriptor(
  spec: Spec,
  operations: readonly SourceOperation[],
  surface: Surface,
): RuntimeDescriptor {
  const links = linksOf(
    new Map([...surface.operations.values()].map((operation) => [operation.operationId, operation.key])),
  );
  return {
    config: configDescriptor(spec, surface.name),
    operations: operations.flatMap((operation): OperationDeclaration[] => {
      const own = surface.operations.get(operation.pointer);
      if (!own) return [];
      const chunked = own.chunkedKey ? chunkedUploadDescriptor(operation, links) : undefined;
      return [
        {
          pointer: operation.pointer,
          key: own.key,
          label: `${operation.method.toUpperCase()} ${operation.path}`,
          descriptor: operationDescriptor(spec, operation, own, links),
          chunkedUpload: own.chunkedKey && chunked ? { key: own.chunkedKey, descriptor: chunked } : undefined,
        },
      ];
    }),
  };
}
