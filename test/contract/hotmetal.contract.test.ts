/**
 * Hot Metal's generated client against a real Prism mock of its spec: every
 * operation with valid inputs (the `{data}` envelope unwrapped), every
 * documented error response with each of its examples, draft generation and
 * scout runs with and without a webhook (200 / 202, narrowed on `status`), the
 * client-side webhook URL rules, webhook signature verification, and coverage
 * of operations and methods.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APIError,
  APIPromise,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HotMetal,
  HotMetalError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  verifyWebhook,
  signWebhook,
  WebhookVerificationError,
  type DraftGenerateParams,
  type DraftGenerateResponse,
  type DraftFailedWebhookEvent,
  type DraftPublishedWebhookEvent,
  type DraftReadyWebhookEvent,
  type GenerateDraftAccepted,
  type GenerateDraftResult,
  type HotMetalWebhookEvent,
  type RequestOptions,
  type ScoutCompletedWebhookEvent,
  type ScoutRunAccepted,
  type ScoutRunQueued,
  type ScoutRunResponse,
} from '../../generated/hotmetal/src/index.js';
import {
  contractSpec,
  exampleOf,
  examplesOf,
  expectValid,
  failure,
  Ledger,
  prefer,
  prismUrl,
  TEST_KEYS,
} from '../support/contract.js';
import { errorStatusKeys, hmacSignature, successStatuses, webhookPayload, webhookScheme } from './contract-helpers.js';

type Json = Record<string, unknown>;

// The spec is read at collection time so the error table can be built from it.
const spec = await contractSpec('hotmetal');
const ledger = new Ledger();
let client: HotMetal;

const PUBLICATION = 'b3f1a2c4-5d6e-7f8a-9b0c-1d2e3f4a5b6c';
const TOPIC = '3a6c9e2b-7d1f-4b8a-9e5c-2f4d6a8b0c1e';
const IDEA = '5d2f8a1c-4b6e-4c9d-8a3f-7e1b2c4d6f8a';
const SESSION = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const WEBHOOK_URL = 'https://hooks.forgeweekly.com/hotmetal';

// Request bodies: the spec's request examples.
const createPublicationBody = {
  name: 'Quiet Compute',
  slug: 'quiet-compute',
  description: 'Low-power hardware and efficient inference.',
  defaultAuthor: 'Dana Whitfield',
  autoPublishMode: 'ideas-only',
  cadencePostsPerWeek: 1,
  scoutSchedule: { type: 'every_n_days', days: 3, hour: 14 },
  timezone: 'Europe/Berlin',
} as const;
const updatePublicationBody = {
  templateId: 'bold',
  commentsModeration: 'auto-approve',
  scoutSchedule: { type: 'times_per_day', count: 2 },
  styleId: null,
} as const;
const createTopicBody = {
  name: 'Model evaluation',
  description: 'Benchmarks, evals and how teams measure model quality in production.',
  priority: 1,
} as const;
const updateTopicBody = {
  description: 'Tools, workflows and habits that make developers faster.',
  priority: 1,
  isActive: false,
} as const;
const generateBody: DraftGenerateParams = {
  title: 'How small teams ship with AI agents',
  instructions:
    'Write a 1,200-1,500 word practical guide for engineering leads at 5-20 person startups. Cover task selection, review workflows and failure modes, with two real-world examples.',
  styleId: 'c2d4e6f8-1a3b-4c5d-9e7f-0a1b2c3d4e5f',
  autoPublish: false,
};
const generateAsyncBody: DraftGenerateParams = {
  title: 'How small teams ship with AI agents',
  instructions:
    'Write a 1,200-1,500 word practical guide for engineering leads at 5-20 person startups. Cover task selection, review workflows and failure modes, with two real-world examples.',
  autoPublish: false,
  webhookUrl: WEBHOOK_URL,
};
const publishBody = {
  slug: 'how-small-teams-ship-with-ai-agents',
  author: 'Dana Whitfield',
  tags: 'ai-agents,engineering,startups',
  excerpt: 'What we learned from teams of 5-20 engineers who put AI agents to work.',
  draftVersion: 2,
  publishToLinkedIn: true,
  publishToTwitter: true,
  tweetText: 'How small teams actually ship with AI agents — task selection, review loops and failure modes.',
  linkedInText:
    'We talked to engineering leads at a dozen small startups about how they put AI agents to work. Here is what stuck.',
} as const;

/** One call per operation with valid inputs; the error table sends each with a `Prefer` header. */
const calls: Record<string, (options?: RequestOptions) => APIPromise<unknown>> = {
  getCurrentUser: (options) => client.user.get(options),
  listPublications: (options) => client.publications.list(options),
  createPublication: (options) => client.publications.create(createPublicationBody, options),
  getPublication: (options) => client.publications.get(PUBLICATION, options),
  updatePublication: (options) => client.publications.update(PUBLICATION, updatePublicationBody, options),
  deletePublication: (options) => client.publications.delete(PUBLICATION, options),
  listPublicationPosts: (options) => client.publications.listPosts(PUBLICATION, options),
  listTopics: (options) => client.topics.list(PUBLICATION, options),
  createTopic: (options) => client.topics.create(PUBLICATION, createTopicBody, options),
  updateTopic: (options) => client.topics.update(TOPIC, updateTopicBody, options),
  deleteTopic: (options) => client.topics.delete(TOPIC, options),
  listIdeas: (options) => client.ideas.list(PUBLICATION, { status: 'new' }, options),
  getIdea: (options) => client.ideas.get(IDEA, options),
  listStyles: (options) => client.styles.list(options),
  generateDraft: (options) => client.drafts.generate(PUBLICATION, generateBody, options),
  getSession: (options) => client.sessions.get(SESSION, options),
  getDraftVersion: (options) => client.sessions.getDraft(SESSION, 2, options),
  publishDraft: (options) => client.publishing.publish(SESSION, publishBody, options),
  runScout: (options) => client.scout.run(PUBLICATION, { webhookUrl: WEBHOOK_URL }, options),
};

