/**
 * Hot's generated client against a real Prism mock of its spec: every
 * operation with valid inputs, every documented error response (each named
 * example), and Hot's traits: the {data, meta} envelope and its request id,
 * offset pagination, server-sent events (typed, validated, narrowed, resumed),
 * publishAndWait, the multipart build upload with its computed SHA-256,
 * downloads, raw and chunked file uploads, error mapping, retries, the
 * unauthenticated status endpoint, the custom permission builder, and coverage
 * of operations and methods.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  Hot,
  HotError,
  InternalServerError,
  NotFoundError,
  OperationFailedError,
  Page,
  PermissionDeniedError,
  RateLimitError,
  permissions,
  type APIPromise,
  type BinaryBody,
  type ClientOptions,
  type HotErrorCode,
  type RequestEvent,
  type RetryEvent,
  type ServiceKeyCreateParams,
  type SessionCreateParams,
  type StreamOptions,
  type StreamEvent,
  type UnknownEvent,
} from '../../generated/hot/src/index.js';
import * as hotPackage from '../../generated/hot/src/index.js';
import * as hotOperations from '../../generated/hot/src/operations.js';
import { appendPointer, getAtPointer } from '../../generator/load/json-pointer.js';
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
  type ContractSpec,
} from '../support/contract.js';
import { eventSchemaPointer, sseExampleEvents, take } from './contract-helpers.js';

type Json = Record<string, unknown>;

// Inputs: the spec's parameter and request body examples.
const PROJECT = 'my-project';
const BUILD_ID = '880e8400-e29b-41d4-a716-446655440000';
const CONTEXT_KEY = 'DATABASE_URL';
const EVENT_ID = '990e8400-e29b-41d4-a716-446655440000';
const RUN_ID = '1c0e8400-e29b-41d4-a716-446655440000';
const TASK_ID = '2d0e8400-e29b-41d4-a716-446655440000';
const STREAM_ID = '770e8400-e29b-41d4-a716-446655440000';
const SESSION_ID = '3e0e8400-e29b-41d4-a716-446655440000';
const SERVICE_KEY_ID = '4f0e8400-e29b-41d4-a716-446655440000';
const DOMAIN_ID = '5a0e8400-e29b-41d4-a716-446655440000';
const FILE_ID = '6b0e8400-e29b-41d4-a716-446655440000';
const UPLOAD_ID = '7c0e8400-e29b-41d4-a716-446655440000';
// The file path spans segments (x-specsmith-multi-segment) and is sent with its slashes, but Prism routes a
// template parameter as one segment; calls through Prism use a one-segment path. test/faults/messages.test.ts
// sends a multi-segment one.
const FILE_PATH = 'summary.csv';
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CSV = 'date,region,revenue\n2026-01-14,eu,1200\n';
const PUBLISH = { event_type: 'user.signup', event_data: { user_id: '123', email: 'alice@example.com' } };
const SUBSCRIBE_WITH_EVENT = { event_type: 'chat:message', event_data: { message: 'Hello, world!', history: [] } };
const SESSION: SessionCreateParams & { metadata: Json } = {
  permissions: { 'stream:*': ['read'], 'event:user:*': ['create'] },
  metadata: { user_id: 'end-user-123', purpose: 'stream-subscription' },
  expires_in: 3600,
};
const SERVICE_KEY: ServiceKeyCreateParams = {
  name: 'Acme Corp Production Key',
  description: 'MCP and stream access for Acme Corp',
  permissions: { 'mcp:weather/*': ['execute'], 'stream:*': ['read'] },
  metadata: { customer_id: 'acme-123' },
  expires_in: null,
};
const CHUNKED = { path: 'videos/2026/launch.mp4', expected_size: 524288000, content_type: 'video/mp4' };
const zip = (): Blob => new Blob(['PK\u0003\u0004 build.hot.zip contents'], { type: 'application/zip' });

// The spec is loaded at collection time so the error table can be built from it.
const spec: ContractSpec = await contractSpec('hot');
const ledger = new Ledger();
let hot: Hot;

beforeAll(() => {
  hot = ledger.track(
    new Hot({ apiKey: TEST_KEYS.hot, baseUrl: prismUrl('hot'), maxRetries: 0, hooks: ledger.hooks() }),
  );
});

// ---------------------------------------------------------------------------
// Reading the spec: responses, their examples, SSE example streams.
// ---------------------------------------------------------------------------

function operation(operationId: string): Json {
  const entry = spec.operations.find((candidate) => candidate.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId} in the spec`);
  return entry.operation;
}

/** Example names of a response body (undefined for a single `example`). */
const exampleNames = (operationId: string, status: number, mediaType = 'application/json'): (string | undefined)[] =>
  examplesOf(spec, operationId, status, mediaType).map(([name]) => name);

/** A documented example body; Prism serves the first one unless `Prefer: example=<name>` says otherwise. */
const example = <T = Json>(operationId: string, status: number, name?: string, mediaType = 'application/json'): T =>
  exampleOf(spec, operationId, status, mediaType, name) as T;

/** A response header object, `$ref`s followed (undefined when the response documents no such header). */
function responseHeader(operationId: string, status: number, name: string): Json | undefined {
  const response = responseAt(spec, operationId, status);
  if ((response.node['headers'] as Json | undefined)?.[name] === undefined) return undefined;
  return resolve(spec, appendPointer(response.pointer, 'headers', name)).node;
}

const requestIdPointer = (spec.document['x-specsmith-request-id'] as { pointer: string }).pointer;
const exampleRequestId = (operationId: string, status: number, name?: string): unknown =>
  getAtPointer(example(operationId, status, name), requestIdPointer);

/**
 * The events of a documented SSE example, decoded the way the spec says (type from `event:` when data lacks it).
 * Prism serves each example as written, so these are also the events a stream of it yields.
 */
function exampleEvents(operationId: string, name?: string): Json[] {
  return sseExampleEvents(example<string>(operationId, 200, name, 'text/event-stream')).map(({ event, data }) => {
    const parsed = JSON.parse(data) as Json;
    return 'type' in parsed ? parsed : { ...parsed, type: event };
  });
}

/** The x-specsmith-sse failure message of a failure event, found with the spec's pointers in order. */
function failureMessage(operationId: string, event: Json): string {
  const sse = operation(operationId)['x-specsmith-sse'] as { result: { failure: { message: string[] } } };
  const found = sse.result.failure.message
    .map((pointer) => getAtPointer(event, pointer))
    .find((value) => typeof value === 'string' && value !== '');
  if (typeof found !== 'string') throw new Error(`no failure message in ${JSON.stringify(event)}`);
  return found;
}

// ---------------------------------------------------------------------------
// Assertions shared by the per-operation tests.
// ---------------------------------------------------------------------------

/** A success in the {data, meta} envelope: status, no violations, data = the example's data and valid, requestId = meta.request_id. */
async function expectEnveloped<T>(operationId: string, status: number, call: APIPromise<T>, name?: string): Promise<T> {
  const { data, status: got, headers, requestId } = await call.withResponse();
  expect(got).toBe(status);
  expectValid(spec, spec.responsePointer(operationId, status, 'application/json', '/data'), data, headers);
  const body = example(operationId, status, name);
  expect(data).toEqual(body['data']);
  expect(requestId).toBe(getAtPointer(body, requestIdPointer));
  return data;
}

/** The first page of a list: a Page whose items are the example's data, valid per the item schema, with the example's paging state. */
async function expectFirstPage<Item>(operationId: string, call: APIPromise<Page<Item>>): Promise<Page<Item>> {
  const { data: page, status, headers, requestId } = await call.withResponse();
  expect(status).toBe(200);
  expect(page).toBeInstanceOf(Page);
  const body = example(operationId, 200) as { data: unknown[]; pagination: { total: number; has_more: boolean } };
  expectValid(spec, spec.responsePointer(operationId, 200, 'application/json', '/data'), page.items, headers);
  for (const item of page.items)
    expect(
      spec.validate(`${spec.responsePointer(operationId, 200, 'application/json', '/data')}/items`, item),
    ).toBeUndefined();
  expect(page.items).toEqual(body.data);
  expect(page.total).toBe(body.pagination.total);
  expect(page.hasNextPage()).toBe(body.pagination.has_more);
  expect(requestId).toBe(exampleRequestId(operationId, 200));
  return page;
}

