/**
 * `specsmith.config.json` at the project root: the scope, license, author and
 * repository of the generated packages, and each package's name and released
 * version. A missing file means the defaults (`@specsmith/<name>`, 0.1.0, MIT);
 * a bad one is a diagnostic naming the file, line and JSON pointer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { SpecError, type Diagnostic } from '../diagnostics.js';
import { appendPointer } from '../load/json-pointer.js';
import { SourceFile } from '../load/source-file.js';
import { CONFIG_FILE, CONFIG_SCHEMA, SEMVER_PATTERN } from './config-schema.js';

export type Person = string | { name: string; email?: string; url?: string };
export type Repository = string | { type?: string; url: string; directory?: string };

export interface ProjectConfig {
  scope?: string;
  license?: string;
  author?: Person;
  repository?: Repository;
  packages?: Record<string, { name?: string; version?: string }>;
}

/** What one package's package.json takes from the configuration. */
export interface PackageSettings {
  name: string;
  version: string;
  license: string;
  author: Person | undefined;
  repository: { type: string; url: string; directory: string } | undefined;
}

export const DEFAULT_SCOPE = '@specsmith';
export const FIRST_VERSION = '0.1.0';

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown field "${String(error.params['additionalProperty'])}"`;
  if (typeof error.params['propertyName'] === 'string') return 'A key of `packages` names a folder under specs/.';
  if (error.keyword === 'pattern' && error.params['pattern'] === SEMVER_PATTERN)
    return 'must be a semantic version such as 1.2.3';
  if (error.keyword === 'pattern') return `must match ${String(error.params['pattern'])}`;
  if (error.keyword === 'propertyNames') return 'a package key must be a spec folder name';
  return error.message ?? 'is invalid';
}

function hint(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties')
    return error.instancePath === ''
      ? 'Known fields: scope, license, author, repository, packages (see specsmith.config.schema.json).'
      : 'See specsmith.config.schema.json for the fields this object takes.';
  if (error.keyword === 'pattern' && error.params['pattern'] === SEMVER_PATTERN)
    return 'Versions are semantic versions: MAJOR.MINOR.PATCH (https://semver.org).';
  if (error.keyword === 'pattern')
    return 'npm names are lowercase and URL-safe: a scope is @name, a package @scope/name or name.';
  return 'See specsmith.config.schema.json for the fields and their shapes.';
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** Reads and checks the configuration at `cwd`; undefined when there is none. */
export function loadProjectConfig(cwd: string): ProjectConfig | undefined {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return undefined;
  const display = relative(cwd, path) || CONFIG_FILE;
  const parsed = SourceFile.parse(path, readFileSync(path, 'utf8'), display);
  if (!(parsed instanceof SourceFile)) throw new SpecError([parsed]);
  if (!validate) {
    // The keywords used are the same in draft-07, which Ajv's default build reads; the meta-schema is for editors.
    const { $schema: _meta, $id: _id, ...schema } = CONFIG_SCHEMA;
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (validate(parsed.value)) return parsed.value as ProjectConfig;
  // oneOf repeats each branch's complaint: one diagnostic per place is enough.
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    // A bad key is reported twice by Ajv (its pattern, then propertyNames), both carrying `propertyName`.
    const key = typeof error.params['propertyName'] === 'string' ? error.params['propertyName'] : undefined;
    const pointer =
      error.keyword === 'additionalProperties'
        ? appendPointer(error.instancePath, String(error.params['additionalProperty']))
        : key !== undefined
          ? appendPointer(error.instancePath, key)
          : error.instancePath;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const position = parsed.locate(pointer);
    diagnostics.push({
      code: 'bad-config',
      severity: 'error',
      message:
        error.keyword === 'additionalProperties'
          ? describe(error)
          : key !== undefined
            ? `"${key}" is not a spec folder name (letters, digits, ".", "_" and "-")`
            : `${pointer === '' ? 'the configuration' : pointer.slice(1)} ${describe(error)}`,
      pointer,
      file: display,
      line: position?.line,
      column: position?.column,
      hint: hint(error),
    });
  }
  throw new SpecError(diagnostics);
}

/** The package settings for spec folder `name` (the client; its MCP server is `<name>-mcp` at the same version). */
export function packageSettings(config: ProjectConfig | undefined, name: string, packageDir: string): PackageSettings {
  const entry = config?.packages?.[name];
  const scope = config ? config.scope : DEFAULT_SCOPE;
  const repository =
    config?.repository === undefined
      ? undefined
      : typeof config.repository === 'string'
        ? { type: 'git', url: config.repository, directory: packageDir }
        : { type: config.repository.type ?? 'git', url: config.repository.url, directory: packageDir };
  return {
    name: entry?.name ?? (scope ? `${scope}/${name.toLowerCase()}` : name.toLowerCase()),
    version: entry?.version ?? FIRST_VERSION,
    license: config?.license ?? 'MIT',
    author: config?.author,
    repository,
  };
}
