/**
 * AgentMetal's generated client against a real Prism mock of its spec: every
 * operation with valid inputs, every documented error status, rate-limit
 * headers, the 201-or-202 create, and coverage of operations and methods.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentMetal,
  APIError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
  AuthenticationError,
} from '../../generated/agentmetal/src/index.js';
import {
  contractSpec,
  expectValid,
  failure,
  Ledger,
  prefer,
  prismUrl,
  TEST_KEYS,
  type ContractSpec,
} from '../support/contract.js';

const ledger = new Ledger();
let spec: ContractSpec;
let client: AgentMetal;

beforeAll(async () => {
  spec = await contractSpec('agentmetal');
  client = ledger.track(
    new AgentMetal({
      apiKey: TEST_KEYS.agentmetal,
      baseUrl: prismUrl('agentmetal'),
      maxRetries: 0,
      hooks: ledger.hooks(),
    }),
  );
});

describe('instances', () => {
  it('list returns the items array unwrapped from {items}', async () => {
    const { data, status, headers, rateLimit } = await client.instances.list().withResponse();
    expect(status).toBe(200);
    expect(Array.isArray(data)).toBe(true);
    expectValid(spec, spec.responsePointer('listInstances', 200, 'application/json', '/items'), data, headers);
    // The spec documents X-RateLimit-* on every response; the client parses them.
    expect(rateLimit?.limit).toBe(Number(headers.get('x-ratelimit-limit')));
    expect(rateLimit?.remaining).toBe(Number(headers.get('x-ratelimit-remaining')));
    expect(rateLimit?.reset?.getTime()).toBe(Number(headers.get('x-ratelimit-reset')) * 1000);
  });

  it('create answers 201 with the instance', async () => {
    const { data, status, headers } = await client.instances
      .create({ metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } })
      .withResponse();
    expect(status).toBe(201);
    expectValid(spec, spec.responsePointer('createInstance', 201), data, headers);
    expect('metadata' in data && data.metadata.name).toBeTruthy();
  });

  it('create answers 202 with an operation object that waitFor() accepts', async () => {
    const { data, status, headers } = await client.instances
      .create(
        { metadata: { name: 'web', labels: { env: 'production' } }, spec: { type: 'cx31', image: 'ubuntu-22.04' } },
        prefer(202),
      )
      .withResponse();
    expect(status).toBe(202);
    expectValid(spec, spec.responsePointer('createInstance', 202), data, headers);
    expect('operation_id' in data && data.operation_id).toMatch(/^op-/);
  });

  it('get returns the bare instance', async () => {
    const { data, status, headers } = await client.instances.get('inst-xyz789').withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('getInstance', 200), data, headers);
    expect(data.metadata.id).toMatch(/^inst-/);
  });

  it('delete answers 202 with an operation object', async () => {
    const { data, status, headers } = await client.instances.delete('inst-xyz789').withResponse();
    expect(status).toBe(202);
    expectValid(spec, spec.responsePointer('deleteInstance', 202), data, headers);
    expect(data.operation_id).toMatch(/^op-/);
  });
});

describe('operations', () => {
  it('get returns the operation object', async () => {
    const { data, status, headers } = await client.operations.get('op-abc123').withResponse();
    expect(status).toBe(200);
    expectValid(spec, spec.responsePointer('getOperation', 200), data, headers);
    expect(['pending', 'running', 'succeeded', 'failed']).toContain(data.status);
  });
});

describe('documented errors become typed errors', () => {
  const cases = [
    ['listInstances', 401, AuthenticationError, () => client.instances.list(prefer(401))],
    ['listInstances', 429, RateLimitError, () => client.instances.list(prefer(429))],
    ['listInstances', 500, InternalServerError, () => client.instances.list(prefer(500))],
    [
      'createInstance',
      400,
      BadRequestError,
      () =>
        client.instances.create(
          { metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } },
          prefer(400),
        ),
    ],
    [
      'createInstance',
      409,
      ConflictError,
      () =>
        client.instances.create(
          { metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } },
          prefer(409),
        ),
    ],
    [
      'createInstance',
      422,
      UnprocessableEntityError,
      () =>
        client.instances.create(
          { metadata: { name: 'web' }, spec: { type: 'cx31', image: 'ubuntu-22.04' } },
          prefer(422),
        ),
    ],
    ['getInstance', 404, NotFoundError, () => client.instances.get('inst-abc123', prefer(404))],
    ['deleteInstance', 404, NotFoundError, () => client.instances.delete('inst-abc123', prefer(404))],
    ['getOperation', 404, NotFoundError, () => client.operations.get('op-abc123', prefer(404))],
  ] as const;

  it.each(cases)('%s %i', async (operationId, status, ErrorClass, call) => {
    const error = await failure(call());
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error['status']).toBe(status);
    expect(error['operationId']).toBe(operationId);
    // AgentMetal's errors carry only a message ({error}); the client shows it and has no code.
    const body = error['body'] as { error: string };
    expect(spec.validate(spec.responsePointer(operationId, status), body)).toBeUndefined();
    expect(error.message).toContain(body.error);
    expect(error['code']).toBeUndefined();
  });

  it('a request without a key is refused by the server as 401', async () => {
    const anonymous = new AgentMetal({ apiKey: undefined, baseUrl: prismUrl('agentmetal'), maxRetries: 0 });
    const error = await failure(anonymous.instances.list());
    expect(error.message).toMatch(/AGENTMETAL_API_KEY/);
  });
});

// Coverage: every operation of the spec reached Prism, and every generated method was called.
afterAll(() => ledger.expectCoverage(spec, client));