/** A 204: nothing to return. */
async function expectNoContent(call: APIPromise<unknown>): Promise<void> {
  const { data, status, headers } = await call.withResponse();
  expect(status).toBe(204);
  expect(headers.get('sl-violations')).toBeNull();
  expect(data).toBeUndefined();
}

async function firstEvent(stream: AsyncIterable<unknown>): Promise<unknown> {
  return (await take(stream, 1))[0];
}

/**
 * The events a resumed stream yields: the first response's, then the next
 * response's minus the repeats the spec's x-specsmith-sse.dedupe drops
 * (the same event type for the same key).
 */
function resumedEvents(operationId: string, first: Json[], second: Json[]): Json[] {
  const dedupe = (operation(operationId)['x-specsmith-sse'] as { dedupe?: { events: string[]; key: string } }).dedupe;
  const seen = new Set<string>();
  const identity = (event: Json): string | undefined =>
    dedupe?.events.includes(String(event['type']))
      ? `${String(event['type'])} ${String(getAtPointer(event, dedupe.key))}`
      : undefined;
  for (const event of first) {
    const id = identity(event);
    if (id) seen.add(id);
  }
  return [
    ...first,
    ...second.filter((event) => {
      const id = identity(event);
      if (!id) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    }),
  ];
}

/** A stream yields exactly the events Prism serves for the example, each valid against the operation's event union. */
function expectServedEvents(operationId: string, events: readonly unknown[], name?: string): void {
  expect(events).toEqual(exampleEvents(operationId, name));
  const union = eventSchemaPointer(spec, operationId);
  for (const event of events) {
    expect((event as Json)['type']).not.toBe('unknown');
    expect(spec.validate(union, event)).toBeUndefined();
  }
}

interface Recorded {
  client: Hot;
  requests: RequestEvent[];
  retries: RetryEvent[];
  sent: Request[];
  /** The bodies of the SSE responses, as Prism served them. */
  served: string[];
}

interface RecordingOptions extends ClientOptions {
  /** Adds a Prefer header to the requests it returns one for. */
  prefer?: (request: Request) => string | undefined;
}

/**
 * A separate client that records what it sends (hooks and a fetch wrapper);
 * `prefer(request)` may add a Prefer header to chosen requests only, to pick
 * Prism's example for one step of a multi-request method.
 */
function recording(options: RecordingOptions = {}): Recorded {
  const { prefer: choose, ...rest } = options;
  const requests: RequestEvent[] = [];
  const retries: RetryEvent[] = [];
  const sent: Request[] = [];
  const served: string[] = [];
  const client = new Hot({
    apiKey: TEST_KEYS.hot,
    baseUrl: prismUrl('hot'),
    maxRetries: 0,
    hooks: { onRequest: (event) => void requests.push(event), onRetry: (event) => void retries.push(event) },
    fetch: async (request) => {
      const preference = choose?.(request);
      let outgoing = request;
      if (preference) {
        const headers = new Headers(request.headers);
        headers.set('Prefer', preference);
        outgoing = new Request(request, { headers });
      }
      sent.push(outgoing.clone());
      const answer = await fetch(outgoing);
      if (!answer.ok || !answer.headers.get('content-type')?.startsWith('text/event-stream')) return answer;
      // Prism's streams are finite: read the body and hand the client an equal one (no tee,
      // whose cancel() would wait for the unread branch).
      const text = await answer.text();
      served.push(text);
      const headers = new Headers(answer.headers);
      headers.delete('content-length');
      return new Response(text, { status: answer.status, statusText: answer.statusText, headers });
    },
    ...rest,
  });
  return { client, requests, retries, sent, served };
}

const query = (url: string): URLSearchParams => new URL(url).searchParams;

// ---------------------------------------------------------------------------
// One test per operation.
// ---------------------------------------------------------------------------

describe('status', () => {
  it('get returns the bare (not enveloped) status', async () => {
    const { data, status, headers, requestId } = await hot.status.get().withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('getStatus', 200), data, headers);
    expect(data).toEqual(example('getStatus', 200));
    // No envelope, so no meta.request_id (and Hot sends no request-id header).
    expect(requestId).toBeUndefined();
  });
});

describe('projects', () => {
  it('list returns a page of projects', async () => {
    await expectFirstPage('listProjects', hot.projects.list());
  });

  it('create answers 201 with the project', async () => {
    const project = await expectEnveloped('createProject', 201, hot.projects.create({ name: 'my-project' }));
    expect(project.name).toBe('my-project');
  });

  it('get returns the project by slug', async () => {
    await expectEnveloped('getProject', 200, hot.projects.get(PROJECT));
  });

  it('get returns the project by UUID', async () => {
    await expectEnveloped('getProject', 200, hot.projects.get('550e8400-e29b-41d4-a716-446655440000'));
  });

  it('delete answers 204', async () => {
    await expectNoContent(hot.projects.delete(PROJECT));
  });

  it('update answers 200 with the renamed project', async () => {
    const project = await expectEnveloped(
      'updateProject',
      200,
      hot.projects.update(PROJECT, { name: 'new-project-name' }),
    );
    expect(project.name).toBe('new-project-name');
  });

  it('activate returns {project, redeployed_build_id}', async () => {
    const activation = await expectEnveloped('activateProject', 200, hot.projects.activate(PROJECT));
    expect(activation.project.active).toBe(true);
  });

  it('deactivate returns {project, redeployed_build_id}', async () => {
    const activation = await expectEnveloped('deactivateProject', 200, hot.projects.deactivate(PROJECT));
    expect(activation.project.active).toBe(false);
  });

  it('listEventHandlers returns a page of event handlers', async () => {
    await expectFirstPage(
      'listProjectEventHandlers',
      hot.projects.listEventHandlers(PROJECT, { limit: 20, offset: 0 }),
    );
  });

  it('listSchedules returns a page of schedules', async () => {
    await expectFirstPage('listProjectSchedules', hot.projects.listSchedules(PROJECT));
  });
});

describe('builds', () => {
  it('list returns a page of builds with their project names', async () => {
    await expectFirstPage('listBuilds', hot.builds.list());
  });

  it('listForProject returns a page of builds', async () => {
    await expectFirstPage('listProjectBuilds', hot.builds.listForProject(PROJECT));
  });

  it('upload sends multipart with a computed hash and answers 200 (Prism’s first success)', async () => {
    await expectEnveloped('uploadBuild', 200, hot.builds.upload(PROJECT, { file: zip() }));
  });

  it('getDeployed returns the deployed build', async () => {
    await expectEnveloped('getDeployedBuild', 200, hot.builds.getDeployed(PROJECT));
  });

  it('getLive returns the live build', async () => {
    await expectEnveloped('getLiveBuild', 200, hot.builds.getLive(PROJECT));
  });

  it('get returns the build', async () => {
    await expectEnveloped('getBuild', 200, hot.builds.get(PROJECT, BUILD_ID));
  });

  it('download resolves to a Blob of the zip', async () => {
    const { data, status, headers } = await hot.builds.download(PROJECT, BUILD_ID).withResponse();
    expect(status).toBe(200);
    expect(headers.get('sl-violations')).toBeNull();
    expect(data).toBeInstanceOf(Blob);
    expect(data.type).toBe('application/zip');
    expect(await data.text()).toBe(example('downloadBuild', 200, undefined, 'application/zip'));
  });

  it('deploy answers 200 with the deployed build', async () => {
    const build = await expectEnveloped('deployBuild', 200, hot.builds.deploy(PROJECT, BUILD_ID));
    expect(build.deployed).toBe(true);
  });
});