beforeAll(() => {
  client = ledger.track(
    new HotMetal({ apiKey: TEST_KEYS.hotmetal, baseUrl: prismUrl('hotmetal'), maxRetries: 0, hooks: ledger.hooks() }),
  );
});

/** The spec's success example's `data` (the envelope's content). */
function exampleData(operationId: string, status: number): unknown {
  return (exampleOf(spec, operationId, status) as Json)['data'];
}

describe('every operation unwraps the {data} envelope', () => {
  // Operations with one documented success status: the status, the unwrapped value equal to the example's
  // `data`, valid against the envelope's data schema, and no request violation reported by Prism.
  const simple = spec.operations
    .map((operation) => operation.operationId)
    .filter((operationId) => !['generateDraft', 'runScout'].includes(operationId));

  it('the table below covers every single-status operation of the spec', () => {
    expect(simple.sort()).toEqual(
      Object.keys(calls)
        .filter((operationId) => !['generateDraft', 'runScout'].includes(operationId))
        .sort(),
    );
    for (const operationId of simple) expect(successStatuses(spec, operationId)).toHaveLength(1);
  });

  it.each(simple)('%s', async (operationId) => {
    const [status = 0] = successStatuses(spec, operationId);
    const call = calls[operationId];
    if (!call) throw new Error(`no call for ${operationId}`);
    const response = await call().withResponse();
    expect(response.status).toBe(status);
    expectValid(
      spec,
      spec.responsePointer(operationId, status, 'application/json', '/data'),
      response.data,
      response.headers,
    );
    expect(response.data).toEqual(exampleData(operationId, status));
    // Awaiting the promise directly gives the same unwrapped value.
    expect(await call()).toEqual(response.data);
  });

  it('publications.create answers 201 with the created publication', async () => {
    const { data, status } = await client.publications.create(createPublicationBody).withResponse();
    expect(status).toBe(201);
    expect(data.slug).toBe('quiet-compute');
    expect(data.scoutSchedule).toEqual({ type: 'every_n_days', days: 3, hour: 14 });
  });

  it('deletes resolve to {deleted: true}', async () => {
    expect(await client.publications.delete(PUBLICATION)).toEqual({ deleted: true });
    expect(await client.topics.delete(TOPIC)).toEqual({ deleted: true });
    const deleted: { deleted: true } = await client.topics.delete(TOPIC);
    expect(deleted.deleted).toBe(true);
  });

  it('lists resolve to bare arrays', async () => {
    for (const list of [
      client.publications.list(),
      client.publications.listPosts(PUBLICATION),
      client.topics.list(PUBLICATION),
      client.ideas.list(PUBLICATION),
      client.styles.list(),
    ]) {
      const value: unknown = await list;
      expect(Array.isArray(value)).toBe(true);
      expect((value as unknown[]).length).toBeGreaterThan(0);
    }
  });
});

