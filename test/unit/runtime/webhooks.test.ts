import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, type WebhookSignatureScheme } from '../../../generator/runtime/webhooks.js';
import { errorClasses, rejectionOf, WebhookVerificationError } from './support.js';

const SECRET = 'whsec_9f8e7d6c5b4a3210';
const HEX: WebhookSignatureScheme = {
  header: 'X-Acme-Signature',
  encoding: 'hex',
  prefix: 'sha256=',
  eventField: 'event',
  events: ['draft.ready', 'draft.failed'],
};
const BASE64: WebhookSignatureScheme = {
  header: 'X-Acme-Signature',
  encoding: 'base64',
  prefix: '',
  eventField: 'type',
  events: ['draft.ready'],
};

const EVENT = { event: 'draft.ready', data: { id: 'd_1', title: 'Caf\u00e9 \u2615' } };
const BODY = JSON.stringify(EVENT);

/** The signature computed independently of the code under test. */
function hmac(body: string | Uint8Array, secret: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(body).digest(encoding);
}

async function failure(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return error as WebhookVerificationError;
}

describe('signWebhook', () => {
  it('produces prefix + hex HMAC-SHA256 of the raw body', async () => {
    expect(await signWebhook(BODY, SECRET, HEX)).toBe(`sha256=${hmac(BODY, SECRET, 'hex')}`);
  });

  it('produces base64 HMAC-SHA256 without a prefix', async () => {
    expect(await signWebhook(BODY, SECRET, BASE64)).toBe(hmac(BODY, SECRET, 'base64'));
  });

  it('signs the same bytes whatever form the body takes', async () => {
    const bytes = new TextEncoder().encode(BODY);
    const expected = `sha256=${hmac(bytes, SECRET, 'hex')}`;
    expect(await signWebhook(bytes, SECRET, HEX)).toBe(expected);
    expect(await signWebhook(Buffer.from(BODY), SECRET, HEX)).toBe(expected);
    expect(await signWebhook(new Blob([BODY]), SECRET, HEX)).toBe(expected);
    expect(await signWebhook(bytes.buffer, SECRET, HEX)).toBe(expected);
  });
});

