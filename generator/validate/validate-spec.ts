/**
 * Stage 2, validate: structured issues about the bundled document, found
 * before anything is modelled or written. It checks what the later stages rely
 * on (https://spec.openapis.org/oas/v3.1.0 and v3.0.3): the version, the shape
 * of paths, operations and parameters, internal `$ref`s, unique operationIds,
 * path templates, and every `x-specsmith-*` extension. Redocly's linter checks
 * style on top of this; validation only rejects what would break generation.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { LoadedSpec } from '../load/load-spec.js';
import { appendPointer, getAtPointer } from '../load/json-pointer.js';
import {
  checkExtensionReferences,
  checkExtensions,
  checkParameterExtensions,
  listComponentSchemas,
  listOperations,
  listParameters,
} from '../extensions/check.js';
import { isObject } from '../model/schema-utils.js';
import { checkSchemaCycles } from './schema-cycles.js';
import { findRefCycles } from './ref-cycles.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The value at an internal reference; INVALID when the fragment is not a JSON pointer (RFC 6901 section 6). */
const INVALID = Symbol('invalid pointer');
function lookup(document: Record<string, unknown>, ref: string): unknown {
  try {
    return getAtPointer(document, ref);
  } catch {
    return INVALID;
  }
}

/** A diagnostic before it is located; `related` points at a second node the message names (located the same way). */
type Issue = Omit<Diagnostic, 'file' | 'line' | 'column'> & { related?: string };

const PARAMETER_LOCATIONS = new Set(['path', 'query', 'header', 'cookie']);

/** A version as written: YAML reads an unquoted `2.0` as the number 2, which is still version "2.0". */
function versionText(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) ? value.toFixed(1) : String(value);
}

function checkVersion(document: Record<string, unknown>): Issue[] {
  if (typeof document['swagger'] === 'string' || typeof document['swagger'] === 'number') {
    return [
      {
        code: 'unsupported-version',
        severity: 'error',
        pointer: '/swagger',
        message: `Swagger ${versionText(document['swagger'])} is not supported; specsmith reads OpenAPI 3.0 and 3.1`,
        hint: 'Convert the document to OpenAPI 3 first (for example with swagger2openapi), then generate from the result.',
      },
    ];
  }
  const version = document['openapi'];
  if (version === undefined) {
    return [
      {
        code: 'missing-version',
        severity: 'error',
        pointer: '',
        message: 'the document has no "openapi" version field',
        hint: 'Add `openapi: 3.1.0` at the top of the document.',
      },
    ];
  }
  if (typeof version !== 'string') {
    // `openapi: 3.1` is a YAML number: saying the field is missing would send the reader looking in the wrong place.
    return [
      {
        code: 'invalid-version',
        severity: 'error',
        pointer: '/openapi',
        message: `"openapi" must be a string such as "3.1.0", not ${JSON.stringify(version)}`,
        hint: `Quote the full version: openapi: '3.1.0'.`,
      },
    ];
  }
  if (!/^3\.[01]\.\d+$/.test(version)) {
    return [
      {
        code: 'unsupported-version',
        severity: 'error',
        pointer: '/openapi',
        message: `OpenAPI ${version} is not supported; specsmith reads 3.0.x and 3.1.x`,
      },
    ];
  }
  return [];
}

function checkInfo(document: Record<string, unknown>): Issue[] {
  const info = document['info'];
  if (!isObject(info))
    return [
      {
        code: 'invalid-info',
        severity: 'error',
        pointer: '/info',
        message: '"info" must be an object with a title and a version',
      },
    ];
  const issues: Issue[] = [];
  for (const field of ['title', 'version']) {
    if (typeof info[field] !== 'string')
      issues.push({
        code: 'invalid-info',
        severity: 'error',
        pointer: `/info/${field}`,
        message: `info.${field} must be a string`,
      });
  }
  return issues;
}

/**
 * Internal `$ref`s that point at nothing. External ones were resolved (or
 * reported) by the load stage; a reference back into the root file was
 * rewritten to `#...`, so the message quotes it as `written` in its own file.
 */
