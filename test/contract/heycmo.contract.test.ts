/**
 * HeyCMO's generated client against a real Prism mock of its spec: every
 * operation with valid inputs (JSON, text and SSE), the discovery documents
 * and the home page's content negotiation, public operations without a key,
 * every documented error response ({error, code, requestId} with
 * X-Request-ID, Retry-After on 429), the MCP SSE transport with its query
 * token kept out of hooks, the /live stream, webhook signature verification,
 * and coverage of operations and methods.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APIError,
  APIPromise,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HeyCMO,
  HeyCMOError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  verifyWebhook,
  WebhookVerificationError,
  type ContentApprovedWebhookEvent,
  type ContentCreatedWebhookEvent,
  type ContentPublishedWebhookEvent,
  type ContentRejectedWebhookEvent,
  type HeyCMOWebhookEvent,
  type LiveMessageEvent,
  type McpStreamEvent,
  type McpEndpointEvent,
  type McpMessageEvent,
  type RequestEvent,
  type RequestOptions,
  type TeamInvitedWebhookEvent,
  type UnknownEvent,
  type WorkflowCompletedWebhookEvent,
} from '../../generated/heycmo/src/index.js';
import * as heyCmoOperations from '../../generated/heycmo/src/operations.js';
import {
  contractSpec,
  exampleOf,
  examplesOf,
  expectValid,
  failure,
  Ledger,
  prefer,
  prismUrl,
  resolve,
  responseAt,
  TEST_KEYS,
} from '../support/contract.js';
import {
  errorStatusKeys,
  eventSchemaPointer,
  hmacSignature,
  sseExampleEvents,
  successStatuses,
  take,
  webhookPayload,
  webhookScheme,
} from './contract-helpers.js';

type Json = Record<string, unknown>;

// The spec is read at collection time so the tables can be built from it.
const spec = await contractSpec('heycmo');
const KEY = TEST_KEYS.heycmo;
const ledger = new Ledger();
/** What the hooks saw (they must never see the key). */
const hookEvents: RequestEvent[] = [];
/** What really went over the wire (request copies and responses), for checks the hooks cannot make. */
const wire: Array<{ request: Request; response: Response }> = [];
let client: HeyCMO;

const CUSTOMER = '8f14e45f-ceea-467a-9b5d-2d1f3c9a7b10';
const CHECKOUT_SESSION = 'cs_live_a1F7kQ2mZx9Rt4LpW8eYc3NvB6hJ0sDu5GiOq1XbTz7MwKe2';
const MCP_SESSION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const listTools = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} } as const;

function recordingFetch(
  into: Array<{ request: Request; response: Response }>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const copy = request.clone();
    const response = await globalThis.fetch(request);
    into.push({ request: copy, response });
    return response;
  };
}

beforeAll(() => {
  client = ledger.track(
    new HeyCMO({
      apiKey: KEY,
      baseUrl: prismUrl('heycmo'),
      maxRetries: 0,
      fetch: recordingFetch(wire),
      hooks: {
        onRequest: (event) => {
          hookEvents.push(event);
          ledger.hooks().onRequest(event);
        },
      },
    }),
  );
});

/** Drains a stream with a bound (Prism's answers end, but a stream must never hang the suite). */
const collect = <T>(stream: AsyncIterable<T>, limit = 20): Promise<T[]> => take(stream, limit);

