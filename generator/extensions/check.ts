/**
 * Checks `x-specsmith-*` extensions: known name, allowed site, documented
 * shape (JSON Schema in ./schemas.ts), and that the operationIds and schema
 * names they mention exist. Shared by the Redocly lint plugin and the
 * generator's validate stage.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { EXTENSIONS, EXTENSION_PREFIX, type ExtensionSite } from './schemas.js';
import { appendPointer } from '../load/json-pointer.js';

export interface ExtensionIssue {
  /** JSON pointer of the offending value in the document. */
  pointer: string;
  message: string;
}

/** Sites as a message names them ("an operation", not "a operation"). */
const SITE_NAMES: Record<ExtensionSite, string> = {
  root: 'the root',
  'path-item': 'a path item',
  operation: 'an operation',
  tag: 'a tag',
  parameter: 'a parameter',
  schema: 'a component schema',
};

let validators: Map<string, ValidateFunction> | undefined;

function validatorFor(extension: string): ValidateFunction | undefined {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validators = new Map(Object.entries(EXTENSIONS).map(([key, def]) => [key, ajv.compile(def.schema)]));
  }
  return validators.get(extension);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? `at ${error.instancePath}: ` : '';
  if (error.keyword === 'additionalProperties') {
    return `${where}unknown field "${String(error.params['additionalProperty'])}"`;
  }
  if (error.keyword === 'enum') {
    return `${where}must be one of ${JSON.stringify(error.params['allowedValues'])}`;
  }
  return `${where}${error.message ?? 'is invalid'}`;
}

/** Validates every `x-specsmith-*` key of one node (the root, an operation or a tag). */
export function checkExtensions(node: unknown, site: ExtensionSite, at: string): ExtensionIssue[] {
  if (!node || typeof node !== 'object') return [];
  const issues: ExtensionIssue[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (!key.startsWith(EXTENSION_PREFIX)) continue;
    const pointer = appendPointer(at, key);
    const definition = EXTENSIONS[key];
    if (!definition) {
      const known = Object.keys(EXTENSIONS).join(', ');
      issues.push({ pointer, message: `unknown extension ${key}; known extensions: ${known}` });
      continue;
    }
    if (!definition.sites.includes(site)) {
      issues.push({
        pointer,
        message: `${key} is not allowed on ${SITE_NAMES[site]}; it belongs on ${definition.sites.map((name) => SITE_NAMES[name]).join(' or ')}`,
      });
      continue;
    }
    const validate = validatorFor(key);
    if (validate && !validate(value)) {
      // oneOf failures repeat every branch's complaint; the first few say enough.
      // An `if` error only says its `then` failed; the `then` errors beside it say how.
      const messages = [
        ...new Set((validate.errors ?? []).filter((error) => error.keyword !== 'if').map(describe)),
      ].slice(0, 3);
      issues.push({ pointer, message: `${key} is malformed: ${messages.join('; ')}` });
    }
  }
  return issues;
}

/** A parameter's extensions; `x-specsmith-multi-segment` only means something on a path parameter. */
export function checkParameterExtensions(parameter: unknown, at: string): ExtensionIssue[] {
  const issues = checkExtensions(parameter, 'parameter', at);
  const fields = asRecord(parameter);
  if (fields && fields['x-specsmith-multi-segment'] !== undefined && fields['in'] !== 'path' && issues.length === 0) {
    issues.push({
      pointer: appendPointer(at, 'x-specsmith-multi-segment'),
      message: `x-specsmith-multi-segment belongs on a path parameter, not on one in ${JSON.stringify(fields['in'])}`,
    });
  }
  return issues;
}

/** Every parameter object written in the document (components, path items, operations) with its JSON pointer; `$ref`s are left to their targets. */
export function listParameters(document: Record<string, unknown>): Array<{ pointer: string; parameter: unknown }> {
  const found: Array<{ pointer: string; parameter: unknown }> = [];
  for (const [name, parameter] of Object.entries(asRecord(asRecord(document['components'])?.['parameters']) ?? {}))
    found.push({ pointer: appendPointer('/components/parameters', name), parameter });
  const listed = (owner: Record<string, unknown>, at: string): void => {
    const list = owner['parameters'];
    if (Array.isArray(list))
      list.forEach((parameter, index) =>
        found.push({ pointer: appendPointer(at, 'parameters', String(index)), parameter }),
      );
  };
  for (const [path, item] of Object.entries(asRecord(document['paths']) ?? {})) {
    const pathItem = asRecord(item);
    if (!pathItem) continue;
    listed(pathItem, appendPointer('/paths', path));
    for (const method of HTTP_METHODS) {
      const operation = asRecord(pathItem[method]);
      if (operation) listed(operation, appendPointer('/paths', path, method));
    }
  }
  return found;
}

