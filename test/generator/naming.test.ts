/** generator/model/naming.ts: words, cases, identifiers, singulars and collision numbering, table by table. */
import { describe, expect, it } from 'vitest';
import {
  camelCase,
  identifier,
  isIdentifier,
  NameScope,
  pascalCase,
  singular,
  words,
} from '../../generator/model/naming.js';

describe('words', () => {
  it.each<[string, string[]]>([
    ['listProjects', ['list', 'projects']],
    ['repos/list-for-org', ['repos', 'list', 'for', 'org']],
    ['list repos for org', ['list', 'repos', 'for', 'org']],
    ['Service Keys', ['service', 'keys']],
    ['snake_case_name', ['snake', 'case', 'name']],
    ['getÜbersicht', ['get', 'übersicht']],
    ['HTTPServer', ['http', 'server']],
    ['getXMLHttpRequest', ['get', 'xml', 'http', 'request']],
    ['v2Items', ['v2', 'items']],
    ['ABC', ['abc']],
    ['/v1/projects/{project_id}', ['v1', 'projects', 'project', 'id']],
    ['  --  ', []],
    ['', []],
  ])('%j -> %j', (given, want) => {
    expect(words(given)).toEqual(want);
  });
});

describe('camelCase and pascalCase', () => {
  it.each<[string, string, string]>([
    ['repos/list-for-org', 'reposListForOrg', 'ReposListForOrg'],
    ['Service Keys', 'serviceKeys', 'ServiceKeys'],
    ['service-keys', 'serviceKeys', 'ServiceKeys'],
    ['getÜbersicht', 'getÜbersicht', 'GetÜbersicht'],
    ['HTTPServer', 'httpServer', 'HttpServer'],
    ['api_v2', 'apiV2', 'ApiV2'],
    ['get /weird/{weird_id}', 'getWeirdWeirdId', 'GetWeirdWeirdId'],
    ['', '', ''],
  ])('%j -> %j / %j', (given, camel, pascal) => {
    expect(camelCase(given)).toBe(camel);
    expect(pascalCase(given)).toBe(pascal);
  });
});

describe('identifier', () => {
  it.each<[string, string | undefined, string]>([
    ['delete', undefined, 'delete_'],
    ['class', undefined, 'class_'],
    ['await', undefined, 'await_'],
    ['string', undefined, 'string_'],
    ['2fa', undefined, '_2fa'],
    ['', undefined, 'value'],
    ['', 'call', 'call'],
    ['getÜbersicht', undefined, 'getÜbersicht'],
    ['listProjects', undefined, 'listProjects'],
  ])('%j (fallback %j) -> %j', (given, fallback, want) => {
    expect(identifier(given, fallback)).toBe(want);
    expect(isIdentifier(want)).toBe(true);
  });

  it.each<[string, boolean]>([
    ['ok', true],
    ['_private', true],
    ['$dollar', true],
    ['übersicht', true],
    ['delete', false],
    ['2fa', false],
    ['with-dash', false],
    ['', false],
  ])('isIdentifier(%j) is %s', (given, want) => {
    expect(isIdentifier(given)).toBe(want);
  });
});

describe('singular', () => {
  it.each<[string, string]>([
    ['projects', 'project'],
    ['policies', 'policy'],
    ['boxes', 'box'],
    ['branches', 'branch'],
    ['wishes', 'wish'],
    ['keys', 'key'],
    ['serviceKeys', 'serviceKey'],
    ['repos', 'repo'],
    ['status', 'status'],
    ['address', 'address'],
    ['analysis', 'analysis'],
    ['bus', 'bus'],
    ['gas', 'gas'],
    ['project', 'project'],
    ['movies', 'movie'],
    ['cookies', 'cookie'],
    ['replies', 'reply'],
    ['properties', 'property'],
    ['statuses', 'status'],
    ['addresses', 'address'],
    ['series', 'series'],
    ['metadata', 'metadata'],
  ])('%j -> %j', (given, want) => {
    expect(singular(given)).toBe(want);
  });
});

describe('NameScope', () => {
  it('numbers later claimants of a taken name, in claim order', () => {
    const scope = new NameScope();
    expect([scope.claim('get'), scope.claim('get'), scope.claim('get')]).toEqual(['get', 'get2', 'get3']);
  });

  it('tries the alternatives before numbering', () => {
    const scope = new NameScope(['get']);
    expect(scope.claim('get', 'getThing')).toBe('getThing');
    expect(scope.claim('get', 'getThing')).toBe('get2');
  });

  it('skips empty alternatives', () => {
    const scope = new NameScope();
    expect(scope.claim('', 'fallback')).toBe('fallback');
  });

  it('never hands out a reserved name', () => {
    const scope = new NameScope(['raw', 'constructor']);
    expect(scope.has('raw')).toBe(true);
    expect(scope.claim('raw')).toBe('raw2');
    expect(scope.claim('constructor')).toBe('constructor2');
    expect(scope.has('raw2')).toBe(true);
  });

  it('skips numbered names that are already taken', () => {
    const scope = new NameScope(['list', 'list2']);
    expect(scope.claim('list')).toBe('list3');
  });
});
