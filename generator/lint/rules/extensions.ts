/**
 * Every `x-specsmith-*` extension is known, sits where it may, has the
 * documented shape, and names operations, schemas and webhooks that exist.
 * The checks themselves live in generator/extensions/ and are shared with the
 * generator's validate stage.
 */
import {
  checkExtensionReferences,
  checkExtensions,
  checkParameterExtensions,
  listComponentSchemas,
} from '../../extensions/check.js';
import { parsePointer } from '../../load/json-pointer.js';
import type { Location, Rule } from './types.js';

export const extensions: Rule = () => {
  let root: Record<string, unknown> = {};
  let rootLocation: Location | undefined;
  const operations: Array<{ operation: Record<string, unknown>; location: Location }> = [];
  const report = (
    ctx: { report(problem: { message: string; location?: Location }): void },
    base: Location,
    pointer: string,
    message: string,
  ): void => {
    ctx.report({ message, location: base.child(parsePointer(pointer)) });
  };
  return {
    Root: {
      enter(node, ctx) {
        root = node;
        rootLocation = ctx.location;
        for (const issue of checkExtensions(node, 'root', '')) report(ctx, ctx.location, issue.pointer, issue.message);
        for (const { pointer, schema } of listComponentSchemas(node))
          for (const issue of checkExtensions(schema, 'schema', pointer))
            report(ctx, ctx.location, issue.pointer, issue.message);
      },
      leave(node, ctx) {
        // Cross-references need every operation; the bundle is rebuilt from what the walk saw.
        const paths: Record<string, Record<string, unknown>> = {};
        operations.forEach(({ operation }, index) => {
          paths[`/${index}`] = { get: operation };
        });
        const components = ctx.resolve(node['components']).node as Record<string, unknown> | undefined;
        const document = { ...root, components, paths };
        for (const issue of checkExtensionReferences(document)) {
          const match = /^\/paths\/~1(\d+)\/get(.*)$/.exec(issue.pointer);
          const owner = match ? operations[Number(match[1])] : undefined;
          if (owner && match) report(ctx, owner.location, match[2] ?? '', issue.message);
          else if (rootLocation) report(ctx, rootLocation, issue.pointer, issue.message);
        }
      },
    },
    PathItem(pathItem, ctx) {
      for (const issue of checkExtensions(pathItem, 'path-item', ''))
        report(ctx, ctx.location, issue.pointer, issue.message);
    },
    Operation(operation, ctx) {
      operations.push({ operation, location: ctx.location });
      for (const issue of checkExtensions(operation, 'operation', ''))
        report(ctx, ctx.location, issue.pointer, issue.message);
    },
    Parameter(parameter, ctx) {
      for (const issue of checkParameterExtensions(parameter, ''))
        report(ctx, ctx.location, issue.pointer, issue.message);
    },
    Tag(tag, ctx) {
      for (const issue of checkExtensions(tag, 'tag', '')) report(ctx, ctx.location, issue.pointer, issue.message);
    },
  };
};
