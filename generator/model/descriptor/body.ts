/** How the request body is encoded and where the caller's params hold it. */
import type { SourceBody } from '../read/media.js';
import type { MethodArguments } from '../surface/arguments.js';
import type { DescribedOperation } from './types.js';

export function bodyDescriptor(body: SourceBody | undefined, args: MethodArguments): DescribedOperation['body'] {
  if (!body) return undefined;
  // `body` is the runtime's default key; only another one is written.
  return {
    kind: body.kind,
    type: body.mediaType,
    flat: args.flatBody,
    required: body.required || undefined,
    param: args.bodyParam === 'body' ? undefined : args.bodyParam,
  };
}
