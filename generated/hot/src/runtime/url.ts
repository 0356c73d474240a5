// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * The request URL: path templates and query strings written the way
 * openapi-fetch's default serializers write them (test/unit/runtime/transport.test.ts
 * compares the two), so a generated method sends the URL the raw client would,
 * without bundling openapi-fetch for it.
 *
 * Query (OpenAPI 3.1 4.8.12.4 defaults): a primitive is `form` (`name=value`),
 * an array `form` exploded (`name=a&name=b`), an object `deepObject`
 * (`name[key]=value`). Path: `{name}` is `simple`, openapi-fetch's `{.name}` and
 * `{;name}` are `label` and `matrix`, a trailing `*` explodes (RFC 6570 3.2).
 */
import { encodeSegments } from './request-checks.js';

export interface UrlParts {
  baseUrl: string;
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  /** Path parameters that span segments: each segment is encoded on its own, joined by literal `/`. */
  multiSegment?: readonly string[] | undefined;
}

const encode = (value: unknown): string => encodeURIComponent(value as string);

/** `name=value`; nothing for an absent value. */
const pair = (name: string, value: unknown): string => (value == null ? '' : `${name}=${encode(value)}`);

/** The query string (without `?`): absent values and empty arrays are left out. */
export function serializeQuery(query: Record<string, unknown>): string {
  const search: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value == null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.push(value.map((item) => pair(name, item)).join('&'));
    } else if (typeof value === 'object') {
      const fields: string[] = [];
      for (const key in value) fields.push(pair(`${name}[${key}]`, (value as Record<string, unknown>)[key]));
      search.push(fields.join('&'));
    } else search.push(pair(name, value));
  }
  return search.join('&');
}

/** One path parameter as its template (`name`, `.name`, `;name`, `name*`) asks. */
function pathValue(template: string, value: unknown, spansSegments: boolean): string {
  const explode = template.endsWith('*');
  const style = template[0] === '.' ? '.' : template[0] === ';' ? ';' : '';
  const name = template.slice(style ? 1 : 0, explode ? -1 : undefined);
  if (typeof value !== 'object') {
    const text = spansSegments ? encodeSegments(value) : encode(value);
    return style === ';' ? `;${name}=${text}` : style + text;
  }
  const entries = Array.isArray(value)
    ? value.map((item) => [undefined, item] as const)
    : Object.keys(value as object).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
  if (!explode) {
    const list = entries.flatMap(([key, item]) => (key === undefined ? [encode(item)] : [key, encode(item)])).join(',');
    return style === ';' ? `;${name}=${list}` : style + list;
  }
  const joiner = style || ',';
  const items = entries.map(([key, item]) =>
    key !== undefined ? pair(key, item) : style === ';' ? pair(name, item) : encode(item),
  );
  return style + items.join(joiner);
}

/** Path templates split into literal parts and parameter templates, once per path. */
const templates = new Map<string, { literals: string[]; names: string[] }>();

function parse(path: string): { literals: string[]; names: string[] } {
  let parsed = templates.get(path);
  if (parsed === undefined) {
    const literals: string[] = [];
    const names: string[] = [];
    let rest = path;
    for (let match = /\{([^{}]+)\}/.exec(rest); match; match = /\{([^{}]+)\}/.exec(rest)) {
      literals.push(rest.slice(0, match.index));
      names.push(match[1] ?? '');
      rest = rest.slice(match.index + match[0].length);
    }
    literals.push(rest);
    parsed = { literals, names };
    templates.set(path, parsed);
  }
  return parsed;
}

/** The full request URL; a parameter with no value keeps its `{name}` template. */
export function requestUrl(request: UrlParts): string {
  const { literals, names } = parse(request.path);
  let url = request.baseUrl + (literals[0] ?? '');
  for (let index = 0; index < names.length; index++) {
    const template = names[index] ?? '';
    const name = template.replace(/^[.;]|\*$/g, '');
    const value = request.pathParams[name];
    url +=
      (value == null ? `{${template}}` : pathValue(template, value, request.multiSegment?.includes(name) === true)) +
      (literals[index + 1] ?? '');
  }
  const search = serializeQuery(request.query);
  return search ? `${url}?${search}` : url;
}