describe('context', () => {
  it('list returns a page of variables (metadata only)', async () => {
    const page = await expectFirstPage('listContextVariables', hot.context.list(PROJECT));
    for (const variable of page.items) expect(variable).not.toHaveProperty('value');
  });

  it('create answers 201 with the metadata, never the value', async () => {
    const variable = await expectEnveloped(
      'createContextVariable',
      201,
      hot.context.create(PROJECT, {
        key: CONTEXT_KEY,
        value: 'postgres://user:pass@host/db',
        description: 'Production database connection',
      }),
    );
    expect(variable).not.toHaveProperty('value');
  });

  it('update answers 200 with the metadata', async () => {
    await expectEnveloped(
      'updateContextVariable',
      200,
      hot.context.update(PROJECT, CONTEXT_KEY, {
        value: 'postgres://user:newpass@host/db',
        description: 'Updated description',
      }),
    );
  });

  it('delete answers 204', async () => {
    await expectNoContent(hot.context.delete(PROJECT, CONTEXT_KEY));
  });
});

describe('events', () => {
  it('list returns a page of events', async () => {
    await expectFirstPage('listEvents', hot.events.list());
  });

  it('publish answers 201 with the event and its stream', async () => {
    const event = await expectEnveloped('publishEvent', 201, hot.events.publish(PUBLISH));
    expect(event.stream_id).toBe(STREAM_ID);
  });

  it('get returns the event', async () => {
    await expectEnveloped('getEvent', 200, hot.events.get(EVENT_ID));
  });

  it('listRuns returns a page of the event’s runs', async () => {
    await expectFirstPage('listEventRuns', hot.events.listRuns(EVENT_ID));
  });
});

describe('runs', () => {
  it('list returns a page of runs', async () => {
    await expectFirstPage(
      'listRuns',
      hot.runs.list({ limit: 20, offset: 0, status: 'succeeded', type: 'event', time_range: 'P7D' }),
    );
  });

  it('stats returns the run counts', async () => {
    await expectEnveloped('getRunStats', 200, hot.runs.stats());
  });

  it.each(exampleNames('getRun', 200))('get returns the run (example %s)', async (name) => {
    await expectEnveloped('getRun', 200, hot.runs.get(RUN_ID, name ? prefer(200, name) : undefined), name);
  });

  it('subscribe yields typed run:update events', async () => {
    expectServedEvents('subscribeRun', await take(hot.runs.subscribe(RUN_ID, { resume: false })));
  });
});

describe('tasks', () => {
  it('get returns the task', async () => {
    await expectEnveloped('getTask', 200, hot.tasks.get(TASK_ID));
  });

  it('subscribe yields typed task:update events', async () => {
    expectServedEvents('subscribeTask', await take(hot.tasks.subscribe(TASK_ID, { resume: false })));
  });
});

describe('env', () => {
  it('get returns the environment', async () => {
    await expectEnveloped('getEnv', 200, hot.env.get());
  });

  it('subscribe yields the environment’s events (resume: false ends with the response)', async () => {
    const events = await take(hot.env.subscribe({ resume: false }));
    expectServedEvents('subscribeEnv', events);
  });
});

describe('org', () => {
  it.each(exampleNames('getOrgUsage', 200))('getUsage returns usage and limits (example %s)', async (name) => {
    await expectEnveloped('getOrgUsage', 200, hot.org.getUsage(name ? prefer(200, name) : undefined), name);
  });
});

describe('streams', () => {
  it('subscribe yields the stream’s typed events', async () => {
    const events = await take(hot.streams.subscribe(STREAM_ID, { project: PROJECT }, { resume: false }));
    expectServedEvents('subscribeStream', events);
  });

  it('subscribePost yields the same events', async () => {
    const events = await take(hot.streams.subscribePost(STREAM_ID, { project: PROJECT }, { resume: false }));
    expectServedEvents('subscribeStreamPost', events);
  });

  it('subscribeWithEvent yields event:published first, then the stream’s events', async () => {
    const events = await take(hot.streams.subscribeWithEvent(SUBSCRIBE_WITH_EVENT, { resume: false }));
    expectServedEvents('subscribeWithEvent', events);
    expect((events[0] as Json)['type']).toBe('event:published');
  });
});

describe('sessions', () => {
  it('list returns a page of sessions without tokens', async () => {
    const page = await expectFirstPage('listSessions', hot.sessions.list());
    for (const session of page.items) expect(session).not.toHaveProperty('token');
  });

  it('create answers 201 with the token', async () => {
    const session = await expectEnveloped('createSession', 201, hot.sessions.create(SESSION));
    expect(session.token).toMatch(/^s_/);
  });

  it('revokeAll returns the revoked count', async () => {
    await expectEnveloped('revokeAllSessions', 200, hot.sessions.revokeAll());
  });

  it('revoke answers 204', async () => {
    await expectNoContent(hot.sessions.revoke(SESSION_ID));
  });
});

describe('serviceKeys', () => {
  it('list returns a page of keys', async () => {
    await expectFirstPage('listServiceKeys', hot.serviceKeys.list());
  });

  it('create answers 201 with the token', async () => {
    const key = await expectEnveloped('createServiceKey', 201, hot.serviceKeys.create(SERVICE_KEY));
    expect(key.token).toBeTruthy();
  });

  it('revokeAll returns the revoked count', async () => {
    await expectEnveloped('revokeAllServiceKeys', 200, hot.serviceKeys.revokeAll());
  });

  it('get returns the key', async () => {
    await expectEnveloped('getServiceKey', 200, hot.serviceKeys.get(SERVICE_KEY_ID));
  });

  it('revoke answers 204', async () => {
    await expectNoContent(hot.serviceKeys.revoke(SERVICE_KEY_ID));
  });

  it('update replaces the metadata', async () => {
    const key = await expectEnveloped(
      'updateServiceKey',
      200,
      hot.serviceKeys.update(SERVICE_KEY_ID, { metadata: { customer_id: 'acme-123', tier: 'enterprise' } }),
    );
    expect(key.metadata).toEqual({ customer_id: 'acme-123', tier: 'enterprise' });
  });
});

describe('domains', () => {
  it('list returns a page of domains', async () => {
    await expectFirstPage('listDomains', hot.domains.list());
  });

  it('register answers 201 with the domain', async () => {
    await expectEnveloped('registerDomain', 201, hot.domains.register({ domain: 'mcp.example.com' }));
  });

  it('get returns the domain', async () => {
    await expectEnveloped('getDomain', 200, hot.domains.get(DOMAIN_ID));
  });

  it('delete answers 204', async () => {
    await expectNoContent(hot.domains.delete(DOMAIN_ID));
  });

  it.each(exampleNames('verifyDomain', 200))('verify returns the verification (example %s)', async (name) => {
    await expectEnveloped(
      'verifyDomain',
      200,
      hot.domains.verify(DOMAIN_ID, name ? prefer(200, name) : undefined),
      name,
    );
  });
});

describe('files', () => {
  it('list returns a page of files', async () => {
    await expectFirstPage('listFiles', hot.files.list({ prefix: 'reports/' }));
  });

  it('upload sends the raw bytes and returns the file', async () => {
    await expectEnveloped(
      'uploadFile',
      200,
      hot.files.upload(FILE_PATH, { body: new Blob([CSV], { type: 'text/csv' }) }),
    );
  });

  it('initiateUpload answers 201 with the upload id and part size', async () => {
    await expectEnveloped('createFileUpload', 201, hot.files.initiateUpload(CHUNKED));
  });

  it('abortUpload answers 204', async () => {
    await expectNoContent(hot.files.abortUpload(UPLOAD_ID));
  });

  it('uploadPart sends one part', async () => {
    await expectEnveloped(
      'uploadFilePart',
      200,
      hot.files.uploadPart(UPLOAD_ID, 1, { body: new Uint8Array([1, 2, 3, 4]) }),
    );
  });

  it('completeUpload returns the stored file', async () => {
    await expectEnveloped('completeFileUpload', 200, hot.files.completeUpload(UPLOAD_ID));
  });

  it('get returns the metadata', async () => {
    await expectEnveloped('getFile', 200, hot.files.get(FILE_ID));
  });

  it('delete answers 204', async () => {
    await expectNoContent(hot.files.delete(FILE_ID));
  });

  it('download resolves to a Blob of the content', async () => {
    const { data, status, headers } = await hot.files.download(FILE_ID).withResponse();
    expect(status).toBe(200);
    expect(headers.get('sl-violations')).toBeNull();
    expect(data).toBeInstanceOf(Blob);
    expect(await data.text()).toBe(example('downloadFile', 200, undefined, 'application/octet-stream'));
  });
});

