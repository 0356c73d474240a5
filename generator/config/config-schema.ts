/**
 * The JSON Schema of `specsmith.config.json` (draft 2020-12). The same object
 * validates the file (load-config.ts) and is written out as
 * specsmith.config.schema.json for editors (`"$schema"` in the config).
 */
export const CONFIG_FILE = 'specsmith.config.json';
export const CONFIG_SCHEMA_FILE = 'specsmith.config.schema.json';

/** npm's rules for a package name (https://docs.npmjs.com/cli/v10/configuring-npm/package-json#name): lowercase, URL-safe, at most 214 characters. */
export const PACKAGE_NAME_PATTERN = '^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$';
export const SCOPE_PATTERN = '^@[a-z0-9][a-z0-9._~-]*$';
/** Semantic Versioning 2.0.0 (https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string). */
export const SEMVER_PATTERN =
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$';

const person = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string', minLength: 1 }, email: { type: 'string' }, url: { type: 'string' } },
    },
  ],
};

export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://specsmith.dev/specsmith.config.schema.json',
  title: 'specsmith project configuration',
  description: 'How specsmith names, versions and describes the packages it generates from specs/<name>/openapi.yaml.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    scope: {
      type: 'string',
      pattern: SCOPE_PATTERN,
      maxLength: 100,
      description: 'npm scope of every package (`@acme` makes `@acme/<name>`); without it packages are unscoped.',
    },
    license: {
      type: 'string',
      minLength: 1,
      description: 'SPDX license expression written into every package.json (default MIT).',
    },
    author: { ...person, description: 'package.json `author`.' },
    repository: {
      description: 'package.json `repository`; each package gets its folder as `directory`.',
      oneOf: [
        { type: 'string', minLength: 1 },
        {
          type: 'object',
          required: ['url'],
          additionalProperties: false,
          properties: {
            type: { type: 'string' },
            url: { type: 'string', minLength: 1 },
            directory: { type: 'string' },
          },
        },
      ],
    },
    packages: {
      type: 'object',
      description:
        'Per spec folder: the package name (overriding the scope) and the released version (`specsmith release` updates it).',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string', pattern: PACKAGE_NAME_PATTERN, maxLength: 214 },
          version: { type: 'string', pattern: SEMVER_PATTERN },
        },
      },
    },
  },
} as const;
