// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * The description of one API operation that generated code hands to the
 * runtime. Generated methods are one-liners; everything an operation needs at
 * run time (where its parameters go, how its body is encoded, which traits
 * apply) is in this plain object, written once per operation.
 */
import type { EncodedBody } from './request-body.js';
import type { UnwrapValue } from './unwrap-values.js';
import type { WebhookUrlRules } from './webhook-url.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** How a success body is read: parsed JSON, text, bytes, an event stream, nothing, or by its Content-Type. */
export type ResponseKind = 'json' | 'text' | 'binary' | 'sse' | 'empty' | 'auto';

/** How a request body is encoded. */
export type BodyKind = 'json' | 'multipart' | 'form' | 'binary' | 'text';

export interface ResponseDescriptor {
  kind: ResponseKind;
  /** JSON pointer of the value returned to the caller (the envelope's data). */
  unwrap?: string;
  /** `x-specsmith-unwrap` values inside that value: each `{ [key]: value }` at `at` becomes `value`. */
  values?: readonly UnwrapValue[];
}

/**
 * Encodes a body of one kind (request-body.ts). A descriptor names the encoder
 * its kind needs, so an app bundles the multipart, form or binary encoders only
 * when an operation it calls sends such a body; JSON needs none.
 */
export type BodyEncoder = (
  spec: BodyDescriptor,
  value: unknown,
  upload: UploadDescriptor | undefined,
) => Promise<EncodedBody> | EncodedBody;

export interface BodyDescriptor {
  kind: BodyKind;
  /** Content-Type sent with the body. */
  type: string;
  /** The caller's params object is the body (minus query/header params); otherwise it is `params[param ?? 'body']`. */
  flat: boolean;
  /** Key of a body that is not flat, when a parameter is called `body`. */
  param?: string;
  required?: boolean;
  /** The encoder of a body that is not JSON. */
  encode?: BodyEncoder;
}

export interface PaginationDescriptor {
  style: 'offset' | 'page' | 'cursor';
  items: string;
  limit?: string;
  offset?: string;
  page?: string;
  cursor?: string;
  nextCursor?: string;
  hasMore?: string;
  total?: string;
  /** JSON pointer of the page size the server applied, echoed in the body. */
  pageSize?: string;
}

/** A value at `pointer` that is one of `values` (a run's final status, say). */
export interface StateRule {
  pointer: string;
  values: readonly (string | number | boolean)[];
}

/** Events of the listed types with the same value at `key` are one event: a repeat is not yielded again. */
export interface DedupeRule {
  events: readonly string[];
  key: string;
}

export interface SSEDescriptor {
  typeField: string;
  /** Event types the spec defines; anything else arrives as an `unknown` event. */
  known: readonly string[];
  terminal?: readonly string[];
  terminalWhen?: StateRule;
  resume?: {
    /** Operation to resume through; undefined repeats this one. */
    via?: () => OperationDescriptor;
    lastEventId?: boolean;
    params?: Readonly<Record<string, { event: string; pointer: string }>>;
    requires?: string;
  };
  dedupe?: DedupeRule | readonly DedupeRule[];
  /**
   * Which run a terminal or result event belongs to, for streams that carry
   * several: its value at `pointer` must equal the expected one, taken from
   * this stream's `equals.event` (at `equals.pointer`) or handed in by a waiter.
   */
  match?: { pointer: string; equals?: { event: string; pointer: string } };
  result?: {
    /** The outcome is a success: an event of type `event` and/or whose state is one of `when`. */
    success: { event?: string; when?: StateRule; value: string };
    /** The outcome is a failure; `message` lists where the message is, `value` what the error carries (default: the event). */
    failure?: { events?: readonly string[]; when?: StateRule; message: readonly string[]; value?: string };
  };
  /** `x-specsmith-unwrap` values inside each event: each `{ [key]: value }` at `at` becomes `value`. */
  values?: readonly UnwrapValue[];
}

export interface LongRunningDescriptor {
  status: number;
  poll: () => OperationDescriptor;
  params: Readonly<Record<string, string>>;
  state: string;
  succeeded: readonly string[];
  failed: readonly string[];
  error?: string;
  result?: { operation: () => OperationDescriptor; params: Readonly<Record<string, string>> };
}

export interface UploadDescriptor {
  file: string;
  hash?: { field: string; encoding: 'hex' | 'base64' };
}

export interface OperationDescriptor {
  id: string;
  /** The public method as a caller writes it (`projects.get`): how messages name the operation. */
  methodPath?: string;
  method: HttpMethod;
  path: string;
  /** Path parameter names, in the order of the method's positional arguments. */
  pathParams?: readonly string[];
  /** The argument names of those parameters in the method's signature (`projectIdOrSlug` for `project_id_or_slug`), for messages. */
  pathArgNames?: readonly string[];
  /** Path parameters that span segments: they may contain `/` (each segment encoded on its own), never a `.` or `..` segment. */
  multiSegment?: readonly string[];
  query?: readonly string[];
  header?: readonly string[];
  body?: BodyDescriptor;
  /** Accept header: the media types of the success responses. */
  accept?: string;
  /** Success responses by status code. */
  responses: Readonly<Record<number, ResponseDescriptor>>;
  /** Security alternatives (scheme names); undefined uses the API's default, [] sends no credentials. */
  security?: readonly (readonly string[])[];
  /** Safe to retry although the method is not idempotent; a string names the body field that makes it so. */
  idempotent?: boolean | string;
  pagination?: PaginationDescriptor;
  sse?: SSEDescriptor;
  longRunning?: LongRunningDescriptor;
  upload?: UploadDescriptor;
  /** Body field holding a webhook URL that must satisfy the API's URL rules. */
  webhookUrlField?: string;
  /**
   * The check of those rules (webhook-url.ts), named by the operations that take
   * such a URL, so an app bundles it only when it calls one of them.
   */
  webhookUrlCheck?: (url: string, rules: WebhookUrlRules) => string | undefined;
}

/** How messages name an operation: its public method (`projects.get`), else its operationId. */
export function operationLabel(op: Pick<OperationDescriptor, 'id' | 'methodPath'>): string {
  return op.methodPath ?? op.id;
}

/** How messages name the path parameter at `index`: its argument name in the method's signature, else its wire name. */
export function pathArgLabel(op: Pick<OperationDescriptor, 'pathParams' | 'pathArgNames'>, index: number): string {
  return op.pathArgNames?.[index] ?? op.pathParams?.[index] ?? `argument ${index + 1}`;
}

/** The positional path arguments of `op`, taken by parameter name from `values`. */
export function pathArgsOf(
  op: Pick<OperationDescriptor, 'pathParams'>,
  values: Readonly<Record<string, unknown>>,
): unknown[] {
  return (op.pathParams ?? []).map((name) => (Object.hasOwn(values, name) ? values[name] : undefined));
}

/** A params object holding those of the named parameters that have a value in `values`. */
export function paramsOf(
  names: readonly string[] | undefined,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const params = Object.create(null) as Record<string, unknown>;
  for (const name of names ?? [])
    if (Object.hasOwn(values, name) && values[name] !== undefined) params[name] = values[name];
  return params;
}