/** One call per non-streaming operation, with the spec's example inputs. */
const calls: Record<string, (options?: RequestOptions) => APIPromise<unknown>> = {
  getHomePage: (options) => client.discovery.getHomePage(undefined, options),
  getOpenApiDocument: (options) => client.discovery.getOpenApi(options),
  getApiCatalog: (options) => client.discovery.getApiCatalog(options),
  getMcpServerCard: (options) => client.discovery.getMcpServerCard(options),
  getProtectedResourceMetadata: (options) => client.discovery.getProtectedResourceMetadata(options),
  getAgentJson: (options) => client.discovery.getAgentJson(options),
  getAgentCard: (options) => client.discovery.getAgentCard(options),
  getLlmsTxt: (options) => client.discovery.getLlmsTxt(options),
  getLlmsFullTxt: (options) => client.discovery.getLlmsFullTxt(options),
  getIndexMarkdown: (options) => client.discovery.getIndexMarkdown(options),
  getPricingMarkdown: (options) => client.discovery.getPricingMarkdown(options),
  getSitemap: (options) => client.discovery.getSitemap(options),
  createCheckoutSession: (options) => client.auth.createCheckout({ email: 'founder@acmecoffee.co' }, options),
  getSessionApiKey: (options) => client.auth.getApiKey(CHECKOUT_SESSION, options),
  getCustomer: (options) => client.customers.get(CUSTOMER, options),
  createWebhookSubscription: (options) =>
    client.webhooks.subscribe(
      CUSTOMER,
      { url: 'https://your-agent.example.com/heycmo-webhook', events: ['content.published', 'workflow.completed'] },
      options,
    ),
  autoExtractOnboarding: (options) =>
    client.onboarding.autoExtract(CUSTOMER, { url: 'https://www.acmecoffee.co' }, options),
  submitOnboarding: (options) =>
    client.onboarding.submit(
      CUSTOMER,
      { url: 'https://www.acmecoffee.co', brandName: 'Acme Coffee', audience: 'Home baristas' },
      options,
    ),
  createConnection: (options) => client.connections.create(CUSTOMER, { provider: 'linkedin' }, options),
  listConnections: (options) => client.connections.list(CUSTOMER, options),
  listEvents: (options) => client.events.list(CUSTOMER, options),
  getDashboard: (options) => client.dashboard.get(CUSTOMER, options),
  runScan: (options) => client.scan.run({ url: 'https://www.acmecoffee.co' }, options),
  getHealth: (options) => client.status.getHealth(options),
  getReadiness: (options) => client.status.getReadiness(options),
  getPublicStatus: (options) => client.status.get(options),
  getStatusPage: (options) => client.status.getPage(options),
  sendMcpMessage: (options) => client.mcp.sendMessage({ sessionId: MCP_SESSION, ...listTools }, options),
};

/** Every operation as "something that fails or succeeds": streams are drained. */
const attempts: Record<string, (options?: RequestOptions) => Promise<unknown>> = {
  ...Object.fromEntries(
    Object.entries(calls).map(([operationId, call]) => [
      operationId,
      (options?: RequestOptions) => call(options).then((value) => value),
    ]),
  ),
  streamLiveOutput: (options) => collect(client.live.stream({ url: 'https://www.acmecoffee.co' }, options)),
  openMcpStream: (options) => collect(client.mcp.connect(options)),
};

const operationIds = spec.operations.map((operation) => operation.operationId);
const isPublic = (operationId: string): boolean =>
  Array.isArray(spec.operations.find((entry) => entry.operationId === operationId)?.operation['security']) &&
  (spec.operations.find((entry) => entry.operationId === operationId)?.operation['security'] as unknown[]).length === 0;
const STREAMS = ['streamLiveOutput', 'openMcpStream'];

/** The first media type of an operation's success response, and its example. */
function successMedia(operationId: string, status: number): { mediaType: string; example: unknown } {
  const content = responseAt(spec, operationId, status).node['content'] as Json | undefined;
  const mediaType = Object.keys(content ?? {})[0];
  if (!mediaType) throw new Error(`${operationId} ${status} has no content`);
  return { mediaType, example: exampleOf(spec, operationId, status, mediaType) };
}

