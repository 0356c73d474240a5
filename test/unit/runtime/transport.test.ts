/**
 * The transport builds the same URL openapi-fetch would (its own serializers
 * are the reference), including the fast path for plain path parameters.
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { requestUrl } from '../../../generator/runtime/url.js';

const reference = (path: string, pathParams: Record<string, unknown>, query: Record<string, unknown>): string =>
  createFinalURL(path, {
    baseUrl: 'https://api.test',
    params: { path: pathParams, query },
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });

describe('requestUrl matches openapi-fetch', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['/v1/projects', {}, {}],
    ['/v1/projects/{id}', { id: 'my-project' }, {}],
    ['/v1/files/upload/{path}', { path: 'reports/2026/summary q&a.csv' }, {}],
    [
      '/repos/{owner}/{repo}/issues/{issue_number}',
      { owner: 'o', repo: 'r.js', issue_number: 42 },
      { state: 'open', per_page: 10 },
    ],
    ['/things/{id}/flag', { id: true }, { tags: ['a', 'b c'], filter: { status: 'x' } }],
    ['/unicode/{name}', { name: 'Übersicht ☃' }, { q: 'a+b=c' }],
    ['/label/{.id}', { id: 5 }, {}],
    ['/matrix/{;id}', { id: 5 }, {}],
    ['/exploded/{ids*}', { ids: [1, 2] }, {}],
    ['/array/{ids}', { ids: [1, 2] }, {}],
    ['/object/{point}', { point: { x: 1, y: 2 } }, {}],
    ['/empty-query/{id}', { id: 'x' }, { skipped: undefined, alsoSkipped: null }],
    ['/label-exploded/{.ids*}', { ids: [1, 'a b'] }, {}],
    ['/label-list/{.ids}', { ids: [1, 2] }, {}],
    ['/matrix-exploded/{;ids*}', { ids: [1, 2] }, {}],
    ['/matrix-list/{;ids}', { ids: [1, 2] }, {}],
    ['/matrix-object/{;point}', { point: { x: 1, y: 'a/b' } }, {}],
    ['/matrix-object-exploded/{;point*}', { point: { x: 1, y: 2 } }, {}],
    ['/label-object-exploded/{.point*}', { point: { x: 1, y: 2 } }, {}],
    ['/object-exploded/{point*}', { point: { x: 1, y: 2 } }, {}],
    ['/missing/{id}/and/{other}', { id: 'x' }, {}],
    ['/null/{id}', { id: null }, {}],
    ['/query', {}, { empty: [], holes: [1, null, 2], filter: { a: 'x y', b: null, c: 3 }, n: 0, f: false }],
    ['/query-order', {}, { z: 'last?', a: ['&', '='], 'weird name': 'v' }],
  ])('%s', (path, pathParams, query) => {
    expect(requestUrl({ baseUrl: 'https://api.test', path, pathParams, query })).toBe(
      reference(path, pathParams, query),
    );
  });
});
