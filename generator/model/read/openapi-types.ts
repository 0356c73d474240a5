/**
 * The OpenAPI 3.x objects the model reads (https://spec.openapis.org/oas/v3.1.0),
 * with the `x-specsmith-*` extensions each may carry typed from their JSON
 * Schemas (../../extensions/types.ts). Only the fields the model reads are
 * listed. Schemas stay plain JSON: schema-utils.ts walks them.
 */
import type { Extensions } from '../../extensions/types.js';
import type { HttpMethod } from '../../runtime/operation.js';
import type { Json } from '../schema-utils.js';

export interface ReferenceObject {
  $ref: string;
}

/** A value written inline or as a `$ref` to one (resolve it with document.ts's `resolve`). */
export type Ref<T> = T | ReferenceObject;

export type SchemaObject = Json;

export interface ExampleObject {
  value?: unknown;
}

export interface MediaTypeObject {
  schema?: Ref<SchemaObject>;
  example?: unknown;
  examples?: Record<string, Ref<ExampleObject>>;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema?: Ref<SchemaObject>;
  example?: unknown;
  examples?: Record<string, Ref<ExampleObject>>;
  'x-specsmith-multi-segment'?: Extensions['x-specsmith-multi-segment'];
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: Array<Ref<ParameterObject>>;
  requestBody?: Ref<RequestBodyObject>;
  responses?: Record<string, Ref<ResponseObject>>;
  security?: Array<Record<string, string[]>>;
  'x-specsmith-method'?: Extensions['x-specsmith-method'];
  'x-specsmith-envelope'?: Extensions['x-specsmith-envelope'];
  'x-specsmith-rate-limit'?: Extensions['x-specsmith-rate-limit'];
  'x-specsmith-pagination'?: Extensions['x-specsmith-pagination'];
  'x-specsmith-idempotent'?: Extensions['x-specsmith-idempotent'];
  'x-specsmith-sse'?: Extensions['x-specsmith-sse'];
  'x-specsmith-wait'?: Extensions['x-specsmith-wait'];
  'x-specsmith-long-running'?: Extensions['x-specsmith-long-running'];
  'x-specsmith-async-webhook'?: Extensions['x-specsmith-async-webhook'];
  'x-specsmith-upload'?: Extensions['x-specsmith-upload'];
  'x-specsmith-chunked-upload'?: Extensions['x-specsmith-chunked-upload'];
}

export type PathItemObject = { parameters?: Array<Ref<ParameterObject>> } & { [M in HttpMethod]?: OperationObject };

export interface TagObject {
  name: string;
  description?: string;
  'x-specsmith-resource'?: Extensions['x-specsmith-resource'];
}

export interface ServerVariableObject {
  default?: string;
}

export interface ServerObject {
  url?: string;
  description?: string;
  variables?: Record<string, ServerVariableObject>;
}

export interface SecuritySchemeObject {
  type?: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  description?: string;
  /** `http`: the RFC 7235 scheme name (`bearer`, `basic`). */
  scheme?: string;
  /** `apiKey`: the header, query or cookie name. */
  name?: string;
  in?: 'header' | 'query' | 'cookie';
}

export interface ComponentsObject {
  schemas?: Record<string, SchemaObject>;
  securitySchemes?: Record<string, Ref<SecuritySchemeObject>>;
}

export interface InfoObject {
  title?: string;
  version?: string;
  description?: string;
}

export interface OpenAPIDocument {
  info?: InfoObject;
  servers?: ServerObject[];
  paths?: Record<string, Ref<PathItemObject>>;
  webhooks?: Record<string, Ref<PathItemObject>>;
  components?: ComponentsObject;
  security?: Array<Record<string, string[]>>;
  tags?: TagObject[];
  'x-specsmith-client'?: Extensions['x-specsmith-client'];
  'x-specsmith-envelope'?: Extensions['x-specsmith-envelope'];
  'x-specsmith-errors'?: Extensions['x-specsmith-errors'];
  'x-specsmith-request-id'?: Extensions['x-specsmith-request-id'];
  'x-specsmith-rate-limit'?: Extensions['x-specsmith-rate-limit'];
  'x-specsmith-retry'?: Extensions['x-specsmith-retry'];
  'x-specsmith-webhooks'?: Extensions['x-specsmith-webhooks'];
}
