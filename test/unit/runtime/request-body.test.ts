import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BodyDescriptor, OperationDescriptor, UploadDescriptor } from '../../../generator/runtime/operation.js';
import { encodeBinary, encodeBody, encodeForm, encodeMultipart } from '../../../generator/runtime/request-body.js';
import { InvalidRequestError, json, makeCore, rejectionOf, script, ServerError, streamOf } from './support.js';

const MULTIPART: BodyDescriptor = {
  kind: 'multipart',
  type: 'multipart/form-data',
  flat: true,
  encode: encodeMultipart,
};
const FORM: BodyDescriptor = {
  kind: 'form',
  type: 'application/x-www-form-urlencoded',
  flat: true,
  encode: encodeForm,
};
const BINARY: BodyDescriptor = { kind: 'binary', type: 'application/octet-stream', flat: false, encode: encodeBinary };
const HEX_UPLOAD: UploadDescriptor = { file: 'file', hash: { field: 'hash', encoding: 'hex' } };
const B64_UPLOAD: UploadDescriptor = { file: 'file', hash: { field: 'checksum', encoding: 'base64' } };

const sha256 = (data: Uint8Array | string, encoding: 'hex' | 'base64'): string =>
  createHash('sha256').update(data).digest(encoding);

async function bytes(value: FormDataEntryValue | null): Promise<Uint8Array> {
  if (!(value instanceof Blob)) throw new Error(`expected a Blob part, got ${typeof value}`);
  return new Uint8Array(await value.arrayBuffer());
}

describe('encodeBody: multipart', () => {
  it('computes the SHA-256 hex of the file when the hash is missing', async () => {
    const file = new TextEncoder().encode('zip bytes \u00e9\u2603');
    const encoded = await encodeBody(MULTIPART, { file, name: 'site' }, HEX_UPLOAD);
    const form = encoded.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.get('hash')).toBe(sha256(file, 'hex'));
    expect(await bytes(form.get('file'))).toEqual(file);
    expect(form.get('name')).toBe('site');
    // fetch sets the multipart Content-Type with its boundary
    expect(encoded.contentType).toBeUndefined();
    expect(encoded.replayable).toBe(true);
  });

  it('computes a base64 digest when the API asks for base64', async () => {
    const file = new Blob(['hello blob']);
    const form = (await encodeBody(MULTIPART, { file }, B64_UPLOAD)).body as FormData;
    expect(form.get('checksum')).toBe(sha256('hello blob', 'base64'));
  });

  it('hashes only the bytes a Uint8Array view covers', async () => {
    const backing = new TextEncoder().encode('XXXXpayloadYYYY');
    const view = backing.subarray(4, 11);
    const form = (await encodeBody(MULTIPART, { file: view }, HEX_UPLOAD)).body as FormData;
    expect(form.get('hash')).toBe(sha256('payload', 'hex'));
    expect(new TextDecoder().decode(await bytes(form.get('file')))).toBe('payload');
  });

  it('hashes a string file as its UTF-8 bytes', async () => {
    const form = (await encodeBody(MULTIPART, { file: 'na\u00efve' }, HEX_UPLOAD)).body as FormData;
    expect(form.get('hash')).toBe(sha256(Buffer.from('na\u00efve', 'utf8'), 'hex'));
    expect(form.get('file')).toBe('na\u00efve');
  });

  it('keeps a hash the caller gave', async () => {
    const form = (await encodeBody(MULTIPART, { file: new Blob(['abc']), hash: 'caller-supplied' }, HEX_UPLOAD))
      .body as FormData;
    expect(form.getAll('hash')).toEqual(['caller-supplied']);
  });

  it('adds no hash when the operation has no upload spec, or no file is given', async () => {
    expect(((await encodeBody(MULTIPART, { file: new Blob(['abc']) }, undefined)).body as FormData).has('hash')).toBe(
      false,
    );
    expect(((await encodeBody(MULTIPART, { name: 'x' }, HEX_UPLOAD)).body as FormData).has('hash')).toBe(false);
  });

  it('keeps a File name and names other binary parts after the field', async () => {
    const form = (await encodeBody(MULTIPART, { file: new File(['a'], 'site.zip'), extra: new Blob(['b']) }, undefined))
      .body as FormData;
    expect((form.get('file') as File).name).toBe('site.zip');
    expect((form.get('extra') as File).name).toBe('extra');
  });

  it('encodes strings, numbers, booleans, objects and arrays; skips null and undefined', async () => {
    const form = (
      await encodeBody(
        MULTIPART,
        { title: 'T', count: 3, draft: false, meta: { a: [1, 2] }, tags: ['x', 'y'], gone: null, absent: undefined },
        undefined,
      )
    ).body as FormData;
    expect(form.get('title')).toBe('T');
    expect(form.get('count')).toBe('3');
    expect(form.get('draft')).toBe('false');
    const meta = form.get('meta');
    expect(meta).toBeInstanceOf(Blob);
    expect((meta as Blob).type).toBe('application/json');
    expect(JSON.parse(await (meta as Blob).text())).toEqual({ a: [1, 2] });
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    expect(form.has('gone')).toBe(false);
    expect(form.has('absent')).toBe(false);
  });

  it('goes over the wire as multipart with the computed hash', async () => {
    const upload: OperationDescriptor = {
      id: 'uploadBuild',
      method: 'post',
      path: '/builds',
      body: MULTIPART,
      upload: HEX_UPLOAD,
      responses: { 201: { kind: 'json' } },
    };
    const s = script(json(201, { ok: true }));
    const file = new TextEncoder().encode('archive');
    await makeCore(s.fetch).call(upload, [], { file, build_id: 'b1' });
    const request = s.requests[0];
    expect(request?.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request!.formData();
    expect(form.get('hash')).toBe(sha256(file, 'hex'));
    expect(form.get('build_id')).toBe('b1');
  });
});

