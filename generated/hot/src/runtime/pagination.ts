/**
 * Pages of a list operation, driven by `x-specsmith-pagination`. `await` a
 * list call for its first page; `for await` over the call for every item of
 * every page; `.pages()` for page by page.
 */
import { APIPromise, type APIResponse, type Exchange } from './api-promise.js';
import type { RequestOptions } from './config.js';
import type { ClientCore, Sent } from './core.js';
import type { OperationSpec, PaginationSpec } from './operation.js';
import { getAtPointer } from './pointer.js';

type Params = Record<string, unknown> | undefined;

export class Page<Item> implements AsyncIterable<Item> {
  readonly items: Item[];
  /** Total number of items across all pages, when the API says. */
  readonly total: number | undefined;
  readonly response: Response;
  readonly #next: Params | undefined;
  readonly #fetchNext: (params: Params) => PagePromise<Item>;

  constructor(items: Item[], total: number | undefined, response: Response, next: Params | undefined, fetchNext: (params: Params) => PagePromise<Item>) {
    this.items = items;
    this.total = total;
    this.response = response;
    this.#next = next;
    this.#fetchNext = fetchNext;
  }

  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  /** The following page; throws when this is the last one. */
  getNextPage(): PagePromise<Item> {
    if (this.#next === undefined) throw new Error('this is the last page: check hasNextPage() first');
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
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** The params of the page after this one, or undefined when this page is the last. */
function nextParams(spec: PaginationSpec, params: Params, body: unknown, count: number): Params | undefined {
  if (count === 0) return undefined;
  const hasMore = spec.hasMore ? getAtPointer(body, spec.hasMore) : undefined;
  if (hasMore === false) return undefined;
  const limit = spec.limit ? asNumber(params?.[spec.limit]) : undefined;
  const total = spec.total ? asNumber(getAtPointer(body, spec.total)) : undefined;
  switch (spec.style) {
    case 'cursor': {
      const cursor = spec.nextCursor ? getAtPointer(body, spec.nextCursor) : undefined;
      return cursor === undefined || cursor === null || cursor === '' ? undefined : { ...params, [spec.cursor ?? 'cursor']: cursor };
    }
    case 'page': {
      const key = spec.page ?? 'page';
      const page = asNumber(params?.[key]) ?? 1;
      if (hasMore === undefined && limit !== undefined && count < limit) return undefined;
      return { ...params, [key]: page + 1 };
    }
    case 'offset': {
      const key = spec.offset ?? 'offset';
      const offset = (asNumber(params?.[key]) ?? 0) + count;
      if (hasMore === undefined && total !== undefined && offset >= total) return undefined;
      if (hasMore === undefined && total === undefined && limit !== undefined && count < limit) return undefined;
      return { ...params, [key]: offset };
    }
  }
}

/** Calls a paginated list operation. */
export function paginate<Item>(core: ClientCore, op: OperationSpec, pathArgs: readonly unknown[], params: Params, options?: RequestOptions): PagePromise<Item> {
  const spec = op.pagination;
  if (!spec) throw new Error(`${op.id} is not paginated`);
  const read = async (sent: Sent): Promise<APIResponse<Page<Item>>> => {
    const result = await core.read<unknown>({ ...op, responses: { [sent.response.status]: { kind: 'json' } } }, sent);
    const items = getAtPointer(result.data, spec.items);
    if (!Array.isArray(items)) throw core.invalidResponse(op.id, sent.response, result.data, `has no item array at ${spec.items}`);
    const total = spec.total ? asNumber(getAtPointer(result.data, spec.total)) : undefined;
    const next = nextParams(spec, params, result.data, items.length);
    const page = new Page<Item>(items as Item[], total, sent.response, next, (nextPage) => paginate<Item>(core, op, pathArgs, nextPage, options));
    return { ...result, data: page };
  };
  const exchange: Promise<Exchange<Page<Item>>> = core.exchange(op, pathArgs, params, options, read);
  return new PagePromise<Item>(exchange);
}
