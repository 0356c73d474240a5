import { describe, expect, it } from 'vitest';
import type { OperationDescriptor, PaginationDescriptor } from '../../../generator/runtime/operation.js';
import { Page, paginate, PagePromise } from '../../../generator/runtime/pagination.js';
import {
  AcmeError,
  collect,
  InvalidRequestError,
  InvalidResponseError,
  json,
  makeCore,
  NotFoundError,
  rejectionOf,
  script,
} from './support.js';

interface Item {
  id: string;
}

const ITEMS: Item[] = Array.from({ length: 7 }, (_, index) => ({ id: `p${index}` }));
const ids = (items: readonly Item[]): string[] => items.map((item) => item.id);

function listOp(
  pagination: PaginationDescriptor,
  query: string[] = ['limit', 'offset', 'status'],
): OperationDescriptor {
  return {
    id: 'listProjects',
    method: 'get',
    path: '/orgs/{org}/projects',
    pathParams: ['org'],
    query,
    responses: { 200: { kind: 'json', unwrap: '/data' } },
    pagination,
  };
}

const offsetOp = listOp({
  style: 'offset',
  items: '/data',
  limit: 'limit',
  offset: 'offset',
  hasMore: '/pagination/has_more',
  total: '/pagination/total',
});

/** An offset-paged list endpoint over ITEMS, reporting has_more and/or total as asked. */
function offsetServer(report: { hasMore?: 'truthful' | 'always-true'; total?: boolean }) {
  return (request: Request): Response => {
    const url = new URL(request.url);
    const limit = Number(url.searchParams.get('limit') ?? '3');
    const offset = Number(url.searchParams.get('offset') ?? '0');
    const pagination: Record<string, unknown> = {};
    if (report.hasMore === 'truthful') pagination['has_more'] = offset + limit < ITEMS.length;
    if (report.hasMore === 'always-true') pagination['has_more'] = true;
    if (report.total) pagination['total'] = ITEMS.length;
    return json(200, { data: ITEMS.slice(offset, offset + limit), pagination });
  };
}

const param = (request: Request | undefined, name: string): string | null =>
  new URL(request?.url ?? '').searchParams.get(name);