describe('every operation', () => {
  const simple = operationIds.filter(
    (operationId) => !STREAMS.includes(operationId) && operationId !== 'sendMcpMessage',
  );

  it('the tables cover every operation of the spec', () => {
    expect(Object.keys(attempts).sort()).toEqual([...operationIds].sort());
    expect(operationIds).toHaveLength(30);
  });

  it.each(simple)('%s answers its documented status and example', async (operationId) => {
    const [status = 0] = successStatuses(spec, operationId);
    const { mediaType, example } = successMedia(operationId, status);
    const before = wire.length;
    const { data, status: actual, headers, response } = await calls[operationId]!().withResponse();
    expect(actual).toBe(status);
    expectValid(spec, spec.responsePointer(operationId, status, mediaType), data, headers);
    expect(response.headers.get('content-type')).toBe(mediaType);
    // No envelope: the value is the body itself, parsed for JSON media types, text otherwise.
    if (/json/.test(mediaType)) expect(typeof data).toBe('object');
    else expect(typeof data).toBe('string');
    expect(data).toEqual(example);
    // Public operations never carry the key; the others carry it as a bearer token.
    const [sent] = wire.slice(before);
    expect(sent?.request.headers.get('authorization')).toBe(isPublic(operationId) ? null : `Bearer ${KEY}`);
    expect(new URL(sent?.request.url ?? '').searchParams.has('token')).toBe(false);
  });

  it("text documents resolve to the spec's example strings", async () => {
    const texts: Array<[string, string, () => PromiseLike<string>]> = [
      ['getLlmsTxt', 'text/plain', () => client.discovery.getLlmsTxt()],
      ['getLlmsFullTxt', 'text/plain', () => client.discovery.getLlmsFullTxt()],
      ['getIndexMarkdown', 'text/markdown', () => client.discovery.getIndexMarkdown()],
      ['getPricingMarkdown', 'text/markdown', () => client.discovery.getPricingMarkdown()],
      ['getSitemap', 'application/xml', () => client.discovery.getSitemap()],
      ['getStatusPage', 'text/html', () => client.status.getPage()],
    ];
    for (const [operationId, mediaType, call] of texts) {
      const text: string = await call();
      expect(text).toBe(exampleOf(spec, operationId, 200, mediaType));
    }
    expect(await client.discovery.getSitemap()).toMatch(/^<\?xml /);
  });

  it('the API catalog (application/linkset+json; profile=...) resolves to parsed JSON', async () => {
    const mediaType = 'application/linkset+json; profile="https://www.rfc-editor.org/info/rfc9727"';
    const before = wire.length;
    const { data, headers } = await client.discovery.getApiCatalog().withResponse();
    // The documented media type is asked for first; JSON (the error format) only as a fallback.
    expect(wire.slice(before)[0]?.request.headers.get('accept')?.split(', ')[0]).toBe(mediaType);
    expect(headers.get('content-type')).toBe(mediaType);
    expectValid(spec, spec.responsePointer('getApiCatalog', 200, mediaType), data, headers);
    expect(data).toEqual(exampleOf(spec, 'getApiCatalog', 200, mediaType));
    expect(data.linkset[0]?.anchor).toBe('https://heycmo.ai/api');
    expect(data.linkset[0]?.['service-desc']?.[0]?.href).toBe('https://heycmo.ai/openapi.json');
  });

  it('the MCP server card lists the tools', async () => {
    const card = await client.discovery.getMcpServerCard();
    expect(card.tools.map((tool) => tool.name)).toContain('ai_seo_audit');
    expect(card.transport.endpoint).toBe('https://heycmo.ai/mcp/sse');
  });

  it('webhooks.subscribe, status and auth return typed bodies', async () => {
    expect(
      (
        await client.webhooks.subscribe(CUSTOMER, {
          url: 'https://your-agent.example.com/heycmo-webhook',
          events: ['team.invited'],
        })
      ).events,
    ).toEqual(['content.published', 'workflow.completed']);
    expect((await client.status.getHealth()).status).toBe('ok');
    expect((await client.status.getReadiness()).db).toBe(true);
    expect((await client.auth.getApiKey(CHECKOUT_SESSION)).apiKey).toMatch(/^hcmo_live_[0-9a-f]{64}$/);
  });
});

describe('the home page negotiates HTML or the agent descriptor', () => {
  const link = (resolve(spec, '/components/headers/Link').node['example'] as string) ?? '';

  it('without mode: the HTML page (a string), with the RFC 8288 Link header', async () => {
    const { data, headers, status } = await client.discovery.getHomePage().withResponse();
    expect(status).toBe(200);
    expect(typeof data).toBe('string');
    expect(data).toBe(exampleOf(spec, 'getHomePage', 200, 'text/html'));
    expect(headers.get('content-type')).toBe('text/html');
    expect(link).toContain('rel="service-desc"');
    expect(headers.get('link')).toBe(link);
  });

  it('the client offers both documented media types and reads whichever the server picked', async () => {
    const before = wire.length;
    const { data, headers } = await client.discovery.getHomePage({ mode: 'agent' }).withResponse();
    const [sent] = wire.slice(before);
    expect(new URL(sent?.request.url ?? '').searchParams.get('mode')).toBe('agent');
    expect(sent?.request.headers.get('accept')).toBe('text/html, application/json');
    // The value follows the response's Content-Type: text for HTML, parsed JSON for the descriptor.
    expect(typeof data === 'string').toBe(headers.get('content-type') === 'text/html');
    expect(headers.get('link')).toBe(link);
  });

  it('with mode: agent (and Accept: application/json, as a mock needs to choose it) the descriptor as parsed JSON', async () => {
    const before = wire.length;
    const { data, headers, status } = await client.discovery
      .getHomePage({ mode: 'agent' }, { headers: { Accept: 'application/json' } })
      .withResponse();
    const [sent] = wire.slice(before);
    expect(new URL(sent?.request.url ?? '').searchParams.get('mode')).toBe('agent');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json');
    if (typeof data === 'string') throw new Error(`expected the JSON descriptor, got text: ${data.slice(0, 60)}`);
    const descriptor: Record<string, unknown> = data;
    expectValid(spec, spec.responsePointer('getHomePage', 200, 'application/json'), descriptor, headers);
    expect(descriptor).toEqual(exampleOf(spec, 'getHomePage', 200, 'application/json'));
    expect(headers.get('link')).toBe(link);
  });
});

