/** How the request body is encoded and where the caller's params hold it. */
import type { SourceBody } from '../read/media.js';
import type { MethodArguments } from '../surface/arguments.js';
import { RuntimeFunction, type DescribedOperation } from './types.js';

/** The runtime's encoder of each body kind but JSON (runtime/request-body.ts), which the runtime encodes itself. */
const ENCODERS = {
  multipart: 'encodeMultipart',
  form: 'encodeForm',
  text: 'encodeText',
  binary: 'encodeBinary',
} as const;

export function bodyDescriptor(body: SourceBody | undefined, args: MethodArguments): DescribedOperation['body'] {
  if (!body) return undefined;
  // `body` is the runtime's default key; only another one is written.
  return {
    kind: body.kind,
    type: body.mediaType,
    flat: args.flatBody,
    required: body.required || undefined,
    param: args.bodyParam === 'body' ? undefined : args.bodyParam,
    encode: body.kind === 'json' ? undefined : new RuntimeFunction(ENCODERS[body.kind], 'request-body'),
  };
}
