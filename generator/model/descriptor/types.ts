/**
 * The runtime descriptor as data: exactly what src/operations.ts declares,
 * typed as the runtime's own types (runtime/operation.ts, chunked-upload.ts,
 * config.ts), except that a link to another operation is an OperationLink,
 * which operations.ts writes as the descriptor's name (or a thunk of it), and
 * a runtime function (a body encoder, the webhook-URL check) is a
 * RuntimeFunction, which operations.ts imports from the runtime and names.
 */
import type { ChunkedUploadDescriptor } from '../../runtime/chunked-upload.js';
import type { ApiConfig } from '../../runtime/config.js';
import type { OperationDescriptor } from '../../runtime/operation.js';

/** A reference to another operation's descriptor. */
export class OperationLink {
  constructor(
    readonly operationId: string,
    /** Its exported name in operations.ts. */
    readonly key: string,
    /** Written as a thunk (`() => key`), so declaration order does not matter. */
    readonly lazy: boolean,
  ) {}
}

/**
 * A function of the runtime a descriptor refers to: operations.ts imports it
 * only when some descriptor names it, so a feature no operation uses is never
 * bundled.
 */
export class RuntimeFunction {
  constructor(
    /** Its exported name. */
    readonly name: string,
    /** The runtime module exporting it, without extension (`request-body`). */
    readonly module: string,
  ) {}
}

/** A runtime type with its operation links (`() => OperationDescriptor`, or a direct OperationDescriptor) as OperationLinks. */
export type Described<T> = T extends () => OperationDescriptor
  ? OperationLink
  : T extends OperationDescriptor
    ? OperationLink
    : T extends (...args: never[]) => unknown
      ? RuntimeFunction
      : T extends readonly (infer U)[]
        ? ReadonlyArray<Described<U>>
        : T extends object
          ? { readonly [K in keyof T]: Described<T[K]> }
          : T;

export type DescribedOperation = { readonly [K in keyof OperationDescriptor]: Described<OperationDescriptor[K]> };
export type DescribedSSE = NonNullable<DescribedOperation['sse']>;
export type DescribedLongRunning = NonNullable<DescribedOperation['longRunning']>;
export type DescribedChunkedUpload = {
  readonly [K in keyof ChunkedUploadDescriptor]: Described<ChunkedUploadDescriptor[K]>;
};
/** The API's configuration; the user agent is the writer's (it names the generator version). */
export type ConfigDescriptor = { readonly [K in keyof Omit<ApiConfig, 'userAgent'>]: Described<ApiConfig[K]> };

/** The descriptor of every operation, by operation pointer, and what links them. */
export interface Links {
  /** The link to the operation with this id, when there is one. */
  to(operationId: string | undefined, lazy?: boolean): OperationLink | undefined;
}

export function linksOf(keys: ReadonlyMap<string, string>): Links {
  return {
    to: (operationId, lazy = true) => {
      const key = operationId === undefined ? undefined : keys.get(operationId);
      return key === undefined || operationId === undefined ? undefined : new OperationLink(operationId, key, lazy);
    },
  };
}
