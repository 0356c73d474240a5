import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBlob, readChunks, readText } from '../../../generator/runtime/body-reader.js';
import { controlledStream, streamOf } from './support.js';

describe('readText and readChunks', () => {
  it('reads a body within the cap whole, dropping a UTF-8 byte-order mark like Response.text()', async () => {
    const response = new Response(streamOf([new Uint8Array([0xef, 0xbb, 0xbf]), 'h\u00e9', 'llo']));
    expect(await readText(response, 100, 'fail')).toEqual({ text: 'h\u00e9llo', truncated: false });
  });

  it('fails past the cap and cancels the rest of the body unread', async () => {
    const body = controlledStream();
    body.push('x'.repeat(600));
    body.push('x'.repeat(600));
    const reading = readText(new Response(body.stream), 1000, 'fail');
    await expect(reading).rejects.toBeInstanceOf(BodyTooLargeError);
    await expect(reading).rejects.toThrow('larger than maxResponseBytes (1000 bytes)');
    await body.cancelled;
    expect(body.wasCancelled()).toBe(true);
  });

  it('fails before reading when Content-Length already exceeds the cap', async () => {
    const body = controlledStream();
    const reading = readChunks(new Response(body.stream, { headers: { 'Content-Length': '5000' } }), 1000, 'fail');
    await expect(reading).rejects.toThrow('Content-Length 5000');
    expect(body.wasCancelled()).toBe(true);
  });

  it('truncates at the cap when asked to (error bodies)', async () => {
    const body = controlledStream();
    body.push('abcdef');
    body.push('ghijkl');
    const result = await readText(new Response(body.stream), 8, 'truncate');
    expect(result).toEqual({ text: 'abcdefgh', truncated: true });
    expect(body.wasCancelled()).toBe(true);
  });

  it('a Blob keeps the content type and fails past the cap', async () => {
    const blob = await readBlob(
      new Response(streamOf(['ab', 'cd']), { headers: { 'Content-Type': 'application/zip' } }),
      10,
    );
    expect([blob.type, await blob.text()]).toEqual(['application/zip', 'abcd']);
    await expect(readBlob(new Response(streamOf(['abcdef'])), 5)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('an empty body is empty text', async () => {
    expect(await readText(new Response(null, { status: 204 }), 10, 'fail')).toEqual({ text: '', truncated: false });
  });
});
