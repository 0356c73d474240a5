/**
 * `x-specsmith-chunked-upload`: the operations that send one part, complete
 * and abort an upload this operation starts, and where its response says the
 * upload id and part size. Declared in operations.ts beside the operations.
 */
import { text, type SourceOperation } from '../read/document.js';
import type { DescribedChunkedUpload, Links } from './types.js';

export function chunkedUploadDescriptor(operation: SourceOperation, links: Links): DescribedChunkedUpload | undefined {
  const chunked = operation.operation['x-specsmith-chunked-upload'];
  const start = links.to(operation.operationId, false);
  const part = links.to(chunked?.part);
  const complete = links.to(chunked?.complete);
  if (!chunked || !start || !part || !complete) return undefined;
  return {
    start,
    part,
    complete,
    abort: links.to(text(chunked.abort)),
    uploadId: chunked.uploadId,
    partSize: chunked.partSize,
    uploadIdParam: chunked.uploadIdParam,
    partNumberParam: chunked.partNumberParam,
    // Parts are numbered from 1 unless the spec says otherwise (S3 and most APIs count from 1).
    firstPart: typeof chunked.firstPart === 'number' ? chunked.firstPart : 1,
  };
}
