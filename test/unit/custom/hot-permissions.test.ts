/**
 * specs/hot/custom/permissions.ts: the typed permission builder, validator and
 * no-escalation check for Hot sessions and service keys.
 *
 * Expected values come from the Hot API documents ("Permissions Model": the resource
 * types / valid actions table, the Validation Rules table with its rejected examples and
 * error names, the session and service-key examples) and the spec's `Permissions` schema and
 * `PermissionsBadRequest` example messages, written out literally here, never derived from
 * the module under test.
 *
 * The `// @ts-expect-error` lines are type-level tests: the last test compiles this file with
 * the TypeScript compiler, so an expectation that stops holding (an unused
 * `@ts-expect-error`) fails the run.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import ts from 'typescript';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../../generator/load/load-spec.js';
import type { SessionCreateRequest, ServiceKeyCreateRequest } from '../../../generated/hot/src/types.js';
import { repoRoot } from '../../support/redocly.js';
import {
  RESOURCE_ACTIONS,
  RESOURCE_TYPES,
  PermissionsBuilder,
  PermissionsError,
  assertDelegable,
  assertNoEscalation,
  assertValidPermissions,
  findEscalations,
  isSubset,
  isValidPermissions,
  pathCovers,
  permissions,
  validatePermissions,
  type Action,
  type ActionFor,
  type PermissionErrorName,
  type PermissionRule,
  type PermissionsLike,
  type ResourceType,
  type ResourceUrn,
  type TypedPermissions,
} from '../../../specs/hot/custom/index.js';

/** What `run` throws, which must be a PermissionsError; fails the test when it throws nothing. */
function permissionsErrorOf(run: () => unknown): PermissionsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PermissionsError);
    return error as PermissionsError;
  }
  throw new Error('expected a PermissionsError, but nothing was thrown');
}

// ---------------------------------------------------------------------------
// The documents' tables, written out
// ---------------------------------------------------------------------------

/** "Resource types and valid actions". */
const DOCUMENTED_ACTIONS: Record<string, string[]> = {
  mcp: ['execute'],
  webhook: ['execute'],
  stream: ['read'],
  event: ['create', 'read'],
  run: ['read'],
  call: ['create', 'read'],
  project: ['create', 'read', 'update', 'delete'],
  build: ['create', 'read', 'execute'],
  context: ['create', 'read', 'update', 'delete'],
  key: ['create', 'read', 'update', 'delete'],
  session: ['create', 'read', 'delete'],
  env: ['read'],
};
const CONCRETE_ACTIONS = ['create', 'read', 'update', 'delete', 'execute'];

/** The example permission map of the "Permissions Model" section. */
const SEED_EXAMPLE = {
  'mcp:weather/get-forecast': ['execute'],
  'stream:*': ['read'],
  'event:user:*': ['create', 'read'],
};
/** The session example of `POST /v1/sessions`. */
const SESSION_EXAMPLE = { 'stream:*': ['read'], 'event:user:*': ['create'] };
/** The service-key example of `POST /v1/service-keys`. */
const SERVICE_KEY_EXAMPLE = { 'mcp:weather/*': ['execute'], 'stream:*': ['read'] };

interface RejectedRow {
  rule: string;
  /** The module's identifier for the rule (one per row of the documents' table). */
  id: PermissionRule;
  value: PermissionsLike;
  error: PermissionErrorName;
  resource: string;
  action?: string;
  /** The ajv keyword of the spec schema expected to reject it. */
  schemaKeyword: string;
}

/**
 * "Validation Rules": every rejected example, with its documented error. Examples given as
 * a bare key or a bare action are put in an otherwise valid map, so each row breaks exactly
 * one rule.
 */
