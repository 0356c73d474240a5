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
import { linksOf, type ChunkedUploadDescriptor, type ConfigDescriptor, type OperationDescriptor } from './types.js';

export interface DescribedOperation {
  /** The operation's JSON pointer in the spec. */
  pointer: string;
  /** Exported name in operations.ts. */
  key: string;
  /** What the declaration's doc comment says (`GET /v1/projects`). */
  label: string;
  descriptor: OperationDescriptor;
  /** The chunked-upload helper's descriptor, declared right after this one (it refers to it directly). */
  chunkedUpload: { key: string; descriptor: ChunkedUploadDescriptor } | undefined;
}

export interface RuntimeDescriptor {
  config: ConfigDescriptor;
  /** In document order. */
  operations: DescribedOperation[];
}

export function buildDescriptor(spec: Spec, operations: readonly SourceOperation[], surface: Surface): RuntimeDescriptor {
  const links = linksOf(new Map([...surface.operations.values()].map((operation) => [operation.operationId, operation.key])));
  return {
    config: configDescriptor(spec, surface.name),
    operations: operations.flatMap((operation): DescribedOperation[] => {
      const own = surface.operations.get(operation.pointer);
      if (!own) return [];
      const chunked = own.chunkedKey ? chunkedUploadDescriptor(operation, links) : undefined;
      return [{ pointer: operation.pointer, key: own.key, label: `${operation.method.toUpperCase()} ${operation.path}`, descriptor: operationDescriptor(spec, operation, own, links), chunkedUpload: own.chunkedKey && chunked ? { key: own.chunkedKey, descriptor: chunked } : undefined }];
    }),
  };
}
