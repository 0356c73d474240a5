import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bytesOf,
  decodeDigest,
  encodeDigest,
  sha256,
  timingSafeEqual,
  toBase64,
  toHex,
} from '../../../generator/runtime/encoding.js';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, index) => index);

describe('hex and base64', () => {
  it('encodes like Node Buffer does', () => {
    expect(toHex(ALL_BYTES)).toBe(Buffer.from(ALL_BYTES).toString('hex'));
    expect(toBase64(ALL_BYTES)).toBe(Buffer.from(ALL_BYTES).toString('base64'));
    expect(toHex(new Uint8Array())).toBe('');
    expect(toBase64(Uint8Array.of(0xff))).toBe('/w==');
  });

  it('pads each byte to two lowercase hex digits', () => {
    expect(toHex(Uint8Array.of(0, 1, 0x0a, 0xab, 0xff))).toBe('00010aabff');
  });

  it('round-trips through decodeDigest and encodeDigest', () => {
    for (const encoding of ['hex', 'base64'] as const) {
      const text = encodeDigest(ALL_BYTES, encoding);
      expect(text).toBe(Buffer.from(ALL_BYTES).toString(encoding));
      expect(decodeDigest(text, encoding)).toEqual(ALL_BYTES);
    }
  });

  it('decodes upper-case hex', () => {
    expect(decodeDigest('ABCDEF', 'hex')).toEqual(Uint8Array.of(0xab, 0xcd, 0xef));
  });

  it.each([
    ['odd length hex', 'abc', 'hex'],
    ['non-hex characters', 'zz', 'hex'],
    ['hex with a prefix', '0xab', 'hex'],
    ['hex with spaces', 'ab cd', 'hex'],
    ['base64 with invalid characters', 'ab$d', 'base64'],
    ['base64 of bad length', 'abc', 'base64'],
    ['base64 with too much padding', 'a===', 'base64'],
    ['base64url characters', 'ab-_', 'base64'],
  ] as const)('rejects %s', (_, text, encoding) => {
    expect(decodeDigest(text, encoding)).toBeUndefined();
  });
});

describe('bytesOf and sha256', () => {
  it('reads strings as UTF-8, and views only over their own range', async () => {
    expect(await bytesOf('\u00e9')).toEqual(Uint8Array.of(0xc3, 0xa9));
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(await bytesOf(view)).toEqual(Uint8Array.of(1, 2, 3));
    expect(await bytesOf(new DataView(Uint8Array.of(7, 8, 9).buffer, 1, 1))).toEqual(Uint8Array.of(8));
    expect(await bytesOf(Uint8Array.of(4, 5).buffer)).toEqual(Uint8Array.of(4, 5));
    expect(await bytesOf(new Blob(['hi']))).toEqual(Uint8Array.of(0x68, 0x69));
  });

  it('hashes like node:crypto', async () => {
    const expected = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
    expect(toHex(await sha256(''))).toBe(expected(''));
    expect(toHex(await sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 example
    expect(toHex(await sha256(ALL_BYTES))).toBe(expected(ALL_BYTES));
    expect(toHex(await sha256(new Blob([ALL_BYTES])))).toBe(expected(ALL_BYTES));
  });
});

describe('timingSafeEqual', () => {
  it('is true for equal contents', () => {
    expect(timingSafeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(timingSafeEqual(new Uint8Array(), new Uint8Array())).toBe(true);
  });

  it('is false when any single bit differs, wherever it is', () => {
    for (let index = 0; index < 32; index++) {
      for (const bit of [0x01, 0x80]) {
        const a = ALL_BYTES.slice(0, 32);
        const b = a.slice();
        b[index] = (b[index] ?? 0) ^ bit;
        expect(timingSafeEqual(a, b), `byte ${index}, bit ${bit}`).toBe(false);
      }
    }
  });

  it('is false for different lengths, including a prefix', () => {
    expect(timingSafeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2))).toBe(false);
    expect(timingSafeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(timingSafeEqual(new Uint8Array(), Uint8Array.of(0))).toBe(false);
  });
});
