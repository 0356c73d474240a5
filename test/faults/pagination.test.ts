/**
 * Listings end against servers that get paging wrong. Through the generated
 * Hot client (offset paging with has_more, total and the echoed limit) on a
 * loopback server: each stop rule ends the listing on its own while the other
 * fields say "more", and `maxPages` caps a server that never stops. Cursor
 * paging (no provider uses it) runs through the runtime against the same
 * server: a repeated cursor ends the listing. Hostile servers are also kept as
 * fixtures (test/fixtures/hostile/pages-waits/), each with its expected outcome.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Hot, HotError, InvalidRequestError, Page } from '../../generated/hot/src/index.js';
import type { OperationDescriptor } from '../../generator/runtime/operation.js';
import { paginate } from '../../generator/runtime/pagination.js';
import { json, startFaultServer, type FaultHandler, type FaultServer } from '../support/fault-server.js';
import { makeCore } from '../unit/runtime/support.js';

const KEY = 'hot_0193a7b212347def8abc123456789012_a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4';
const meta = { request_id: '123e4567-e89b-12d3-a456-426614174000', timestamp: '2024-01-15T10:30:00Z' };
const project = (index: number) => ({
  project_id: `550e8400-e29b-41d4-a716-44665544${String(index).padStart(4, '0')}`,
  env_id: '660e8400-e29b-41d4-a716-446655440000',
  name: `p${index}`,
  active: true,
  created_at: '2024-01-15T10:30:00Z',
  updated_at: '2024-01-15T10:30:00Z',
});
const PROJECTS = Array.from({ length: 7 }, (_, index) => project(index));
const names = (items: readonly { name: string }[]): string[] => items.map((item) => item.name);

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const query = (url: string, name: string): string | null => new URL(url, 'http://loopback').searchParams.get(name);
const offsets = (): (string | null)[] => (server?.requests ?? []).map((request) => query(request.url, 'offset'));

/** A list endpoint over PROJECTS: `page` decides the pagination object of each answer (undefined leaves it out). */
function projects(
  page: (offset: number, limit: number, items: unknown[]) => Record<string, unknown> | undefined,
  pageSize = 3,
): FaultHandler {
  return (request, response) => {
    const offset = Number(query(request.url, 'offset') ?? '0');
    const limit = Number(query(request.url, 'limit') ?? String(pageSize));
    const items = PROJECTS.slice(offset, offset + limit);
    const pagination = page(offset, limit, items);
    json(response, 200, { data: items, ...(pagination ? { pagination } : {}), meta });
  };
}

async function listAll(
  hot: Hot,
  params: { limit?: number; offset?: number } = {},
  maxPages?: number,
): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of hot.projects.list(params, maxPages === undefined ? undefined : { maxPages })) {
    seen.push(item.name);
    // A runaway listing fails the assertions below instead of hanging the suite.
    if (seen.length > 100) break;
  }
  return seen;
}