describe('verifyWebhook', () => {
  it('accepts a body signed with the independent HMAC and returns the parsed event', async () => {
    await expect(
      verifyWebhook(BODY, `sha256=${hmac(BODY, SECRET, 'hex')}`, SECRET, HEX, errorClasses),
    ).resolves.toEqual(EVENT);
  });

  it('accepts what signWebhook produces (hex and base64)', async () => {
    await expect(verifyWebhook(BODY, await signWebhook(BODY, SECRET, HEX), SECRET, HEX, errorClasses)).resolves.toEqual(
      EVENT,
    );
    const typed = JSON.stringify({ type: 'draft.ready', n: 1 });
    await expect(
      verifyWebhook(typed, await signWebhook(typed, SECRET, BASE64), SECRET, BASE64, errorClasses),
    ).resolves.toEqual({ type: 'draft.ready', n: 1 });
  });

  it('accepts the body as bytes, and a signature with surrounding whitespace', async () => {
    const bytes = new TextEncoder().encode(BODY);
    await expect(
      verifyWebhook(bytes, `  sha256=${hmac(BODY, SECRET, 'hex')}\n`, SECRET, HEX, errorClasses),
    ).resolves.toEqual(EVENT);
  });

  it('accepts event names the spec does not list (forward compatible)', async () => {
    const body = JSON.stringify({ event: 'draft.archived' });
    await expect(
      verifyWebhook(body, `sha256=${hmac(body, SECRET, 'hex')}`, SECRET, HEX, errorClasses),
    ).resolves.toEqual({ event: 'draft.archived' });
  });

  const good = `sha256=${hmac(BODY, SECRET, 'hex')}`;
  const wrongSecretSignature = `sha256=${hmac(BODY, 'whsec_not_the_right_one', 'hex')}`;
  const cases: [string, () => Promise<unknown>, string[]][] = [
    ['a tampered body', () => verifyWebhook(BODY.replace('d_1', 'd_2'), good, SECRET, HEX, errorClasses), [good]],
    ['a body with one extra space', () => verifyWebhook(`${BODY} `, good, SECRET, HEX, errorClasses), [good]],
    [
      'the wrong secret',
      () => verifyWebhook(BODY, wrongSecretSignature, SECRET, HEX, errorClasses),
      [wrongSecretSignature, good],
    ],
    ['a null signature', () => verifyWebhook(BODY, null, SECRET, HEX, errorClasses), []],
    ['an undefined signature', () => verifyWebhook(BODY, undefined, SECRET, HEX, errorClasses), []],
    ['an empty signature', () => verifyWebhook(BODY, '   ', SECRET, HEX, errorClasses), []],
    ['an empty secret', () => verifyWebhook(BODY, good, '', HEX, errorClasses), [good]],
    [
      'non-hex digits',
      () => verifyWebhook(BODY, `sha256=${'zz'.repeat(32)}`, SECRET, HEX, errorClasses),
      ['zz'.repeat(32)],
    ],
    [
      'an odd number of hex digits',
      () => verifyWebhook(BODY, good.slice(0, -1), SECRET, HEX, errorClasses),
      [good.slice(0, -1)],
    ],
    [
      'a truncated digest',
      () => verifyWebhook(BODY, good.slice(0, -2), SECRET, HEX, errorClasses),
      [good.slice(0, -2)],
    ],
    ['a digest with extra bytes', () => verifyWebhook(BODY, `${good}00`, SECRET, HEX, errorClasses), [good]],
    [
      'the wrong prefix',
      () => verifyWebhook(BODY, `sha1=${hmac(BODY, SECRET, 'hex')}`, SECRET, HEX, errorClasses),
      [hmac(BODY, SECRET, 'hex')],
    ],
    [
      'a missing prefix',
      () => verifyWebhook(BODY, hmac(BODY, SECRET, 'hex'), SECRET, HEX, errorClasses),
      [hmac(BODY, SECRET, 'hex')],
    ],
    ['malformed base64', () => verifyWebhook(BODY, 'not*base64!', SECRET, BASE64, errorClasses), ['not*base64!']],
    [
      'base64 of the wrong length',
      () => verifyWebhook(BODY, hmac(BODY, SECRET, 'base64').slice(0, -1), SECRET, BASE64, errorClasses),
      [hmac(BODY, SECRET, 'base64').slice(0, -1)],
    ],
    [
      'a hex signature where base64 is expected',
      () => verifyWebhook(BODY, hmac(BODY, SECRET, 'hex'), SECRET, BASE64, errorClasses),
      [hmac(BODY, SECRET, 'hex')],
    ],
  ];

  it.each(cases)('rejects %s without revealing the secret or the signature', async (_, run, signatures) => {
    const error = await failure(run());
    expect(error.message).not.toContain(SECRET);
    for (const signature of [...signatures, hmac(BODY, SECRET, 'hex'), hmac(BODY, SECRET, 'base64')]) {
      expect(error.message).not.toContain(signature.replace(/^sha\d+=/, ''));
    }
  });

  it('names the header when the signature is missing', async () => {
    expect((await failure(verifyWebhook(BODY, null, SECRET, HEX, errorClasses))).message).toContain('X-Acme-Signature');
  });

  it('rejects a correctly signed body that is not JSON', async () => {
    const body = 'event=draft.ready';
    const error = await failure(verifyWebhook(body, `sha256=${hmac(body, SECRET, 'hex')}`, SECRET, HEX, errorClasses));
    expect(error.message).not.toContain(SECRET);
  });

  it.each([
    ['no event field', { data: {} }],
    ['a non-string event field', { event: 42 }],
    ['a JSON array', [{ event: 'draft.ready' }]],
    ['JSON null', null],
  ])('rejects a correctly signed payload with %s', async (_, payload) => {
    const body = JSON.stringify(payload);
    const error = await failure(verifyWebhook(body, `sha256=${hmac(body, SECRET, 'hex')}`, SECRET, HEX, errorClasses));
    expect(error.message).not.toContain(SECRET);
  });
});