describe('public operations need no key; the others refuse to run without one', () => {
  const own = new Ledger();
  const anonymousWire: Array<{ request: Request; response: Response }> = [];
  let anonymous: HeyCMO;
  const publicIds = operationIds.filter(isPublic);
  const protectedIds = operationIds.filter((operationId) => !isPublic(operationId));

  beforeAll(() => {
    vi.stubEnv('HEYCMO_API_KEY', '');
    try {
      anonymous = new HeyCMO({
        baseUrl: prismUrl('heycmo'),
        maxRetries: 0,
        hooks: own.hooks(),
        fetch: recordingFetch(anonymousWire),
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  /** The same operations on the key-less client. */
  function anonymousAttempt(operationId: string): Promise<unknown> {
    const run: Record<string, () => PromiseLike<unknown>> = {
      getHomePage: () => anonymous.discovery.getHomePage(),
      getOpenApiDocument: () => anonymous.discovery.getOpenApi(),
      getApiCatalog: () => anonymous.discovery.getApiCatalog(),
      getMcpServerCard: () => anonymous.discovery.getMcpServerCard(),
      getProtectedResourceMetadata: () => anonymous.discovery.getProtectedResourceMetadata(),
      getAgentJson: () => anonymous.discovery.getAgentJson(),
      getAgentCard: () => anonymous.discovery.getAgentCard(),
      getLlmsTxt: () => anonymous.discovery.getLlmsTxt(),
      getLlmsFullTxt: () => anonymous.discovery.getLlmsFullTxt(),
      getIndexMarkdown: () => anonymous.discovery.getIndexMarkdown(),
      getPricingMarkdown: () => anonymous.discovery.getPricingMarkdown(),
      getSitemap: () => anonymous.discovery.getSitemap(),
      createCheckoutSession: () => anonymous.auth.createCheckout({ email: 'founder@acmecoffee.co' }),
      getSessionApiKey: () => anonymous.auth.getApiKey(CHECKOUT_SESSION),
      getCustomer: () => anonymous.customers.get(CUSTOMER),
      createWebhookSubscription: () =>
        anonymous.webhooks.subscribe(CUSTOMER, {
          url: 'https://your-agent.example.com/heycmo-webhook',
          events: ['content.published'],
        }),
      autoExtractOnboarding: () => anonymous.onboarding.autoExtract(CUSTOMER, { url: 'https://www.acmecoffee.co' }),
      submitOnboarding: () => anonymous.onboarding.submit(CUSTOMER, { url: 'https://www.acmecoffee.co' }),
      createConnection: () => anonymous.connections.create(CUSTOMER, { provider: 'linkedin' }),
      listConnections: () => anonymous.connections.list(CUSTOMER),
      listEvents: () => anonymous.events.list(CUSTOMER),
      getDashboard: () => anonymous.dashboard.get(CUSTOMER),
      runScan: () => anonymous.scan.run({ url: 'https://www.acmecoffee.co' }),
      getHealth: () => anonymous.status.getHealth(),
      getReadiness: () => anonymous.status.getReadiness(),
      getPublicStatus: () => anonymous.status.get(),
      getStatusPage: () => anonymous.status.getPage(),
      streamLiveOutput: () => collect(anonymous.live.stream({ url: 'https://www.acmecoffee.co' })),
      openMcpStream: () => collect(anonymous.mcp.connect()),
      sendMcpMessage: () => anonymous.mcp.sendMessage({ sessionId: MCP_SESSION, ...listTools }),
    };
    const call = run[operationId];
    if (!call) throw new Error(`no anonymous call for ${operationId}`);
    return Promise.resolve(call());
  }

  it('the spec marks checkout, session key, health, status, /live and discovery public', () => {
    expect(publicIds.sort()).toEqual(
      [
        'getHomePage',
        'getOpenApiDocument',
        'getApiCatalog',
        'getMcpServerCard',
        'getProtectedResourceMetadata',
        'getAgentJson',
        'getAgentCard',
        'getLlmsTxt',
        'getLlmsFullTxt',
        'getIndexMarkdown',
        'getPricingMarkdown',
        'getSitemap',
        'createCheckoutSession',
        'getSessionApiKey',
        'getHealth',
        'getReadiness',
        'getPublicStatus',
        'getStatusPage',
        'streamLiveOutput',
      ].sort(),
    );
  });

  it.each(publicIds)('%s works without a key', async (operationId) => {
    const before = anonymousWire.length;
    const value = await anonymousAttempt(operationId);
    expect(value).toBeDefined();
    const [sent] = anonymousWire.slice(before);
    expect(sent?.response.status).toBe(successStatuses(spec, operationId)[0]);
    expect(sent?.response.headers.get('sl-violations')).toBeNull();
    expect(sent?.request.headers.get('authorization')).toBeNull();
    expect(own.sent.has(operationId)).toBe(true);
  });

  it.each(protectedIds)(
    '%s without a key throws the base error naming HEYCMO_API_KEY, before sending',
    async (operationId) => {
      const before = anonymousWire.length;
      const error = await failure(anonymousAttempt(operationId));
      expect(error).toBeInstanceOf(HeyCMOError);
      expect(error).not.toBeInstanceOf(APIError);
      // The message names the method the caller wrote (customers.get), not the operationId.
      const methodPath = (Object.values(heyCmoOperations) as Array<{ id?: string; methodPath?: string }>).find(
        (entry) => entry.id === operationId,
      )?.methodPath;
      expect(error.message).toBe(
        `The HeyCMO API key is missing: pass { apiKey } to new HeyCMO() or set the HEYCMO_API_KEY environment variable. ${methodPath} needs it.`,
      );
      expect(anonymousWire.length).toBe(before);
      expect(own.sent.has(operationId)).toBe(false);
    },
  );
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
    503: InternalServerError,
  };
  /** A status Prism can be asked for: ranges are represented by the status of their example (4XX: 404 Not Found) or 500. */
  const concrete = (key: string): number => (key === '4XX' ? 404 : key === '5XX' ? 500 : Number(key));
  const rows = spec.operations.flatMap(({ operationId }) =>
    errorStatusKeys(spec, operationId).flatMap((key) =>
      examplesOf(spec, operationId, key).map(([name]) => [operationId, key, concrete(key), name] as const),
    ),
  );

  it('the table holds every operation', () => {
    expect(new Set(rows.map(([operationId]) => operationId))).toEqual(new Set(operationIds));
  });

  it.each(rows)('%s %s as %i (%s)', async (operationId, key, status, exampleName) => {
    const example = exampleOf(spec, operationId, key, 'application/json', exampleName) as Json;
    const error = await failure(attempts[operationId]!(prefer(status, exampleName)));
    expect(error).toBeInstanceOf(classes[status] ?? APIError);
    expect(error).toBeInstanceOf(APIError);
    expect(error['status']).toBe(status);
    expect(error['operationId']).toBe(operationId);
    expect(error['body']).toEqual(example);
    expect(spec.validate(spec.responsePointer(operationId, key), error['body'])).toBeUndefined();
    expect(error['code']).toBe(example['code']);
    expect(error.message).toContain(String(example['error']));
    expect(error.message).not.toContain(KEY);
    const headers = error['headers'] as Headers;
    const documented = (responseAt(spec, operationId, key).node['headers'] ?? {}) as Json;
    if ('X-Request-ID' in documented) {
      // X-Request-ID is documented on this response: the client reports it.
      expect(headers.get('x-request-id')).toBe(resolve(spec, '/components/headers/X-Request-ID').node['example']);
      expect(error['requestId']).toBe(headers.get('x-request-id'));
    } else {
      expect(error['requestId']).toBe(example['requestId']);
    }
    if (status === 429) {
      expect(error).toBeInstanceOf(RateLimitError);
      expect(headers.get('retry-after')).toBe(String(resolve(spec, '/components/headers/Retry-After').node['example']));
      expect(Number(headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
    }
  });

  // Isolates the failures of non-JSON operations above: their error bodies are JSON, but the client's Accept names only
  // the success media type, so a negotiating server (Prism) cannot send the documented error. Widening Accept fixes it.
  const successMediaType = (operationId: string): string | undefined =>
    Object.keys(
      (responseAt(spec, operationId, successStatuses(spec, operationId)[0] ?? 200).node['content'] ?? {}) as Json,
    )[0];
  const nonJson = rows.filter(
    ([operationId]) =>
      successMediaType(operationId) !== undefined && successMediaType(operationId) !== 'application/json',
  );
  it.each(nonJson)(
    '%s %s as %i (%s) arrives typed once Accept also names application/json',
    async (operationId, key, status, exampleName) => {
      const example = exampleOf(spec, operationId, key, 'application/json', exampleName) as Json;
      const error = await failure(
        attempts[operationId]!({
          headers: {
            ...prefer(status, exampleName).headers,
            Accept: `${successMediaType(operationId) ?? ''}, application/json`,
          },
        }),
      );
      expect(error).toBeInstanceOf(classes[status] ?? APIError);
      expect(error['status']).toBe(status);
      expect(error['body']).toEqual(example);
      expect(error['code']).toBe(example['code']);
    },
  );

  it("error.requestId is the X-Request-ID header, which the spec says is the body's requestId", async () => {
    // The spec: "requestId is also returned in the X-Request-ID response header" / "the same value as requestId in the error body".
    const mismatches: string[] = [];
    let compared = 0;
    for (const [operationId, key, status, exampleName] of rows) {
      const documented = (responseAt(spec, operationId, key).node['headers'] ?? {}) as Json;
      if (!('X-Request-ID' in documented)) continue;
      const error = await failure(attempts[operationId]!(prefer(status, exampleName)));
      // Rows that did not come back as the documented error fail in the table above; only compare the ids here.
      const example = exampleOf(spec, operationId, key, 'application/json', exampleName);
      if (error['status'] !== status || JSON.stringify(error['body']) !== JSON.stringify(example)) continue;
      compared++;
      const header = (error['headers'] as Headers).get('x-request-id');
      const bodyId = (error['body'] as Json)['requestId'];
      expect(error['requestId']).toBe(header);
      if (error['requestId'] !== bodyId)
        mismatches.push(`${operationId} ${key}: X-Request-ID ${String(header)}, body requestId ${String(bodyId)}`);
    }
    expect(compared).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });

  it('429 exposes Retry-After in error.headers and is not retried with maxRetries 0', async () => {
    const error = await failure(client.customers.get(CUSTOMER, prefer(429)));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error['code']).toBe('E_RATE_LIMITED');
    expect((error['headers'] as Headers).get('retry-after')).toBe('13');
    expect(error['attempts']).toBe(1);
    expect(error['requestId']).toBe((error['body'] as Json)['requestId']);
  });

  it('401 E_AUTH_REQUIRED is an AuthenticationError with the documented code', async () => {
    const error = await failure(client.scan.run({ url: 'https://www.acmecoffee.co' }, prefer(401)));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error['code']).toBe('E_AUTH_REQUIRED');
    expect(error.message).toContain('Authentication required');
  });
});

describe('MCP over SSE', () => {
  const exampleText = (operationId: string): string => exampleOf(spec, operationId, 200, 'text/event-stream') as string;

  /** The events the client should yield for an SSE example: non-JSON data as {type, data}, JSON data plus type. */
  function expectedEvents(operationId: string): Json[] {
    return sseExampleEvents(exampleText(operationId)).map(({ event, data }) => {
      try {
        return { ...(JSON.parse(data) as Json), type: event ?? 'message' };
      } catch {
        return { type: event ?? 'message', data };
      }
    });
  }

  /** Narrows a stream event on `type`; each branch assigns it to its variant. */
  function describeMcpEvent(event: McpStreamEvent | UnknownEvent): string {
    switch (event.type) {
      case 'endpoint': {
        const endpoint: McpEndpointEvent = event;
        const text: string = endpoint.data;
        return `endpoint ${text}`;
      }
      case 'message': {
        const message: McpMessageEvent = event;
        return `message ${message.jsonrpc} ${String(message.id)}`;
      }
      default: {
        const unknown: UnknownEvent = event;
        return `unknown ${unknown.event}`;
      }
    }
  }

  it('/mcp/sse sends the key in the token query parameter, hooks see it redacted, events are typed', async () => {
    const hooksBefore = hookEvents.length;
    const wireBefore = wire.length;
    const events = await collect(client.mcp.connect());

    // Prism accepted the token: 200, no violations, the example's events.
    const [sent] = wire.slice(wireBefore);
    expect(sent?.response.status).toBe(200);
    expect(sent?.response.headers.get('sl-violations')).toBeNull();
    expect(new URL(sent?.request.url ?? '').searchParams.get('token')).toBe(KEY);
    expect(sent?.request.headers.get('authorization')).toBeNull();

    // The hook saw the request with the token redacted, never the key.
    const seen = hookEvents.slice(hooksBefore).filter((event) => event.operationId === 'openMcpStream');
    expect(seen).toHaveLength(1);
    const hookUrl = new URL(seen[0]?.url ?? '');
    expect(hookUrl.pathname).toBe('/mcp/sse');
    expect(hookUrl.searchParams.get('token')).toBe('[redacted]');
    expect(seen[0]?.url).not.toContain(KEY);
    expect(JSON.stringify(hookEvents)).not.toContain(KEY);

    expect(events).toEqual(expectedEvents('openMcpStream'));
    for (const event of events) expect(spec.validate(eventSchemaPointer(spec, 'openMcpStream'), event)).toBeUndefined();
    const [first, ...rest] = events;
    // The endpoint event's data is plain text, per the README's convention: {type: 'endpoint', data: '<url>'}.
    expect(first).toEqual({ type: 'endpoint', data: `/mcp/message?sessionId=${MCP_SESSION}` });
    expect(describeMcpEvent(first!)).toBe(`endpoint /mcp/message?sessionId=${MCP_SESSION}`);
    expect(rest.map(describeMcpEvent)).toEqual(['message 2.0 1', 'message 2.0 2']);
    const tools = rest[1]?.type === 'message' ? (rest[1].result?.['tools'] as Array<{ name: string }>) : [];
    expect(tools.map((tool) => tool.name)).toEqual(['ai_seo_audit']);
  });

  it('/mcp/message: the session from the endpoint event, 202 with no body, token redacted in hooks', async () => {
    const [endpoint] = await collect(client.mcp.connect(), 1);
    if (endpoint?.type !== 'endpoint') throw new Error('the first MCP event must be endpoint');
    const sessionId = new URL(endpoint.data, prismUrl('heycmo')).searchParams.get('sessionId');
    expect(sessionId).toBe(MCP_SESSION);
    const hooksBefore = hookEvents.length;
    const wireBefore = wire.length;
    const { data, status, headers } = await client.mcp
      .sendMessage({ sessionId: sessionId!, ...listTools })
      .withResponse();
    expect(status).toBe(202);
    expect(data).toBeUndefined();
    expect(headers.get('sl-violations')).toBeNull();
    const [sent] = wire.slice(wireBefore);
    const url = new URL(sent?.request.url ?? '');
    expect(url.pathname).toBe('/mcp/message');
    expect(url.searchParams.get('sessionId')).toBe(MCP_SESSION);
    expect(url.searchParams.get('token')).toBe(KEY);
    // The JSON-RPC message is the body; sessionId went to the query only.
    expect(JSON.parse((await sent?.request.text()) ?? 'null')).toEqual(
      resolve(spec, '/paths/~1mcp~1message/post/requestBody/content/application~1json/examples/listTools').node[
        'value'
      ],
    );
    const seen = hookEvents.slice(hooksBefore);
    expect(seen.map((event) => event.operationId)).toEqual(['sendMcpMessage']);
    expect(new URL(seen[0]?.url ?? '').searchParams.get('token')).toBe('[redacted]');
    expect(seen[0]?.url).not.toContain(KEY);
  });

  it('/mcp/message with an unknown session: 400 {error} only, no code, no request id', async () => {
    const example = exampleOf(spec, 'sendMcpMessage', 400) as Json;
    const error = await failure(client.mcp.sendMessage({ sessionId: 'no-such-session', ...listTools }, prefer(400)));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error['body']).toEqual(example);
    expect(error.message).toContain('Session not found — reconnect to /mcp/sse');
    expect(error['code']).toBeUndefined();
    expect(error['requestId']).toBeUndefined();
    expect(error.message).not.toContain(KEY);
  });

  it('/live streams typed message events (public, no key sent)', async () => {
    const wireBefore = wire.length;
    const events: Array<LiveMessageEvent | UnknownEvent> = await collect(
      client.live.stream({ url: 'https://www.acmecoffee.co' }),
    );
    const [sent] = wire.slice(wireBefore);
    expect(sent?.response.status).toBe(200);
    expect(sent?.response.headers.get('sl-violations')).toBeNull();
    expect(sent?.request.headers.get('authorization')).toBeNull();
    expect(new URL(sent?.request.url ?? '').searchParams.get('url')).toBe('https://www.acmecoffee.co');
    expect(events).toEqual(expectedEvents('streamLiveOutput'));
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(spec.validate(eventSchemaPointer(spec, 'streamLiveOutput'), event)).toBeUndefined();
      if (event.type !== 'message') throw new Error(`unexpected ${event.type} event`);
      const message: LiveMessageEvent = event;
      expect(message['agent']).toBe('seo');
    }
  });

  it('a stream stopped early is closed (bounded read)', async () => {
    const events = await collect(client.live.stream({ url: 'https://www.acmecoffee.co' }), 1);
    expect(events).toHaveLength(1);
  });
});

describe('webhooks', () => {
  const scheme = webhookScheme(spec);
  const secret = 'whsec_heycmo_0123456789abcdef0123456789abcdef';
  const events = Object.keys(spec.document['webhooks'] as Json);

  const sign = (raw: string, key = secret): string => hmacSignature(raw, key, scheme.encoding, scheme.prefix);

  it('the spec names the signature scheme and six events', () => {
    expect(scheme.algorithm).toBe('hmac-sha256');
    expect(scheme.header).toBe('X-HeyCMO-Signature');
    expect(events.sort()).toEqual([
      'content.approved',
      'content.created',
      'content.published',
      'content.rejected',
      'team.invited',
      'workflow.completed',
    ]);
  });

  /** Narrows the event union on `event`; each branch assigns it to its variant. */
  function narrow(event: HeyCMOWebhookEvent): string {
    switch (event.event) {
      case 'content.created': {
        const created: ContentCreatedWebhookEvent = event;
        return `${created.event} ${String(created.data?.['title'])}`;
      }
      case 'content.approved': {
        const approved: ContentApprovedWebhookEvent = event;
        return `${approved.event} ${String(approved.data?.['contentId'])}`;
      }
      case 'content.published': {
        const published: ContentPublishedWebhookEvent = event;
        return `${published.event} ${String(published.data?.['platform'])}`;
      }
      case 'content.rejected': {
        const rejected: ContentRejectedWebhookEvent = event;
        return `${rejected.event} ${String(rejected.data?.['reason'])}`;
      }
      case 'workflow.completed': {
        const completed: WorkflowCompletedWebhookEvent = event;
        return `${completed.event} ${String(completed.data?.['workflow'])}`;
      }
      case 'team.invited': {
        const invited: TeamInvitedWebhookEvent = event;
        return `${invited.event} ${String(invited.data?.['email'])}`;
      }
      default: {
        const never: never = event;
        return String(never);
      }
    }
  }

  const details: Record<string, string> = {
    'content.created': '5 ways to brew better coffee at home',
    'content.approved': '3d2c1b0a-9f8e-4d7c-8b6a-5e4f3a2b1c0d',
    'content.published': 'linkedin',
    'content.rejected': 'Off-brand tone',
    'workflow.completed': 'lead-outreach',
    'team.invited': 'sam@acmecoffee.co',
  };

  it.each(Object.keys(details))('%s: a signed delivery verifies and comes back typed', async (name) => {
    const example = webhookPayload(spec, name);
    expect(
      spec.validate(`/webhooks/${name}/post/requestBody/content/application~1json/schema`, example),
    ).toBeUndefined();
    const raw = JSON.stringify(example);
    const signature = sign(raw);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    const event = await verifyWebhook(raw, signature, secret);
    expect(event).toEqual(example);
    expect(narrow(event)).toBe(`${name} ${details[name]}`);
    expect(await client.verifyWebhook(raw, signature, secret)).toEqual(example);
  });

  describe('refused deliveries throw WebhookVerificationError without the secret in the message', () => {
    const example = webhookPayload(spec, 'content.published');
    const raw = JSON.stringify(example);
    const good = sign(raw);
    const other = 'whsec_heycmo_ffffffffffffffffffffffffffffffff';
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        'tampered body (a field changed)',
        () => verifyWebhook(JSON.stringify({ ...example, customerId: 'someone-else' }), good, secret),
      ],
      ['tampered body (a byte appended)', () => verifyWebhook(`${raw}\n`, good, secret)],
      ['wrong secret', () => verifyWebhook(raw, sign(raw, other), secret)],
      ['missing signature (null)', () => verifyWebhook(raw, null, secret)],
      ['missing signature (undefined)', () => verifyWebhook(raw, undefined, secret)],
      ['missing signature (empty)', () => verifyWebhook(raw, '   ', secret)],
      ['sha256= prefixed signature', () => verifyWebhook(raw, `sha256=${good}`, secret)],
      ['non-hex signature', () => verifyWebhook(raw, `${good.slice(0, 62)}zz`, secret)],
      ['base64 signature', () => verifyWebhook(raw, hmacSignature(raw, secret, 'base64'), secret)],
    ];

    it.each(cases)('%s', async (_, verify) => {
      const error = await failure(verify());
      expect(error).toBeInstanceOf(WebhookVerificationError);
      expect(error).toBeInstanceOf(HeyCMOError);
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain(other);
    });

    it('the untampered delivery verifies (control)', async () => {
      expect(await verifyWebhook(raw, good, secret)).toEqual(example);
    });
  });
});

afterAll(() => {
  // Coverage: every operation of the spec reached Prism, and every generated method was called.
  ledger.expectCoverage(spec, client);
  // No hook ever saw the key.
  expect(JSON.stringify(hookEvents)).not.toContain(KEY);
});