const REJECTED: RejectedRow[] = [
  {
    rule: 'Resource must use type:path format',
    id: 'resource-format',
    value: { 'no-colon-here': ['read'] },
    error: 'Invalid resource',
    resource: 'no-colon-here',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: 'Resource key must not be empty',
    id: 'resource-empty',
    value: { '': ['read'] },
    error: 'Invalid resource',
    resource: '',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: 'Type must not be empty',
    id: 'type-empty',
    value: { ':path': ['read'] },
    error: 'Invalid resource',
    resource: ':path',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: 'Path must not be empty',
    id: 'path-empty',
    value: { 'mcp:': ['execute'] },
    error: 'Invalid resource',
    resource: 'mcp:',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: 'Bare * is not valid — use *:*',
    id: 'bare-wildcard',
    value: { '*': ['*'] },
    error: 'Invalid resource',
    resource: '*',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: '* type only allows * path',
    id: 'wildcard-type-path',
    value: { '*:foo': ['*'] },
    error: 'Invalid resource',
    resource: '*:foo',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: 'Type must be alphanumeric/hyphens',
    id: 'type-charset',
    value: { 'mcp!:test': ['execute'] },
    error: 'Invalid resource',
    resource: 'mcp!:test',
    schemaKeyword: 'propertyNames',
  },
  {
    rule: 'Actions must not be empty',
    id: 'actions-empty',
    value: { 'mcp:*': [] },
    error: 'Empty action list',
    resource: 'mcp:*',
    schemaKeyword: 'minItems',
  },
  {
    rule: 'Actions are lowercase only ("Read")',
    id: 'action-lowercase',
    value: { 'stream:*': ['Read'] },
    error: 'Invalid action',
    resource: 'stream:*',
    action: 'Read',
    schemaKeyword: 'enum',
  },
  {
    rule: 'Actions are lowercase only ("CREATE")',
    id: 'action-lowercase',
    value: { 'event:*': ['CREATE'] },
    error: 'Invalid action',
    resource: 'event:*',
    action: 'CREATE',
    schemaKeyword: 'enum',
  },
  {
    rule: 'Only valid actions: create, read, update, delete, execute, *',
    id: 'action-unknown',
    value: { 'project:*': ['destroy'] },
    error: 'Invalid action',
    resource: 'project:*',
    action: 'destroy',
    schemaKeyword: 'enum',
  },
  {
    rule: 'Action must be valid for the resource type',
    id: 'action-not-valid-for-type',
    value: { 'mcp:*': ['create'] },
    error: 'Action not valid for resource',
    resource: 'mcp:*',
    action: 'create',
    schemaKeyword: 'enum',
  },
];

/** The documents' valid examples. */
const VALID: Array<[string, PermissionsLike]> = [
  ['mcp:weather/get-forecast', { 'mcp:weather/get-forecast': ['execute'] }],
  ['stream:*', { 'stream:*': ['read'] }],
  ['stream:<id>', { 'stream:770e8400-e29b-41d4-a716-446655440000': ['read'] }],
  ['event:user:*', { 'event:user:*': ['create', 'read'] }],
  ['webhook:payments/*', { 'webhook:payments/*': ['execute'] }],
  ['*:* with ["*"]', { '*:*': ['*'] }],
  ['the Permissions Model example', SEED_EXAMPLE],
  ['the session example', SESSION_EXAMPLE],
  ['the service-key example', SERVICE_KEY_EXAMPLE],
  ['action * on a typed resource', { 'project:*': ['*'], 'session:abc': ['*'] }],
];

/** The spec schema's two stated assumptions, which the validator shares. */
const ASSUMED_REJECTED: RejectedRow[] = [
  {
    rule: 'resource types outside the table are rejected',
    id: 'type-unknown',
    value: { 'foo:bar': ['read'] },
    error: 'Invalid resource',
    resource: 'foo:bar',
    schemaKeyword: 'additionalProperties',
  },
  {
    rule: 'resource types are case-sensitive',
    id: 'type-unknown',
    value: { 'MCP:x': ['execute'] },
    error: 'Invalid resource',
    resource: 'MCP:x',
    schemaKeyword: 'additionalProperties',
  },
  {
    rule: '*:* takes only ["*"]',
    id: 'universal-actions',
    value: { '*:*': ['read'] },
    error: 'Action not valid for resource',
    resource: '*:*',
    action: 'read',
    schemaKeyword: 'const',
  },
];

// ---------------------------------------------------------------------------
// The spec's JSON Schema
// ---------------------------------------------------------------------------

let schemaValidate: ValidateFunction;

beforeAll(async () => {
  const { document } = await loadSpec(resolve(repoRoot, 'specs/hot/openapi.yaml'));
  const schema = (document as { components: { schemas: Record<string, object> } }).components.schemas['Permissions'];
  expect(schema).toBeDefined();
  schemaValidate = new Ajv2020({ allErrors: true, strict: false }).compile(schema as object);
});

function schemaKeywords(value: unknown): string[] {
  expect(schemaValidate(value)).toBe(false);
  return (schemaValidate.errors ?? []).map((error) => error.keyword);
}

// ---------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------