/**
 * Narrows a draft generation result on whether it carries the draft; each branch assigns the value to its
 * variant. Not on `status`: a generated draft's status is open (a state added later arrives as it is), so
 * `status === 'generating'` cannot rule the draft out.
 */
function describeDraftResult(result: DraftGenerateResponse): string {
  if (!('draft' in result)) {
    const accepted: GenerateDraftAccepted = result;
    // @ts-expect-error the 202 acknowledgement carries no draft
    void result.draft;
    return `generating:${accepted.sessionId}`;
  }
  const ready: GenerateDraftResult = result;
  return `${ready.status}:${ready.sessionId}:v${ready.draft.version}:${ready.draft.wordCount}`;
}

/** Narrows a scout run result: queued (200) or accepted with a session (202). */
function describeScoutResult(result: ScoutRunResponse): string {
  if ('queued' in result) {
    const queued: ScoutRunQueued = result;
    return `queued:${String(queued.queued)}`;
  }
  const accepted: ScoutRunAccepted = result;
  return `accepted:${accepted.sessionId}`;
}

describe('draft generation (x-specsmith-async-webhook)', () => {
  it('without webhookUrl answers 200 with the draft (status draft_ready or published)', async () => {
    const { data, status, headers } = await client.drafts.generate(PUBLICATION, generateBody).withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('generateDraft', 200, 'application/json', '/data'), data, headers);
    expect(data).toEqual(exampleData('generateDraft', 200));
    expect(['draft_ready', 'published']).toContain(data.status);
    const example = exampleData('generateDraft', 200) as GenerateDraftResult;
    expect(describeDraftResult(data)).toBe(
      `${example.status}:${example.sessionId}:v${example.draft.version}:${example.draft.wordCount}`,
    );
  });

  it('with webhookUrl and Prefer 202 answers 202 {status: generating}', async () => {
    const { data, status, headers } = await client.drafts
      .generate(PUBLICATION, generateAsyncBody, prefer(202))
      .withResponse();
    expect(status).toBe(202);
    expectValid(spec, spec.responsePointer('generateDraft', 202, 'application/json', '/data'), data, headers);
    expect(data).toEqual(exampleData('generateDraft', 202));
    expect(data.status).toBe('generating');
    expect(describeDraftResult(data)).toBe(
      `generating:${(exampleData('generateDraft', 202) as GenerateDraftAccepted).sessionId}`,
    );
  });

  it('the spec documents the async trait the test relies on', () => {
    const operation = spec.operations.find((entry) => entry.operationId === 'generateDraft')?.operation ?? {};
    expect(operation['x-specsmith-async-webhook']).toMatchObject({ field: 'webhookUrl', status: 202 });
    expect(successStatuses(spec, 'generateDraft').sort()).toEqual([200, 202]);
  });
});

describe('scout runs', () => {
  it('without webhookUrl answers 200 {queued: true}', async () => {
    const { data, status, headers } = await client.scout.run(PUBLICATION).withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('runScout', 200, 'application/json', '/data'), data, headers);
    expect(data).toEqual(exampleData('runScout', 200));
    expect(describeScoutResult(data)).toBe('queued:true');
  });

  it('with webhookUrl and Prefer 202 answers 202 with the session id', async () => {
    const { data, status, headers } = await client.scout
      .run(PUBLICATION, { webhookUrl: WEBHOOK_URL }, prefer(202))
      .withResponse();
    expect(status).toBe(202);
    expectValid(spec, spec.responsePointer('runScout', 202, 'application/json', '/data'), data, headers);
    expect(data).toEqual(exampleData('runScout', 202));
    expect(describeScoutResult(data)).toBe(`accepted:${(exampleData('runScout', 202) as ScoutRunAccepted).sessionId}`);
  });

  it('with webhookUrl the 200 {queued: true} answer is accepted too (the spec says clients accept either)', async () => {
    const { data, status } = await client.scout.run(PUBLICATION, { webhookUrl: WEBHOOK_URL }).withResponse();
    expect(status).toBe(200);
    expect(describeScoutResult(data)).toBe('queued:true');
  });
});