describe('offset pagination', () => {
  it('iterates every item across pages until has_more is false', async () => {
    const s = script(offsetServer({ hasMore: 'truthful', total: true }));
    const items = await collect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3, status: 'active' }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'offset'))).toEqual([null, '3', '6']);
    // every page keeps the other parameters and the path
    for (const request of s.requests) {
      expect(param(request, 'limit')).toBe('3');
      expect(param(request, 'status')).toBe('active');
      expect(new URL(request.url).pathname).toBe('/v1/orgs/acme/projects');
    }
  });

  it('.pages() yields each page with its items and the total', async () => {
    const s = script(offsetServer({ hasMore: 'truthful', total: true }));
    const pages = await collect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }).pages());
    expect(pages.map((page) => ids(page.items))).toEqual([['p0', 'p1', 'p2'], ['p3', 'p4', 'p5'], ['p6']]);
    expect(pages.map((page) => page.total)).toEqual([7, 7, 7]);
    expect(pages.map((page) => page.hasNextPage())).toEqual([true, true, false]);
    expect(pages[0]?.response).toBeInstanceOf(Response);
  });

  it('await gives the first page only', async () => {
    const s = script(offsetServer({ hasMore: 'truthful', total: true }));
    const promise = paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 });
    expect(promise).toBeInstanceOf(PagePromise);
    const page = await promise;
    expect(page).toBeInstanceOf(Page);
    expect(ids(page.items)).toEqual(['p0', 'p1', 'p2']);
    expect(page.hasNextPage()).toBe(true);
    expect(s.requests).toHaveLength(1);

    const second = await page.getNextPage();
    expect(ids(second.items)).toEqual(['p3', 'p4', 'p5']);
    expect(s.requests).toHaveLength(2);
  });

  it('iterating a Page continues from that page', async () => {
    const s = script(offsetServer({ hasMore: 'truthful' }));
    const second = await (await paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 })).getNextPage();
    const items = await collect(second);
    expect(ids(items)).toEqual(['p3', 'p4', 'p5', 'p6']);
  });

  it('throws when asked for the page after the last', async () => {
    const s = script(offsetServer({ hasMore: 'truthful' }));
    const page = await paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 10 });
    expect(ids(page.items)).toEqual(ids(ITEMS));
    expect(page.hasNextPage()).toBe(false);
    const error = await rejectionOf(page.getNextPage());
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/^listProjects: this is the last page; check hasNextPage\(\)/);
    expect(s.requests).toHaveLength(1);
  });

  it('stops on an empty page even when the server keeps saying has_more', async () => {
    const s = script(offsetServer({ hasMore: 'always-true' }));
    const items: Item[] = [];
    for await (const page of paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }).pages()) {
      items.push(...page.items);
      if (s.requests.length > 10) break; // a runaway pager fails below instead of hanging
    }
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'offset'))).toEqual([null, '3', '6', '7']);
  });

  it('stops once the offset reaches the total when there is no has_more', async () => {
    const s = script(offsetServer({ total: true }));
    const items = await collect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests).toHaveLength(3);
  });

  it('stops on a short page when there is neither has_more nor total', async () => {
    const s = script(offsetServer({}));
    const items = await collect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests).toHaveLength(3);
  });

  it('rejects a page without the item array', async () => {
    const s = script(json(200, { results: [] }));
    await expect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], {})).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  it('surfaces an error from a later page in the for-await', async () => {
    const s = script(
      json(200, { data: ITEMS.slice(0, 3), pagination: { has_more: true } }),
      json(404, { error: { message: 'org deleted' } }),
    );
    const seen: Item[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 })) seen.push(item);
      })(),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(ids(seen)).toEqual(['p0', 'p1', 'p2']);
  });

  it('refuses an operation that is not paginated', () => {
    const { pagination: _, ...plain } = offsetOp;
    expect(() => paginate(makeCore(script(json(200, {})).fetch), plain, ['acme'], {})).toThrow(InvalidRequestError);
  });

  it('stops once the offset reaches the total although has_more stays true (a mock repeating its example)', async () => {
    const s = script(offsetServer({ hasMore: 'always-true', total: true }));
    const items = await collect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'offset'))).toEqual([null, '3', '6']);
  });

  it('judges a short page by the page size the body echoes when the call sets no limit', async () => {
    const echoOp = listOp({
      style: 'offset',
      items: '/data',
      limit: 'limit',
      offset: 'offset',
      pageSize: '/pagination/limit',
    });
    // the server's own page size is 3; it reports neither has_more nor total
    const s = script((request) => {
      const offset = Number(param(request, 'offset') ?? '0');
      return json(200, { data: ITEMS.slice(offset, offset + 3), pagination: { limit: 3 } });
    });
    const items = await collect(paginate<Item>(makeCore(s.fetch), echoOp, ['acme'], {}));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'offset'))).toEqual([null, '3', '6']);
  });

  it('does not stop on a short page while has_more says more follow', async () => {
    // pages of 2, 3 and 2 items for a requested limit of 3
    const pages = [ITEMS.slice(0, 2), ITEMS.slice(2, 5), ITEMS.slice(5)];
    const s = script(
      ...pages.map((data, index) => json(200, { data, pagination: { has_more: index < pages.length - 1 } })),
    );
    const items = await collect(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'offset'))).toEqual([null, '2', '5']);
  });

  it('rejects the page after maxPages with the base error class, naming the operation and the option', async () => {
    const s = script(() => json(200, { data: ITEMS.slice(0, 3), pagination: { has_more: true } }));
    const seen: Item[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }, { maxPages: 4 }))
          seen.push(item);
      })(),
    );
    expect(error).toBeInstanceOf(AcmeError);
    expect(error).not.toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toBe(
      'listProjects: stopped after 4 pages (the maxPages option) while the server still reported more; pass a higher { maxPages } to list further',
    );
    expect(s.requests).toHaveLength(4);
    expect(seen).toHaveLength(12);
  });

  it('does not send maxPages to the server', async () => {
    const s = script(offsetServer({ hasMore: 'truthful' }));
    await paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }, { maxPages: 2 });
    expect(new URL(s.requests[0]?.url ?? '').searchParams.has('maxPages')).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxPages %s with InvalidRequestError before sending', async (maxPages) => {
    const s = script(offsetServer({ hasMore: 'truthful' }));
    const error = await rejectionOf(paginate<Item>(makeCore(s.fetch), offsetOp, ['acme'], { limit: 3 }, { maxPages }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toContain('maxPages');
    expect(s.requests).toHaveLength(0);
  });
});

