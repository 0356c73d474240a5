/**
 * The MCP tool table of a package: one tool per operation, named by its
 * operationId, described by its summary and description, with an input schema
 * made of its parameters and body (the schemas they refer to in its `$defs`)
 * and annotations from its method. The runtime's MCP server (runtime/mcp.ts)
 * serves the table.
 */
import { getAtPointer, parsePointer } from '../load/json-pointer.js';
import { NameScope } from '../model/naming.js';
import { deref, isObject, objectProperties, requiredProperties, type Json } from '../model/schema-utils.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { McpTool } from '../runtime/mcp.js';
import { SchemaDefinitions } from './mcp-schema.js';

const IDEMPOTENT = new Set(['get', 'head', 'options', 'put', 'delete', 'trace']);

/**
 * The largest input schema a tool gets, in bytes of JSON (about 8,000 tokens
 * at 4 bytes a token): every tool's schema is in the agent's context, so a tool
 * whose inputs reach most of a large API's schemas gets a short one instead.
 */
export const MAX_INPUT_SCHEMA_BYTES = 32 * 1024;

type InputSchema = McpTool['inputSchema'];

/**
 * The tool's input schema with the definitions it reaches, or, past the size
 * limit, the same inputs with every input that refers to a definition left
 * open and described, so an agent still knows what to pass.
 */
function inputSchema(
  definitions: SchemaDefinitions,
  operation: OperationModel,
  properties: Record<string, Json>,
  required: readonly string[],
  used: ReadonlyMap<string, ReadonlySet<string>>,
): InputSchema {
  const base: InputSchema = { type: 'object', properties, ...(required.length > 0 ? { required: [...required] } : {}) };
  const names = new Set([...used.values()].flatMap((set) => [...set]));
  const ownSize = JSON.stringify(base).length;
  const defs = names.size === 0 ? {} : definitions.closure(names, MAX_INPUT_SCHEMA_BYTES - ownSize);
  if (defs && ownSize <= MAX_INPUT_SCHEMA_BYTES) return Object.keys(defs).length > 0 ? { ...base, $defs: defs } : base;
  const open: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(properties)) {
    if ((used.get(name)?.size ?? 0) === 0 && JSON.stringify(schema).length <= 1024) {
      open[name] = schema;
      continue;
    }
    const type = definitions.resolve(schema)['type'];
    const description =
      typeof schema['description'] === 'string' ? `${schema['description'].replace(/\.?\s*$/, '.')} ` : '';
    open[name] = {
      ...(type !== undefined ? { type } : {}),
      description: `${description}Its schema is too large to list here; see the API reference of ${operation.method.toUpperCase()} ${operation.path}.`,
    };
  }
  return {
    ...base,
    properties: open,
    description: `The inputs of ${operation.method.toUpperCase()} ${operation.path}; the schemas of some are left out because they are too large.`,
  };
}

function isBinarySchema(definitions: SchemaDefinitions, schema: Json): boolean {
  const resolved = definitions.resolve(schema);
  return resolved['type'] === 'string' && resolved['contentEncoding'] === 'base64';
}

function describe(operation: OperationModel): string {
  const parts = [operation.summary, operation.description].filter((part): part is string => Boolean(part));
  const text = [...new Set(parts)].join('\n\n');
  const note = operation.sse
    ? '\n\nReturns the events the stream delivers, up to 50 or 15 seconds.'
    : operation.pagination
      ? '\n\nReturns one page: items, total and whether more follow (pass the paging parameters for the next page).'
      : '';
  return (
    `${text.length > 1500 ? `${text.slice(0, 1497)}...` : text}${note}`.trim() ||
    `${operation.method.toUpperCase()} ${operation.path}`
  );
}