describe('offset listings end', () => {
  it('on has_more: false (total and page size say nothing)', async () => {
    server = await startFaultServer(projects((offset, limit) => ({ has_more: offset + limit < PROJECTS.length })));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    expect(await listAll(hot, { limit: 3 })).toEqual(names(PROJECTS));
    expect(offsets()).toEqual([null, '3', '6']);
  });

  it('on an empty page although has_more stays true', async () => {
    server = await startFaultServer(projects(() => ({ has_more: true })));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    expect(await listAll(hot, { limit: 3 })).toEqual(names(PROJECTS));
    expect(offsets()).toEqual([null, '3', '6', '7']);
  });

  it('once the offset passes the declared total although has_more stays true (a mock repeating its example)', async () => {
    // Every answer is the same page of two, claiming has_more and a total of 5.
    server = await startFaultServer((_request, response) =>
      json(response, 200, {
        data: PROJECTS.slice(0, 2),
        pagination: { total: 5, limit: 20, offset: 0, has_more: true },
        meta,
      }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    expect(await listAll(hot)).toEqual(['p0', 'p1', 'p0', 'p1', 'p0', 'p1']);
    expect(offsets()).toEqual([null, '2', '4']);
  });

  it('on a page shorter than the requested limit when the server sends no has_more', async () => {
    server = await startFaultServer(projects(() => undefined));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    expect(await listAll(hot, { limit: 3 })).toEqual(names(PROJECTS));
    expect(offsets()).toEqual([null, '3', '6']);
  });

  it('on a page shorter than the page size the server echoes when the call sets no limit', async () => {
    server = await startFaultServer(projects((offset, limit) => ({ limit, offset }), 3));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    expect(await listAll(hot)).toEqual(names(PROJECTS));
    expect(offsets()).toEqual([null, '3', '6']);
    expect(server.requests.map((request) => query(request.url, 'limit'))).toEqual([null, null, null]);
  });

  it('not before: a short page with has_more true is followed', async () => {
    const pages = [PROJECTS.slice(0, 2), PROJECTS.slice(2, 5), PROJECTS.slice(5)];
    server = await startFaultServer((_request, response, index) =>
      json(response, 200, { data: pages[index] ?? [], pagination: { has_more: index < pages.length - 1 }, meta }),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    expect(await listAll(hot, { limit: 3 })).toEqual(names(PROJECTS));
    expect(offsets()).toEqual([null, '2', '5']);
  });
});

describe('maxPages', () => {
  const forever: FaultHandler = (_request, response) =>
    json(response, 200, { data: PROJECTS.slice(0, 3), pagination: { has_more: true }, meta });

  it('caps a server that never stops with HotError naming the operation and the option', async () => {
    server = await startFaultServer(forever);
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const error = await listAll(hot, { limit: 3 }, 5).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HotError);
    expect((error as Error).message).toContain('projects.list');
    expect((error as Error).message).toContain('maxPages');
    expect(server.requests).toHaveLength(5);
  });

  it('.pages() yields the pages up to the cap, then rejects', async () => {
    server = await startFaultServer(forever);
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const pages: Page<unknown>[] = [];
    const error = await (async () => {
      for await (const page of hot.projects.list({ limit: 3 }, { maxPages: 2 }).pages()) pages.push(page);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HotError);
    expect(pages).toHaveLength(2);
    expect(pages[1]?.hasNextPage()).toBe(true);
  });

  it('rejects a maxPages below 1 with InvalidRequestError before any request', async () => {
    server = await startFaultServer(forever);
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    await expect(hot.projects.list({}, { maxPages: 0 })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(0);
  });

  it('getNextPage() after the last page rejects with InvalidRequestError, without a request', async () => {
    server = await startFaultServer(projects((offset, limit) => ({ has_more: offset + limit < PROJECTS.length })));
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const page = await hot.projects.list({ limit: 10 });
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('cursor listings end', () => {
  const listOp: OperationDescriptor = {
    id: 'listThings',
    method: 'get',
    path: '/things',
    query: ['limit', 'after'],
    responses: { 200: { kind: 'json' } },
    pagination: {
      style: 'cursor',
      items: '/items',
      limit: 'limit',
      cursor: 'after',
      nextCursor: '/next',
      hasMore: '/has_more',
    },
  };

  it('on a cursor the server already handed out, although has_more stays true', async () => {
    // The cursors cycle a -> b -> a: the third page would repeat the second.
    const next: Record<string, string> = { '': 'a', a: 'b', b: 'a' };
    server = await startFaultServer((request, response) => {
      const after = query(request.url, 'after') ?? '';
      json(response, 200, { items: [{ id: `after-${after || 'start'}` }], next: next[after], has_more: true });
    });
    const core = makeCore(undefined, { baseUrl: server.url });
    const seen: unknown[] = [];
    for await (const item of paginate<{ id: string }>(core, listOp, [], { limit: 1 })) {
      seen.push(item.id);
      if (seen.length > 100) break;
    }
    expect(seen).toEqual(['after-start', 'after-a', 'after-b']);
    expect(server.requests.map((request) => query(request.url, 'after'))).toEqual([null, 'a', 'b']);
  });
});

interface HostileListing {
  why: string;
  call: { limit?: number; maxPages?: number };
  /** The body of each answer in turn; the last one repeats. */
  answers: unknown[];
  expect: { offsets: (string | null)[]; items: number } | { error: 'HotError'; message: string; requests: number };
}

const HOSTILE = new URL('../fixtures/hostile/pages-waits/', import.meta.url);
const hostile = readdirSync(HOSTILE)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(new URL(name, HOSTILE), 'utf8')) as HostileListing] as const);

describe('hostile listing fixtures', () => {
  it('exist', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(6);
  });

  it.each(hostile)('%s', async (_name, fixture) => {
    server = await startFaultServer((_request, response, index) =>
      json(response, 200, fixture.answers[Math.min(index, fixture.answers.length - 1)]),
    );
    const hot = new Hot({ apiKey: KEY, baseUrl: server.url });
    const { maxPages, ...params } = fixture.call;
    const outcome = await listAll(hot, params, maxPages).catch((caught: unknown) => caught);
    if ('error' in fixture.expect) {
      expect(outcome, fixture.why).toBeInstanceOf(HotError);
      expect((outcome as Error).message).toContain(fixture.expect.message);
      expect(server.requests).toHaveLength(fixture.expect.requests);
    } else {
      expect(Array.isArray(outcome) ? outcome.length : outcome, fixture.why).toBe(fixture.expect.items);
      expect(offsets()).toEqual(fixture.expect.offsets);
    }
  });
});