describe('webhook URL rules are enforced before any request is sent', () => {
  const long = `${WEBHOOK_URL}/${'a'.repeat(2048)}`.slice(0, 2049);
  const rejected: Array<[string, string]> = [
    ['http scheme', 'http://hooks.forgeweekly.com/hotmetal'],
    ['localhost', 'https://localhost/hotmetal'],
    ['localhost with a port, upper case', 'HTTPS://LOCALHOST:8443/hotmetal'],
    ['10.x', 'https://10.0.0.5/hotmetal'],
    ['172.16.x', 'https://172.16.0.1/hotmetal'],
    ['172.31.x', 'https://172.31.255.254/hotmetal'],
    ['192.168.x', 'https://192.168.1.10/hotmetal'],
    ['*.local', 'https://hooks.forgeweekly.local/hotmetal'],
    ['*.internal', 'https://hooks.forgeweekly.internal/hotmetal'],
    ['*.local with a trailing dot', 'https://printer.local./hotmetal'],
    ['2049 characters', long],
  ];

  /** A client with its own ledger and a fetch that counts what reaches the network. */
  function probe(): { client: HotMetal; ledger: Ledger; fetched: Request[] } {
    const own = new Ledger();
    const fetched: Request[] = [];
    const probeClient = new HotMetal({
      apiKey: TEST_KEYS.hotmetal,
      baseUrl: prismUrl('hotmetal'),
      maxRetries: 0,
      hooks: own.hooks(),
      fetch: (request) => (fetched.push(request), globalThis.fetch(request)),
    });
    return { client: probeClient, ledger: own, fetched };
  }

  it('the rules come from the spec', () => {
    expect(long).toHaveLength(2049);
    const rules = (spec.document['x-specsmith-webhooks'] as Json)['urlRules'] as Json;
    expect(rules).toEqual({
      schemes: ['https'],
      maxLength: 2048,
      denyHosts: ['localhost'],
      denySuffixes: ['.local', '.internal'],
      denyPrivateNetworks: true,
    });
  });

  it.each(rejected)('drafts.generate refuses %s', async (_, url) => {
    const { client: probeClient, ledger: own, fetched } = probe();
    const error = await failure(
      probeClient.drafts.generate(PUBLICATION, { ...generateAsyncBody, webhookUrl: url }, prefer(202)),
    );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toBeInstanceOf(HotMetalError);
    expect(error).not.toBeInstanceOf(APIError);
    expect(error.message).toContain('webhookUrl');
    expect([...own.sent]).toEqual([]);
    expect(fetched).toHaveLength(0);
  });

  it.each(rejected)('scout.run refuses %s', async (_, url) => {
    const { client: probeClient, ledger: own, fetched } = probe();
    const error = await failure(probeClient.scout.run(PUBLICATION, { webhookUrl: url }, prefer(202)));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain('webhookUrl');
    expect([...own.sent]).toEqual([]);
    expect(fetched).toHaveLength(0);
  });

  it('URLs inside the rules are sent: 2048 characters, a public 172.x address, a host that merely contains "local"', async () => {
    const longest = `${WEBHOOK_URL}/${'a'.repeat(2048)}`.slice(0, 2048);
    for (const url of [longest, 'https://172.32.0.1/hotmetal', 'https://localhost.forgeweekly.com/hotmetal']) {
      const { client: probeClient, ledger: own, fetched } = probe();
      const { data, status, headers } = await probeClient.drafts
        .generate(PUBLICATION, { ...generateAsyncBody, webhookUrl: url }, prefer(202))
        .withResponse();
      expect(status).toBe(202);
      expect(headers.get('sl-violations')).toBeNull();
      expect(data.status).toBe('generating');
      expect([...own.sent]).toEqual(['generateDraft']);
      expect(fetched).toHaveLength(1);
    }
  });
});

