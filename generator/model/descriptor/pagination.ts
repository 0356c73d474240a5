/** `x-specsmith-pagination`: where a page's items, cursor and counts are, and which params turn the page. */
import type { SourceOperation } from '../read/document.js';
import { text } from '../read/document.js';
import type { DescribedOperation } from './types.js';

export function paginationDescriptor(operation: SourceOperation): DescribedOperation['pagination'] {
  const pagination = operation.operation['x-specsmith-pagination'];
  if (!pagination) return undefined;
  return {
    style: pagination.style,
    items: pagination.items,
    limit: text(pagination.limit),
    offset: text(pagination.offset),
    page: text(pagination.page),
    cursor: text(pagination.cursor),
    nextCursor: text(pagination.nextCursor),
    hasMore: text(pagination.hasMore),
    total: text(pagination.total),
    pageSize: text(pagination.pageSize),
  };
}
