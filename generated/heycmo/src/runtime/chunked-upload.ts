// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Chunked uploads (`x-specsmith-chunked-upload`): start an upload, send the
 * data in parts of the size the server chose, complete it; abort it on
 * failure so no half-written upload is left behind.
 */
import type { RequestOptions } from './config.js';
import type { ClientCore } from './core.js';
import { bytesOf, type BinaryInput } from './encoding.js';
import { operationLabel, pathArgsOf, type OperationDescriptor } from './operation.js';
import { getAtPointer } from './pointer.js';

export interface ChunkedUploadDescriptor {
  start: OperationDescriptor;
  part: () => OperationDescriptor;
  complete: () => OperationDescriptor;
  abort?: () => OperationDescriptor;
  uploadId: string;
  partSize: string;
  uploadIdParam: string;
  partNumberParam: string;
  firstPart: number;
}

export interface ChunkedUploadOptions extends RequestOptions {
  /** Called after each part with bytes sent so far and the total. */
  onProgress?: (sent: number, total: number) => void;
}

export async function uploadInChunks(
  core: ClientCore,
  spec: ChunkedUploadDescriptor,
  startArgs: readonly unknown[],
  startParams: Record<string, unknown> | undefined,
  data: BinaryInput,
  options: ChunkedUploadOptions = {},
): Promise<unknown> {
  const bytes = data instanceof Blob ? data : new Blob([(await bytesOf(data)) as Uint8Array<ArrayBuffer>]);
  const started = await core.call<unknown>(spec.start, startArgs, startParams, options);
  const uploadId = getAtPointer(started, spec.uploadId);
  const partSize = Number(getAtPointer(started, spec.partSize));
  if (uploadId === undefined || !Number.isFinite(partSize) || partSize <= 0) {
    throw new core.errors.invalidRequest(
      `${operationLabel(spec.start)}: the response did not say the upload id and part size`,
    );
  }
  const ids = { [spec.uploadIdParam]: uploadId };
  try {
    const part = spec.part();
    let sent = 0;
    for (let index = 0; sent < bytes.size || (index === 0 && bytes.size === 0); index++) {
      const chunk = bytes.slice(sent, sent + partSize);
      await core.call<unknown>(
        part,
        pathArgsOf(part, { ...ids, [spec.partNumberParam]: spec.firstPart + index }),
        { body: chunk },
        options,
      );
      sent += chunk.size;
      options.onProgress?.(sent, bytes.size);
      if (bytes.size === 0) break;
    }
    const complete = spec.complete();
    return await core.call<unknown>(complete, pathArgsOf(complete, ids), undefined, options);
  } catch (error) {
    const abort = spec.abort?.();
    if (abort)
      await core
        .call<unknown>(abort, pathArgsOf(abort, ids), undefined, { ...options, signal: undefined })
        .then(undefined, () => undefined);
    throw error;
  }
}
