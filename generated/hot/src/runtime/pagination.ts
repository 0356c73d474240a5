// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Pages of a list operation, driven by `x-specsmith-pagination`. `await` a
 * list call for its first page; `for await` over the call for every item of
 * every page; `.pages()` for page by page.
 *
 * A page is the last one when any of these says so (none of them alone can be
 * trusted: mock servers such as Prism repeat one example forever, with
 * `has_more: true`, and real servers get paging fields wrong):
 * - `has_more` is false;
 * - the page is empty;
 * - the items read so far reach the declared `total`;
 * - there is no `has_more` and the page is shorter than the page size (the
 *   requested limit, else the size the body echoes);
 * - cursor paging: there is no next cursor, or it is one already followed.
 * Beyond those, `maxPages` caps a runaway listing with a typed error.
 */
import { APIPromise, type APIResponse, type Exchange } from './api-promise.js';
import type { RequestOptions } from './config.js';
import type { ClientCore, Sent } from './core.js';
import { operationLabel, type OperationDescriptor, type PaginationDescriptor } from './operation.js';
import { getAtPointer } from './pointer.js';
import { unwrapValues } from './unwrap-values.js';

type Params = Record<string, unknown> | undefined;

/** The default of `maxPages`: far more than any listing a client should walk, but finite. */
export const DEFAULT_MAX_PAGES = 10_000;

export interface PageOptions extends RequestOptions {
  /**
   * Most pages one listing may fetch, the first included (default 10 000).
   * Asking for the page after it rejects with the client's base error class.
   */
  maxPages?: number;
}

/** Where a page sits in its listing: what the stop rules need from the pages before it. */
interface Position {
  /** 1 for the page the call asked for. */
  number: number;
  /** Items on the pages before this one, in this listing. */
  itemsBefore: number;
  /** Cursors already sent in this listing. */
  cursors: ReadonlySet<string>;
}

export class Page<Item> implements AsyncIterable<Item> {
  readonly items: Item[];
  /** Total number of items across all pages, when the API says. */
  readonly total: number | undefined;
  readonly response: Response;
  readonly #next: Params | undefined;
  readonly #fetchNext: (params: Params) => PagePromise<Item>;
  readonly #lastPage: () => Error;

  constructor(
    items: Item[],
    total: number | undefined,
    response: Response,
    next: Params | undefined,
    fetchNext: (params: Params) => PagePromise<Item>,
    lastPage: () => Error,
  ) {
    this.items = items;
    this.total = total;
    this.response = response;
    this.#next = next;
    this.#fetchNext = fetchNext;
    this.#lastPage = lastPage;
  }

  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  /** The following page; rejects (invalid request) when this is the last one. */
  getNextPage(): PagePromise<Item> {
    if (this.#next === undefined) return new PagePromise<Item>(Promise.reject(this.#lastPage()));
    return this.#fetchNext(this.#next);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of iteratePages<Item>(this)) yield* page.items;
  }
}

async function* iteratePages<Item>(first: Page<Item>): AsyncGenerator<Page<Item>> {
  let page = first;
  for (;;) {
    yield page;
    if (!page.hasNextPage()) return;
    page = await page.getNextPage();
  }
}

export class PagePromise<Item> extends APIPromise<Page<Item>> implements AsyncIterable<Item> {
  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this;
  }

  /** Every page in turn, starting with this one. */
  async *pages(): AsyncGenerator<Page<Item>> {
    yield* iteratePages(await this);
  }
}

function asNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function asCursor(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** The params of the page after this one, or undefined when this page is the last. */
function nextParams(
  spec: PaginationDescriptor,
  params: Params,
  body: unknown,
  count: number,
  position: Position,
): Params | undefined {
  if (count === 0) return undefined;
  const hasMore = spec.hasMore ? getAtPointer(body, spec.hasMore) : undefined;
  if (hasMore === false) return undefined;
  const requested = spec.limit ? asNumber(params?.[spec.limit]) : undefined;
  const pageSize = requested ?? (spec.pageSize ? asNumber(getAtPointer(body, spec.pageSize)) : undefined);
  // Only a server that does not say whether more follow is judged by a short page: one that says so may page unevenly.
  if (hasMore !== true && pageSize !== undefined && count < pageSize) return undefined;
  const total = spec.total ? asNumber(getAtPointer(body, spec.total)) : undefined;
  switch (spec.style) {
    case 'offset': {
      const key = spec.offset ?? 'offset';
      const offset = (asNumber(params?.[key]) ?? 0) + count;
      if (total !== undefined && offset >= total) return undefined;
      return { ...params, [key]: offset };
    }
    case 'page': {
      const key = spec.page ?? 'page';
      const page = asNumber(params?.[key]) ?? 1;
      const read = pageSize !== undefined ? (page - 1) * pageSize + count : position.itemsBefore + count;
      if (total !== undefined && read >= total) return undefined;
      return { ...params, [key]: page + 1 };
    }
    case 'cursor': {
      if (total !== undefined && position.itemsBefore + count >= total) return undefined;
      const cursor = asCursor(spec.nextCursor ? getAtPointer(body, spec.nextCursor) : undefined);
      const key = spec.cursor ?? 'cursor';
      // A cursor already followed would walk the same pages again (RFC-less, but every cursor API means "after this").
      if (cursor === undefined || position.cursors.has(cursor) || asCursor(params?.[key]) === cursor) return undefined;
      return { ...params, [key]: cursor };
    }
  }
}

function maxPagesOf(core: ClientCore, op: OperationDescriptor, options: PageOptions | undefined): number {
  const max = options?.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(max) || max < 1)
    throw new core.errors.invalidRequest(
      `${operationLabel(op)}: maxPages must be a whole number of at least 1 (got ${String(options?.maxPages)})`,
    );
  return max;
}

/** Calls a paginated list operation. */
export function paginate<Item>(
  core: ClientCore,
  op: OperationDescriptor,
  pathArgs: readonly unknown[],
  params: Params,
  options?: PageOptions,
): PagePromise<Item> {
  if (!op.pagination) throw new core.errors.invalidRequest(`${operationLabel(op)} is not paginated`);
  let maxPages: number;
  try {
    maxPages = maxPagesOf(core, op, options);
  } catch (error) {
    return new PagePromise<Item>(Promise.reject(error));
  }
  const { maxPages: _maxPages, ...request } = options ?? {};
  return fetchPage<Item>(core, op, op.pagination, pathArgs, params, request, maxPages, {
    number: 1,
    itemsBefore: 0,
    cursors: new Set(),
  });
}

function fetchPage<Item>(
  core: ClientCore,
  op: OperationDescriptor,
  spec: PaginationDescriptor,
  pathArgs: readonly unknown[],
  params: Params,
  options: RequestOptions,
  maxPages: number,
  position: Position,
): PagePromise<Item> {
  if (position.number > maxPages) {
    const error = new core.errors.base(
      `${operationLabel(op)}: stopped after ${maxPages} pages (the maxPages option) while the server still reported more; pass a higher { maxPages } to list further`,
    );
    return new PagePromise<Item>(Promise.reject(error));
  }
  const read = async (sent: Sent): Promise<APIResponse<Page<Item>>> => {
    const result = await core.read<unknown>({ ...op, responses: { [sent.response.status]: { kind: 'json' } } }, sent);
    // A page reads the whole body; `x-specsmith-unwrap` values sit inside the envelope's data (an array: never its root).
    const listed = op.responses[sent.response.status];
    if (listed?.values)
      unwrapValues(listed.unwrap ? getAtPointer(result.data, listed.unwrap) : result.data, listed.values);
    const items = getAtPointer(result.data, spec.items);
    if (!Array.isArray(items))
      throw core.invalidResponse(op, sent.response, result.data, `has no item array at ${spec.items}`);
    const total = spec.total ? asNumber(getAtPointer(result.data, spec.total)) : undefined;
    const next = nextParams(spec, params, result.data, items.length, position);
    const sentCursor = spec.style === 'cursor' ? asCursor(params?.[spec.cursor ?? 'cursor']) : undefined;
    const following: Position = {
      number: position.number + 1,
      itemsBefore: position.itemsBefore + items.length,
      cursors: sentCursor === undefined ? position.cursors : new Set([...position.cursors, sentCursor]),
    };
    const fetchNext = (nextPage: Params): PagePromise<Item> =>
      fetchPage<Item>(core, op, spec, pathArgs, nextPage, options, maxPages, following);
    const lastPage = (): Error =>
      new core.errors.invalidRequest(
        `${operationLabel(op)}: this is the last page; check hasNextPage() before getNextPage()`,
      );
    const page = new Page<Item>(items as Item[], total, sent.response, next, fetchNext, lastPage);
    return { ...result, data: page };
  };
  const exchange: Promise<Exchange<Page<Item>>> = core.exchange(op, pathArgs, params, options, read);
  return new PagePromise<Item>(exchange);
}