function checkRefs(document: Record<string, unknown>, written: (pointer: string) => unknown): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<unknown>();
  const internal: Array<{ pointer: string; ref: string }> = [];
  const quoted = (pointer: string, value: string): string => {
    const text = written(`${pointer}/$ref`);
    return typeof text === 'string' ? text : value;
  };
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        if (!value.startsWith('#')) continue;
        const target = lookup(document, value);
        if (target === INVALID) {
          const fixed = `#/${value.slice(1).replace(/^\/*/, '')}`;
          issues.push({
            code: 'invalid-ref',
            severity: 'error',
            pointer: `${pointer}/$ref`,
            message: `$ref "${quoted(pointer, value)}" is not a JSON pointer: after "#" it must start with "/"`,
            hint: `Write "${fixed}" (RFC 6901).`,
          });
        } else if (target === undefined) {
          issues.push({
            code: 'dangling-ref',
            severity: 'error',
            pointer: `${pointer}/$ref`,
            message: `$ref "${quoted(pointer, value)}" points at nothing`,
            hint: 'Fix the reference or define the missing component.',
          });
        } else {
          internal.push({ pointer, ref: value });
        }
      } else if (!key.startsWith('x-') || key.startsWith('x-specsmith-')) {
        visit(value, appendPointer(pointer, key));
      }
    }
  };
  visit(document, '');
  for (const { members } of findRefCycles(document, internal)) {
    const first = members[0] ?? '';
    const loop = [...members, first].map((member) => `#${member}`).join(' -> ');
    issues.push({
      code: 'ref-cycle',
      severity: 'error',
      pointer: `${first}/$ref`,
      message: `$ref cycle ${loop} never reaches a schema`,
      hint: 'At least one member of the cycle must be a schema of its own, not only a $ref.',
    });
  }
  return issues;
}

function resolveLocal(document: Record<string, unknown>, value: unknown): unknown {
  let current = value;
  for (
    let depth = 0;
    depth < 20 && isObject(current) && typeof current['$ref'] === 'string' && current['$ref'].startsWith('#');
    depth++
  ) {
    const next = lookup(document, current['$ref']);
    current = next === INVALID ? undefined : next;
  }
  return current;
}

