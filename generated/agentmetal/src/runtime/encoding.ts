// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/** Byte encodings and digests with Web Crypto only, so the client runs on any runtime with fetch. */

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes base64 (atob's rules: throws on text that is not base64). */
export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Decodes hex or base64; undefined when the text is not valid in that encoding. */
export function decodeDigest(text: string, encoding: 'hex' | 'base64'): Uint8Array | undefined {
  if (encoding === 'hex') {
    if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return undefined;
    const bytes = new Uint8Array(text.length / 2);
    for (let index = 0; index < bytes.length; index++)
      bytes[index] = parseInt(text.slice(index * 2, index * 2 + 2), 16);
    return bytes;
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  return fromBase64(text);
}

export function encodeDigest(bytes: Uint8Array, encoding: 'hex' | 'base64'): string {
  return encoding === 'hex' ? toHex(bytes) : toBase64(bytes);
}

export type BinaryInput = Blob | ArrayBuffer | ArrayBufferView | string;

export async function bytesOf(input: BinaryInput): Promise<Uint8Array> {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(await input.arrayBuffer());
}

export async function sha256(input: BinaryInput): Promise<Uint8Array> {
  const bytes = await bytesOf(input);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** Compares two byte strings in time that depends only on their length, never on where they differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
