/**
 * Every kind of change `specsmith diff` reports, with how it affects a client.
 * Ids follow oasdiff's checker vocabulary where one exists
 * (https://github.com/oasdiff/oasdiff, checker/localizations), so a team that
 * knows one tool reads the other. `http` rules compare the two documents'
 * HTTP contracts; `sdk` rules compare the generated clients' surfaces (the
 * models: resources, methods, arguments and exported type names), which can
 * break callers while the wire format stays the same (a renamed operationId).
 *
 * Kinds: `breaking` — a caller that worked may now fail to compile or fail at
 * run time; `non-breaking` — something was added or loosened; `informational`
 * — documentation or metadata, nothing a caller depends on.
 */
export type ChangeKind = 'breaking' | 'non-breaking' | 'informational';
export type ChangeLevel = 'http' | 'sdk';

export interface Rule {
  kind: ChangeKind;
  level: ChangeLevel;
  /** What changed, in a few words. */
  title: string;
  /** What a caller does about it (breaking rules only). */
  migration?: string;
}

const breaking = (level: ChangeLevel, title: string, migration: string): Rule => ({
  kind: 'breaking',
  level,
  title,
  migration,
});
const additive = (level: ChangeLevel, title: string): Rule => ({ kind: 'non-breaking', level, title });
const info = (level: ChangeLevel, title: string): Rule => ({ kind: 'informational', level, title });

