/**
 * Method names, resources and `ops` keys as the model decides them: the
 * operationId minus the resource's noun, explicit `x-specsmith-method`,
 * deterministic collision handling, and operations without an operationId.
 */
import { describe, expect, it } from 'vitest';
import { model, ok, operation, spec, type Json } from './helpers.js';

/** One GET operation per entry, each on its own path, all tagged `tag`. */
function taggedOps(tag: string, ids: Array<string | Json>): Json {
  const paths: Json = {};
  ids.forEach((entry, index) => {
    const extra = typeof entry === 'string' ? { operationId: entry } : entry;
    paths[`/p${index}`] = { get: { tags: [tag], responses: ok, ...extra } };
  });
  return spec(paths);
}

describe('derived method names', () => {
  it.each<[string, string, string]>([
    ['listProjects', 'projects', 'list'],
    ['getProject', 'projects', 'get'],
    ['createServiceKey', 'Service Keys', 'create'],
    ['revokeAllServiceKeys', 'Service Keys', 'revokeAll'],
    ['repos/list-for-org', 'repos', 'listForOrg'],
    ['repos/get', 'repos', 'get'],
    ['list repos for org', 'repos', 'listForOrg'],
    ['listPolicies', 'policies', 'list'],
    ['getStatus', 'status', 'get'],
    ['streamProjectEvents', 'projects', 'streamEvents'],
    // Reserved words are fine as member names: `client.projects.delete()`.
    ['deleteProject', 'projects', 'delete'],
    ['class', 'Weird Stuff', 'class'],
    ['getÜbersicht', 'Weird Stuff', 'getÜbersicht'],
    // Nothing but the noun: keep every word rather than an empty name.
    ['projects', 'projects', 'projects'],
  ])('%j on tag %j -> %j', (operationId, tag, want) => {
    const api = model(taggedOps(tag, [operationId]));
    expect(operation(api, operationId).methodName).toBe(want);
  });

  it('x-specsmith-method replaces the derived name', () => {
    const api = model(taggedOps('projects', [{ operationId: 'listProjects', 'x-specsmith-method': 'all' }]));
    expect(operation(api, 'listProjects').methodName).toBe('all');
  });

  it('the tag becomes the resource property (camelCase) unless x-specsmith-resource names it', () => {
    const document = spec(
      {
        '/a': { get: { operationId: 'listServiceKeys', tags: ['Service Keys'], responses: ok } },
        '/b': { get: { operationId: 'listThings', tags: ['Weird Stuff'], responses: ok } },
      },
      { tags: [{ name: 'Weird Stuff', 'x-specsmith-resource': 'weird' }] },
    );
    const api = model(document);
    expect(
      api.resources.map((resource) => [resource.tag, resource.property, resource.className, resource.fileName]),
    ).toEqual([
      ['Service Keys', 'serviceKeys', 'ServiceKeys', 'service-keys'],
      ['Weird Stuff', 'weird', 'Weird', 'weird'],
    ]);
    expect(operation(api, 'listThings').methodName).toBe('listThings');
  });
});

describe('method name collisions', () => {
  it('a later operation whose derived name is taken gets its whole operationId, then a number', () => {
    const api = model(taggedOps('projects', ['getProject', 'project get', 'project-get']));
    expect(api.operations.map((op) => op.methodName)).toEqual(['get', 'projectGet', 'get2']);
  });

  it('resolves the same way every time (input order decides)', () => {
    const first = model(taggedOps('projects', ['getProject', 'project/get']));
    const second = model(taggedOps('projects', ['getProject', 'project/get']));
    expect(first.operations.map((op) => op.methodName)).toEqual(['get', 'projectGet']);
    expect(second.operations.map((op) => op.methodName)).toEqual(first.operations.map((op) => op.methodName));
  });

  it('an explicit x-specsmith-method wins over a derived name, even when the derived one comes first', () => {
    const api = model(
      taggedOps('projects', ['getProject', { operationId: 'fetchProjectById', 'x-specsmith-method': 'get' }]),
    );
    expect(operation(api, 'fetchProjectById').methodName).toBe('get');
    expect(operation(api, 'getProject').methodName).toBe('getProject');
  });

  it('names are only unique within a resource', () => {
    const document = spec({
      '/a': { get: { operationId: 'listProjects', tags: ['projects'], responses: ok } },
      '/b': { get: { operationId: 'listFiles', tags: ['files'], responses: ok } },
    });
    expect(model(document).operations.map((op) => `${op.resource}.${op.methodName}`)).toEqual([
      'projects.list',
      'files.list',
    ]);
  });

  it('a tag that would shadow a client member gets a number', () => {
    const api = model(taggedOps('raw', ['getRaw']));
    expect(api.resources.map((resource) => resource.property)).toEqual(['raw2']);
  });
});

describe('ops keys', () => {
  it.each<[string, string]>([
    ['listProjects', 'listProjects'],
    ['repos/get', 'reposGet'],
    ['list repos for org', 'listReposForOrg'],
    ['delete', 'delete_'],
    ['getÜbersicht', 'getÜbersicht'],
    ['2fa-enable', '_2faEnable'],
  ])('operationId %j -> export const %s', (operationId, key) => {
    expect(operation(model(taggedOps('things', [operationId])), operationId).key).toBe(key);
  });

  it('keys that collide are numbered in input order', () => {
    const api = model(taggedOps('repos', ['repos/get', 'reposGet']));
    expect(api.operations.map((op) => op.key)).toEqual(['reposGet', 'reposGet2']);
  });
});

describe('operations without an operationId', () => {
  it('get an id from the method and path, a resource from the first path segment, and a method name from what remains', () => {
    const document = spec({
      '/status': { get: { responses: ok } },
      '/weird/{weird_id}': {
        put: {
          tags: ['weird'],
          parameters: [{ name: 'weird_id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: ok,
        },
      },
    });
    const api = model(document);
    expect(api.operations.map((op) => [op.operationId, op.key, op.resource, op.methodName])).toEqual([
      ['getStatus', 'getStatus', 'status', 'get'],
      ['putWeirdWeirdId', 'putWeirdWeirdId', 'weird', 'putId'],
    ]);
  });

  it('are named from the method and the path, leaving out version segments', () => {
    const built = model(
      spec({ '/v1/status': { get: { responses: ok } }, '/2.0/users/{id}': { get: { responses: ok } } }),
    );
    expect(built.operations.map((op) => op.operationId)).toEqual(['getStatus', 'getUsersId']);
    expect(built.operations.map((op) => `${op.resource}.${op.methodName}`)).toEqual(['status.get', 'users.getId']);
  });
});
