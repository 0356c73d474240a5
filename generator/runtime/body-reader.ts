/**
 * Reading response bodies with a byte cap enforced while the bytes arrive, so
 * a server that sends an endless or huge body cannot exhaust memory: past the
 * cap the body is cancelled (closing the connection) and reading stops.
 */

import { DEFAULT_MAX_RESPONSE_BYTES } from './defaults.js';

/** Error bodies are only shown in errors: they are cut here rather than failing the call. */
export const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/** A body went past its cap; the caller turns it into the package's typed error. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  readonly limit: number;
  constructor(limit: number, what: string) {
    super(`${what} is larger than maxResponseBytes (${limit} bytes)`);
    this.limit = limit;
  }
}

export interface BodyChunks {
  chunks: Uint8Array[];
  /** The body went past the cap and was cut there. */
  truncated: boolean;
}

/**
 * The body's bytes, at most `limit` of them. `onOverflow` says what happens
 * past the cap: `fail` throws BodyTooLargeError, `truncate` keeps the first
 * `limit` bytes. Either way the rest of the body is cancelled, never read.
 */
export async function readChunks(
  response: Response,
  limit: number,
  onOverflow: 'fail' | 'truncate',
): Promise<BodyChunks> {
  const body = response.body;
  if (!body) return { chunks: [], truncated: false };
  const declared = Number(response.headers.get('content-length'));
  if (onOverflow === 'fail' && Number.isFinite(declared) && declared > limit) {
    // Content-Length already says too much: fail before reading a byte.
    void body.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limit, `the body (Content-Length ${declared})`);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { chunks, truncated: false };
      if (received + value.byteLength > limit) {
        // Not awaited: cancelling a tee'd body settles only when its other branch is read.
        void reader.cancel().catch(() => undefined);
        if (onOverflow === 'fail') throw new BodyTooLargeError(limit, 'the body');
        chunks.push(value.subarray(0, limit - received));
        return { chunks, truncated: true };
      }
      received += value.byteLength;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
}

/** The body as UTF-8 text (a byte-order mark dropped, as `Response.text()` does). */
export async function readText(
  response: Response,
  limit: number,
  onOverflow: 'fail' | 'truncate',
): Promise<{ text: string; truncated: boolean }> {
  const { chunks, truncated } = await readChunks(response, limit, onOverflow);
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  return { text, truncated };
}

export async function readBlob(response: Response, limit: number): Promise<Blob> {
  const { chunks } = await readChunks(response, limit, 'fail');
  return new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: response.headers.get('content-type') ?? '' });
}

/** A cap given as an option: a positive number, else the default. */
export function byteLimit(...candidates: (number | undefined)[]): number {
  for (const value of candidates) if (typeof value === 'number' && value > 0) return value;
  return DEFAULT_MAX_RESPONSE_BYTES;
}
