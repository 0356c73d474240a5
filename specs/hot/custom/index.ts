/**
 * Hand-written additions to the Hot client (specs/hot/custom/, copied verbatim into
 * src/custom/ and re-exported from the package index).
 */
export {
  RESOURCE_ACTIONS,
  RESOURCE_TYPES,
  ACTIONS,
  WILDCARD,
  UNIVERSAL_RESOURCE,
  isResourceType,
  isActionValidFor,
  parseResource,
  validatePermissions,
  isValidPermissions,
  assertValidPermissions,
  pathCovers,
  findEscalations,
  isSubset,
  assertNoEscalation,
  assertDelegable,
  PermissionsError,
  PermissionsBuilder,
  permissions,
} from './permissions.js';
export type {
  ResourceType,
  Action,
  ConcreteAction,
  ActionFor,
  ActionsFor,
  ResourceUrn,
  ResourceTypeOf,
  PermissionKey,
  NonEmptyList,
  NonEmptyPath,
  NonEmptyUrn,
  // Exported as TypedPermissions: the package index already exports the generated (loose)
  // `Permissions` schema type, and two `export *` of one name would be ambiguous.
  Permissions as TypedPermissions,
  PermissionsLike,
  ParsedResource,
  PermissionErrorName,
  PermissionRule,
  PermissionProblem,
  Grant,
  Escalation,
} from './permissions.js';
