/**
 * Resources: one per tag (the operation's first tag, else its path's first
 * word), in the order operations first name them. Each becomes a client
 * property and a module file.
 */
import { camelCase, memberName, NameScope, RESERVED_MEMBERS, words } from '../naming.js';
import { text, type SourceOperation, type Spec } from '../read/document.js';
import type { TagObject } from '../read/openapi-types.js';
import type { Rename } from '../types.js';
import { CLIENT_MEMBERS } from './client-name.js';

export interface ResourceSurface {
  tag: string;
  /** Property on the client (`serviceKeys`). */
  property: string;
  /** Module file name without extension (`service-keys`). */
  fileName: string;
  description: string | undefined;
  /** Its operations, in document order. */
  operationIds: string[];
}

export function buildResources(
  spec: Spec,
  operations: readonly SourceOperation[],
): { resources: ResourceSurface[]; renames: Rename[] } {
  const tags = new Map<string, TagObject>();
  for (const tag of Array.isArray(spec.api.tags) ? spec.api.tags : [])
    if (tag !== null && typeof tag === 'object' && typeof tag.name === 'string') tags.set(tag.name, tag);
  const properties = new NameScope(CLIENT_MEMBERS);
  const files = new NameScope(['index', 'client', 'errors', 'types', 'schema', 'operations', 'webhooks']);
  const renames: Rename[] = [];
  const order = [...new Set(operations.map((operation) => operation.tag))];
  const resources = order.map((tagName): ResourceSurface => {
    const tag = tags.get(tagName);
    const wanted = text(tag?.['x-specsmith-resource']) ?? camelCase(tagName);
    const property = properties.claim(memberName(wanted, 'default'));
    if (property !== wanted)
      renames.push({
        subject: `the resource of tag ${JSON.stringify(tagName)}`,
        wanted,
        name: property,
        reason:
          RESERVED_MEMBERS.has(wanted) || CLIENT_MEMBERS.includes(wanted)
            ? 'reserved'
            : memberName(wanted, 'default') !== wanted
              ? 'not-identifier'
              : 'taken',
      });
    return {
      tag: tagName,
      property,
      fileName: files.claim(words(property).join('-') || 'default'),
      description: text(tag?.description),
      operationIds: operations
        .filter((operation) => operation.tag === tagName)
        .map((operation) => operation.operationId),
    };
  });
  return { resources, renames };
}
