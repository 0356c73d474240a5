/**
 * Every operation names itself (operationId), sits under exactly one tag (the
 * client resource it becomes) and says what it does (summary, description),
 * because the generator and the docs build on all four.
 */
import type { Rule } from './types.js';

export const operationBasics: Rule = () => ({
  Operation(operation, ctx) {
    if (typeof operation['operationId'] !== 'string' || operation['operationId'] === '') {
      ctx.report({
        message: 'Operation must have an operationId (it names the client method).',
        location: ctx.location,
      });
    }
    const tags = operation['tags'];
    if (!Array.isArray(tags) || tags.length !== 1) {
      ctx.report({
        message: 'Operation must have exactly one tag (it names the client resource).',
        location: ctx.location.child('tags'),
      });
    }
    for (const field of ['summary', 'description']) {
      if (typeof operation[field] !== 'string' || (operation[field] as string).trim() === '') {
        ctx.report({ message: `Operation must have a ${field}.`, location: ctx.location });
      }
    }
  },
});
