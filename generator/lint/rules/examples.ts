/**
 * Every response body, request body and parameter carries an example: Prism
 * serves them, the docs show them, and the contract tests call each operation
 * with them.
 */
import type { Rule, RuleContext } from './types.js';

function hasExample(node: Record<string, unknown>): boolean {
  if (node['example'] !== undefined) return true;
  const examples = node['examples'];
  return (
    examples !== undefined && examples !== null && typeof examples === 'object' && Object.keys(examples).length > 0
  );
}

function schemaHasExample(schema: unknown, ctx: RuleContext): boolean {
  const resolved = ctx.resolve(schema).node;
  if (!resolved || typeof resolved !== 'object') return false;
  const record = resolved as Record<string, unknown>;
  return (
    record['example'] !== undefined ||
    (Array.isArray(record['examples']) && record['examples'].length > 0) ||
    record['const'] !== undefined ||
    (Array.isArray(record['enum']) && record['enum'].length > 0) ||
    record['default'] !== undefined
  );
}

export const examples: Rule = () => ({
  Parameter(parameter, ctx) {
    if (!hasExample(parameter) && !schemaHasExample(parameter['schema'], ctx)) {
      ctx.report({ message: `Parameter "${String(parameter['name'])}" must have an example.`, location: ctx.location });
    }
  },
  MediaType(mediaType, ctx) {
    if (mediaType['schema'] === undefined) return;
    if (!hasExample(mediaType)) {
      ctx.report({
        message: 'Media type must have an example (Prism serves it, docs show it).',
        location: ctx.location,
      });
    }
  },
});