/** Every schema under components/schemas with its JSON pointer (where schema-level extensions may be written). */
export function listComponentSchemas(document: Record<string, unknown>): Array<{ pointer: string; schema: unknown }> {
  return Object.entries(asRecord(asRecord(document['components'])?.['schemas']) ?? {}).map(([name, schema]) => ({
    pointer: appendPointer('/components/schemas', name),
    schema,
  }));
}

interface OperationRef {
  pointer: string;
  operation: Record<string, unknown>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation under `paths` with its JSON pointer. External `$ref`s must already be resolved. */
export function listOperations(document: Record<string, unknown>): OperationRef[] {
  const operations: OperationRef[] = [];
  const paths = document['paths'];
  if (!paths || typeof paths !== 'object') return operations;
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, unknown>)[method];
      if (operation && typeof operation === 'object') {
        operations.push({
          pointer: appendPointer('/paths', path, method),
          operation: operation as Record<string, unknown>,
        });
      }
    }
  }
  return operations;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Cross-references: operationIds, schema names and webhook events named by extensions must exist. */
export function checkExtensionReferences(document: Record<string, unknown>): ExtensionIssue[] {
  const issues: ExtensionIssue[] = [];
  const operations = listOperations(document);
  const operationIds = new Set(
    operations.map((op) => op.operation['operationId']).filter((id): id is string => typeof id === 'string'),
  );
  const schemas = asRecord(asRecord(document['components'])?.['schemas']) ?? {};
  const webhookNames = new Set(Object.keys(asRecord(document['webhooks']) ?? {}));

  const needOperation = (pointer: string, id: unknown): void => {
    if (typeof id === 'string' && !operationIds.has(id)) {
      issues.push({ pointer, message: `names operationId "${id}", which no operation has` });
    }
  };

  const errors = asRecord(document['x-specsmith-errors']);
  if (errors && typeof errors['schema'] === 'string' && !Object.hasOwn(schemas, errors['schema'])) {
    issues.push({
      pointer: '/x-specsmith-errors/schema',
      message: `names schema "${errors['schema']}", which components/schemas does not define`,
    });
  }

  for (const { pointer, operation } of operations) {
    const sse = asRecord(operation['x-specsmith-sse']);
    const resume = asRecord(sse?.['resume']);
    if (resume && resume['via'] !== 'self') needOperation(`${pointer}/x-specsmith-sse/resume/via`, resume['via']);
    const wait = asRecord(operation['x-specsmith-wait']);
    if (wait) needOperation(`${pointer}/x-specsmith-wait/via`, wait['via']);
    if (wait && typeof wait['match'] === 'string') {
      const followed = operations.find((candidate) => candidate.operation['operationId'] === wait['via']);
      if (followed && !asRecord(asRecord(followed.operation['x-specsmith-sse'])?.['match'])) {
        issues.push({
          pointer: `${pointer}/x-specsmith-wait/match`,
          message: `needs x-specsmith-sse.match on "${String(wait['via'])}" to say which field of its events carries the matched id`,
        });
      }
    }
    const longRunning = asRecord(operation['x-specsmith-long-running']);
    if (longRunning) {
      needOperation(`${pointer}/x-specsmith-long-running/poll`, longRunning['poll']);
      needOperation(
        `${pointer}/x-specsmith-long-running/result/operationId`,
        asRecord(longRunning['result'])?.['operationId'],
      );
    }
    const chunked = asRecord(operation['x-specsmith-chunked-upload']);
    if (chunked) {
      for (const key of ['part', 'complete', 'abort'])
        needOperation(`${pointer}/x-specsmith-chunked-upload/${key}`, chunked[key]);
    }
    const asyncWebhook = asRecord(operation['x-specsmith-async-webhook']);
    const events = asyncWebhook?.['events'];
    if (Array.isArray(events)) {
      events.forEach((event, index) => {
        if (typeof event === 'string' && !webhookNames.has(event)) {
          issues.push({
            pointer: `${pointer}/x-specsmith-async-webhook/events/${index}`,
            message: `names webhook "${event}", which the top-level webhooks do not define`,
          });
        }
      });
    }
  }
  return issues;
}
