/**
 * specsmith's intermediate representation: what the emit stage needs to know
 * about an API, with every naming decision already made. Type expressions are
 * TypeScript source text over openapi-typescript's `paths`, `components` and
 * `webhooks` types in src/schema.ts.
 */
import type { AuthScheme } from '../runtime/config.js';
import type { BodyKind, HttpMethod, ResponseKind } from '../runtime/operation.js';
import type { RateLimitHeaders } from '../runtime/retry.js';
import type { WebhookUrlRules } from '../runtime/webhook-url.js';

export interface ParamModel {
  /** Name on the wire. */
  name: string;
  /** Argument name in generated code (path parameters). */
  argName: string;
  /** A path parameter that spans segments (`x-specsmith-multi-segment`): it may hold `/`, each segment encoded on its own. */
  multiSegment: boolean;
  required: boolean;
  description: string | undefined;
  /** TypeScript type of the value. */
  type: string;
  example: unknown;
}

export interface BodyModel {
  kind: BodyKind;
  mediaType: string;
  required: boolean;
  /** The params object is the body; otherwise the body is `params[param]`. */
  flat: boolean;
  /** Key of the params object that holds a body that is not flat: `body`, or `requestBody` when a parameter is called `body`. */
  param: string | undefined;
  /** TypeScript type of the body as callers pass it. */
  type: string;
  /** Whether a flat body has required properties. */
  hasRequiredFields: boolean;
  example: unknown;
}

export interface ResponseModel {
  status: number;
  kind: ResponseKind;
  mediaType: string | undefined;
  /** JSON pointer of the envelope's data, when the body is unwrapped. */
  unwrap: string | undefined;
  /** TypeScript type of the value a method returns for this status. */
  type: string;
  /** The component schema that value is exactly (the body, or its enveloped data, is a `$ref`). */
  schema?: string | undefined;
}

/** A value at `pointer` that is one of `values`. */
export interface StateRuleModel {
  pointer: string;
  values: Array<string | number | boolean>;
}

export interface SSEModel {
  typeField: string;
  known: string[];
  terminal: string[] | undefined;
  terminalWhen: { pointer: string; values: Array<string | number | boolean> } | undefined;
  resume: { via: string | undefined; lastEventId: boolean; params: Record<string, { event: string; pointer: string }> | undefined; requires: string | undefined } | undefined;
  dedupe: { events: string[]; key: string } | Array<{ events: string[]; key: string }> | undefined;
  /** Which run a terminal or result event belongs to (`x-specsmith-sse.match`). */
  match: { pointer: string; equals: { event: string; pointer: string } | undefined } | undefined;
  result:
    | {
        success: { event: string | undefined; when: StateRuleModel | undefined; value: string };
        failure: { events: string[] | undefined; when: StateRuleModel | undefined; message: string[]; value: string | undefined } | undefined;
      }
    | undefined;
  /** TypeScript type of one event. */
  eventType: string;
  /** The component schema an event is, when it is one (then `Operation.responseTypeName` is its name). */
  eventSchema?: string | undefined;
  /** TypeScript type of the stream's result, when it has one. */
  resultType: string | undefined;
  /** Exported name for `resultType`. */
  resultTypeName?: string | undefined;
}

export interface LongRunningModel {
  status: number;
  poll: string;
  params: Record<string, string>;
  state: string;
  succeeded: string[];
  failed: string[];
  error: string | undefined;
  result: { operationId: string; params: Record<string, string> } | undefined;
  /** What waiting for the operation object yields. */
  resultType: string;
}

export interface PaginationModel {
  style: 'offset' | 'page' | 'cursor';
  items: string;
  limit?: string | undefined;
  offset?: string | undefined;
  page?: string | undefined;
  cursor?: string | undefined;
  nextCursor?: string | undefined;
  hasMore?: string | undefined;
  total?: string | undefined;
  pageSize?: string | undefined;
  /** TypeScript type of one item. */
  itemType: string;
  /** The component schema an item is, when it is one. */
  itemSchema?: string | undefined;
}

export interface ChunkedUploadModel {
  part: string;
  complete: string;
  abort: string | undefined;
  uploadId: string;
  partSize: string;
  uploadIdParam: string;
  partNumberParam: string;
  firstPart: number;
  /** Name of the generated helper method. */
  methodName: string;
}

export interface WaitModel {
  via: string;
  params: Record<string, string>;
  methodName: string;
  /** Pointer into the operation's result to the caller's own event id. */
  match: string | undefined;
  /** Pointer into a stream event where the operation's result appears (it may be final already). */
  current: string | undefined;
}

