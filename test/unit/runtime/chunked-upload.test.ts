import { describe, expect, it } from 'vitest';
import { uploadInChunks, type ChunkedUploadDescriptor } from '../../../generator/runtime/chunked-upload.js';
import type { OperationDescriptor } from '../../../generator/runtime/operation.js';
import { encodeBinary } from '../../../generator/runtime/request-body.js';
import { InvalidRequestError, json, makeCore, NotFoundError, rejectionOf, script, type Reply } from './support.js';

const start: OperationDescriptor = {
  id: 'startUpload',
  method: 'post',
  path: '/uploads',
  body: { kind: 'json', type: 'application/json', flat: true },
  responses: { 201: { kind: 'json', unwrap: '/data' } },
};
const part: OperationDescriptor = {
  id: 'uploadPart',
  method: 'put',
  path: '/uploads/{upload_id}/parts/{part_number}',
  pathParams: ['upload_id', 'part_number'],
  body: { kind: 'binary', type: 'application/octet-stream', flat: false, encode: encodeBinary },
  responses: { 200: { kind: 'json' } },
};
const complete: OperationDescriptor = {
  id: 'completeUpload',
  method: 'post',
  path: '/uploads/{upload_id}/complete',
  pathParams: ['upload_id'],
  responses: { 200: { kind: 'json', unwrap: '/data' } },
};
const abort: OperationDescriptor = {
  id: 'abortUpload',
  method: 'delete',
  path: '/uploads/{upload_id}',
  pathParams: ['upload_id'],
  responses: { 204: { kind: 'empty' } },
};

const SPEC: ChunkedUploadDescriptor = {
  start,
  part: () => part,
  complete: () => complete,
  abort: () => abort,
  uploadId: '/upload_id',
  partSize: '/part_size',
  uploadIdParam: 'upload_id',
  partNumberParam: 'part_number',
  firstPart: 1,
};

function server(partSize: number, partReply: Reply = () => json(200, { ok: true })) {
  return script((request, index) => {
    const path = new URL(request.url).pathname;
    if (index === 0) return json(201, { data: { upload_id: 'up-1', part_size: partSize } });
    if (path.includes('/parts/')) return typeof partReply === 'function' ? partReply(request, index) : partReply;
    if (path.endsWith('/complete')) return json(200, { data: { file_id: 'f-1' } });
    return new Response(null, { status: 204 });
  });
}

describe('uploadInChunks', () => {
  it('starts, sends the parts in order with the server part size, and completes', async () => {
    const s = server(4);
    const progress: [number, number][] = [];
    const result = await uploadInChunks(makeCore(s.fetch), SPEC, [], { name: 'a.bin' }, 'abcdefghij', {
      onProgress: (sent, total) => progress.push([sent, total]),
    });
    expect(result).toEqual({ file_id: 'f-1' });
    const calls = s.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(calls).toEqual([
      'POST /v1/uploads',
      'PUT /v1/uploads/up-1/parts/1',
      'PUT /v1/uploads/up-1/parts/2',
      'PUT /v1/uploads/up-1/parts/3',
      'POST /v1/uploads/up-1/complete',
    ]);
    expect(s.bodies.slice(1, 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(progress).toEqual([
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
  });

  it('sends one empty part for empty data', async () => {
    const s = server(4);
    await uploadInChunks(makeCore(s.fetch), SPEC, [], {}, new Uint8Array());
    expect(s.requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/uploads',
      '/v1/uploads/up-1/parts/1',
      '/v1/uploads/up-1/complete',
    ]);
  });

  it('aborts the upload and rethrows when a part fails', async () => {
    const s = server(4, (_, index) =>
      index === 2 ? json(404, { error: { message: 'upload expired' } }) : json(200, {}),
    );
    const error = await rejectionOf(uploadInChunks(makeCore(s.fetch), SPEC, [], {}, 'abcdefghij'));
    expect(error).toBeInstanceOf(NotFoundError);
    const calls = s.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    expect(calls).toEqual([
      'POST /v1/uploads',
      'PUT /v1/uploads/up-1/parts/1',
      'PUT /v1/uploads/up-1/parts/2',
      'DELETE /v1/uploads/up-1',
    ]);
  });

  it('refuses to go on when the start response lacks the id or the part size', async () => {
    const s = script(json(201, { data: { upload_id: 'up-1' } }));
    await expect(uploadInChunks(makeCore(s.fetch), SPEC, [], {}, 'abc')).rejects.toBeInstanceOf(InvalidRequestError);
    expect(s.requests).toHaveLength(1);
  });
});