// ---------------------------------------------------------------------------
// Traits.
// ---------------------------------------------------------------------------

describe('envelope', () => {
  it('unwraps {data, meta}: the method returns data, withResponse().requestId is meta.request_id', async () => {
    const body = example('getProject', 200) as { data: unknown; meta: unknown };
    const project = await hot.projects.get(PROJECT);
    expect(project).toEqual(body.data);
    expect(project).not.toHaveProperty('meta');
    const { requestId, data } = await hot.projects.get(PROJECT).withResponse();
    expect(data).toEqual(body.data);
    // x-specsmith-request-id points at /meta/request_id in success bodies.
    expect(requestIdPointer).toBe('/meta/request_id');
    expect(requestId).toBe(getAtPointer(body, requestIdPointer));
    expect(requestId).toBeTruthy();
  });
});

describe('pagination', () => {
  it('await runs.list({status: failed}) gives a Page: valid items, total, hasNextPage()', async () => {
    const { client, requests } = recording();
    const page = await client.runs.list({ status: 'failed' });
    expect(page).toBeInstanceOf(Page);
    const body = example('listRuns', 200) as { pagination: { total: number; has_more: boolean } };
    const itemSchema = `${spec.responsePointer('listRuns', 200, 'application/json', '/data')}/items`;
    expect(page.items.length).toBeGreaterThan(0);
    for (const run of page.items) expect(spec.validate(itemSchema, run)).toBeUndefined();
    expect(page.total).toBe(body.pagination.total);
    expect(page.hasNextPage()).toBe(true);
    expect(requests).toHaveLength(1);
    expect(query(requests[0]!.url).get('status')).toBe('failed');
    // The typed item narrows: run.status is the RunStatus union.
    const statuses: string[] = page.items.map((run) => run.status);
    expect(statuses).toHaveLength(page.items.length);
    // And through the tracked client.
    expect((await hot.runs.list({ status: 'failed' })).total).toBe(body.pagination.total);
  });

  it('getNextPage() asks for the next offset', async () => {
    const { client, requests } = recording();
    const first = await client.runs.list({ limit: 1 });
    const second = await first.getNextPage();
    expect(second.items).toEqual(first.items);
    expect(requests.map((request) => query(request.url).get('offset'))).toEqual([null, String(first.items.length)]);
  });

  it('for await over projects.list({limit: 1}) stops after the last page Prism serves (has_more false)', async () => {
    // Prism serves listProjects' example, which is the last page (total 1, has_more false):
    // the iteration yields its items and does not ask for another page.
    const body = example('listProjects', 200) as { data: unknown[]; pagination: { has_more: boolean; total: number } };
    expect(body.pagination.has_more).toBe(false);
    const { client, requests } = recording();
    const items = [];
    for await (const project of client.projects.list({ limit: 1 })) {
      items.push(project);
      if (items.length >= 10) break;
    }
    expect(items).toEqual(body.data);
    expect(requests.map((request) => request.operationId)).toEqual(['listProjects']);
    expect(query(requests[0]!.url).get('limit')).toBe('1');
    // Through the tracked client too.
    const tracked = [];
    for await (const project of hot.projects.list({ limit: 1 })) {
      tracked.push(project);
      if (tracked.length >= 10) break;
    }
    expect(tracked).toEqual(body.data);
  });

  it('for await over runs.list({limit: 1}) crosses pages with the next offset and stops where we break', async () => {
    // listRuns' example has has_more true (total 1234), so every page leads to another.
    const { client, requests } = recording();
    const items = [];
    for await (const run of client.runs.list({ limit: 1 })) {
      items.push(run);
      if (items.length === 3) break;
    }
    expect(items).toHaveLength(3);
    const itemSchema = `${spec.responsePointer('listRuns', 200, 'application/json', '/data')}/items`;
    for (const run of items) expect(spec.validate(itemSchema, run)).toBeUndefined();
    // Three pages of one item: offsets 0 (absent), 1, 2, and no fourth request after the break.
    expect(requests.map((request) => request.operationId)).toEqual(['listRuns', 'listRuns', 'listRuns']);
    expect(requests.map((request) => query(request.url).get('offset'))).toEqual([null, '1', '2']);
    expect(requests.map((request) => query(request.url).get('limit'))).toEqual(['1', '1', '1']);
  });

  it('for await over all of events.list() ends at the declared total although Prism repeats has_more: true', async () => {
    // Prism answers every offset with the same example page (has_more true, total 42): the listing
    // must stop once the offset reaches the total instead of paging forever.
    const body = example('listEvents', 200) as { data: unknown[]; pagination: { total: number; has_more: boolean } };
    expect(body.pagination.has_more).toBe(true);
    const { client, requests } = recording();
    let count = 0;
    for await (const event of client.events.list()) {
      expect(event).toEqual(body.data[count % body.data.length]);
      if (++count > body.pagination.total * 2) break;
    }
    expect(count).toBe(Math.ceil(body.pagination.total / body.data.length) * body.data.length);
    const expectedOffsets = Array.from({ length: Math.ceil(body.pagination.total / body.data.length) }, (_, index) =>
      index === 0 ? null : String(index * body.data.length),
    );
    expect(requests.map((request) => query(request.url).get('offset'))).toEqual(expectedOffsets);
  });

  it('maxPages caps a long listing with HotError naming the operation and the option', async () => {
    const { client, requests } = recording();
    const error = await (async () => {
      for await (const _run of client.runs.list({ limit: 1 }, { maxPages: 3 }));
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HotError);
    expect((error as Error).message).toMatch(/^runs\.list: stopped after 3 pages \(the maxPages option\)/);
    expect(requests).toHaveLength(3);
  });

  it('.pages() iterates page by page', async () => {
    const { client, requests } = recording();
    const pages: Page<unknown>[] = [];
    for await (const page of client.events.list({ limit: 1, offset: 5 }).pages()) {
      pages.push(page);
      if (pages.length === 2) break;
    }
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page).toBeInstanceOf(Page);
      expectValid(
        spec,
        spec.responsePointer('listEvents', 200, 'application/json', '/data'),
        page.items,
        page.response.headers,
      );
      expect(page.total).toBe((example('listEvents', 200) as { pagination: { total: number } }).pagination.total);
    }
    expect(requests.map((request) => query(request.url).get('offset'))).toEqual([
      '5',
      String(5 + (pages[0]?.items.length ?? 0)),
    ]);
  });
});

