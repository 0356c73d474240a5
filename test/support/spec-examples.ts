/**
 * Requests built from a spec's own examples: for each operation, the path,
 * query, headers, credentials and body that the spec documents as valid.
 */
import { getAtPointer, parsePointer } from '../../generator/load/json-pointer.js';
import { listOperations } from '../../generator/extensions/check.js';
import { deref } from '../../generator/model/schema-utils.js';

type Json = Record<string, unknown>;

export interface ExampleRequest {
  operationId: string;
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: BodyInit | undefined;
  /** Documented 2xx statuses, lowest first. */
  successStatuses: number[];
}

function firstExample(document: Json, holder: Json): unknown {
  if (holder['example'] !== undefined) return holder['example'];
  const examples = holder['examples'];
  if (examples && typeof examples === 'object' && !Array.isArray(examples)) {
    const first = Object.values(examples)[0];
    if (first !== undefined) return deref(document, first)['value'];
  }
  const schema = deref(document, holder['schema']);
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if (schema['default'] !== undefined) return schema['default'];
  if (schema['const'] !== undefined) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0];
  return undefined;
}

function isBinarySchema(schema: Json): boolean {
  return schema['format'] === 'binary' || typeof schema['contentMediaType'] === 'string';
}

function multipartBody(document: Json, schema: Json, example: Json): FormData {
  const form = new FormData();
  const properties = (schema['properties'] ?? {}) as Json;
  for (const [name, value] of Object.entries(example)) {
    const property = deref(document, properties[name]);
    if (isBinarySchema(property))
      form.append(name, new Blob([String(value)], { type: 'application/zip' }), `${name}.zip`);
    else form.append(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return form;
}

function credentials(
  document: Json,
  operation: Json,
  key: string,
): { headers: Record<string, string>; query: Record<string, string> } {
  const requirements = (operation['security'] ?? document['security'] ?? []) as Array<Record<string, unknown>>;
  const schemes = ((document['components'] as Json | undefined)?.['securitySchemes'] ?? {}) as Json;
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
  const requirement = requirements.find((entry) => Object.keys(entry).length > 0);
  for (const name of Object.keys(requirement ?? {})) {
    const scheme = deref(document, schemes[name]);
    if (scheme['type'] === 'http') headers['Authorization'] = `Bearer ${key}`;
    else if (scheme['type'] === 'apiKey' && scheme['in'] === 'header') headers[String(scheme['name'])] = key;
    else if (scheme['type'] === 'apiKey' && scheme['in'] === 'query') query[String(scheme['name'])] = key;
  }
  return { headers, query };
}

export function exampleRequests(document: Json, baseUrl: string, key: string): ExampleRequest[] {
  return listOperations(document).map(({ pointer, operation }) => {
    const [, path = '', method = 'get'] = parsePointer(pointer);
    const pathItem = getAtPointer(document, ['paths', path]) as Json;
    const parameters = [
      ...((pathItem['parameters'] ?? []) as unknown[]),
      ...((operation['parameters'] ?? []) as unknown[]),
    ].map((parameter) => deref(document, parameter));
    const auth = credentials(document, operation, key);
    const query = new URLSearchParams(auth.query);
    const headers: Record<string, string> = { ...auth.headers };
    let resolvedPath = path;
    for (const parameter of parameters) {
      const value = firstExample(document, parameter);
      if (value === undefined) continue;
      const name = String(parameter['name']);
      if (parameter['in'] === 'path')
        resolvedPath = resolvedPath.replace(`{${name}}`, encodeURIComponent(String(value)));
      else if (parameter['in'] === 'query')
        for (const item of Array.isArray(value) ? value : [value]) query.append(name, String(item));
      else if (parameter['in'] === 'header') headers[name] = String(value);
    }
    let body: BodyInit | undefined;
    const requestBody = deref(document, operation['requestBody']);
    const [mediaType, media] = Object.entries((requestBody['content'] ?? {}) as Record<string, Json>)[0] ?? [];
    if (mediaType && media) {
      const example = firstExample(document, media);
      if (mediaType.startsWith('multipart/'))
        body = multipartBody(document, deref(document, media['schema']), (example ?? {}) as Json);
      else if (/json/.test(mediaType)) body = JSON.stringify(example ?? {});
      else body = new Blob([typeof example === 'string' ? example : 'example bytes']);
      if (!mediaType.startsWith('multipart/')) headers['Content-Type'] = mediaType;
    }
    const responses = (operation['responses'] ?? {}) as Record<string, unknown>;
    const successStatuses = Object.keys(responses)
      .filter((status) => /^2\d\d$/.test(status))
      .map(Number)
      .sort((a, b) => a - b);
    const successMedia = successStatuses.flatMap((status) =>
      Object.keys((deref(document, responses[String(status)])['content'] ?? {}) as Json),
    );
    if (successMedia.length > 0) headers['Accept'] = [...new Set(successMedia)].join(', ');
    const search = query.toString();
    return {
      operationId: String(operation['operationId']),
      method: method.toUpperCase(),
      path,
      url: `${baseUrl}${resolvedPath}${search ? `?${search}` : ''}`,
      headers,
      body,
      successStatuses,
    };
  });
}