export interface OperationModel {
  operationId: string;
  /** Key in the generated `ops` table. */
  key: string;
  method: HttpMethod;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  deprecated: boolean;
  resource: string;
  methodName: string;
  pathParams: ParamModel[];
  queryParams: ParamModel[];
  headerParams: ParamModel[];
  body: BodyModel | undefined;
  /** Success responses. */
  responses: ResponseModel[];
  /** Documented error statuses (and `default`/`4XX` ranges as text). */
  errorStatuses: string[];
  accept: string | undefined;
  /** undefined: the API's default security; []: none. */
  security: string[][] | undefined;
  /** Exported params type: its name and the expression it stands for. */
  paramsType: { name: string; expression: string } | undefined;
  paramsRequired: boolean;
  /** Type of the value a call resolves to (union over success statuses). */
  responseType: string;
  /**
   * The name methods use for what a call yields (one event of a stream, one
   * item of a list, else the response): the public name of a component schema
   * when it is exactly one (`Run`), else an operation type of its own
   * (`RunStatsResponse`, `RunListItem`, `RunSubscribeEvent`).
   */
  responseTypeName: string;
  /** The component schema `responseTypeName` names, when it names one (types.ts then declares nothing for it). */
  responseSchema?: string | undefined;
  idempotent: boolean | string | undefined;
  pagination: PaginationModel | undefined;
  sse: SSEModel | undefined;
  longRunning: LongRunningModel | undefined;
  upload: { file: string; hash: { field: string; encoding: 'hex' | 'base64' } | undefined } | undefined;
  chunkedUpload: ChunkedUploadModel | undefined;
  wait: WaitModel | undefined;
  webhookUrlField: string | undefined;
  rateLimitPolicies: RateLimitPolicy[];
  /** Where this operation sits in the spec (for diagnostics). */
  pointer: string;
}

export interface ResourceModel {
  tag: string;
  /** Property on the client (`serviceKeys`). */
  property: string;
  /** Class name (`ServiceKeys`). */
  className: string;
  /** Module file name without extension (`service-keys`). */
  fileName: string;
  description: string | undefined;
  operations: OperationModel[];
}

export interface RateLimitPolicy {
  name?: string | undefined;
  scope: string;
  limit: number;
  windowSeconds: number;
}

export interface WebhookEventModel {
  name: string;
  /** Exported name of this event's payload type (`ProjectCreatedWebhookEvent`). */
  typeName: string;
  summary: string | undefined;
  description: string | undefined;
  type: string;
}

export interface WebhooksModel {
  header: string;
  encoding: 'hex' | 'base64';
  prefix: string;
  eventField: string;
  secret: string | undefined;
  userAgent: string | undefined;
  retries: number | undefined;
  events: WebhookEventModel[];
  /** Exported name of the event union type. */
  eventTypeName: string;
}

export interface SchemaAlias {
  /** Key under components/schemas. */
  component: string;
  /** Exported type name. */
  name: string;
}

export interface ApiModel {
  /** Client class name. */
  name: string;
  packageName: string;
  packageVersion: string;
  title: string;
  apiVersion: string;
  description: string | undefined;
  /** Path of the spec, relative to the working directory, for headers and docs. */
  source: string;
  apiKeyEnv: string | undefined;
  baseUrlEnv: string | undefined;
  baseUrl: string;
  servers: Array<{ url: string; description: string | undefined }>;
  auth: Record<string, AuthScheme>;
  /** Scheme descriptions for the README. */
  authDescriptions: Record<string, string>;
  security: string[][];
  errors: { message: string | undefined; code: string | undefined; requestId: string | undefined; codes: string[]; open: boolean };
  requestId: { header?: string; pointer?: string } | undefined;
  rateLimit: RateLimitHeaders | undefined;
  rateLimitPolicies: RateLimitPolicy[];
  retry: { maxRetries?: number; statuses?: number[]; requireRetryAfter?: number[] } | undefined;
  webhookUrlRules: WebhookUrlRules | undefined;
  webhooks: WebhooksModel | undefined;
  resources: ResourceModel[];
  operations: OperationModel[];
  schemas: SchemaAlias[];
  /** Names the generator had to change (reserved or already taken), for `--verbose`. */
  renames: Rename[];
}

export interface Rename {
  /** What was named, e.g. `schema #/components/schemas/Promise`. */
  subject: string;
  wanted: string;
  name: string;
  /** `reserved`: a global, runtime or language name; `not-identifier`: not valid as it stands; `taken`: an earlier name of the spec. */
  reason: 'reserved' | 'not-identifier' | 'taken';
}
