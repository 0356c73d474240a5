/**
 * The MCP tool table of a package: one tool per operation, named by its
 * operationId, described by its summary and description, with an input schema
 * made of its parameters and body (references inlined) and annotations from
 * its method. The runtime's MCP server (runtime/mcp.ts) serves the table.
 */
import { getAtPointer, parsePointer } from '../load/json-pointer.js';
import { inlineSchema } from '../model/json-schema.js';
import { NameScope } from '../model/naming.js';
import { deref, isObject, objectProperties, requiredProperties, type Json } from '../model/schema-utils.js';
import type { ApiModel, OperationModel } from '../model/types.js';
import type { McpTool } from '../runtime/mcp.js';

const IDEMPOTENT = new Set(['get', 'head', 'options', 'put', 'delete', 'trace']);

function isBinarySchema(schema: Json): boolean {
  return schema['type'] === 'string' && schema['contentEncoding'] === 'base64';
}

function describe(operation: OperationModel): string {
  const parts = [operation.summary, operation.description].filter((part): part is string => Boolean(part));
  const text = [...new Set(parts)].join('\n\n');
  const note = operation.sse ? '\n\nReturns the events the stream delivers, up to 50 or 15 seconds.' : operation.pagination ? '\n\nReturns one page: items, total and whether more follow (pass the paging parameters for the next page).' : '';
  return `${text.length > 1500 ? `${text.slice(0, 1497)}...` : text}${note}`.trim() || `${operation.method.toUpperCase()} ${operation.path}`;
}

function toolFor(model: ApiModel, document: Json, operation: OperationModel, names: NameScope): McpTool {
  const segments = parsePointer(operation.pointer);
  const source = (getAtPointer(document, segments) ?? {}) as Json;
  const pathItem = (getAtPointer(document, segments.slice(0, -1)) ?? {}) as Json;
  const parameters = new Map<string, Json>();
  for (const raw of [...(Array.isArray(pathItem['parameters']) ? pathItem['parameters'] : []), ...(Array.isArray(source['parameters']) ? source['parameters'] : [])]) {
    const parameter = deref(document, raw);
    parameters.set(`${String(parameter['in'])}:${String(parameter['name'])}`, parameter);
  }
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const binary: string[] = [];
  const params: McpTool['params'][number][] = [];
  const add = (input: string, schema: Json, isRequired: boolean): void => {
    properties[input] = schema;
    if (isRequired) required.push(input);
    if (isBinarySchema(schema)) binary.push(input);
  };
  const parameterSchema = (parameter: Json | undefined): Json => {
    const schema = inlineSchema(document, parameter?.['schema']);
    const description = parameter?.['description'];
    return typeof description === 'string' && schema['description'] === undefined ? { ...schema, description } : schema;
  };
  for (const param of [...operation.queryParams, ...operation.headerParams]) {
    const where = operation.queryParams.includes(param) ? 'query' : 'header';
    add(param.name, parameterSchema(parameters.get(`${where}:${param.name}`)), param.required);
    params.push({ input: param.name, name: param.name });
  }
  let nestedBody = false;
  if (operation.body) {
    const requestBody = deref(document, source['requestBody']);
    const media = (isObject(requestBody['content']) ? (requestBody['content'] as Json)[operation.body.mediaType] : undefined) as Json | undefined;
    const schema = media?.['schema'];
    if (operation.body.flat) {
      const mandatory = requiredProperties(document, schema);
      for (const [name, property] of objectProperties(document, schema)) {
        if (property['readOnly'] === true || name in properties) continue;
        const optional = operation.upload?.hash?.field === name;
        add(name, inlineSchema(document, property), operation.body.required && mandatory.has(name) && !optional);
        params.push({ input: name, name });
      }
    } else {
      nestedBody = true;
      const inlined = operation.body.kind === 'binary' ? { type: 'string', contentEncoding: 'base64', description: 'The request body (bytes, base64-encoded).' } : operation.body.kind === 'text' ? { type: 'string' } : inlineSchema(document, schema);
      add('body', inlined, operation.body.required);
    }
  }
  // Path parameters come first in the input; one that shares a name with a parameter or body field is prefixed.
  const pathParams = operation.pathParams.map((param) => ({ input: param.name in properties ? `path_${param.name}` : param.name, name: param.name }));
  const pathProperties: Record<string, unknown> = {};
  for (const param of pathParams) pathProperties[param.input] = parameterSchema(parameters.get(`path:${param.name}`));
  const title = operation.summary ?? `${operation.method.toUpperCase()} ${operation.path}`;
  return {
    name: names.claim(operation.operationId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'operation'),
    title,
    description: describe(operation),
    inputSchema: { type: 'object', properties: { ...pathProperties, ...properties }, ...(pathParams.length + required.length > 0 ? { required: [...pathParams.map((param) => param.input), ...required] } : {}) },
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
    nestedBody,
    binary,
    kind: operation.sse ? 'stream' : operation.pagination ? 'page' : 'call',
  };
}

export function buildMcpTools(model: ApiModel, document: Json): McpTool[] {
  const names = new NameScope();
  return model.operations.map((operation) => toolFor(model, document, operation, names));
}