export const RULES = {
  // Operations and paths.
  'api-removed': breaking(
    'http',
    'operation removed',
    'Stop calling this operation; look for its replacement in the changelog or the API reference.',
  ),
  'api-added': additive('http', 'operation added'),
  'api-path-changed': breaking(
    'http',
    'operation moved to another path',
    'Upgrade the client; code calling the raw path must use the new one.',
  ),
  'api-deprecated': info('http', 'operation deprecated'),
  'api-undeprecated': info('http', 'operation no longer deprecated'),
  'api-operation-id-changed': info('http', 'operationId changed'),
  'api-summary-changed': info('http', 'summary or description changed'),
  // Parameters.
  'new-required-request-parameter': breaking('http', 'new required parameter', 'Pass the new parameter on every call.'),
  'new-optional-request-parameter': additive('http', 'new optional parameter'),
  'request-parameter-removed': breaking('http', 'parameter removed', 'Stop passing this parameter.'),
  'request-parameter-became-required': breaking('http', 'parameter became required', 'Always pass this parameter.'),
  'request-parameter-became-optional': additive('http', 'parameter became optional'),
  'request-parameter-type-narrowed': breaking('http', 'parameter accepts fewer types', 'Pass a value of the new type.'),
  'request-parameter-type-widened': additive('http', 'parameter accepts more types'),
  'request-parameter-type-changed': breaking('http', 'parameter type changed', 'Pass a value of the new type.'),
  'request-parameter-enum-value-removed': breaking(
    'http',
    'parameter value no longer accepted',
    'Stop sending the removed value.',
  ),
  'request-parameter-enum-value-added': additive('http', 'parameter accepts a new value'),
  'request-parameter-constraint-narrowed': breaking(
    'http',
    'parameter accepts a smaller range',
    'Keep values within the new limits.',
  ),
  'request-parameter-constraint-widened': additive('http', 'parameter accepts a wider range'),
  'request-parameter-pattern-changed': breaking(
    'http',
    'parameter pattern changed',
    'Check that the values you send match the new pattern.',
  ),
  // Request bodies.
  'request-body-added-required': breaking('http', 'operation now requires a body', 'Send the request body.'),
  'request-body-added-optional': additive('http', 'operation accepts an optional body'),
  'request-body-became-required': breaking('http', 'request body became required', 'Always send the request body.'),
  'request-body-removed': breaking('http', 'request body removed', 'Stop sending a body.'),
  'request-body-media-type-removed': breaking(
    'http',
    'request media type no longer accepted',
    'Send the body in one of the remaining media types.',
  ),
  'request-body-media-type-added': additive('http', 'request media type added'),
  'new-required-request-property': breaking(
    'http',
    'new required request field',
    'Set the new field in the request body.',
  ),
  'new-optional-request-property': additive('http', 'new optional request field'),
  'request-property-removed': breaking('http', 'request field removed', 'Stop sending this field.'),
  'request-property-became-required': breaking('http', 'request field became required', 'Always set this field.'),
  'request-property-became-optional': additive('http', 'request field became optional'),
  'request-property-type-narrowed': breaking(
    'http',
    'request field accepts fewer types',
    'Send a value of the new type.',
  ),
  'request-property-type-widened': additive('http', 'request field accepts more types'),
  'request-property-type-changed': breaking('http', 'request field type changed', 'Send a value of the new type.'),
  'request-property-enum-value-removed': breaking(
    'http',
    'request field value no longer accepted',
    'Stop sending the removed value.',
  ),
  'request-property-enum-value-added': additive('http', 'request field accepts a new value'),
  'request-property-constraint-narrowed': breaking(
    'http',
    'request field accepts a smaller range',
    'Keep values within the new limits.',
  ),
  'request-property-constraint-widened': additive('http', 'request field accepts a wider range'),
  'request-property-pattern-changed': breaking(
    'http',
    'request field pattern changed',
    'Check that the values you send match the new pattern.',
  ),
  // Responses.
  'response-success-status-removed': breaking(
    'http',
    'success status removed',
    'Handle the remaining success statuses.',
  ),
  'response-success-status-added': additive('http', 'success status added'),
  'response-error-status-added': info('http', 'error status documented'),
  'response-error-status-removed': info('http', 'error status no longer documented'),
  'response-media-type-removed': breaking(
    'http',
    'response media type removed',
    'Accept one of the remaining media types.',
  ),
  'response-media-type-added': additive('http', 'response media type added'),
  'response-property-removed': breaking('http', 'response field removed', 'Stop reading this field.'),
  'response-property-added': additive('http', 'response field added'),
  'response-property-became-optional': breaking(
    'http',
    'response field may be missing',
    'Handle the field being absent.',
  ),
  'response-property-became-required': additive('http', 'response field always present'),
  'response-property-type-widened': breaking(
    'http',
    'response field may hold more types',
    'Handle the new types (e.g. null).',
  ),
  'response-property-type-narrowed': additive('http', 'response field holds fewer types'),
  'response-property-type-changed': breaking('http', 'response field type changed', 'Read the field as its new type.'),
  'response-property-enum-value-added': breaking(
    'http',
    'response field may hold a new value',
    'Handle the new value (and unknown values in general).',
  ),
  'response-open-enum-value-added': additive('http', 'open response enum lists a new value'),
  'response-property-enum-value-removed': additive('http', 'response field no longer holds a value'),
  // Security.
  'api-security-added': breaking(
    'http',
    'operation now requires authentication',
    'Configure the credential the operation needs.',
  ),
  'api-security-removed': additive('http', 'operation no longer requires authentication'),
  'api-security-alternative-added': additive('http', 'operation accepts another credential'),
  'api-security-changed': breaking(
    'http',
    'operation requires a different credential',
    'Configure the credential the operation now needs.',
  ),
  'security-scheme-changed': breaking(
    'http',
    'security scheme changed',
    'Send the credential the way the scheme now says.',
  ),
  // Document metadata.
  'info-version-changed': info('http', 'API version changed'),
  'server-url-changed': info('http', 'default server changed'),
  'spec-changed': info('http', 'other spec content changed (extensions, examples, descriptions of schemas)'),
  // The generated client's surface.
  'sdk-method-removed': breaking('sdk', 'client method removed', 'Stop calling this method; use its replacement.'),
  'sdk-method-renamed': breaking('sdk', 'client method renamed', 'Call the method by its new name.'),
  'sdk-method-added': additive('sdk', 'client method added'),
  'sdk-resource-removed': breaking('sdk', 'client resource removed', 'Call its methods through their new resources.'),
  'sdk-resource-added': additive('sdk', 'client resource added'),
  'sdk-argument-added': breaking(
    'sdk',
    'method takes a new positional argument',
    'Pass the new argument in its position.',
  ),
  'sdk-argument-removed': breaking(
    'sdk',
    'method takes one positional argument fewer',
    'Drop the removed argument from the call.',
  ),
  'sdk-argument-position-changed': breaking(
    'sdk',
    'positional arguments reordered',
    'Pass the arguments in their new order.',
  ),
  'sdk-params-became-required': breaking('sdk', 'method params object became required', 'Pass the params object.'),
  'sdk-result-field-removed': breaking('sdk', 'method result lost a field', 'Stop reading the field from the result.'),
  'sdk-type-removed': breaking(
    'sdk',
    'exported type removed',
    'Import the type by its new name, or define it yourself.',
  ),
  'sdk-type-added': additive('sdk', 'exported type added'),
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;