describe('server-sent events', () => {
  it('Prism serves each SSE example as written, so its last (terminal) event arrives', async () => {
    const { client, served } = recording();
    const events = await take(client.streams.subscribe(STREAM_ID, { project: PROJECT }, { resume: false }));
    const text = example<string>('subscribeStream', 200, undefined, 'text/event-stream');
    expect(served).toHaveLength(1);
    expect(text.startsWith(served[0] ?? '-')).toBe(true);
    expect(exampleEvents('subscribeStream').at(-1)?.['type']).toBe('run:stop');
    expect(events.map((event) => event.type)).toEqual(exampleEvents('subscribeStream').map((event) => event['type']));
  });

  it('narrowing by event.type gives the typed event', async () => {
    const texts: string[] = [];
    const runIds: string[] = [];
    const narrow = (event: StreamEvent | UnknownEvent): void => {
      // @ts-expect-error payload exists only on stream:data events
      void event.payload;
      if (event.type === 'stream:data') {
        const dataType: string = event.data_type;
        texts.push(`${dataType}:${JSON.stringify(event.payload)}`);
      } else if (event.type === 'run:start') {
        runIds.push(event.run.run_id);
      } else if (event.type === 'run:stop') {
        const result: unknown = event.run.result;
        void result;
      } else if (event.type === 'unknown') {
        throw new Error(`unexpected event ${event.event}`);
      }
    };
    for await (const event of hot.streams.subscribe(STREAM_ID, { project: PROJECT }, { resume: false })) narrow(event);
    const served = exampleEvents('subscribeStream');
    expect(texts).toEqual(
      served
        .filter((event) => event['type'] === 'stream:data')
        .map((event) => `${String(event['data_type'])}:${JSON.stringify(event['payload'])}`),
    );
    expect(texts.length).toBeGreaterThan(0);
    expect(runIds).toEqual(
      served.filter((event) => event['type'] === 'run:start').map((event) => getAtPointer(event, '/run/run_id')),
    );
    expect(runIds).toHaveLength(1);
  });

  it.each(exampleNames('subscribeStream', 200, 'text/event-stream'))(
    'streams.subscribe example %s: typed, valid events',
    async (name) => {
      const events = await take(
        hot.streams.subscribe(STREAM_ID, { project: PROJECT }, { ...prefer(200, name), resume: false }),
      );
      expectServedEvents('subscribeStream', events, name);
    },
  );

  it.each(exampleNames('subscribeStreamPost', 200, 'text/event-stream'))(
    'streams.subscribePost example %s: typed, valid events',
    async (name) => {
      const events = await take(
        hot.streams.subscribePost(STREAM_ID, { project: PROJECT }, { ...prefer(200, name), resume: false }),
      );
      expectServedEvents('subscribeStreamPost', events, name);
    },
  );

  it.each(exampleNames('subscribeWithEvent', 200, 'text/event-stream'))(
    'streams.subscribeWithEvent example %s: typed, valid events',
    async (name) => {
      const events = await take(
        hot.streams.subscribeWithEvent(SUBSCRIBE_WITH_EVENT, { ...prefer(200, name), resume: false }),
      );
      expectServedEvents('subscribeWithEvent', events, name);
    },
  );

  it.each(exampleNames('subscribeEnv', 200, 'text/event-stream'))(
    'env.subscribe example %s: typed, valid events (type filled from event: when data lacks it)',
    async (name) => {
      const events = await take(hot.env.subscribe({ ...prefer(200, name), resume: false }));
      expectServedEvents('subscribeEnv', events, name);
    },
  );

  it.each(exampleNames('subscribeRun', 200, 'text/event-stream'))(
    'runs.subscribe example %s: typed, valid events',
    async (name) => {
      const events = await take(hot.runs.subscribe(RUN_ID, { ...prefer(200, name), resume: false }));
      expectServedEvents('subscribeRun', events, name);
    },
  );

  it.each(exampleNames('subscribeTask', 200, 'text/event-stream'))(
    'tasks.subscribe example %s: typed, valid events',
    async (name) => {
      const events = await take(hot.tasks.subscribe(TASK_ID, { ...prefer(200, name), resume: false }));
      expectServedEvents('subscribeTask', events, name);
    },
  );

  it('env.subscribe never finishes on its own: the client resumes (self) until we break', async () => {
    const { client, requests } = recording();
    const perResponse = exampleEvents('subscribeEnv');
    const events = await take(client.env.subscribe({ reconnectDelay: 10 }), perResponse.length + 1);
    // The repeat's run and task events were yielded already (x-specsmith-sse.dedupe): the next event is its keepalive.
    expect(perResponse.at(-1)?.['type']).toBe('keepalive');
    expect(events).toEqual([...perResponse, perResponse.at(-1)]);
    expect(requests.map((request) => request.operationId)).toEqual(['subscribeEnv', 'subscribeEnv']);
  });

  it('streams.subscribe resumes by repeating the request after a response without a terminal event (timedOut), dropping repeated run events', async () => {
    let subscriptions = 0;
    // The first response is the timedOut example (ends with stream:complete); the repeat gets the default one, which ends with run:stop.
    const { client, requests } = recording({ prefer: () => (subscriptions++ === 0 ? 'example=timedOut' : undefined) });
    const events = await take(client.streams.subscribe(STREAM_ID, { project: PROJECT }));
    const first = exampleEvents('subscribeStream', 'timedOut');
    expect(first.map((event) => event['type'])).not.toContain('run:stop');
    expect(events).toEqual(resumedEvents('subscribeStream', first, exampleEvents('subscribeStream')));
    expect(events.at(-1)?.type).toBe('run:stop');
    expect(requests.map((request) => request.operationId)).toEqual(['subscribeStream', 'subscribeStream']);
  });

  it('subscribePost resumes through GET subscribeStream (same stream and project) after a timeout, dropping repeated run events', async () => {
    const { client, requests } = recording({
      prefer: (request) => (request.method === 'POST' ? 'example=timedOut' : undefined),
    });
    const events = await take(client.streams.subscribePost(STREAM_ID, { project: PROJECT }));
    expect(events).toEqual(
      resumedEvents(
        'subscribeStreamPost',
        exampleEvents('subscribeStreamPost', 'timedOut'),
        exampleEvents('subscribeStream'),
      ),
    );
    expect(requests.map((request) => `${request.method} ${request.operationId}`)).toEqual([
      'POST subscribeStreamPost',
      'GET subscribeStream',
    ]);
    for (const request of requests) {
      expect(new URL(request.url).pathname).toBe(`/v1/streams/${STREAM_ID}/subscribe`);
      expect(query(request.url).get('project')).toBe(PROJECT);
    }
  });

  it('a terminal event ends subscribeWithEvent: no resume', async () => {
    const { client, requests } = recording();
    const events = await take(client.streams.subscribeWithEvent(SUBSCRIBE_WITH_EVENT));
    expect(events).toEqual(exampleEvents('subscribeWithEvent'));
    expect(requests.map((request) => request.operationId)).toEqual(['subscribeWithEvent']);
  });

  it('stream.result() resolves with run:stop’s run.result', async () => {
    const expected = getAtPointer(
      exampleEvents('subscribeWithEvent').find((event) => event['type'] === 'run:stop'),
      '/run/result',
    );
    const { client, requests } = recording();
    await expect(client.streams.subscribeWithEvent(SUBSCRIBE_WITH_EVENT).result()).resolves.toEqual(expected);
    // run:stop is terminal: no resume.
    expect(requests).toHaveLength(1);
  });

  it('a final run.status ends runs.subscribe without resuming', async () => {
    const { client, requests } = recording();
    for (const name of exampleNames('subscribeRun', 200, 'text/event-stream')) {
      const events = await take(client.runs.subscribe(RUN_ID, prefer(200, name)));
      expect(events).toEqual(exampleEvents('subscribeRun', name));
    }
    for (const name of exampleNames('subscribeTask', 200, 'text/event-stream')) {
      const events = await take(client.tasks.subscribe(TASK_ID, prefer(200, name)));
      expect(events).toEqual(exampleEvents('subscribeTask', name));
    }
    expect(requests).toHaveLength(
      exampleNames('subscribeRun', 200, 'text/event-stream').length +
        exampleNames('subscribeTask', 200, 'text/event-stream').length,
    );
  });

  it.each([
    ['subscribeStream', 'failed'],
    ['subscribeStream', 'cancelled'],
    ['subscribeStreamPost', 'failed'],
    ['subscribeWithEvent', 'failed'],
    ['subscribeWithEvent', 'cancelled'],
  ] as const)(
    '%s example %s: result() rejects with OperationFailedError and the failure message',
    async (operationId, name) => {
      const { client } = recording();
      const stream =
        operationId === 'subscribeStream'
          ? client.streams.subscribe(STREAM_ID, { project: PROJECT }, prefer(200, name))
          : operationId === 'subscribeStreamPost'
            ? client.streams.subscribePost(STREAM_ID, { project: PROJECT }, prefer(200, name))
            : client.streams.subscribeWithEvent(SUBSCRIBE_WITH_EVENT, prefer(200, name));
      const failed = exampleEvents(operationId, name).at(-1) as Json;
      const error = await failure(stream.result());
      expect(error).toBeInstanceOf(OperationFailedError);
      expect(error.message).toContain(String(failed['type']));
      expect(error.message).toContain(failureMessage(operationId, failed));
      expect(error['result']).toEqual(failed);
    },
  );
});

