/**
 * Typed permissions for Hot API keys, service keys and sessions.
 *
 * A permission map is a JSON object from resource URNs (`type:path`) to action
 * arrays, for example
 * `{"mcp:weather/get-forecast": ["execute"], "stream:*": ["read"], "event:user:*": ["create", "read"]}`.
 *
 * This module offers:
 * - the resource types and their valid actions as constants (`RESOURCE_ACTIONS`);
 * - compile-time types (`Permissions`, `ResourceUrn`, `ActionFor`) that reject unknown
 *   resource types, actions not valid for a type and empty action lists;
 * - a fluent, immutable builder (`permissions()`);
 * - `validatePermissions` / `assertValidPermissions`, enforcing every validation rule the
 *   API documents (same error names: `Invalid resource`, `Empty action list`,
 *   `Invalid action`, `Action not valid for resource`);
 * - `findEscalations` / `isSubset` / `assertNoEscalation`, the no-escalation check the API
 *   applies to sessions and service keys (`403 permission_escalation`).
 *
 * Hand-written (specs/hot/custom/), copied verbatim into the generated package. No
 * dependencies and no Node built-ins: it runs in browsers too.
 */

// ---------------------------------------------------------------------------
// Resource types and actions
// ---------------------------------------------------------------------------

/** Every resource type and the actions valid for it (the API's "Resource types and valid actions" table). */
export const RESOURCE_ACTIONS = Object.freeze({
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
} as const);

/** A resource type: `mcp`, `webhook`, `stream`, `event`, `run`, `call`, `project`, `build`, `context`, `key`, `session` or `env`. */
export type ResourceType = keyof typeof RESOURCE_ACTIONS;

/** The resource types, in the documented order. */
export const RESOURCE_TYPES: readonly ResourceType[] = Object.freeze(Object.keys(RESOURCE_ACTIONS) as ResourceType[]);

/** The wildcard: as an action it grants all valid actions of the type; `*:*` is every resource. */
export const WILDCARD = '*';

/** The universal resource key; with `["*"]` it grants unrestricted access. */
export const UNIVERSAL_RESOURCE = '*:*';

/** The only action names the API accepts (lowercase), the wildcard included. */
export const ACTIONS = Object.freeze(['create', 'read', 'update', 'delete', 'execute', '*'] as const);

/** Any action name: `create`, `read`, `update`, `delete`, `execute` or the wildcard `*`. */
export type Action = (typeof ACTIONS)[number];

/** An action other than the wildcard. */
export type ConcreteAction = Exclude<Action, '*'>;

/** The actions valid for resource type `T`, the wildcard `*` included. */
export type ActionFor<T extends ResourceType> = (typeof RESOURCE_ACTIONS)[T][number] | '*';

/** A resource URN of type `T`: `` `${T}:${string}` `` (the path may itself contain `:`). */
export type ResourceUrn<T extends ResourceType = ResourceType> = T extends ResourceType ? `${T}:${string}` : never;

/** Any key of a permission map: a typed resource URN or the universal `*:*`. */
export type PermissionKey = ResourceUrn | typeof UNIVERSAL_RESOURCE;

/** The resource type of a URN (`ResourceTypeOf<'event:user:*'>` is `'event'`). */
export type ResourceTypeOf<U extends string> = U extends `${infer T extends ResourceType}:${string}` ? T : never;

/** A non-empty list (the API rejects empty action lists). */
export type NonEmptyList<T> = [T, ...T[]];

/**
 * A permission map whose keys and actions are checked at compile time: the key's type must
 * be a known resource type (or the key `*:*`), every action must be valid for that type and
 * the list must not be empty. What a type cannot express (an empty path such as `"mcp:"`)
 * is left to `validatePermissions`.
 *
 * Assignable to the generated client's `Permissions` body type.
 */
export type Permissions = { [T in ResourceType as `${T}:${string}`]: NonEmptyList<ActionFor<T>> } & {
  '*:*'?: NonEmptyList<'*'>;
};

/** A permission map of unknown validity, for example one read back from the API. */
export type PermissionsLike = { readonly [resource: string]: readonly string[] };

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);
const TYPE_PATTERN = /^[A-Za-z0-9-]+$/;