describe('documented errors become typed errors', () => {
  const classes: Record<number, typeof APIError> = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
    502: InternalServerError,
    503: InternalServerError,
  };
  // Every documented error status of every operation, with each of its named examples.
  const rows = spec.operations.flatMap(({ operationId }) =>
    errorStatusKeys(spec, operationId).flatMap((status) =>
      examplesOf(spec, operationId, status).map(([name]) => [operationId, Number(status), name] as const),
    ),
  );

  it('the table holds every operation', () => {
    expect(new Set(rows.map(([operationId]) => operationId))).toEqual(
      new Set(spec.operations.map((operation) => operation.operationId)),
    );
    expect(rows.length).toBeGreaterThan(spec.operations.length * 3);
  });

  it.each(rows)('%s %i (%s)', async (operationId, status, exampleName) => {
    const example = exampleOf(spec, operationId, status, 'application/json', exampleName) as Json;
    const call = calls[operationId];
    if (!call) throw new Error(`no call for ${operationId}`);
    const error = await failure(call(prefer(status, exampleName)));
    const ErrorClass = classes[status];
    if (!ErrorClass) throw new Error(`no error class for ${status}`);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error['status']).toBe(status);
    expect(error['operationId']).toBe(operationId);
    expect(error['body']).toEqual(example);
    expect(spec.validate(spec.responsePointer(operationId, status), error['body'])).toBeUndefined();
    // Hot Metal's errors are {error, code}: code from the body, message containing the body's message.
    expect(error['code']).toBe(example['code']);
    expect(error.message).toContain(String(example['error']));
    expect(error['requestId']).toBeUndefined();
    expect(error['headers']).toBeInstanceOf(Headers);
    expect(error['attempts']).toBe(1);
  });

  it('QUOTA_EXCEEDED (403) carries limit, current and upgradeEmail in error.body', async () => {
    const quotaOperations = spec.operations
      .map((operation) => operation.operationId)
      .filter((operationId) => errorStatusKeys(spec, operationId).includes('403'));
    expect(quotaOperations.sort()).toEqual([
      'createPublication',
      'createTopic',
      'generateDraft',
      'publishDraft',
      'updatePublication',
    ]);
    for (const operationId of quotaOperations) {
      const example = exampleOf(spec, operationId, 403) as Json;
      const error = await failure(calls[operationId]!(prefer(403)));
      expect(error).toBeInstanceOf(PermissionDeniedError);
      expect(error['code']).toBe('QUOTA_EXCEEDED');
      const body = error['body'] as { limit: unknown; current: unknown; upgradeEmail: unknown };
      expect(typeof body.limit).toBe('number');
      expect(typeof body.current).toBe('number');
      expect(body.upgradeEmail).toMatch(/@/);
      expect({ limit: body.limit, current: body.current, upgradeEmail: body.upgradeEmail }).toEqual({
        limit: example['limit'],
        current: example['current'],
        upgradeEmail: example['upgradeEmail'],
      });
      expect(spec.validate('/components/schemas/QuotaExceededError', body)).toBeUndefined();
    }
  });

  it('a request without a key is refused client-side, naming HOTMETAL_API_KEY', async () => {
    vi.stubEnv('HOTMETAL_API_KEY', '');
    try {
      const own = new Ledger();
      const anonymous = new HotMetal({
        apiKey: undefined,
        baseUrl: prismUrl('hotmetal'),
        maxRetries: 0,
        hooks: own.hooks(),
      });
      const error = await failure(anonymous.user.get());
      expect(error).toBeInstanceOf(HotMetalError);
      expect(error).not.toBeInstanceOf(APIError);
      expect(error.message).toMatch(/HOTMETAL_API_KEY/);
      expect([...own.sent]).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('webhooks', () => {
  const scheme = webhookScheme(spec);
  const secret = TEST_KEYS.hotmetal;
  const webhooks = spec.document['webhooks'] as Json;
  const events = Object.keys(webhooks);

  it('the scheme is bare lowercase hex HMAC-SHA256 in X-HotMetal-Signature, and four events are documented', () => {
    expect(scheme).toEqual({ header: 'X-HotMetal-Signature', algorithm: 'hmac-sha256', encoding: 'hex', prefix: '' });
    expect(events.sort()).toEqual(['draft.failed', 'draft.published', 'draft.ready', 'scout.completed']);
  });

  it.each(['draft.ready', 'draft.published', 'draft.failed', 'scout.completed'])(
    '%s: a delivery signed with the API key verifies and comes back typed',
    async (name) => {
      const example = webhookPayload(spec, name);
      expect(
        spec.validate(`/webhooks/${name}/post/requestBody/content/application~1json/schema`, example),
      ).toBeUndefined();
      const raw = JSON.stringify(example);
      const signature = hmacSignature(raw, secret, scheme.encoding, scheme.prefix);
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      // The package signs the same way (cross-check of the independent computation).
      expect(await signWebhook(raw, secret)).toBe(signature);
      const event = await verifyWebhook(raw, signature, secret);
      expect(event).toEqual(example);
      expect(await client.verifyWebhook(new TextEncoder().encode(raw), signature, secret)).toEqual(example);
      expect(narrowWebhook(event)).toBe(name);
    },
  );

  /** Narrows the event union on `event`; each branch assigns the event to its variant and reads a variant-only field. */
  function narrowWebhook(event: HotMetalWebhookEvent): string {
    switch (event.event) {
      case 'draft.ready': {
        const ready: DraftReadyWebhookEvent = event;
        expect(ready.data.status).toBe('draft_ready');
        expect(ready.data.draft.wordCount).toBeGreaterThan(0);
        return ready.event;
      }
      case 'draft.published': {
        const published: DraftPublishedWebhookEvent = event;
        expect(published.data.status).toBe('published');
        return published.event;
      }
      case 'draft.failed': {
        const failed: DraftFailedWebhookEvent = event;
        expect(failed.error).toBe('Agent did not produce a draft');
        return failed.event;
      }
      case 'scout.completed': {
        const completed: ScoutCompletedWebhookEvent = event;
        expect(completed.data).toEqual({});
        return completed.event;
      }
      default: {
        const never: never = event;
        return String(never);
      }
    }
  }

  describe('deliveries that must be refused throw WebhookVerificationError without the secret in the message', () => {
    const example = webhookPayload(spec, 'draft.ready');
    const raw = JSON.stringify(example);
    const good = hmacSignature(raw, secret);
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        'tampered body (a field changed)',
        () =>
          verifyWebhook(
            JSON.stringify({ ...example, publicationId: '00000000-0000-4000-8000-000000000000' }),
            good,
            secret,
          ),
      ],
      ['tampered body (a byte appended)', () => verifyWebhook(`${raw} `, good, secret)],
      [
        'wrong secret',
        () => verifyWebhook(raw, hmacSignature(raw, 'hm_test_ffffffffffffffffffffffffffffffff'), secret),
      ],
      [
        'signed with another key, verified with ours',
        () => verifyWebhook(raw, good, 'hm_test_ffffffffffffffffffffffffffffffff'),
      ],
      ['missing signature (null)', () => verifyWebhook(raw, null, secret)],
      ['missing signature (undefined)', () => verifyWebhook(raw, undefined, secret)],
      ['missing signature (empty)', () => verifyWebhook(raw, '', secret)],
      ['sha256= prefixed signature', () => verifyWebhook(raw, `sha256=${good}`, secret)],
      ['non-hex signature', () => verifyWebhook(raw, 'z'.repeat(64), secret)],
      ['truncated signature', () => verifyWebhook(raw, good.slice(0, 63), secret)],
      ['base64 signature', () => verifyWebhook(raw, hmacSignature(raw, secret, 'base64'), secret)],
    ];

    it.each(cases)('%s', async (_, verify) => {
      const error = await failure(verify());
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error).toBeInstanceOf(HotMetalError);
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain('hm_test_ffffffffffffffffffffffffffffffff');
      expect(error.message).not.toContain(good);
    });

    it('the untampered delivery verifies (control)', async () => {
      expect(await verifyWebhook(raw, good, secret)).toEqual(example);
    });
  });
});

// Coverage: every operation of the spec reached Prism, and every generated method was called.
afterAll(() => ledger.expectCoverage(spec, client));
