/**
 * One operation as the emit stage reads it (model/operation-model.ts joins it
 * from the surface, the type layer and the descriptor). Type expressions are
 * TypeScript source text over openapi-typescript's types in src/schema.ts.
 */
import type { BodyKind, HttpMethod, ResponseKind } from '../runtime/operation.js';
import type { DescribedSSE } from './descriptor/types.js';
import type { RateLimitPolicy } from './types.js';

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
}

/** The stream's descriptor (what the runtime reads) with its types; a resume names the operation it goes through by id. */
export type SSEModel = Omit<DescribedSSE, 'resume'> & {
  resume:
    | {
        via: string | undefined;
        lastEventId: boolean;
        params: Readonly<Record<string, { event: string; pointer: string }>> | undefined;
        requires: string | undefined;
      }
    | undefined;
  /** TypeScript type of one event. */
  eventType: string;
  /** TypeScript type of the stream's result, when it has one. */
  resultType: string | undefined;
  /** Exported name for `resultType`. */
  resultTypeName: string | undefined;
};

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
  /** Exported name of its descriptor in operations.ts. */
  key: string;
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
  responseSchema: string | undefined;
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
