/**
 * The specs admit what the source documents show real servers sending, while
 * what a client sends stays closed:
 * - Hot Metal answers 403 for a permission error and for a quota error;
 * - Hot Metal's `templateId` and a generated draft's `status` are open in
 *   responses (the documents do not close them), closed in requests;
 * - Hot's build hash admits the documents' own `abc123def456`;
 * - HeyCMO's assumed webhook envelope requires only `event`, and the assumed
 *   signature header is not required: the signature is passed explicitly.
 * Type-level checks (`expectTypeOf`) run under `tsc --noEmit -p .`.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { verifyWebhook, type HeyCMOWebhookEvent } from '../../generated/heycmo/src/index.js';
import type { GeneratedDraftStatus, Publication, PublicationUpdateParams } from '../../generated/hotmetal/src/index.js';
import { contractSpec, resolve } from '../support/contract.js';

const hotmetal = await contractSpec('hotmetal');
const hot = await contractSpec('hot');
const heycmo = await contractSpec('heycmo');

const forbidden = { error: 'Action not allowed for your account', code: 'FORBIDDEN' };
const quota = {
  error: 'Free plan allows up to 2 publications',
  code: 'QUOTA_EXCEEDED',
  limit: 2,
  current: 2,
  upgradeEmail: 'hello@hotmetalapp.com',
};
const operationsWith403 = hotmetal.operations
  .filter((operation) => (operation.operation['responses'] as Record<string, unknown>)['403'] !== undefined)
  .map((operation) => operation.operationId);

describe('Hot Metal 403', () => {
  it('is documented on the operations that hit plan limits', () => {
    expect(operationsWith403.sort()).toEqual([
      'createPublication',
      'createTopic',
      'generateDraft',
      'publishDraft',
      'updatePublication',
    ]);
  });

  it.each(operationsWith403)('%s: the 403 body admits a permission error and a quota error', (operationId) => {
    const pointer = hotmetal.responsePointer(operationId, 403);
    expect(hotmetal.validate(pointer, forbidden)).toBeUndefined();
    expect(hotmetal.validate(pointer, quota)).toBeUndefined();
    // An unknown code on a 403 is still an error body (codes are an open set).
    expect(hotmetal.validate(pointer, { error: 'Nope', code: 'ACCOUNT_SUSPENDED' })).toBeUndefined();
  });

  it.each(operationsWith403)('%s: a quota error still needs its limit, usage and contact', (operationId) => {
    const pointer = hotmetal.responsePointer(operationId, 403);
    const { limit: _limit, ...withoutLimit } = quota;
    expect(hotmetal.validate(pointer, withoutLimit)).toMatch(/limit/);
    expect(hotmetal.validate(pointer, { code: 'FORBIDDEN' })).toMatch(/error/);
  });
});

describe('Hot Metal open response enums', () => {
  // A publication as the spec's create example returns it.
  const publication = resolve(hotmetal, '/components/examples/CreatePublicationResponse').node['value'] as {
    data: Record<string, unknown>;
  };

  it('a publication with a template the documents do not list is a valid response', () => {
    expect(hotmetal.validate('/components/schemas/Publication', publication.data)).toBeUndefined();
    expect(
      hotmetal.validate('/components/schemas/Publication', { ...publication.data, templateId: 'minimal' }),
    ).toBeUndefined();
  });

  it('an update naming an unknown template is refused (requests stay closed)', () => {
    expect(hotmetal.validate('/components/schemas/UpdatePublicationRequest', { templateId: 'minimal' })).toMatch(
      /enum|allowed/i,
    );
    expect(hotmetal.validate('/components/schemas/UpdatePublicationRequest', { templateId: 'bold' })).toBeUndefined();
  });

  it('a generated draft in a state the documents do not list is a valid response', () => {
    expect(hotmetal.validate('/components/schemas/GeneratedDraftStatus', 'scheduled')).toBeUndefined();
    expect(hotmetal.validate('/components/schemas/GeneratedDraftStatus', 'draft_ready')).toBeUndefined();
    expect(hotmetal.validate('/components/schemas/GeneratedDraftStatus', 42)).toBeDefined();
  });

  it('types: open in responses with the known values kept, closed in requests', () => {
    expectTypeOf<Publication['templateId']>().toEqualTypeOf<'starter' | 'editorial' | 'bold' | (string & {})>();
    expectTypeOf<'minimal'>().toMatchTypeOf<Publication['templateId']>();
    expectTypeOf<GeneratedDraftStatus>().toEqualTypeOf<'draft_ready' | 'published' | (string & {})>();
    expectTypeOf<NonNullable<PublicationUpdateParams['templateId']>>().toEqualTypeOf<
      'starter' | 'editorial' | 'bold'
    >();
    expectTypeOf<'minimal'>().not.toMatchTypeOf<NonNullable<PublicationUpdateParams['templateId']>>();
  });
});

describe('Hot build hash', () => {
  const hash = '/components/schemas/BuildUploadRequest/properties/hash';

  it("admits the documents' own example and a SHA-256 hex digest", () => {
    expect(hot.validate(hash, 'abc123def456')).toBeUndefined();
    expect(hot.validate(hash, createHmac('sha256', 'k').update('zip').digest('hex'))).toBeUndefined();
  });

  it('still refuses what is not hex', () => {
    expect(hot.validate(hash, 'sha256:abc')).toBeDefined();
    expect(hot.validate(hash, '')).toBeDefined();
  });

  it('a build as the documents show it (hash abc123def456) is a valid response', () => {
    const build = {
      build_id: '550e8400-e29b-41d4-a716-446655440000',
      project_id: '660e8400-e29b-41d4-a716-446655440000',
      hash: 'abc123def456',
      size: 102400,
      build_type: 'bundle',
      deployed: false,
      active: true,
      created_at: '2024-01-15T10:30:00Z',
      updated_at: '2024-01-15T10:30:00Z',
      storage_path: 's3://builds/...',
      storage_backend: 's3',
    };
    expect(hot.validate('/components/schemas/Build', build)).toBeUndefined();
  });
});

describe('HeyCMO webhooks with assumed header and envelope', () => {
  const secret = 'whsec_heycmo_0123456789abcdef0123456789abcdef';

  it('the assumed signature header is not required', () => {
    expect(resolve(heycmo, '/components/parameters/WebhookSignature').node['required']).toBe(false);
  });

  it('a delivery carrying only the event name is a valid payload', () => {
    expect(
      heycmo.validate('/webhooks/content.created/post/requestBody/content/application~1json/schema', {
        event: 'content.created',
      }),
    ).toBeUndefined();
    expect(
      heycmo.validate('/webhooks/content.created/post/requestBody/content/application~1json/schema', {
        customerId: 'c-1',
      }),
    ).toMatch(/event/);
  });

  it('verifies a minimal delivery whose signature arrived under another header name', async () => {
    const raw = JSON.stringify({ event: 'team.invited' });
    const headers = new Headers({ 'X-Signature': createHmac('sha256', secret).update(raw).digest('hex') });
    const event: HeyCMOWebhookEvent = await verifyWebhook(raw, headers.get('X-Signature'), secret);
    expect(event).toEqual({ event: 'team.invited' });
    expect(event.data).toBeUndefined();
  });
});