function checkOperations(document: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const paths = document['paths'];
  if (paths !== undefined && !isObject(paths))
    return [{ code: 'invalid-paths', severity: 'error', pointer: '/paths', message: '"paths" must be an object' }];
  const is30 = typeof document['openapi'] === 'string' && document['openapi'].startsWith('3.0');
  if (is30 && paths === undefined)
    issues.push({
      code: 'invalid-paths',
      severity: 'error',
      pointer: '',
      message: 'OpenAPI 3.0 requires a "paths" object',
    });

  for (const [path, item] of Object.entries(paths ?? {})) {
    if (!path.startsWith('/'))
      issues.push({
        code: 'invalid-path',
        severity: 'error',
        pointer: appendPointer('/paths', path),
        message: `path "${path}" must start with "/"`,
      });
    if (!isObject(item)) {
      issues.push({
        code: 'invalid-path-item',
        severity: 'error',
        pointer: appendPointer('/paths', path),
        message: `path item "${path}" must be an object, not ${describe(item)}`,
      });
      continue;
    }
    for (const method of HTTP_METHODS) {
      if (Object.hasOwn(item, method) && !isObject(item[method])) {
        issues.push({
          code: 'invalid-operation',
          severity: 'error',
          pointer: appendPointer('/paths', path, method),
          message: `operation "${method} ${path}" must be an object, not ${describe(item[method])}`,
          hint: `Describe the operation (at least its responses), or remove "${method}:".`,
        });
      }
    }
  }

  const operationIds = new Map<string, string>();
  for (const { pointer, operation } of listOperations(document)) {
    const id = operation['operationId'];
    if (id !== undefined && typeof id !== 'string') {
      issues.push({
        code: 'invalid-operation-id',
        severity: 'error',
        pointer: `${pointer}/operationId`,
        message: 'operationId must be a string',
      });
    } else if (typeof id === 'string') {
      const first = operationIds.get(id);
      if (first) {
        issues.push({
          code: 'duplicate-operation-id',
          severity: 'error',
          pointer: `${pointer}/operationId`,
          message: `operationId "${id}" is already used`,
          related: first,
          hint: 'operationIds must be unique across the document; rename one of them.',
        });
      } else {
        operationIds.set(id, `${pointer}/operationId`);
      }
    }
    const responses = operation['responses'];
    if (responses === undefined ? is30 : !isObject(responses)) {
      issues.push({
        code: 'invalid-responses',
        severity: 'error',
        pointer: `${pointer}/responses`,
        message: 'an operation must have a "responses" object',
      });
    }
    // Path parameters come from the path item and the operation; every template variable needs one.
    const pathPointer = pointer.slice(0, pointer.lastIndexOf('/'));
    const pathItem = getAtPointer(document, pathPointer) as Record<string, unknown>;
    const declared = new Set<string>();
    for (const [where, list] of [
      [`${pathPointer}/parameters`, pathItem['parameters']],
      [`${pointer}/parameters`, operation['parameters']],
    ] as const) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        issues.push({
          code: 'invalid-parameter',
          severity: 'error',
          pointer: where,
          message: '"parameters" must be an array',
        });
        continue;
      }
      list.forEach((raw, index) => {
        const parameter = resolveLocal(document, raw);
        const at = `${where}/${index}`;
        if (
          !isObject(parameter) ||
          typeof parameter['name'] !== 'string' ||
          !PARAMETER_LOCATIONS.has(String(parameter['in']))
        ) {
          issues.push({
            code: 'invalid-parameter',
            severity: 'error',
            pointer: at,
            message: 'a parameter needs a string "name" and "in" of path, query, header or cookie',
          });
          return;
        }
        if (parameter['in'] === 'path') declared.add(parameter['name']);
      });
    }
    const path = pointer.split('/')[2] ?? '';
    const template = path.replace(/~1/g, '/').replace(/~0/g, '~');
    for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
      const variable = match[1] ?? '';
      if (!declared.has(variable)) {
        issues.push({
          code: 'undeclared-path-parameter',
          severity: 'error',
          pointer,
          message: `path "${template}" uses {${variable}} but no path parameter "${variable}" is declared`,
          hint: `Add {name: ${variable}, in: path, required: true, schema: {type: string}} to the parameters.`,
        });
      }
    }
  }
  return issues;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function checkAllExtensions(document: Record<string, unknown>): Issue[] {
  const found = [
    ...checkExtensions(document, 'root', ''),
    ...Object.entries(isObject(document['paths']) ? document['paths'] : {}).flatMap(([path, item]) =>
      checkExtensions(item, 'path-item', appendPointer('/paths', path)),
    ),
    ...listOperations(document).flatMap(({ pointer, operation }) => checkExtensions(operation, 'operation', pointer)),
    ...(Array.isArray(document['tags']) ? document['tags'] : []).flatMap((tag, index) =>
      checkExtensions(tag, 'tag', `/tags/${index}`),
    ),
    ...listParameters(document).flatMap(({ pointer, parameter }) => checkParameterExtensions(parameter, pointer)),
    ...listComponentSchemas(document).flatMap(({ pointer, schema }) => checkExtensions(schema, 'schema', pointer)),
    ...checkExtensionReferences(document),
  ];
  return found.map((issue) => ({
    code: 'invalid-extension',
    severity: 'error',
    pointer: issue.pointer,
    message: issue.message,
    hint: 'See "x-specsmith-* extensions" in the specsmith README for the expected shape.',
  }));
}

/** Every structural issue of the document, each located in its original file. */
export function validateSpec(spec: LoadedSpec): Diagnostic[] {
  const versionIssues = checkVersion(spec.document);
  const issues =
    versionIssues.length > 0
      ? versionIssues
      : [
          ...checkInfo(spec.document),
          ...checkRefs(spec.document, (pointer) => spec.written(pointer)),
          ...checkOperations(spec.document),
          ...checkAllExtensions(spec.document),
          ...checkSchemaCycles(spec.document),
        ];
  return issues.map(({ related, ...issue }) => {
    const origin = spec.origin(issue.pointer);
    // The other node may sit in another file, so it is named by file and line, not by a pointer into the bundle.
    const other = related === undefined ? undefined : spec.origin(related);
    const message = other
      ? `${issue.message} at ${other.file}${other.line === undefined ? '' : `:${other.line}`} (#${other.pointer})`
      : issue.message;
    return { ...issue, message, file: origin.file, pointer: origin.pointer, line: origin.line, column: origin.column };
  });
}