/** True when `value` is one of the resource types. */
export function isResourceType(value: unknown): value is ResourceType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RESOURCE_ACTIONS, value);
}

/** True when `action` is valid for resource type `type` (the wildcard `*` is valid for every type). */
export function isActionValidFor<T extends ResourceType>(type: T, action: unknown): action is ActionFor<T> {
  if (action === WILDCARD) return true;
  return (RESOURCE_ACTIONS[type] as readonly string[]).includes(action as string);
}

// ---------------------------------------------------------------------------
// Resource keys
// ---------------------------------------------------------------------------

/** A resource key split into type and path (at the first `:`). */
export interface ParsedResource {
  type: string;
  path: string;
}

/**
 * Split a resource key at its first `:` (`"event:user:*"` is type `event`, path `user:*`).
 * Returns undefined when the key has no `:`. No validation beyond that.
 */
export function parseResource(resource: string): ParsedResource | undefined {
  const colon = resource.indexOf(':');
  if (colon < 0) return undefined;
  return { type: resource.slice(0, colon), path: resource.slice(colon + 1) };
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/** The error names of the API's validation rules. */
export type PermissionErrorName =
  | 'Invalid resource'
  | 'Empty action list'
  | 'Invalid action'
  | 'Action not valid for resource';

/**
 * Which rule a problem breaks. The first eleven are the API's documented rules; the rest are
 * marked in their descriptions.
 */
export type PermissionRule =
  /** Resource must use `type:path` format (`"no-colon-here"`). */
  | 'resource-format'
  /** Resource key must not be empty (`""`). */
  | 'resource-empty'
  /** Type must not be empty (`":path"`). */
  | 'type-empty'
  /** Path must not be empty (`"mcp:"`). */
  | 'path-empty'
  /** Bare `*` is not valid, use `*:*` (`"*"`). */
  | 'bare-wildcard'
  /** `*` type only allows `*` path (`"*:foo"`). */
  | 'wildcard-type-path'
  /** Type must be alphanumeric/hyphens (`"mcp!:test"`). */
  | 'type-charset'
  /** Actions must not be empty (`{"mcp:*": []}`). */
  | 'actions-empty'
  /** Actions are lowercase only (`"Read"`, `"CREATE"`). */
  | 'action-lowercase'
  /** Only valid actions: create, read, update, delete, execute, * (`"destroy"`). */
  | 'action-unknown'
  /** Action must be valid for the resource type (`"mcp:*": ["create"]`). */
  | 'action-not-valid-for-type'
  /**
   * Assumption (shared with the spec's `Permissions` schema): a well-formed type outside the
   * documented table (`"foo:bar"`) is rejected, as `Invalid resource`.
   */
  | 'type-unknown'
  /**
   * Assumption (shared with the spec's `Permissions` schema): `*:*` takes only `["*"]`, the
   * documented form; other actions are `Action not valid for resource`.
   */
  | 'universal-actions'
  /**
   * Not a shape the API could accept at all (no documented rule; the nearest error name is
   * used): the map is not a JSON object (`Invalid resource`, resource `""`)...
   */
  | 'not-an-object'
  /** ...an action list is not an array (`Invalid action`)... */
  | 'actions-not-array'
  /** ...or an action is not a string (`Invalid action`). */
  | 'action-not-string';

/** One broken rule. */
export interface PermissionProblem {
  /** The API's error name for the rule. */
  readonly error: PermissionErrorName;
  /** Which rule is broken. */
  readonly rule: PermissionRule;
  /** The offending resource key. */
  readonly resource: string;
  /** The offending action, for action rules (non-strings shown as JSON). */
  readonly action?: string;
  /** Human-readable message, in the API's wording (for example `Invalid resource: "no-colon-here"`). */
  readonly message: string;
}

function quote(value: string): string {
  return JSON.stringify(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function resourceProblem(resource: string, rule: PermissionRule): PermissionProblem {
  return { error: 'Invalid resource', rule, resource, message: `Invalid resource: ${quote(resource)}` };
}

/** Check one resource key; returns the first rule it breaks, or the parsed key. */
function checkResource(resource: string): PermissionProblem | ParsedResource {
  if (resource === '') return resourceProblem(resource, 'resource-empty');
  if (resource === WILDCARD) return resourceProblem(resource, 'bare-wildcard');
  const parsed = parseResource(resource);
  if (!parsed) return resourceProblem(resource, 'resource-format');
  if (parsed.type === '') return resourceProblem(resource, 'type-empty');
  if (parsed.path === '') return resourceProblem(resource, 'path-empty');
  if (parsed.type === WILDCARD)
    return parsed.path === WILDCARD ? parsed : resourceProblem(resource, 'wildcard-type-path');
  if (!TYPE_PATTERN.test(parsed.type)) return resourceProblem(resource, 'type-charset');
  if (!isResourceType(parsed.type)) return resourceProblem(resource, 'type-unknown');
  return parsed;
}

function actionProblem(resource: string, action: string, rule: PermissionRule): PermissionProblem {
  if (rule === 'action-not-valid-for-type' || rule === 'universal-actions') {
    return {
      error: 'Action not valid for resource',
      rule,
      resource,
      action,
      message: `Action not valid for resource: ${quote(action)} on ${quote(resource)}`,
    };
  }
  return { error: 'Invalid action', rule, resource, action, message: `Invalid action: ${quote(action)}` };
}

/** Check one action of a resource whose key parsed as `parsed` (undefined when the key is invalid). */
function checkAction(
  resource: string,
  parsed: ParsedResource | undefined,
  action: unknown,
): PermissionProblem | undefined {
  if (typeof action !== 'string') return actionProblem(resource, show(action), 'action-not-string');
  if (action !== action.toLowerCase()) return actionProblem(resource, action, 'action-lowercase');
  if (!ACTION_SET.has(action)) return actionProblem(resource, action, 'action-unknown');
  if (!parsed) return undefined;
  if (parsed.type === WILDCARD)
    return action === WILDCARD ? undefined : actionProblem(resource, action, 'universal-actions');
  if (isResourceType(parsed.type) && !isActionValidFor(parsed.type, action))
    return actionProblem(resource, action, 'action-not-valid-for-type');
  return undefined;
}

/**
 * Check a permission map against every validation rule the API documents (plus the two
 * assumptions the spec's schema makes: unknown resource types and `*:*` with anything but
 * `["*"]` are rejected). Returns every problem found, in key order; an empty list means valid.
 *
 * Each problem carries the API's error name (`Invalid resource`, `Empty action list`,
 * `Invalid action`, `Action not valid for resource`), the rule, the offending key and, for
 * action rules, the offending action. A value that is not an object at all yields one
 * `Invalid resource` problem with rule `not-an-object`.
 */
export function validatePermissions(value: unknown): PermissionProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [
      {
        error: 'Invalid resource',
        rule: 'not-an-object',
        resource: '',
        message: `Invalid permissions: expected an object mapping resources to actions, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
      },
    ];
  }
  const problems: PermissionProblem[] = [];
  for (const [resource, actions] of Object.entries(value as Record<string, unknown>)) {
    const checked = checkResource(resource);
    const parsed = 'rule' in checked ? undefined : checked;
    if (!parsed) problems.push(checked as PermissionProblem);
    if (!Array.isArray(actions)) {
      problems.push({
        error: 'Invalid action',
        rule: 'actions-not-array',
        resource,
        action: show(actions),
        message: `Invalid action: expected an array of actions for ${quote(resource)}, got ${show(actions)}`,
      });
      continue;
    }
    if (actions.length === 0) {
      problems.push({
        error: 'Empty action list',
        rule: 'actions-empty',
        resource,
        message: `Empty action list for ${quote(resource)}`,
      });
      continue;
    }
    for (const action of actions) {
      const problem = checkAction(resource, parsed, action);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** True when `value` passes `validatePermissions`. */
export function isValidPermissions(value: unknown): value is Permissions {
  return validatePermissions(value).length === 0;
}

/** Throw a `PermissionsError` (code `bad_request`) unless `value` passes `validatePermissions`. */
export function assertValidPermissions(value: unknown): asserts value is Permissions {
  const problems = validatePermissions(value);
  if (problems.length > 0) throw new PermissionsError('bad_request', problems, []);
}

// ---------------------------------------------------------------------------
// Subset (no escalation)
// ---------------------------------------------------------------------------

/** One granular grant: a concrete action on a resource URN. */
export interface Grant {
  readonly resource: string;
  readonly action: string;
}

/** A child entry the parent does not grant. */
export interface Escalation {
  /** The child's resource key. */
  readonly resource: string;
  /** The child's action, as written (may be `*`). */
  readonly action: string;
  /** The granular grants it implies that the parent does not cover (`*` expanded). */
  readonly missing: readonly Grant[];
  readonly message: string;
}

interface ParentEntry {
  type: string;
  path: string;
  actions: readonly string[];
}

/**
 * True when path pattern `parent` covers every path that `child` matches. A path ending in
 * `*` is a prefix wildcard (`*` alone matches any path, `user:*` any path starting with
 * `user:`); any other path matches only itself. So `user:*` covers `user:42` and
 * `user:42:*` but not `*` or `users`, and an exact path covers only itself.
 */
export function pathCovers(parent: string, child: string): boolean {
  if (!parent.endsWith(WILDCARD)) return child === parent;
  const prefix = parent.slice(0, -1);
  const childBase = child.endsWith(WILDCARD) ? child.slice(0, -1) : child;
  return childBase.startsWith(prefix);
}

function parentEntries(parent: PermissionsLike): ParentEntry[] {
  const entries: ParentEntry[] = [];
  if (typeof parent !== 'object' || parent === null) return entries;
  for (const [resource, actions] of Object.entries(parent)) {
    if (!Array.isArray(actions)) continue;
    const checked = checkResource(resource);
    if ('rule' in checked) continue; // an invalid parent key grants nothing
    entries.push({ type: checked.type, path: checked.path, actions });
  }
  return entries;
}

/** Does one parent entry grant concrete `action` on (`type`, `path`)? */
function entryGrants(entry: ParentEntry, type: string, path: string, action: string): boolean {
  const universal = entry.type === WILDCARD; // only `*:*` parses with a `*` type
  if (!universal && entry.type !== type) return false;
  if (!universal && !pathCovers(entry.path, path)) return false;
  if (entry.actions.includes(action)) return true;
  // `*` grants all valid actions of the resource type (every type, for `*:*`).
  return (
    entry.actions.includes(WILDCARD) && isResourceType(type) && action !== WILDCARD && isActionValidFor(type, action)
  );
}

/** The granular grants a child entry asks for: `*` expands to the type's valid actions, `*:*` to every type. */
function expand(type: string, path: string, action: string): Grant[] {
  if (type === WILDCARD) {
    return RESOURCE_TYPES.flatMap((each) =>
      action === WILDCARD || isActionValidFor(each, action) ? expand(each, WILDCARD, action) : [],
    );
  }
  if (action === WILDCARD && isResourceType(type)) {
    return RESOURCE_ACTIONS[type].map((each) => ({ resource: `${type}:${path}`, action: each }));
  }
  return [{ resource: `${type}:${path}`, action }];
}

/**
 * The child entries that the parent does not grant, i.e. what would make the API answer
 * `403 permission_escalation` when an API key with `parent` creates a session or service key
 * with `child`. Empty when `child` is a subset of `parent`.
 *
 * Semantics: a parent path `*` covers every path of its type and a trailing `*` is a prefix
 * wildcard (`event:user:*` covers `event:user:42`, not `event:*`); `*:*` covers every resource;
 * the action `*` stands for every valid action of the type, on either side (a child `*` is
 * covered when the parent grants each valid action, even through several entries). A child
 * entry is checked action by action, so different parent entries may cover different actions.
 *
 * Both maps should be valid (`validatePermissions`); the check is conservative for invalid
 * child entries (a malformed key is always an escalation) and ignores invalid parent keys.
 */
export function findEscalations(child: PermissionsLike, parent: PermissionsLike): Escalation[] {
  const entries = parentEntries(parent);
  const escalations: Escalation[] = [];
  if (typeof child !== 'object' || child === null) return escalations;
  for (const [resource, actions] of Object.entries(child)) {
    if (!Array.isArray(actions)) continue;
    const checked = checkResource(resource);
    for (const action of actions as readonly unknown[]) {
      const name = show(action);
      let missing: Grant[];
      if ('rule' in checked || typeof action !== 'string') {
        missing = [{ resource, action: name }];
      } else {
        const wanted = expand(checked.type, checked.path, action);
        if (wanted.length === 0) wanted.push({ resource, action });
        missing = wanted.filter((grant) => {
          const parsed = parseResource(grant.resource) as ParsedResource;
          return !entries.some((entry) => entryGrants(entry, parsed.type, parsed.path, grant.action));
        });
      }
      if (missing.length > 0) {
        escalations.push({
          resource,
          action: name,
          missing,
          message: `Permission escalation: ${quote(name)} on ${quote(resource)} is not granted by the parent permissions`,
        });
      }
    }
  }
  return escalations;
}

/** True when every permission in `child` is granted by `parent` (no escalation). */
export function isSubset(child: PermissionsLike, parent: PermissionsLike): boolean {
  return findEscalations(child, parent).length === 0;
}

/** Throw a `PermissionsError` (code `permission_escalation`) when `child` is not a subset of `parent`. */
export function assertNoEscalation(child: PermissionsLike, parent: PermissionsLike): void {
  const escalations = findEscalations(child, parent);
  if (escalations.length > 0) throw new PermissionsError('permission_escalation', [], escalations);
}

/**
 * Everything the API checks when an API key with `parent` issues a session or service key
 * with `child`: the validation rules first (`400 bad_request`), then no escalation
 * (`403 permission_escalation`). Throws a `PermissionsError` with the matching code.
 */
export function assertDelegable(child: unknown, parent: PermissionsLike): asserts child is Permissions {
  assertValidPermissions(child);
  assertNoEscalation(child as PermissionsLike, parent);
}

// ---------------------------------------------------------------------------
// Error
// ---------------------------------------------------------------------------

/** Thrown by `assertValidPermissions`, `assertNoEscalation` and the builder's `build()`. */
export class PermissionsError extends Error {
  override readonly name = 'PermissionsError';
  /** The API error code the same permissions would get: `bad_request` (invalid) or `permission_escalation`. */
  readonly code: 'bad_request' | 'permission_escalation';
  /** The broken validation rules (code `bad_request`). */
  readonly problems: readonly PermissionProblem[];
  /** The ungranted child entries (code `permission_escalation`). */
  readonly escalations: readonly Escalation[];

  constructor(
    code: 'bad_request' | 'permission_escalation',
    problems: readonly PermissionProblem[],
    escalations: readonly Escalation[],
  ) {
    const lines = [
      ...problems.map((problem) => problem.message),
      ...escalations.map((escalation) => escalation.message),
    ];
    super(lines.length === 1 ? lines[0] : `${lines.length} permission problems:\n- ${lines.join('\n- ')}`);
    this.code = code;
    this.problems = Object.freeze([...problems]);
    this.escalations = Object.freeze([...escalations]);
  }
}

// ---------------------------------------------------------------------------
// Builder
// ---------------------------------------------------------------------------

/** One action or a non-empty list of actions valid for type `T`. */
export type ActionsFor<T extends ResourceType> = ActionFor<T> | readonly [ActionFor<T>, ...ActionFor<T>[]];

/** `P`, unless it is the empty string (a compile error: the API rejects empty paths). */
export type NonEmptyPath<P extends string> = P & (P extends '' ? never : unknown);

/** A URN whose path is not empty (`"mcp:"` is a compile error). */
export type NonEmptyUrn<U extends string> = U & (U extends `${string}:` ? never : unknown);

function mergeActions(existing: readonly string[] | undefined, added: readonly string[]): string[] {
  const merged = [...new Set([...(existing ?? []), ...added])];
  return merged.includes(WILDCARD) ? [WILDCARD] : merged;
}

/**
 * Immutable fluent builder of a permission map: every method returns a new builder, so a
 * partial builder can be shared and extended. Resource types and actions are checked at
 * compile time, and `build()` validates the result at run time as well (for untyped
 * callers and what types cannot see, such as an empty path).
 *
 * ```ts
 * const session = permissions()
 *   .allow('stream', '*', ['read'])
 *   .allow('event', 'user:*', ['create', 'read'])
 *   .build(); // {"stream:*": ["read"], "event:user:*": ["create", "read"]}
 * ```
 */
export class PermissionsBuilder {
  readonly #entries: ReadonlyMap<string, readonly string[]>;

  /** Use `permissions()`. */
  constructor(entries: ReadonlyMap<string, readonly string[]> = new Map()) {
    this.#entries = entries;
  }

  #with(resource: string, actions: readonly string[]): PermissionsBuilder {
    const entries = new Map(this.#entries);
    entries.set(resource, mergeActions(entries.get(resource), actions));
    return new PermissionsBuilder(entries);
  }

  /**
   * Grant `actions` on resources of `type` at `path` (`*` for every resource of the type, a
   * trailing `*` for a prefix such as `user:*`). Granting the same resource again adds to its
   * actions; a list containing `*` collapses to `["*"]`.
   */
  allow<T extends ResourceType, P extends string>(
    type: T,
    path: NonEmptyPath<P>,
    actions: ActionsFor<T>,
  ): PermissionsBuilder {
    return this.#with(`${type}:${path}`, typeof actions === 'string' ? [actions] : actions);
  }

  /** Same as `allow`, with the resource given as one URN: `.allowUrn('event:user:*', ['create'])`. */
  allowUrn<U extends ResourceUrn>(urn: NonEmptyUrn<U>, actions: ActionsFor<ResourceTypeOf<U>>): PermissionsBuilder {
    return this.#with(urn, typeof actions === 'string' ? [actions] : actions);
  }

  /** Grant every action of `type` on every resource of it: `type:*` with `["*"]`. */
  allowAllOf(type: ResourceType): PermissionsBuilder {
    return this.#with(`${type}:${WILDCARD}`, [WILDCARD]);
  }

  /** Unrestricted access: `*:*` with `["*"]`. */
  allowAll(): PermissionsBuilder {
    return this.#with(UNIVERSAL_RESOURCE, [WILDCARD]);
  }

  /** Add every entry of an existing permission map (validated at `build()`). */
  merge(other: Permissions | PermissionsLike): PermissionsBuilder {
    let builder: PermissionsBuilder = this;
    for (const [resource, actions] of Object.entries(other as PermissionsLike))
      builder = builder.#with(resource, actions);
    return builder;
  }

  /** Remove a resource key entirely. */
  without(resource: PermissionKey): PermissionsBuilder {
    const entries = new Map(this.#entries);
    entries.delete(resource);
    return new PermissionsBuilder(entries);
  }

  /** The problems `build()` would throw for (empty when it would succeed). */
  validate(): PermissionProblem[] {
    return validatePermissions(this.#plain());
  }

  /** The entries of the current map that `parent` does not grant; see `findEscalations`. */
  escalationsAgainst(parent: PermissionsLike): Escalation[] {
    return findEscalations(this.#plain(), parent);
  }

  /**
   * The permission map, a fresh plain object in the order resources were first granted.
   * Throws a `PermissionsError` (code `bad_request`) when it breaks a validation rule. An
   * empty builder gives `{}` (no documented rule rejects an empty map).
   */
  build(): Permissions {
    const plain = this.#plain();
    assertValidPermissions(plain);
    return plain;
  }

  /**
   * Like `build()`, and also throws a `PermissionsError` (code `permission_escalation`) when
   * the result is not a subset of `parent` (the issuing API key's permissions).
   */
  buildFor(parent: PermissionsLike): Permissions {
    const built = this.build();
    assertNoEscalation(built, parent);
    return built;
  }

  /** Serialises as the permission map (unvalidated). */
  toJSON(): Record<string, string[]> {
    return this.#plain();
  }

  #plain(): Record<string, string[]> {
    const plain: Record<string, string[]> = {};
    for (const [resource, actions] of this.#entries) plain[resource] = [...actions];
    return plain;
  }
}

/** Start a permission map, optionally from an existing one. */
export function permissions(initial?: Permissions | PermissionsLike): PermissionsBuilder {
  const builder = new PermissionsBuilder();
  return initial ? builder.merge(initial) : builder;
}
