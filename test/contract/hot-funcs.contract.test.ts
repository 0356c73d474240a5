/**
 * Hot's standalone functions (`@specsmith/hot/funcs`) against a real Prism mock
 * of its spec: each function, called with the core client (`HotCore`) or the
 * full client, gives what the method of the same operation gives (the same
 * data, status and request id, the spec's example, valid per its schema), the
 * same typed errors with the same messages, and the same pagination; a value
 * that is not a client is refused with the package's own error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Hot,
  HotCore,
  HotError,
  NotFoundError,
  Page,
  PermissionDeniedError,
  type APIError,
  type SessionCreateParams,
} from '../../generated/hot/src/index.js';
import { createSession, getProject, getRun, listProjects, listRuns } from '../../generated/hot/src/funcs.js';
import {
  contractSpec,
  exampleOf,
  expectValid,
  failure,
  prefer,
  prismUrl,
  TEST_KEYS,
  type ContractSpec,
} from '../support/contract.js';

type Json = Record<string, unknown>;

// Inputs: the spec's parameter and request body examples.
const PROJECT = 'my-project';
const RUN_ID = '1c0e8400-e29b-41d4-a716-446655440000';
const SESSION: SessionCreateParams = { permissions: { 'stream:*': ['read'] }, expires_in: 3600 };

const spec: ContractSpec = await contractSpec('hot');
let core: HotCore;
let hot: Hot;

beforeAll(() => {
  const options = { apiKey: TEST_KEYS.hot, baseUrl: prismUrl('hot'), maxRetries: 0 };
  core = new HotCore(options);
  hot = new Hot(options);
});

/** The `data` of the spec's 200 example of an operation (Hot wraps bodies in {data, meta}). */
function exampleData(operationId: string): unknown {
  return (exampleOf(spec, operationId, 200) as Json)['data'];
}

describe('standalone functions against Prism', () => {
  it('getRun(core, runId) resolves to the example run, like hot.runs.get(runId)', async () => {
    const viaFunction = await getRun(core, RUN_ID).withResponse();
    const viaMethod = await hot.runs.get(RUN_ID).withResponse();
    expect(viaFunction.status).toBe(200);
    expectValid(
      spec,
      spec.responsePointer('getRun', 200, 'application/json', '/data'),
      viaFunction.data,
      viaFunction.headers,
    );
    expect(viaFunction.data).toEqual(exampleData('getRun'));
    expect(viaFunction.data).toEqual(viaMethod.data);
    expect(viaFunction.requestId).toBe(viaMethod.requestId);
    expect(viaFunction.requestId).toEqual(expect.any(String));
  });

  it('accepts the full client as well as the core client', async () => {
    expect(await getProject(hot, PROJECT)).toEqual(await getProject(core, PROJECT));
    expect(await getProject(hot, PROJECT)).toEqual(exampleData('getProject'));
  });

  it('a paginated function returns a Page and iterates every item, like the method', async () => {
    const page = await listProjects(core, { limit: 20 });
    expect(page).toBeInstanceOf(Page);
    expect(page.items).toEqual(exampleData('listProjects'));
    const fromFunction: unknown[] = [];
    for await (const run of listRuns(core, { limit: 20 })) fromFunction.push(run);
    const fromMethod: unknown[] = [];
    for await (const run of hot.runs.list({ limit: 20 })) fromMethod.push(run);
    expect(fromFunction.length).toBeGreaterThan(0);
    expect(fromFunction).toEqual(fromMethod);
  });

  it('a POST with a body sends the same request as the method (Prism reports no violation)', async () => {
    const viaFunction = await createSession(core, SESSION).withResponse();
    expect(viaFunction.status).toBe(201);
    expect(viaFunction.headers.get('sl-violations')).toBeNull();
    expect(viaFunction.data).toEqual(await hot.sessions.create(SESSION));
  });
});

describe('typed errors', () => {
  it('a 404 is the same NotFoundError, with the same message, code and request id, as the method’s', async () => {
    const fromFunction = (await failure(getRun(core, RUN_ID, prefer(404)))) as unknown as APIError;
    const fromMethod = (await failure(hot.runs.get(RUN_ID, prefer(404)))) as unknown as APIError;
    expect(fromFunction).toBeInstanceOf(NotFoundError);
    expect(fromFunction.constructor).toBe(fromMethod.constructor);
    expect(fromFunction.status).toBe(404);
    // The label is the method's (`runs.get`): the descriptor names it for both forms.
    expect(fromFunction.message).toBe(fromMethod.message);
    expect(fromFunction.message).toMatch(/^runs\.get: 404 /);
    expect(fromFunction.code).toBe(fromMethod.code);
    expect(fromFunction.requestId).toBe(fromMethod.requestId);
  });

  it('a documented 403 example maps to PermissionDeniedError through the function too', async () => {
    const body = exampleOf(spec, 'createSession', 403, 'application/json', 'permissionEscalation') as {
      error: { code: string; message: string };
    };
    const error = (await failure(
      createSession(core, SESSION, prefer(403, 'permissionEscalation')),
    )) as unknown as APIError;
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.code).toBe(body.error.code);
    expect(error.message).toBe(`sessions.create: 403 ${body.error.code}: ${body.error.message} (POST /v1/sessions)`);
  });

  it('a value that is not a client is refused with a HotError, before any request', async () => {
    const notAClient = { baseUrl: prismUrl('hot') } as unknown as HotCore;
    expect(() => getRun(notAClient, RUN_ID)).toThrow(HotError);
    expect(() => getRun(notAClient, RUN_ID)).toThrow(/Expected a HotCore or Hot/);
  });

  it('a missing key fails the same way for the function and the method', async () => {
    const keyless = new HotCore({ apiKey: '', baseUrl: prismUrl('hot'), maxRetries: 0 });
    const keylessFull = new Hot({ apiKey: '', baseUrl: prismUrl('hot'), maxRetries: 0 });
    const fromFunction = await failure(getRun(keyless, RUN_ID));
    const fromMethod = await failure(keylessFull.runs.get(RUN_ID));
    expect(fromFunction).toBeInstanceOf(HotError);
    expect(fromFunction.message).toBe(fromMethod.message);
  });
});

describe('the core client', () => {
  it('withOptions keeps the class and the key; printing never shows the key', () => {
    const other = core.withOptions({ timeout: 5_000 });
    expect(other).toBeInstanceOf(HotCore);
    expect(other).not.toBeInstanceOf(Hot);
    expect(hot.withOptions({ timeout: 5_000 })).toBeInstanceOf(Hot);
    expect(JSON.stringify(other)).not.toContain(TEST_KEYS.hot);
    expect(other.baseUrl).toBe(prismUrl('hot'));
  });
});
