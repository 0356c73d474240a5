/**
 * Every 4xx/5xx response body uses the provider's error schema (named by
 * `x-specsmith-errors.schema`), directly or through `allOf`, so the client can
 * read code, message and request id from any failure the same way.
 */
import type { Rule, RuleContext } from './types.js';

/** Whether `schema` (written in the file `from`) is the named component or an allOf that includes it. */
function refersTo(schema: unknown, name: string, ctx: RuleContext, from: string | undefined, depth = 0): boolean {
  if (!schema || typeof schema !== 'object' || depth > 8) return false;
  const record = schema as Record<string, unknown>;
  const ref = record['$ref'];
  if (typeof ref === 'string') {
    if (ref.endsWith(`#/components/schemas/${name}`)) return true;
    const target = ctx.resolve(record, from);
    return refersTo(target.node, name, ctx, target.location?.source.absoluteRef ?? from, depth + 1);
  }
  const allOf = record['allOf'];
  return Array.isArray(allOf) && allOf.some((part) => refersTo(part, name, ctx, from, depth + 1));
}

export const errorSchema: Rule = () => {
  let errorSchemaName: string | undefined;
  return {
    Root: {
      enter(root) {
        const errors = root['x-specsmith-errors'];
        const name = errors && typeof errors === 'object' ? (errors as Record<string, unknown>)['schema'] : undefined;
        errorSchemaName = typeof name === 'string' ? name : undefined;
      },
    },
    Responses(responses, ctx) {
      if (!errorSchemaName) return;
      for (const [status, raw] of Object.entries(responses)) {
        if (!/^[45]/.test(status)) continue;
        const resolved = ctx.resolve(raw);
        const response = resolved.node as Record<string, unknown> | undefined;
        const from = resolved.location?.source.absoluteRef ?? ctx.location.source.absoluteRef;
        const content = (response?.['content'] ?? {}) as Record<string, Record<string, unknown>>;
        for (const [mediaType, media] of Object.entries(content)) {
          if (!/json/i.test(mediaType)) continue;
          if (!refersTo(media['schema'], errorSchemaName, ctx, from)) {
            ctx.report({
              message: `${status} response (${mediaType}) must use the error schema "${errorSchemaName}" (by $ref or allOf).`,
              location: ctx.location.child([status]),
            });
          }
        }
      }
    },
  };
};