describe('resource types and actions', () => {
  it('match the documented table exactly', () => {
    expect(Object.fromEntries(Object.entries(RESOURCE_ACTIONS).map(([type, actions]) => [type, [...actions]]))).toEqual(
      DOCUMENTED_ACTIONS,
    );
    expect([...RESOURCE_TYPES]).toEqual(Object.keys(DOCUMENTED_ACTIONS));
  });

  const pairs = Object.keys(DOCUMENTED_ACTIONS).flatMap((type) =>
    CONCRETE_ACTIONS.map((action) => [type, action] as const),
  );
  it.each(pairs)('%s with %s is accepted exactly when the table lists it', (type, action) => {
    const problems = validatePermissions({ [`${type}:x`]: [action] });
    if (DOCUMENTED_ACTIONS[type]?.includes(action)) {
      expect(problems).toEqual([]);
    } else {
      expect(problems.map((problem) => [problem.error, problem.resource, problem.action])).toEqual([
        ['Action not valid for resource', `${type}:x`, action],
      ]);
    }
  });

  it.each(Object.keys(DOCUMENTED_ACTIONS))('the wildcard action * is valid for %s', (type) => {
    expect(validatePermissions({ [`${type}:*`]: ['*'] })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

describe('validatePermissions: the Validation Rules table', () => {
  it.each(REJECTED.map((row) => [row.rule, row] as const))('rejects: %s', (_rule, row) => {
    const problems = validatePermissions(row.value);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ error: row.error, resource: row.resource, rule: row.id });
    expect(problems[0]?.action).toBe(row.action);
    expect(isValidPermissions(row.value)).toBe(false);
  });

  it.each(REJECTED.map((row) => [row.rule, row] as const))(
    'assertValidPermissions throws a PermissionsError: %s',
    (_rule, row) => {
      const error = permissionsErrorOf(() => assertValidPermissions(row.value));
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('PermissionsError');
      expect(error.code).toBe('bad_request');
      expect(error.problems.map((problem) => problem.error)).toEqual([row.error]);
      expect(error.escalations).toEqual([]);
      expect(error.message).toContain(row.error);
    },
  );

  it.each(VALID)('accepts %s', (_name, value) => {
    expect(validatePermissions(value)).toEqual([]);
    expect(isValidPermissions(value)).toBe(true);
    expect(() => assertValidPermissions(value)).not.toThrow();
  });

  it('uses the messages of the spec PermissionsBadRequest examples', () => {
    expect(validatePermissions({ 'no-colon-here': ['read'] })[0]?.message).toBe('Invalid resource: "no-colon-here"');
    expect(validatePermissions({ 'mcp:*': [] })[0]?.message).toBe('Empty action list for "mcp:*"');
    expect(validatePermissions({ 'project:*': ['destroy'] })[0]?.message).toBe('Invalid action: "destroy"');
    expect(validatePermissions({ 'mcp:*': ['create'] })[0]?.message).toBe(
      'Action not valid for resource: "create" on "mcp:*"',
    );
  });

  it('reports every problem of a map, with the offending key and action', () => {
    const problems = validatePermissions({
      'stream:*': ['read'],
      'no-colon-here': ['read'],
      'mcp:*': ['create', 'execute', 'Read'],
      'event:*': [],
    });
    expect(problems.map((problem) => [problem.error, problem.resource, problem.action])).toEqual([
      ['Invalid resource', 'no-colon-here', undefined],
      ['Action not valid for resource', 'mcp:*', 'create'],
      ['Invalid action', 'mcp:*', 'Read'],
      ['Empty action list', 'event:*', undefined],
    ]);
  });

  it('each documented rule has its own identifier', () => {
    expect(new Set(REJECTED.map((row) => row.id)).size).toBe(11);
  });

  it('still checks the actions of an invalid resource key', () => {
    const problems = validatePermissions({ 'mcp!:test': ['destroy'] });
    expect(problems.map((problem) => [problem.error, problem.action])).toEqual([
      ['Invalid resource', undefined],
      ['Invalid action', 'destroy'],
    ]);
  });

  it('accepts paths that contain ":" and type names with digits and hyphens when known', () => {
    expect(validatePermissions({ 'event:user:42:profile': ['read'], 'mcp:weather/get-forecast': ['*'] })).toEqual([]);
  });

  it.each(ASSUMED_REJECTED.map((row) => [row.rule, row] as const))(
    'rejects (assumption shared with the spec schema): %s',
    (_rule, row) => {
      const problems = validatePermissions(row.value);
      expect(problems.map((problem) => [problem.error, problem.resource, problem.action, problem.rule])).toEqual([
        [row.error, row.resource, row.action, row.id],
      ]);
    },
  );

  it.each([
    ['null', null],
    ['an array', [['stream:*', ['read']]]],
    ['a string', 'stream:*'],
  ] as const)('rejects a value that is not a map: %s', (_name, value) => {
    expect(validatePermissions(value)).toHaveLength(1);
    expect(() => assertValidPermissions(value)).toThrow(PermissionsError);
  });

  it('rejects action lists that are not arrays and actions that are not strings', () => {
    expect(validatePermissions({ 'stream:*': 'read' }).map((problem) => problem.error)).toEqual(['Invalid action']);
    expect(validatePermissions({ 'stream:*': [1] }).map((problem) => [problem.error, problem.action])).toEqual([
      ['Invalid action', '1'],
    ]);
  });
});

describe('the spec Permissions schema', () => {
  it.each(VALID)('accepts %s', (_name, value) => {
    expect(schemaValidate(value), JSON.stringify(schemaValidate.errors)).toBe(true);
  });

  it.each(REJECTED.map((row) => [row.rule, row] as const))('rejects: %s', (_rule, row) => {
    // Every rule of the table can be written in JSON Schema; the lowercase rule only
    // indirectly, through the action enums (which are lowercase).
    expect(schemaKeywords(row.value)).toContain(row.schemaKeyword);
  });

  it.each(ASSUMED_REJECTED.map((row) => [row.rule, row] as const))('rejects (stated assumption): %s', (_rule, row) => {
    expect(schemaKeywords(row.value)).toContain(row.schemaKeyword);
  });

  it('agrees with validatePermissions on a mixed corpus', () => {
    const corpus: unknown[] = [
      ...VALID.map(([, value]) => value),
      ...REJECTED.map((row) => row.value),
      ...ASSUMED_REJECTED.map((row) => row.value),
      {},
      { 'key:*': ['create', 'read', 'update', 'delete'] },
      { 'build:abc': ['execute'] },
      { 'env:*': ['read', '*'] },
      { 'env:*': ['write'] },
      { 'call:fn': ['create'], 'run:*': ['execute'] },
      { 'context:-': ['delete'] },
      { 'session:*': ['update'] },
      { '*:*': ['*', '*'] },
      { 'a-b:c': ['read'] },
      { 'mcp:*': ['execute', ' execute'] },
    ];
    for (const value of corpus) {
      expect(schemaValidate(value), JSON.stringify(value)).toBe(validatePermissions(value).length === 0);
    }
  });

  it('cannot express the subset rule: an escalating child is schema-valid', () => {
    const parent = { 'stream:*': ['read'] };
    const child = { 'stream:*': ['read'], 'event:*': ['create'] };
    expect(schemaValidate(child)).toBe(true);
    expect(isSubset(child, parent)).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Subset / escalation
// ---------------------------------------------------------------------------

interface SubsetRow {
  name: string;
  child: PermissionsLike;
  parent: PermissionsLike;
  /** [resource, action] of each child entry the parent does not grant. */
  escalations: Array<[string, string]>;
}

const ALL_TYPES_WILDCARD = Object.fromEntries(Object.keys(DOCUMENTED_ACTIONS).map((type) => [`${type}:*`, ['*']]));

const SUBSET: SubsetRow[] = [
  {
    name: 'the session example under the Permissions Model example',
    child: SESSION_EXAMPLE,
    parent: SEED_EXAMPLE,
    escalations: [],
  },
  {
    name: 'the service-key example under the Permissions Model example',
    child: SERVICE_KEY_EXAMPLE,
    parent: SEED_EXAMPLE,
    escalations: [['mcp:weather/*', 'execute']],
  },
  { name: 'a map under itself', child: SEED_EXAMPLE, parent: SEED_EXAMPLE, escalations: [] },
  { name: 'an empty map under anything', child: {}, parent: {}, escalations: [] },
  {
    name: 'anything under an empty map',
    child: { 'stream:*': ['read'] },
    parent: {},
    escalations: [['stream:*', 'read']],
  },
  {
    name: 'event:user:42 under event:user:*',
    child: { 'event:user:42': ['create'] },
    parent: { 'event:user:*': ['create'] },
    escalations: [],
  },
  {
    name: 'event:user:42:* under event:user:*',
    child: { 'event:user:42:*': ['read'] },
    parent: { 'event:user:*': ['read'] },
    escalations: [],
  },
  {
    name: 'event:* not under event:user:*',
    child: { 'event:*': ['create'] },
    parent: { 'event:user:*': ['create'] },
    escalations: [['event:*', 'create']],
  },
  {
    name: 'event:users not under event:user:*',
    child: { 'event:users': ['read'] },
    parent: { 'event:user:*': ['read'] },
    escalations: [['event:users', 'read']],
  },
  {
    name: 'event:user:* not under event:user:42',
    child: { 'event:user:*': ['read'] },
    parent: { 'event:user:42': ['read'] },
    escalations: [['event:user:*', 'read']],
  },
  {
    name: 'mcp:weather/get-forecast under mcp:weather/*',
    child: { 'mcp:weather/get-forecast': ['execute'] },
    parent: { 'mcp:weather/*': ['execute'] },
    escalations: [],
  },
  {
    name: 'mcp:weather/* not under mcp:weather/get-forecast',
    child: { 'mcp:weather/*': ['execute'] },
    parent: { 'mcp:weather/get-forecast': ['execute'] },
    escalations: [['mcp:weather/*', 'execute']],
  },
  {
    name: 'mcp:weatherman/x not under mcp:weather/*',
    child: { 'mcp:weatherman/x': ['execute'] },
    parent: { 'mcp:weather/*': ['execute'] },
    escalations: [['mcp:weatherman/x', 'execute']],
  },
  {
    name: 'an exact path only under itself',
    child: { 'stream:abc': ['read'], 'stream:abd': ['read'] },
    parent: { 'stream:abc': ['read'] },
    escalations: [['stream:abd', 'read']],
  },
  {
    name: 'an exact path does not cover a longer path',
    child: { 'mcp:weather/get-forecast-v2': ['execute'] },
    parent: { 'mcp:weather/get-forecast': ['execute'] },
    escalations: [['mcp:weather/get-forecast-v2', 'execute']],
  },
  {
    name: 'stream:abc under stream:*',
    child: { 'stream:abc': ['read'] },
    parent: { 'stream:*': ['read'] },
    escalations: [],
  },
  {
    name: 'stream:* not under stream:abc',
    child: { 'stream:*': ['read'] },
    parent: { 'stream:abc': ['read'] },
    escalations: [['stream:*', 'read']],
  },
  {
    name: 'another resource type is not covered',
    child: { 'run:*': ['read'] },
    parent: { 'stream:*': ['read'] },
    escalations: [['run:*', 'read']],
  },
  {
    name: 'another action is not covered',
    child: { 'event:user:1': ['create', 'read'] },
    parent: { 'event:*': ['read'] },
    escalations: [['event:user:1', 'create']],
  },
  {
    name: 'actions may come from different parent entries',
    child: { 'event:user:1': ['create', 'read'] },
    parent: { 'event:user:*': ['create'], 'event:*': ['read'] },
    escalations: [],
  },
  {
    name: 'a parent * action grants each valid action',
    child: { 'project:p': ['delete', 'update'] },
    parent: { 'project:*': ['*'] },
    escalations: [],
  },
  {
    name: 'a child * action under a parent *',
    child: { 'mcp:weather/x': ['*'] },
    parent: { 'mcp:weather/*': ['*'] },
    escalations: [],
  },
  {
    name: 'a child * action under every valid action listed',
    child: { 'event:user:*': ['*'] },
    parent: { 'event:*': ['create', 'read'] },
    escalations: [],
  },
  {
    name: 'a child * action with one valid action missing',
    child: { 'event:user:*': ['*'] },
    parent: { 'event:*': ['read'] },
    escalations: [['event:user:*', '*']],
  },
  {
    name: 'everything under *:* with ["*"]',
    child: { 'project:*': ['delete'], 'key:abc': ['*'], 'mcp:x': ['execute'], 'env:*': ['read'] },
    parent: { '*:*': ['*'] },
    escalations: [],
  },
  { name: '*:* under *:*', child: { '*:*': ['*'] }, parent: { '*:*': ['*'] }, escalations: [] },
  {
    name: '*:* not under stream:*',
    child: { '*:*': ['*'] },
    parent: { 'stream:*': ['*'] },
    escalations: [['*:*', '*']],
  },
  {
    name: '*:* under type:* with ["*"] for every type',
    child: { '*:*': ['*'] },
    parent: ALL_TYPES_WILDCARD,
    escalations: [],
  },
  {
    name: 'an action the type does not have is not granted by *',
    child: { 'mcp:x': ['read'] },
    parent: { '*:*': ['*'] },
    escalations: [['mcp:x', 'read']],
  },
  {
    name: 'a malformed child key is never granted',
    child: { 'no-colon-here': ['read'] },
    parent: { '*:*': ['*'] },
    escalations: [['no-colon-here', 'read']],
  },
];

describe('findEscalations / isSubset', () => {
  it.each(SUBSET.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    expect(
      findEscalations(row.child, row.parent).map((escalation) => [escalation.resource, escalation.action]),
    ).toEqual(row.escalations);
    expect(isSubset(row.child, row.parent)).toBe(row.escalations.length === 0);
  });

  it('lists the granular grants a child * is missing', () => {
    const [escalation] = findEscalations({ 'event:user:*': ['*'] }, { 'event:*': ['read'] });
    expect(escalation?.missing).toEqual([{ resource: 'event:user:*', action: 'create' }]);
    const [all] = findEscalations({ '*:*': ['*'] }, { 'stream:*': ['*'], 'event:*': ['create'] });
    expect(all?.missing).toContainEqual({ resource: 'mcp:*', action: 'execute' });
    expect(all?.missing).toContainEqual({ resource: 'event:*', action: 'read' });
    expect(all?.missing).not.toContainEqual({ resource: 'event:*', action: 'create' });
    expect(all?.missing).not.toContainEqual({ resource: 'stream:*', action: 'read' });
  });

  it('assertNoEscalation throws a PermissionsError with code permission_escalation', () => {
    expect(() => assertNoEscalation(SESSION_EXAMPLE, SEED_EXAMPLE)).not.toThrow();
    const thrown = permissionsErrorOf(() => assertNoEscalation(SERVICE_KEY_EXAMPLE, SEED_EXAMPLE));
    expect(thrown.code).toBe('permission_escalation');
    expect(thrown.escalations.map((escalation) => escalation.resource)).toEqual(['mcp:weather/*']);
  });

  it('assertDelegable checks the validation rules before escalation', () => {
    expect(() => assertDelegable(SESSION_EXAMPLE, SEED_EXAMPLE)).not.toThrow();
    expect(() => assertDelegable({ 'mcp:*': ['create'] }, { '*:*': ['*'] })).toThrow(
      expect.objectContaining({ code: 'bad_request' }),
    );
    expect(() => assertDelegable({ 'mcp:*': ['execute'] }, { 'stream:*': ['read'] })).toThrow(
      expect.objectContaining({ code: 'permission_escalation' }),
    );
  });

  it.each([
    ['*', 'anything', true],
    ['*', '*', true],
    ['user:*', 'user:42', true],
    ['user:*', 'user:*', true],
    ['user:*', 'user:42:*', true],
    ['user:*', '*', false],
    ['user:*', 'users', false],
    ['weather/*', 'weather/get-forecast', true],
    ['weather/get-forecast', 'weather/get-forecast', true],
    ['weather/get-forecast', 'weather/*', false],
    ['abc', 'abcd', false],
  ] as const)('pathCovers(%j, %j) is %s', (parent, child, expected) => {
    expect(pathCovers(parent, child)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------

function builderProblems(build: () => unknown): PermissionErrorName[] {
  return permissionsErrorOf(build).problems.map((problem) => problem.error);
}

describe('permissions() builder', () => {
  it('builds the example of the brief', () => {
    const built = permissions().allow('stream', '*', ['read']).allow('event', 'user:*', ['create', 'read']).build();
    expect(built).toEqual({ 'stream:*': ['read'], 'event:user:*': ['create', 'read'] });
    expect(validatePermissions(built)).toEqual([]);
    expect(schemaValidate(built)).toBe(true);
  });

  it('builds the Permissions Model, session and service-key examples', () => {
    const seed = permissions()
      .allow('mcp', 'weather/get-forecast', ['execute'])
      .allow('stream', '*', 'read')
      .allowUrn('event:user:*', ['create', 'read'])
      .build();
    const session = permissions().allow('stream', '*', ['read']).allow('event', 'user:*', ['create']).build();
    const serviceKey = permissions().allowUrn('mcp:weather/*', 'execute').allowUrn('stream:*', ['read']).build();
    expect(seed).toEqual(SEED_EXAMPLE);
    expect(session).toEqual(SESSION_EXAMPLE);
    expect(serviceKey).toEqual(SERVICE_KEY_EXAMPLE);
    for (const built of [seed, session, serviceKey]) {
      expect(validatePermissions(built)).toEqual([]);
      expect(schemaValidate(built), JSON.stringify(schemaValidate.errors)).toBe(true);
    }
  });

  it('allowAll() gives *:* with ["*"], accepted by the validator and the schema', () => {
    const built = permissions().allowAll().build();
    expect(built).toEqual({ '*:*': ['*'] });
    expect(validatePermissions(built)).toEqual([]);
    expect(schemaValidate(built)).toBe(true);
  });

  it('allowAllOf(type) gives type:* with ["*"]', () => {
    expect(permissions().allowAllOf('project').allowAllOf('key').build()).toEqual({
      'project:*': ['*'],
      'key:*': ['*'],
    });
  });

  it('merges repeated grants of one resource, without duplicates', () => {
    const built = permissions()
      .allow('event', 'user:*', ['create'])
      .allow('event', 'user:*', ['read', 'create'])
      .build();
    expect(built).toEqual({ 'event:user:*': ['create', 'read'] });
  });

  it('collapses a list containing * to ["*"]', () => {
    expect(permissions().allow('project', '*', ['read']).allow('project', '*', ['*']).build()).toEqual({
      'project:*': ['*'],
    });
  });

  it('is immutable: each call returns a new builder', () => {
    const base = permissions().allow('stream', '*', ['read']);
    const withEvents = base.allow('event', '*', ['create']);
    expect(base.build()).toEqual({ 'stream:*': ['read'] });
    expect(withEvents.build()).toEqual({ 'stream:*': ['read'], 'event:*': ['create'] });
    expect(withEvents).toBeInstanceOf(PermissionsBuilder);
    expect(withEvents).not.toBe(base);
  });

  it('starts from, merges and removes existing maps', () => {
    expect(permissions(SESSION_EXAMPLE).build()).toEqual(SESSION_EXAMPLE);
    expect(
      permissions(SESSION_EXAMPLE)
        .merge({ 'event:user:*': ['read'] })
        .build(),
    ).toEqual({ 'stream:*': ['read'], 'event:user:*': ['create', 'read'] });
    expect(permissions(SEED_EXAMPLE).without('stream:*').without('mcp:weather/get-forecast').build()).toEqual({
      'event:user:*': ['create', 'read'],
    });
  });

  it('returns a fresh object each build and serialises with JSON.stringify', () => {
    const builder = permissions().allow('stream', '*', ['read']);
    const first = builder.build();
    (first['stream:*'] as string[]).push('*');
    expect(builder.build()).toEqual({ 'stream:*': ['read'] });
    expect(JSON.parse(JSON.stringify(builder))).toEqual({ 'stream:*': ['read'] });
    expect(permissions().build()).toEqual({});
  });

  it('buildFor(parent) checks for escalation', () => {
    const parent = SEED_EXAMPLE;
    expect(permissions().allow('event', 'user:42', ['create']).buildFor(parent)).toEqual({
      'event:user:42': ['create'],
    });
    expect(() => permissions().allow('event', '*', ['create']).buildFor(parent)).toThrow(
      expect.objectContaining({ code: 'permission_escalation' }),
    );
    expect(
      permissions()
        .allow('event', '*', ['create'])
        .escalationsAgainst(parent)
        .map((escalation) => escalation.resource),
    ).toEqual(['event:*']);
  });

  // Each line below is a compile error (checked by the last test) AND a run-time error from
  // build(), for callers without types.
  it('rejects an unknown resource type (compile time and run time)', () => {
    // @ts-expect-error 'foo' is not a resource type
    expect(builderProblems(() => permissions().allow('foo', 'x', ['read']).build())).toEqual(['Invalid resource']);
    // @ts-expect-error '*' is not a resource type (use allowAll())
    expect(builderProblems(() => permissions().allow('*', 'foo', ['*']).build())).toEqual(['Invalid resource']);
    // @ts-expect-error 'foo:x' is not a typed resource URN
    expect(builderProblems(() => permissions().allowUrn('foo:x', ['read']).build())).toEqual(['Invalid resource']);
  });

  it('rejects an empty path (compile time and run time)', () => {
    // @ts-expect-error the path must not be empty
    expect(builderProblems(() => permissions().allow('mcp', '', ['execute']).build())).toEqual(['Invalid resource']);
    // @ts-expect-error the path must not be empty
    expect(builderProblems(() => permissions().allowUrn('mcp:', ['execute']).build())).toEqual(['Invalid resource']);
  });

  it('rejects an action not valid for the resource type (compile time and run time)', () => {
    // @ts-expect-error mcp has only execute
    expect(builderProblems(() => permissions().allow('mcp', '*', ['create']).build())).toEqual([
      'Action not valid for resource',
    ]);
    // @ts-expect-error stream has only read
    expect(builderProblems(() => permissions().allow('stream', '*', 'execute').build())).toEqual([
      'Action not valid for resource',
    ]);
    // @ts-expect-error event has no delete
    expect(builderProblems(() => permissions().allowUrn('event:user:*', ['create', 'delete']).build())).toEqual([
      'Action not valid for resource',
    ]);
  });

  it('rejects unknown and non-lowercase actions (compile time and run time)', () => {
    // @ts-expect-error not lowercase
    expect(builderProblems(() => permissions().allow('stream', '*', ['Read']).build())).toEqual(['Invalid action']);
    // @ts-expect-error not an action
    expect(builderProblems(() => permissions().allow('project', '*', ['destroy']).build())).toEqual(['Invalid action']);
  });

  it('rejects an empty action list (compile time and run time)', () => {
    // @ts-expect-error the list must not be empty
    expect(builderProblems(() => permissions().allow('mcp', '*', []).build())).toEqual(['Empty action list']);
  });
});

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

describe('types', () => {
  it('TypedPermissions accepts the documented maps and rejects invalid ones at compile time', () => {
    const seed: TypedPermissions = {
      'mcp:weather/get-forecast': ['execute'],
      'stream:*': ['read'],
      'event:user:*': ['create', 'read'],
    };
    const universal: TypedPermissions = { '*:*': ['*'] };
    // @ts-expect-error unknown resource type
    const unknownType: TypedPermissions = { 'foo:bar': ['read'] };
    // @ts-expect-error action not valid for the type
    const wrongAction: TypedPermissions = { 'mcp:*': ['create'] };
    // @ts-expect-error empty action list
    const empty: TypedPermissions = { 'mcp:*': [] };
    // @ts-expect-error not lowercase
    const upper: TypedPermissions = { 'stream:*': ['Read'] };
    // @ts-expect-error bare *
    const bare: TypedPermissions = { '*': ['*'] };
    // @ts-expect-error *:* takes only *
    const universalRead: TypedPermissions = { '*:*': ['read'] };
    expect([seed, universal].map(validatePermissions)).toEqual([[], []]);
    expect(
      [unknownType, wrongAction, empty, upper, bare, universalRead].map((value) =>
        validatePermissions(value).map((problem) => problem.error),
      ),
    ).toEqual([
      ['Invalid resource'],
      ['Action not valid for resource'],
      ['Empty action list'],
      ['Invalid action'],
      ['Invalid resource'],
      ['Action not valid for resource'],
    ]);
  });

  it('the built map is assignable to the generated client request bodies', () => {
    const built = permissions().allow('stream', '*', ['read']).build();
    const session: SessionCreateRequest = { permissions: built, expires_in: 3600 };
    const serviceKey: ServiceKeyCreateRequest = { permissions: permissions().allowAll().build() };
    expect(session.permissions).toEqual({ 'stream:*': ['read'] });
    expect(serviceKey.permissions).toEqual({ '*:*': ['*'] });
  });

  it('ActionFor, ResourceUrn and Action are precise', () => {
    const mcp: ActionFor<'mcp'>[] = ['execute', '*'];
    // @ts-expect-error read is not an mcp action
    const mcpRead: ActionFor<'mcp'> = 'read';
    const urn: ResourceUrn<'event'> = 'event:user:*';
    // @ts-expect-error wrong type prefix
    const wrongUrn: ResourceUrn<'event'> = 'stream:*';
    const type: ResourceType = 'env';
    // @ts-expect-error not a resource type
    const badType: ResourceType = 'foo';
    const action: Action = '*';
    // @ts-expect-error not an action
    const badAction: Action = 'destroy';
    expect([mcp, mcpRead, urn, wrongUrn, type, badType, action, badAction]).toHaveLength(8);
  });

  it('this file type-checks, so every @ts-expect-error above still holds', () => {
    const configPath = resolve(repoRoot, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
    const program = ts.createProgram({
      rootNames: [fileURLToPath(import.meta.url)],
      options: { ...parsed.options, noEmit: true },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where =
        diagnostic.file && diagnostic.start !== undefined
          ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`
          : '';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
