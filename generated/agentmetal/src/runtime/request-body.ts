// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Turns the caller's params into a request body of the operation's kind:
 * JSON, multipart (computing the file digest when the API wants one and the
 * caller left it out), URL-encoded form, raw bytes or text. Each kind but
 * JSON has its own encoder, which the operation's descriptor names
 * (`body.encode`), so only the encoders of the operations an app calls are bundled.
 */
import { encodeDigest, sha256, type BinaryInput } from './encoding.js';
import type { BodyDescriptor, BodyEncoder, UploadDescriptor } from './operation.js';

/** What a raw-bytes request body may be. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | string;

export interface EncodedBody {
  body: unknown;
  /** Content-Type to send; undefined lets fetch decide (multipart boundary). */
  contentType: string | undefined;
  /** A stream can be sent once only; such a request is never retried. */
  replayable: boolean;
}

function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return (
    (typeof Blob !== 'undefined' && value instanceof Blob) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)
  );
}

function isStream(value: unknown): value is ReadableStream {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

function toBlob(value: Blob | ArrayBuffer | ArrayBufferView): Blob {
  if (value instanceof Blob) return value;
  const view =
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return new Blob([view as Uint8Array<ArrayBuffer>]);
}

async function multipart(fields: Record<string, unknown>, upload: UploadDescriptor | undefined): Promise<FormData> {
  const values = { ...fields };
  if (upload?.hash && values[upload.hash.field] === undefined) {
    const file = values[upload.file];
    if (file !== undefined && file !== null)
      values[upload.hash.field] = encodeDigest(await sha256(file as BinaryInput), upload.hash.encoding);
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) && !isBinary(value) ? value : [value]) {
      if (isBinary(item)) {
        const blob = toBlob(item);
        const filename = typeof File !== 'undefined' && blob instanceof File ? blob.name : name;
        form.append(name, blob, filename);
      } else if (typeof item === 'object') {
        form.append(name, new Blob([JSON.stringify(item)], { type: 'application/json' }));
      } else {
        form.append(name, String(item));
      }
    }
  }
  return form;
}

function formEncoded(fields: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value])
      params.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  return params;
}

/** A JSON body (the runtime's default, which needs no encoder). */
export const encodeJson: BodyEncoder = (spec, value) => ({
  body: JSON.stringify(value),
  contentType: spec.type,
  replayable: true,
});

/** multipart/form-data: fetch sets the Content-Type with its boundary. */
export const encodeMultipart: BodyEncoder = async (_spec, value, upload) => ({
  body: await multipart((value ?? {}) as Record<string, unknown>, upload),
  contentType: undefined,
  replayable: true,
});

export const encodeForm: BodyEncoder = (spec, value) => ({
  body: formEncoded((value ?? {}) as Record<string, unknown>),
  contentType: spec.type,
  replayable: true,
});

export const encodeText: BodyEncoder = (spec, value) => ({
  body: String(value),
  contentType: spec.type,
  replayable: true,
});

/** Raw bytes; a stream can be sent once only. */
export const encodeBinary: BodyEncoder = (spec, value) =>
  isStream(value)
    ? { body: value, contentType: spec.type, replayable: false }
    : { body: isBinary(value) ? toBlob(value) : new Blob([String(value)]), contentType: spec.type, replayable: true };

/** The encoder of each body kind, as descriptors name them (`body.encode`). */
export const BODY_ENCODERS = {
  json: encodeJson,
  multipart: encodeMultipart,
  form: encodeForm,
  text: encodeText,
  binary: encodeBinary,
} as const;

/** Encodes a body of any kind (the encoder the descriptor names, else its kind's). */
export async function encodeBody(
  spec: BodyDescriptor,
  value: unknown,
  upload: UploadDescriptor | undefined,
): Promise<EncodedBody> {
  return (spec.encode ?? BODY_ENCODERS[spec.kind])(spec, value, upload);
}