describe('cursor pagination', () => {
  const cursorOp = listOp(
    { style: 'cursor', items: '/items', limit: 'limit', cursor: 'after', nextCursor: '/next', hasMore: '/has_more' },
    ['limit', 'after'],
  );
  // cursors are opaque tokens standing for the offset of the next page
  const token = (offset: number): string => `tok_${offset * 7}`;
  const offsetOf = (cursor: string | null): number => (cursor === null ? 0 : Number(cursor.slice(4)) / 7);

  function cursorServer(lastCursor: 'null' | 'empty' | 'has_more_false') {
    return (request: Request): Response => {
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit') ?? '3');
      const offset = offsetOf(url.searchParams.get('after'));
      const end = offset + limit >= ITEMS.length;
      const body: Record<string, unknown> = { items: ITEMS.slice(offset, offset + limit) };
      if (!end) body['next'] = token(offset + limit);
      else if (lastCursor === 'null') body['next'] = null;
      else if (lastCursor === 'empty') body['next'] = '';
      else body['next'] = token(offset + limit); // a cursor, but has_more says stop
      if (lastCursor === 'has_more_false') body['has_more'] = !end;
      return json(200, body);
    };
  }

  it('stops when the server hands back a cursor it already gave', async () => {
    // the third page's cursor points back at the second page
    const s = script(
      json(200, { items: ITEMS.slice(0, 3), next: 'c1' }),
      json(200, { items: ITEMS.slice(3, 6), next: 'c2' }),
      json(200, { items: ITEMS.slice(6), next: 'c1' }),
    );
    const items = await collect(paginate<Item>(makeCore(s.fetch), cursorOp, ['acme'], { limit: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'after'))).toEqual([null, 'c1', 'c2']);
  });

  it('stops when the next cursor is the one just sent', async () => {
    const s = script(
      json(200, { items: ITEMS.slice(0, 3), next: 'c1', has_more: true }),
      json(200, { items: ITEMS.slice(3, 6), next: 'c1', has_more: true }),
    );
    const items = await collect(paginate<Item>(makeCore(s.fetch), cursorOp, ['acme'], { limit: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS.slice(0, 6)));
    expect(s.requests).toHaveLength(2);
  });

  it.each(['null', 'empty', 'has_more_false'] as const)(
    'follows next cursors until the last page (%s)',
    async (lastCursor) => {
      const s = script(cursorServer(lastCursor));
      const items = await collect(paginate<Item>(makeCore(s.fetch), cursorOp, ['acme'], { limit: 3 }));
      expect(ids(items)).toEqual(ids(ITEMS));
      expect(s.requests.map((request) => param(request, 'after'))).toEqual([null, token(3), token(6)]);
    },
  );
});

describe('page-number pagination', () => {
  const pageOp = listOp({ style: 'page', items: '/results', limit: 'per_page', page: 'page', hasMore: '/more' }, [
    'per_page',
    'page',
  ]);

  function pageServer(reportMore: boolean) {
    return (request: Request): Response => {
      const url = new URL(request.url);
      const perPage = Number(url.searchParams.get('per_page') ?? '3');
      const page = Number(url.searchParams.get('page') ?? '1');
      const start = (page - 1) * perPage;
      const body: Record<string, unknown> = { results: ITEMS.slice(start, start + perPage) };
      if (reportMore) body['more'] = start + perPage < ITEMS.length;
      return json(200, body);
    };
  }

  it('counts pages from 1 and stops when has_more is false', async () => {
    const s = script(pageServer(true));
    const items = await collect(paginate<Item>(makeCore(s.fetch), pageOp, ['acme'], { per_page: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'page'))).toEqual([null, '2', '3']);
  });

  it('stops on a short page when there is no has_more', async () => {
    const s = script(pageServer(false));
    const items = await collect(paginate<Item>(makeCore(s.fetch), pageOp, ['acme'], { per_page: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests).toHaveLength(3);
  });

  it('stops at the declared total although the server keeps saying more', async () => {
    const totalOp = listOp(
      { style: 'page', items: '/results', limit: 'per_page', page: 'page', hasMore: '/more', total: '/count' },
      ['per_page', 'page'],
    );
    const s = script((request) => {
      const page = Number(param(request, 'page') ?? '1');
      return json(200, { results: ITEMS.slice((page - 1) * 3, page * 3), more: true, count: ITEMS.length });
    });
    const items = await collect(paginate<Item>(makeCore(s.fetch), totalOp, ['acme'], { per_page: 3 }));
    expect(ids(items)).toEqual(ids(ITEMS));
    expect(s.requests.map((request) => param(request, 'page'))).toEqual([null, '2', '3']);
  });

  it('starts from the page the caller asks for', async () => {
    const s = script(pageServer(true));
    const items = await collect(paginate<Item>(makeCore(s.fetch), pageOp, ['acme'], { per_page: 3, page: 2 }));
    expect(ids(items)).toEqual(['p3', 'p4', 'p5', 'p6']);
    expect(s.requests.map((request) => param(request, 'page'))).toEqual(['2', '3']);
  });
});