function toolFor(
  model: ApiModel,
  document: Json,
  definitions: SchemaDefinitions,
  operation: OperationModel,
  names: NameScope,
): McpTool {
  const segments = parsePointer(operation.pointer);
  const source = (getAtPointer(document, segments) ?? {}) as Json;
  const pathItem = (getAtPointer(document, segments.slice(0, -1)) ?? {}) as Json;
  const parameters = new Map<string, Json>();
  for (const raw of [
    ...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []),
    ...(Array.isArray(source['parameters']) ? source['parameters'] : []),
  ]) {
    const parameter = deref(document, raw);
    parameters.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
  }
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  const binary: string[] = [];
  const params: McpTool['params'][number][] = [];
  // The definitions each input refers to.
  const used = new Map<string, Set<string>>();
  const convert = (input: string, schema: unknown): Json => {
    const refs = new Set<string>();
    used.set(input, refs);
    return definitions.convert(schema, refs);
  };
  const add = (input: string, schema: Json, isRequired: boolean): void => {
    properties[input] = schema;
    if (isRequired) required.push(input);
    if (isBinarySchema(definitions, schema)) binary.push(input);
  };
  const parameterSchema = (input: string, parameter: Json | undefined): Json => {
    const schema = convert(input, parameter?.['schema']);
    const description = parameter?.['description'];
    return typeof description === 'string' && schema['description'] === undefined ? { ...schema, description } : schema;
  };
  for (const param of [...operation.queryParams, ...operation.headerParams]) {
    const where = operation.queryParams.includes(param) ? 'query' : 'header';
    add(param.name, parameterSchema(param.name, parameters.get(`${where}:${param.name}`)), param.required);
    params.push({ input: param.name, name: param.name });
  }
  if (operation.body) {
    const requestBody = deref(document, source['requestBody']);
    const media = (
      isObject(requestBody['content']) ? (requestBody['content'] as Json)[operation.body.mediaType] : undefined
    ) as Json | undefined;
    const schema = media?.['schema'];
    if (operation.body.flat) {
      const mandatory = requiredProperties(document, schema);
      for (const [name, property] of objectProperties(document, schema)) {
        if (property['readOnly'] === true || name in properties) continue;
        const optional = operation.upload?.hash?.field === name;
        add(name, convert(name, property), operation.body.required && mandatory.has(name) && !optional);
        params.push({ input: name, name });
      }
    } else {
      // The body goes under the params key the client method takes it by (`body`, or another name when a
      // parameter is called `body`); an input of that name already taken by a parameter gets a prefix.
      const key = operation.body.param ?? 'body';
      const input = Object.hasOwn(properties, key) ? `request_${key}` : key;
      const converted =
        operation.body.kind === 'binary'
          ? { type: 'string', contentEncoding: 'base64', description: 'The request body (bytes, base64-encoded).' }
          : operation.body.kind === 'text'
            ? { type: 'string' }
            : convert(input, schema);
      add(input, converted, operation.body.required);
      params.push({ input, name: key });
    }
  }
  // Path parameters come first in the input; one that shares a name with a parameter or body field is prefixed.
  const pathParams = operation.pathParams.map((param) => ({
    input: param.name in properties ? `path_${param.name}` : param.name,
    name: param.name,
  }));
  const pathProperties: Record<string, Json> = {};
  for (const param of pathParams)
    pathProperties[param.input] = parameterSchema(param.input, parameters.get(`path:${param.name}`));
  const title = operation.summary ?? `${operation.method.toUpperCase()} ${operation.path}`;
  return {
    name: names.claim(operation.operationId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'operation'),
    title,
    description: describe(operation),
    inputSchema: inputSchema(
      definitions,
      operation,
      { ...pathProperties, ...properties },
      [...pathParams.map((param) => param.input), ...required],
      used,
    ),
    annotations: {
      title,
      readOnlyHint: operation.method === 'get' || operation.method === 'head',
      destructiveHint: operation.method === 'delete',
      idempotentHint: IDEMPOTENT.has(operation.method) || operation.idempotent === true,
      openWorldHint: true,
    },
    tag: model.resources.find((resource) => resource.property === operation.resource)?.tag ?? operation.resource,
    resource: operation.resource,
    method: operation.methodName,
    pathParams,
    params,
    hasParams: operation.paramsType !== undefined,
    binary,
    kind: operation.sse ? 'stream' : operation.pagination ? 'page' : 'call',
  };
}

export function buildMcpTools(model: ApiModel, document: Json): McpTool[] {
  const names = new NameScope();
  const definitions = new SchemaDefinitions(document);
  return model.operations.map((operation) => toolFor(model, document, definitions, operation, names));
}