describe('encodeBody: other kinds', () => {
  it('form-encodes fields, repeating arrays and JSON-encoding objects', async () => {
    const encoded = await encodeBody(
      FORM,
      { name: 'a b&c', n: 1, tags: ['x', 'y'], meta: { k: 'v' }, skip: undefined, none: null },
      undefined,
    );
    expect(encoded.contentType).toBe('application/x-www-form-urlencoded');
    const params = encoded.body as URLSearchParams;
    expect(params).toBeInstanceOf(URLSearchParams);
    expect(params.toString()).toBe('name=a+b%26c&n=1&tags=x&tags=y&meta=%7B%22k%22%3A%22v%22%7D');
    expect(encoded.replayable).toBe(true);
  });

  it('JSON-encodes with the operation content type', async () => {
    const encoded = await encodeBody(
      { kind: 'json', type: 'application/merge-patch+json', flat: true },
      { a: [1, { b: null }] },
      undefined,
    );
    expect(JSON.parse(encoded.body as string)).toEqual({ a: [1, { b: null }] });
    expect(encoded.contentType).toBe('application/merge-patch+json');
  });

  it('sends text as it is', async () => {
    const encoded = await encodeBody({ kind: 'text', type: 'text/csv', flat: false }, 'a,b\n1,2', undefined);
    expect(encoded).toEqual({ body: 'a,b\n1,2', contentType: 'text/csv', replayable: true });
  });

  it('sends bytes, Blobs and strings as a replayable Blob', async () => {
    const view = new TextEncoder().encode('__raw__').subarray(2, 5);
    for (const [value, expected] of [
      [view, 'raw'],
      [new Blob(['blob']), 'blob'],
      ['text body', 'text body'],
      [new TextEncoder().encode('buffer').buffer, 'buffer'],
    ] as const) {
      const encoded = await encodeBody(BINARY, value, undefined);
      expect(encoded.replayable).toBe(true);
      expect(encoded.contentType).toBe('application/octet-stream');
      expect(await (encoded.body as Blob).text()).toBe(expected);
    }
  });

  it('marks a stream body as not replayable', async () => {
    const stream = streamOf(['once']);
    const encoded = await encodeBody(BINARY, stream, undefined);
    expect(encoded.body).toBe(stream);
    expect(encoded.replayable).toBe(false);
  });

  it('never retries a request whose body is a stream, even with an idempotency key', async () => {
    const put: OperationDescriptor = {
      id: 'putObject',
      method: 'put',
      path: '/objects/{key}',
      pathParams: ['key'],
      body: BINARY,
      responses: { 200: { kind: 'json' } },
    };
    const s = script(() => json(503, {}, { 'retry-after-ms': '1' }));
    const stream = streamOf(['streamed']);
    const error = await rejectionOf(makeCore(s.fetch).call(put, ['k'], { body: stream }, { idempotencyKey: 'k-1' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(s.requests).toHaveLength(1);
    expect(s.bodies[0]).toBe('streamed');

    // the same PUT with bytes is retried
    const replayable = script(json(503, {}, { 'retry-after-ms': '1' }), json(200, {}));
    await makeCore(replayable.fetch).call(put, ['k'], { body: new TextEncoder().encode('bytes') });
    expect(replayable.requests).toHaveLength(2);
    expect(replayable.bodies).toEqual(['bytes', 'bytes']);
  });
});

describe('body encoders named by the descriptor', () => {
  it('encodes a body of each kind with the encoder of that kind when the descriptor names none', async () => {
    const text = await encodeBody({ kind: 'text', type: 'text/plain', flat: false }, 42, undefined);
    expect(text).toEqual({ body: '42', contentType: 'text/plain', replayable: true });
    const json = await encodeBody({ kind: 'json', type: 'application/json', flat: true }, { a: 1 }, undefined);
    expect(json).toEqual({ body: '{"a":1}', contentType: 'application/json', replayable: true });
  });

  it('refuses to send a non-JSON body whose descriptor names no encoder, as a typed error and without a request', async () => {
    const upload: OperationDescriptor = {
      id: 'uploadBuild',
      method: 'post',
      path: '/builds',
      body: { kind: 'multipart', type: 'multipart/form-data', flat: true },
      responses: { 201: { kind: 'json' } },
    };
    const s = script(json(201, { ok: true }));
    const error = await rejectionOf(makeCore(s.fetch).call(upload, [], { name: 'x' }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe('uploadBuild: the descriptor names no encoder for its multipart body');
    expect(s.requests).toHaveLength(0);
  });
});
