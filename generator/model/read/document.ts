/**
 * Typed access to the bundled document. The validate stage has already checked
 * every `x-specsmith-*` extension against its schema (extensions/check.ts) and
 * the operations' shape, so the document is read as an OpenAPIDocument from
 * here on; plain JSON stays reachable for the schema walkers (schema-utils.ts).
 */
import { appendPointer } from '../../load/json-pointer.js';
import type { HttpMethod } from '../../runtime/operation.js';
import { camelCase } from '../naming.js';
import { deref, type Json } from '../schema-utils.js';
import type {
  ExampleObject,
  MediaTypeObject,
  OpenAPIDocument,
  OperationObject,
  ParameterObject,
  PathItemObject,
  Ref,
} from './openapi-types.js';

export const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** A path segment that only says the API version (`v1`, `2`, `v2.1`): it names nothing. */
export const VERSION_SEGMENT = /^v?\d+(\.\d+)*$/i;

/** The document twice over: typed for the model, plain JSON for the schema walkers. */
export interface Spec {
  api: OpenAPIDocument;
  json: Json;
}

/** The one place the validated JSON becomes an OpenAPIDocument (see the module comment). */
export function readSpec(json: Json): Spec {
  return { api: json as OpenAPIDocument, json };
}

/** The object a `$ref` points to (or the object itself); fields may be missing in a document that breaks the spec. */
export function resolve<T extends object>(spec: Spec, node: Ref<T> | undefined): Partial<T> {
  return deref(spec.json, node) as Partial<T>;
}

/** The entries of a map the spec writes as an object; none when it is something else. */
export function entriesOf<T>(value: Record<string, T> | undefined): Array<[string, T]> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
}

/** Non-blank text, else undefined (a blank summary says nothing). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export interface SourceOperation {
  path: string;
  method: HttpMethod;
  /** JSON pointer of the operation, for diagnostics. */
  pointer: string;
  pathItem: Partial<PathItemObject>;
  operation: OperationObject;
  /** The spec's operationId, or one made of the method and the path's words. */
  operationId: string;
  /** The first tag, or the path's first meaningful segment. */
  tag: string;
  /** Path-item and operation parameters, resolved; the operation's win (OpenAPI 3.1 §4.8.10). */
  parameters: ParameterObject[];
}

function resourceOfPath(path: string): string {
  return path.split('/').find((part) => part !== '' && !VERSION_SEGMENT.test(part) && !part.startsWith('{')) ?? 'root';
}

/** The validate stage rejects a parameter without a string name and a known location (invalid-parameter). */
function isParameter(parameter: Partial<ParameterObject>): parameter is ParameterObject {
  return typeof parameter.name === 'string' && typeof parameter.in === 'string';
}

function parametersOf(spec: Spec, pathItem: Partial<PathItemObject>, operation: OperationObject): ParameterObject[] {
  const byKey = new Map<string, ParameterObject>();
  for (const raw of [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ]) {
    const parameter = resolve<ParameterObject>(spec, raw);
    if (isParameter(parameter)) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/** Every operation of `paths`, in document order (paths, then methods in METHODS order). */
export function listOperations(spec: Spec): SourceOperation[] {
  return entriesOf(spec.api.paths).flatMap(([path, raw]) => {
    const pathItem = resolve<PathItemObject>(spec, raw);
    return METHODS.flatMap((method): SourceOperation[] => {
      const operation = pathItem[method];
      if (operation === null || typeof operation !== 'object' || Array.isArray(operation)) return [];
      // Without an operationId, the method and the path's own words name it (version segments like v1 say nothing).
      const operationId =
        text(operation.operationId) ??
        camelCase(
          `${method} ${path
            .split('/')
            .filter((segment) => !VERSION_SEGMENT.test(segment))
            .join(' ')
            .replace(/[{}]/g, '')}`,
        );
      const tags = Array.isArray(operation.tags)
        ? operation.tags.filter((tag): tag is string => typeof tag === 'string')
        : [];
      return [
        {
          path,
          method,
          pointer: appendPointer('/paths', path, method),
          pathItem,
          operation,
          operationId,
          tag: tags[0] ?? resourceOfPath(path),
          parameters: parametersOf(spec, pathItem, operation),
        },
      ];
    });
  });
}

/** The example the spec gives for a parameter or media type: `example`, the first of `examples`, or the schema's. */
export function exampleOf(spec: Spec, holder: Partial<MediaTypeObject>): unknown {
  if (holder.example !== undefined) return holder.example;
  const first = entriesOf(holder.examples)[0]?.[1];
  if (first !== undefined) return resolve<ExampleObject>(spec, first).value;
  const schema = deref(spec.json, holder.schema);
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples'])) return schema['examples'][0];
  return undefined;
}

/** Security requirements as lists of scheme names; undefined when not stated. */
export function securityOf(value: unknown): string[][] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((requirement: unknown) =>
    requirement !== null && typeof requirement === 'object' && !Array.isArray(requirement)
      ? Object.keys(requirement)
      : [],
  );
}