describe('runs.wait and tasks.wait (x-specsmith-wait via the subscribe streams, current: the run or task itself)', () => {
  it('runs.wait resolves with a run the get operation reports succeeded, without subscribing', async () => {
    const { client, requests } = recording();
    await expect(client.runs.wait(RUN_ID)).resolves.toEqual(getAtPointer(example('getRun', 200, 'succeeded'), '/data'));
    expect(requests.map((request) => request.operationId)).toEqual(['getRun']);
    await expect(hot.runs.wait(RUN_ID)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it.each([
    ['failed', 'Division by zero'],
    ['cancelled', 'Cancelled by user'],
  ])('runs.wait rejects with OperationFailedError, the message and the run when it %s', async (name, message) => {
    const { client } = recording();
    const error = await failure(client.runs.wait(RUN_ID, prefer(200, name)));
    expect(error).toBeInstanceOf(OperationFailedError);
    expect(error.message).toContain(`${name}: ${message}`);
    expect(error['result']).toEqual(getAtPointer(example('getRun', 200, name), '/data'));
  });

  it('tasks.wait resolves with a task the get operation reports completed', async () => {
    const { client, requests } = recording();
    await expect(client.tasks.wait(TASK_ID)).resolves.toEqual(getAtPointer(example('getTask', 200), '/data'));
    expect(requests.map((request) => request.operationId)).toEqual(['getTask']);
    await expect(hot.tasks.wait(TASK_ID)).resolves.toMatchObject({ status: 'completed' });
  });
});

describe('publishAndWait (x-specsmith-wait via subscribeStream)', () => {
  it('resolves with run:stop’s run.result', async () => {
    const expected = getAtPointer(
      exampleEvents('subscribeStream').find((event) => event['type'] === 'run:stop'),
      '/run/result',
    );
    const { client, requests } = recording();
    await expect(client.events.publishAndWait(PUBLISH)).resolves.toEqual(expected);
    expect(requests.map((request) => request.operationId)).toEqual(['publishEvent', 'subscribeStream']);
    // Through the tracked client too.
    await expect(hot.events.publishAndWait(PUBLISH)).resolves.toEqual(expected);
  });

  it.each(['failed', 'cancelled'])(
    'rejects with OperationFailedError and the message when the run ends %s',
    async (name) => {
      // Prism picks the stream example only for the subscription, not for the publish.
      const { client, requests } = recording({
        prefer: (request) => (new URL(request.url).pathname.endsWith('/subscribe') ? `example=${name}` : undefined),
      });
      const failed = exampleEvents('subscribeStream', name).at(-1) as Json;
      const error = await failure(client.events.publishAndWait(PUBLISH));
      expect(error).toBeInstanceOf(OperationFailedError);
      expect(error.message).toContain(failureMessage('subscribeStream', failed));
      expect(error['operationId']).toBe('subscribeStream');
      expect(requests.map((request) => request.operationId)).toEqual(['publishEvent', 'subscribeStream']);
    },
  );
});

describe('build upload (multipart, x-specsmith-upload)', () => {
  it('computes the SHA-256 hex of the file when hash is left out; Prism validates it and answers 201', async () => {
    const file = zip();
    const { client, sent } = recording();
    const { status, data, headers } = await client.builds.upload(PROJECT, { file }, prefer(201)).withResponse();
    expect(status).toBe(201);
    expectValid(spec, spec.responsePointer('uploadBuild', 201, 'application/json', '/data'), data, headers);
    expect(headers.get('x-build-exists')).toBeNull();
    const form = await sent[0]!.formData();
    const digest = createHash('sha256')
      .update(Buffer.from(await file.arrayBuffer()))
      .digest('hex');
    expect(form.get('hash')).toBe(digest);
    const part = form.get('file');
    expect(part).toBeInstanceOf(Blob);
    expect(Buffer.from(await (part as Blob).arrayBuffer()).equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    expect(form.has('build_id')).toBe(false);
  });

  it('Prism rejects a hash that breaks the spec’s pattern (so the 201 above proves the computed one)', async () => {
    const error = await failure(hot.builds.upload(PROJECT, { file: zip(), hash: 'not-a-sha256' }));
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('with build_id: default 200 carries X-Build-Exists on withResponse()', async () => {
    const { client, sent } = recording();
    const { status, data, headers } = await client.builds
      .upload(PROJECT, { file: zip(), build_id: BUILD_ID })
      .withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('uploadBuild', 200, 'application/json', '/data'), data, headers);
    expect(headers.get('x-build-exists')).toBe(responseHeader('uploadBuild', 200, 'X-Build-Exists')?.['example']);
    const form = await sent[0]!.formData();
    expect(form.get('build_id')).toBe(BUILD_ID);
    expect(form.get('hash')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('with build_id and Prefer: code=201 answers 201 without X-Build-Exists', async () => {
    const { status, headers, data } = await hot.builds
      .upload(PROJECT, { file: zip(), build_id: BUILD_ID }, prefer(201))
      .withResponse();
    expect(status).toBe(201);
    expect(headers.get('x-build-exists')).toBeNull();
    expect(data).toEqual(example('uploadBuild', 201)['data']);
  });

  it('build_id makes the POST idempotent: a 500 is retried only with it', async () => {
    const { client, requests } = recording({ maxRetries: 1 });
    const withId = await failure(client.builds.upload(PROJECT, { file: zip(), build_id: BUILD_ID }, prefer(500)));
    expect(withId).toBeInstanceOf(InternalServerError);
    expect(withId['attempts']).toBe(2);
    const withoutId = await failure(client.builds.upload(PROJECT, { file: zip() }, prefer(500)));
    expect(withoutId['attempts']).toBe(1);
    expect(requests.map((request) => request.attempt)).toEqual([1, 2, 1]);
  });
});

describe('downloads', () => {
  it('build download: .asResponse() gives the unread body as a stream', async () => {
    const res = await hot.builds.download(PROJECT, BUILD_ID).asResponse();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.bodyUsed).toBe(false);
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect(Buffer.concat(chunks).toString('utf8')).toBe(example('downloadBuild', 200, undefined, 'application/zip'));
  });

  it('file download: .asResponse() gives the unread body as a stream', async () => {
    const res = await hot.files.download(FILE_ID).asResponse();
    expect(res.status).toBe(200);
    expect(res.bodyUsed).toBe(false);
    expect(await new Response(res.body).text()).toBe(
      example('downloadFile', 200, undefined, 'application/octet-stream'),
    );
  });
});

describe('file uploads', () => {
  const bodies: [string, () => BinaryBody][] = [
    ['a Blob', () => new Blob([CSV], { type: 'text/csv' })],
    ['a Uint8Array', () => new TextEncoder().encode(CSV)],
    ['a string', () => CSV],
    ['a ReadableStream', () => new Blob([CSV]).stream()],
  ];
  it.each(bodies)('upload sends %s as the raw application/octet-stream body', async (_kind, body) => {
    const { client, sent } = recording();
    const { data, status, headers } = await client.files.upload(FILE_PATH, { body: body() }).withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('uploadFile', 200, 'application/json', '/data'), data, headers);
    expect(sent[0]!.headers.get('content-type')).toBe('application/octet-stream');
    expect(await sent[0]!.text()).toBe(CSV);
    expect(new URL(sent[0]!.url).pathname).toBe(`/v1/files/upload/${FILE_PATH}`);
  });

  it('uploadChunked: start, every part of part_size bytes, complete; the result validates', async () => {
    const started = example('createFileUpload', 201) as { data: { upload_id: string; part_size: number } };
    const { part_size: partSize, upload_id: uploadId } = started.data;
    const size = partSize + 5;
    const data = new Blob([new Uint8Array(size).fill(7)]);
    const progress: [number, number][] = [];
    const { client, requests, sent } = recording();
    const result = await client.files.uploadChunked({ ...CHUNKED, expected_size: size }, data, {
      onProgress: (done, total) => void progress.push([done, total]),
    });
    expect(
      spec.validate(spec.responsePointer('completeFileUpload', 200, 'application/json', '/data'), result),
    ).toBeUndefined();
    expect(result).toEqual(example('completeFileUpload', 200)['data']);
    expect(requests.map((request) => request.operationId)).toEqual([
      'createFileUpload',
      'uploadFilePart',
      'uploadFilePart',
      'completeFileUpload',
    ]);
    expect(requests.slice(1, 3).map((request) => new URL(request.url).pathname)).toEqual([
      `/v1/files/uploads/${uploadId}/1`,
      `/v1/files/uploads/${uploadId}/2`,
    ]);
    expect(new URL(requests[3]!.url).pathname).toBe(`/v1/files/uploads/${uploadId}/complete`);
    expect((await sent[1]!.arrayBuffer()).byteLength).toBe(partSize);
    expect((await sent[2]!.arrayBuffer()).byteLength).toBe(5);
    expect(progress).toEqual([
      [partSize, size],
      [size, size],
    ]);
    // Through the tracked client (a small upload: one part).
    const small = await hot.files.uploadChunked(CHUNKED, new Blob([CSV]));
    expect(small).toEqual(example('completeFileUpload', 200)['data']);
  });

  it('uploadChunked aborts the upload when a part fails', async () => {
    const { client, requests } = recording({
      prefer: (request) => (/\/uploads\/[^/]+\/\d+$/.test(new URL(request.url).pathname) ? 'code=404' : undefined),
    });
    const error = await failure(client.files.uploadChunked(CHUNKED, new Blob([CSV])));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(requests.map((request) => request.operationId)).toEqual([
      'createFileUpload',
      'uploadFilePart',
      'abortFileUpload',
    ]);
  });
});

describe('errors', () => {
  it('{error: {code, message, request_id}} maps to error.code, error.message and error.requestId', async () => {
    const body = example('createSession', 403, 'permissionEscalation') as {
      error: { code: string; message: string; request_id: string };
    };
    const error = await failure(hot.sessions.create(SESSION, prefer(403, 'permissionEscalation')));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    const apiError = error as unknown as APIError;
    const code: HotErrorCode | undefined = apiError.code;
    expect(code).toBe(body.error.code);
    // The method the caller wrote, the server's code and message, and the request line.
    expect(apiError.message).toBe(`sessions.create: 403 ${body.error.code}: ${body.error.message} (POST /v1/sessions)`);
    expect(apiError.requestId).toBe(body.error.request_id);
    // code is within the spec's closed ErrorCode enum.
    expect(
      (spec.document['components'] as { schemas: { ErrorCode: { enum: string[] } } }).schemas.ErrorCode.enum,
    ).toContain(code);
  });

  it('a base URL that repeats the paths’ /v1 shows in the message, with Prism’s own explanation', async () => {
    const wrong = new Hot({ apiKey: TEST_KEYS.hot, baseUrl: `${prismUrl('hot')}/v1`, maxRetries: 0 });
    const error = await failure(wrong.projects.get(PROJECT));
    expect(error).toBeInstanceOf(NotFoundError);
    // Before: 404: Not Found
    expect(error.message).toBe(
      `projects.get: 404: The route /v1/v1/projects/${PROJECT} hasn't been found in the specification file (GET /v1/v1/projects/${PROJECT})`,
    );
  });

  it('429 with Retry-After is not retried when maxRetries is 0', async () => {
    const { client, requests, retries } = recording({ maxRetries: 0 });
    const error = await failure(client.projects.list(undefined, prefer(429)));
    expect(error).toBeInstanceOf(RateLimitError);
    const retryAfter = (error as unknown as RateLimitError).headers.get('retry-after');
    expect(retryAfter).toMatch(/^\d+$/);
    expect((error as unknown as RateLimitError).retryAfter).toBe(Number(retryAfter));
    expect(error['attempts']).toBe(1);
    expect(requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('the same 429 is retried after Retry-After seconds when retries are allowed', async () => {
    const { client, requests, retries } = recording({ maxRetries: 0 });
    const error = await failure(client.projects.list(undefined, { ...prefer(429), maxRetries: 1 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error['attempts']).toBe(2);
    expect(requests).toHaveLength(2);
    expect(retries.map((retry) => retry.delayMs)).toEqual([
      Number((error as unknown as RateLimitError).headers.get('retry-after')) * 1000,
    ]);
  });
});

describe('authentication', () => {
  it('status.get() works without any API key (security: [])', async () => {
    const saved = process.env['HOT_API_KEY'];
    delete process.env['HOT_API_KEY'];
    try {
      const { client, sent } = recording({ apiKey: undefined });
      const status = await client.status.get();
      expect(spec.validate(spec.responsePointer('getStatus', 200), status)).toBeUndefined();
      expect(sent[0]!.headers.get('authorization')).toBeNull();
    } finally {
      if (saved !== undefined) process.env['HOT_API_KEY'] = saved;
    }
  });

  it('status.get() sends no credentials even when the client has a key; /v1 operations send the bearer key', async () => {
    const { client, sent } = recording();
    await client.status.get();
    await client.env.get();
    expect(sent[0]!.headers.get('authorization')).toBeNull();
    expect(sent[1]!.headers.get('authorization')).toBe(`Bearer ${TEST_KEYS.hot}`);
  });

  it('an authenticated operation without a key throws the base error naming HOT_API_KEY, before any request', async () => {
    const saved = process.env['HOT_API_KEY'];
    delete process.env['HOT_API_KEY'];
    try {
      const { client, requests } = recording({ apiKey: undefined });
      const error = await failure(client.projects.list());
      expect(error).toBeInstanceOf(HotError);
      expect(error).not.toBeInstanceOf(APIError);
      expect(error.message).toMatch(/HOT_API_KEY/);
      const streamError = await failure(firstEvent(client.env.subscribe()));
      expect(streamError).toBeInstanceOf(HotError);
      expect(streamError.message).toMatch(/HOT_API_KEY/);
      expect(requests).toHaveLength(0);
    } finally {
      if (saved !== undefined) process.env['HOT_API_KEY'] = saved;
    }
  });
});

describe('custom permission builder (specs/hot/custom)', () => {
  it('creates a session with permissions built by permissions()', async () => {
    // Exported from the package index.
    expect(typeof hotPackage.permissions).toBe('function');
    expect(hotPackage.permissions()).toBeInstanceOf(hotPackage.PermissionsBuilder);
    const built = permissions().allow('stream', '*', ['read']).allowUrn('event:user:*', ['create']).build();
    expect(built).toEqual(SESSION.permissions);
    const { client, sent } = recording();
    const { status, data, headers } = await client.sessions
      .create({ permissions: built, metadata: SESSION.metadata, expires_in: 3600 })
      .withResponse();
    expect(status).toBe(201);
    expectValid(spec, spec.responsePointer('createSession', 201, 'application/json', '/data'), data, headers);
    expect((JSON.parse(await sent[0]!.text()) as Json)['permissions']).toEqual(built);
  });
});

// ---------------------------------------------------------------------------
// Every documented error response of every operation (each named example).
// ---------------------------------------------------------------------------

/** One call per operation with valid inputs; SSE operations are read up to their first event. */
const invoke: Record<string, (options: StreamOptions) => PromiseLike<unknown>> = {
  getStatus: (o) => hot.status.get(o),
  listProjects: (o) => hot.projects.list(undefined, o),
  createProject: (o) => hot.projects.create({ name: 'my-project' }, o),
  getProject: (o) => hot.projects.get(PROJECT, o),
  deleteProject: (o) => hot.projects.delete(PROJECT, o),
  updateProject: (o) => hot.projects.update(PROJECT, { name: 'new-project-name' }, o),
  activateProject: (o) => hot.projects.activate(PROJECT, o),
  deactivateProject: (o) => hot.projects.deactivate(PROJECT, o),
  listProjectEventHandlers: (o) => hot.projects.listEventHandlers(PROJECT, undefined, o),
  listProjectSchedules: (o) => hot.projects.listSchedules(PROJECT, undefined, o),
  listBuilds: (o) => hot.builds.list(undefined, o),
  listProjectBuilds: (o) => hot.builds.listForProject(PROJECT, undefined, o),
  uploadBuild: (o) => hot.builds.upload(PROJECT, { file: zip(), build_id: BUILD_ID }, o),
  getDeployedBuild: (o) => hot.builds.getDeployed(PROJECT, o),
  getLiveBuild: (o) => hot.builds.getLive(PROJECT, o),
  getBuild: (o) => hot.builds.get(PROJECT, BUILD_ID, o),
  downloadBuild: (o) => hot.builds.download(PROJECT, BUILD_ID, o),
  deployBuild: (o) => hot.builds.deploy(PROJECT, BUILD_ID, o),
  listContextVariables: (o) => hot.context.list(PROJECT, undefined, o),
  createContextVariable: (o) =>
    hot.context.create(PROJECT, { key: CONTEXT_KEY, value: 'postgres://user:pass@host/db' }, o),
  updateContextVariable: (o) =>
    hot.context.update(PROJECT, CONTEXT_KEY, { value: 'postgres://user:newpass@host/db' }, o),
  deleteContextVariable: (o) => hot.context.delete(PROJECT, CONTEXT_KEY, o),
  listEvents: (o) => hot.events.list(undefined, o),
  publishEvent: (o) => hot.events.publish(PUBLISH, o),
  getEvent: (o) => hot.events.get(EVENT_ID, o),
  listEventRuns: (o) => hot.events.listRuns(EVENT_ID, undefined, o),
  listRuns: (o) => hot.runs.list(undefined, o),
  getRunStats: (o) => hot.runs.stats(o),
  getRun: (o) => hot.runs.get(RUN_ID, o),
  subscribeRun: (o) => firstEvent(hot.runs.subscribe(RUN_ID, { ...o, resume: false })),
  getTask: (o) => hot.tasks.get(TASK_ID, o),
  subscribeTask: (o) => firstEvent(hot.tasks.subscribe(TASK_ID, { ...o, resume: false })),
  getEnv: (o) => hot.env.get(o),
  subscribeEnv: (o) => firstEvent(hot.env.subscribe({ ...o, resume: false })),
  getOrgUsage: (o) => hot.org.getUsage(o),
  subscribeStream: (o) => firstEvent(hot.streams.subscribe(STREAM_ID, { project: PROJECT }, { ...o, resume: false })),
  subscribeStreamPost: (o) =>
    firstEvent(hot.streams.subscribePost(STREAM_ID, { project: PROJECT }, { ...o, resume: false })),
  subscribeWithEvent: (o) => firstEvent(hot.streams.subscribeWithEvent(SUBSCRIBE_WITH_EVENT, { ...o, resume: false })),
  listSessions: (o) => hot.sessions.list(undefined, o),
  createSession: (o) => hot.sessions.create(SESSION, o),
  revokeAllSessions: (o) => hot.sessions.revokeAll(o),
  revokeSession: (o) => hot.sessions.revoke(SESSION_ID, o),
  listServiceKeys: (o) => hot.serviceKeys.list(undefined, o),
  createServiceKey: (o) => hot.serviceKeys.create(SERVICE_KEY, o),
  revokeAllServiceKeys: (o) => hot.serviceKeys.revokeAll(o),
  getServiceKey: (o) => hot.serviceKeys.get(SERVICE_KEY_ID, o),
  revokeServiceKey: (o) => hot.serviceKeys.revoke(SERVICE_KEY_ID, o),
  updateServiceKey: (o) => hot.serviceKeys.update(SERVICE_KEY_ID, { metadata: { tier: 'enterprise' } }, o),
  listDomains: (o) => hot.domains.list(undefined, o),
  registerDomain: (o) => hot.domains.register({ domain: 'mcp.example.com' }, o),
  getDomain: (o) => hot.domains.get(DOMAIN_ID, o),
  deleteDomain: (o) => hot.domains.delete(DOMAIN_ID, o),
  verifyDomain: (o) => hot.domains.verify(DOMAIN_ID, o),
  listFiles: (o) => hot.files.list(undefined, o),
  uploadFile: (o) => hot.files.upload(FILE_PATH, { body: CSV }, o),
  createFileUpload: (o) => hot.files.initiateUpload(CHUNKED, o),
  abortFileUpload: (o) => hot.files.abortUpload(UPLOAD_ID, o),
  uploadFilePart: (o) => hot.files.uploadPart(UPLOAD_ID, 1, { body: CSV }, o),
  completeFileUpload: (o) => hot.files.completeUpload(UPLOAD_ID, o),
  getFile: (o) => hot.files.get(FILE_ID, o),
  deleteFile: (o) => hot.files.delete(FILE_ID, o),
  downloadFile: (o) => hot.files.download(FILE_ID, o),
};

const ERROR_CLASSES: Record<number, abstract new (...args: never[]) => Error> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  500: InternalServerError,
};

interface ErrorCase {
  operationId: string;
  status: number;
  name: string;
}

const errorCases: ErrorCase[] = spec.operations.flatMap(({ operationId, operation: op }) =>
  Object.keys(op['responses'] as Json)
    .map(Number)
    .filter((status) => status >= 400)
    .flatMap((status) => exampleNames(operationId, status).map((name) => ({ operationId, status, name: name ?? '' }))),
);

describe('documented errors become typed errors', () => {
  it('the call table covers every operation of the spec', () => {
    expect(Object.keys(invoke).sort()).toEqual(spec.operations.map((entry) => entry.operationId).sort());
    expect(spec.operations).toHaveLength(62);
    // Every operation documents at least one error response.
    expect(new Set(errorCases.map((entry) => entry.operationId)).size).toBe(spec.operations.length);
  });

  it.each(errorCases)('$operationId $status $name', async ({ operationId, status, name }) => {
    const call = invoke[operationId];
    expect(call, `no call for ${operationId}`).toBeDefined();
    const body = example(operationId, status, name || undefined) as {
      error: { code: string; message: string; request_id: string };
    };
    const error = await failure(call!(prefer(status, name || undefined)));
    const ErrorClass = ERROR_CLASSES[status];
    expect(ErrorClass, `no error class expected for ${status}`).toBeDefined();
    expect(error).toBeInstanceOf(ErrorClass!);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as unknown as APIError;
    expect(apiError.status).toBe(status);
    expect(apiError.operationId).toBe(operationId);
    expect(apiError.attempts).toBe(1);
    expect(apiError.body).toEqual(body);
    expect(spec.validate(spec.responsePointer(operationId, status), apiError.body)).toBeUndefined();
    expect(apiError.code).toBe(body.error.code);
    // Named by the public method its descriptor carries (projects.get), then the server's code and message, then the request line.
    const methodPath = (Object.values(hotOperations) as Array<{ id?: string; methodPath?: string }>).find(
      (entry) => entry.id === operationId,
    )?.methodPath;
    expect(methodPath, `no method path for ${operationId}`).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    expect(apiError.message).toMatch(
      new RegExp(
        `^${escapeRegExp(`${methodPath}: ${status} ${body.error.code}: ${body.error.message}`)} \\((GET|POST|PUT|PATCH|DELETE) /[^ ?]*\\)$`,
      ),
    );
    expect(apiError.requestId).toBe(body.error.request_id);
    if (status === 429 && responseHeader(operationId, status, 'Retry-After')?.['required'] === true) {
      expect(apiError.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(apiError.retryAfter).toBe(Number(apiError.headers.get('retry-after')));
    }
  });
});

afterAll(() => ledger.expectCoverage(spec, hot));
