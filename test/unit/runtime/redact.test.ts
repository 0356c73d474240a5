import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  redactFields,
  redactHeaders,
  redactText,
  redactUrl,
  redactValue,
} from '../../../generator/runtime/redact.js';

const KEY = 'sk_live_abcdef123456';

describe('redactText', () => {
  it('replaces every occurrence of a secret, whole', () => {
    const result = redactText(`key=${KEY}; again ${KEY}!`, [KEY]);
    expect(result).not.toContain(KEY);
    expect(result).toBe(`key=${REDACTED}; again ${REDACTED}!`);
  });

  it('leaves no prefix or suffix of the secret behind', () => {
    const result = redactText(`[${KEY}]`, [KEY]);
    expect(result).not.toContain('sk_live');
    expect(result).not.toContain('123456');
  });

  it('replaces several secrets', () => {
    expect(redactText('a-secret-1 and b-secret-2', ['a-secret-1', 'b-secret-2'])).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('ignores secrets too short to redact safely (they would shred ordinary text)', () => {
    expect(redactText('abc is in abcdef', ['abc', ''])).toBe('abc is in abcdef');
  });

  it('also redacts the secret as it appears percent-encoded or form-encoded in a URL', () => {
    const key = 'k+y/with=chars and space';
    const text = `raw ${key} | uri ${encodeURIComponent(key)} | form ${new URLSearchParams({ q: key }).toString().slice(2)}`;
    const result = redactText(text, [key]);
    expect(result).not.toContain(key);
    expect(result).not.toContain(encodeURIComponent(key));
    expect(result).not.toContain('k%2By%2Fwith%3Dchars+and+space');
    expect(result.split(REDACTED)).toHaveLength(4);
  });

  it('returns text without secrets unchanged', () => {
    expect(redactText('nothing to hide', [KEY])).toBe('nothing to hide');
    expect(redactText('nothing to hide', [])).toBe('nothing to hide');
  });
});

describe('redactUrl', () => {
  it('replaces credential query parameters, keeping the others', () => {
    const url = new URL(redactUrl(`https://api.test/v1/q?page=2&api_key=${KEY}&sort=asc`, ['api_key'], [KEY]));
    expect(url.searchParams.get('api_key')).toBe(REDACTED);
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.get('sort')).toBe('asc');
    expect(url.pathname).toBe('/v1/q');
    expect(url.toString()).not.toContain(KEY);
  });

  it('redacts a credential parameter even when its value is not the known secret', () => {
    const url = new URL(redactUrl('https://api.test/?token=someone-elses-token', ['token'], [KEY]));
    expect(url.searchParams.get('token')).toBe(REDACTED);
  });

  it('falls back to text redaction for a URL that does not parse', () => {
    expect(redactUrl(`/relative?api_key=${KEY}`, ['api_key'], [KEY])).toBe(`/relative?api_key=${REDACTED}`);
  });

  it('leaves a URL without credentials as it is', () => {
    expect(redactUrl('https://api.test/v1/things?x=1', ['api_key'], [KEY])).toBe('https://api.test/v1/things?x=1');
  });

  it('redacts the secret anywhere else in the URL too', () => {
    expect(redactUrl(`https://api.test/keys/${KEY}`, [], [KEY])).not.toContain(KEY);
  });
});

describe('redactHeaders', () => {
  it('hides credential headers on any API, and the extra names given', () => {
    const headers = new Headers({
      Authorization: `Bearer ${KEY}`,
      Cookie: 'session=1',
      'X-Api-Key': KEY,
      'X-Acme-Key': 'abcd1234',
      Accept: 'application/json',
    });
    const result = redactHeaders(headers, ['X-ACME-KEY'], [KEY]);
    expect(result).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      'x-api-key': REDACTED,
      'x-acme-key': REDACTED,
      accept: 'application/json',
    });
  });

  it('scrubs the secret from other header values', () => {
    const result = redactHeaders(new Headers({ 'X-Debug': `echo ${KEY}` }), [], [KEY]);
    expect(result['x-debug']).toBe(`echo ${REDACTED}`);
  });
});

describe('echoed keys in other shapes', () => {
  const key = 'sk_live_Abc+def/123=XYZ';
  const b64 = (text: string): string => btoa(text);

  it('redacts the key in upper and lower case', () => {
    expect(redactText(`${key.toUpperCase()} ${key.toLowerCase()}`, [key])).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('redacts the key base64-encoded at any offset (a Basic authorization echoed back), standard and URL-safe', () => {
    for (const prefix of ['', 'u', 'us', 'user:', ':']) {
      for (const suffix of ['', ':', ':pw']) {
        const encoded = b64(`${prefix}${key}${suffix}`);
        for (const form of [encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')]) {
          const result = redactText(`Basic ${form}`, [key]);
          expect(result, `${prefix}|${suffix}`).toContain(REDACTED);
          // What is left of the encoded text holds at most the 2 bytes at either end of the key.
          const rest = result.replace('Basic ', '').split(REDACTED).join('');
          expect(rest.length, `${prefix}|${suffix}`).toBeLessThanOrEqual(
            8 + Math.ceil(((prefix.length + suffix.length) * 4) / 3),
          );
        }
      }
    }
  });

  it('redactValue redacts member names and values, and leaves values without the key as they are', () => {
    const body = { [key]: { note: `echo ${key.toUpperCase()}` }, list: [b64(key)] };
    expect(JSON.stringify(redactValue(body, [key]))).not.toMatch(/sk_live/i);
    const clean = { a: 1 };
    expect(redactValue(clean, [key])).toBe(clean);
  });

  it('redactValue survives JSON nested deeper than the stack allows to walk', () => {
    let deep: unknown = key;
    for (let index = 0; index < 100_000; index++) deep = [deep];
    expect(JSON.stringify(redactValue(deep, [key]) ?? null).includes(key)).toBe(false);
  });

  it('redactFields redacts every string field of a hook event', () => {
    expect(redactFields({ url: `https://x/?k=${key}`, requestId: key, attempt: 1 }, [key])).toEqual({
      url: `https://x/?k=${REDACTED}`,
      requestId: REDACTED,
      attempt: 1,
    });
  });
});
