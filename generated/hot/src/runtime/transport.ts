/**
 * One HTTP exchange for a generated method. The URL is built by openapi-fetch's
 * own serializers (path templates, query styles), so it is the URL the raw
 * openapi-fetch client would send; the request then goes straight to fetch.
 * A profile of the full openapi-fetch call showed most of its cost in work a
 * generated method does not need (header merging, middleware, building a
 * Request that fetch rebuilds), so methods skip it and keep its encoding.
 */
import { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';

export interface UrlParts {
  baseUrl: string;
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
}

export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
  /** A ReadableStream body must be sent half-duplex. */
  stream: boolean;
}

export interface TransportResult {
  response: Response;
  /** The parsed error body (JSON, else text) of a failed response; the body of a success response is left unread. */
  error?: unknown;
}

/** A fetch that takes a Request (the `fetch` client option), or the platform's own. */
export type FetchFunction = (request: Request) => Promise<Response>;

const querySerializer = createQuerySerializer();

/** Path templates split into literal parts and parameter names, once per path. */
const templates = new Map<string, { literals: string[]; names: string[] } | null>();

function template(path: string): { literals: string[]; names: string[] } | null {
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
    // Label (`{.x}`), matrix (`{;x}`) and exploded (`{x*}`) styles are left to openapi-fetch's serializer.
    parsed = names.some((name) => /^[.;]|\*$/.test(name)) ? null : { literals, names };
    templates.set(path, parsed);
  }
  return parsed;
}

/**
 * The request URL. Plain `{name}` parameters with primitive values are filled in
 * here the way openapi-fetch's default serializer does (encodeURIComponent);
 * anything else goes through that serializer itself.
 */
export function requestUrl(request: UrlParts): string {
  const parts = template(request.path);
  let path: string | undefined;
  if (parts) {
    path = parts.literals[0] ?? '';
    for (let index = 0; index < parts.names.length && path !== undefined; index++) {
      const value = request.pathParams[parts.names[index] ?? ''];
      path = value === null || typeof value === 'object' ? undefined : `${path}${value === undefined ? `{${parts.names[index]}}` : encodeURIComponent(String(value))}${parts.literals[index + 1] ?? ''}`;
    }
  }
  if (path === undefined) return createFinalURL(request.path, { baseUrl: request.baseUrl, params: { path: request.pathParams, query: request.query }, querySerializer, pathSerializer: defaultPathSerializer });
  let search = '';
  for (const _name in request.query) {
    search = querySerializer(request.query);
    break;
  }
  return search ? `${request.baseUrl}${path}?${search}` : `${request.baseUrl}${path}`;
}

export async function send(request: TransportRequest, url: string, customFetch: FetchFunction | undefined): Promise<TransportResult> {
  const init: RequestInit & { duplex?: 'half' } = { method: request.method.toUpperCase(), headers: request.headers, body: request.body as BodyInit | null | undefined, signal: request.signal, redirect: 'follow' };
  if (request.stream) init.duplex = 'half';
  const response = customFetch ? await customFetch(new Request(url, init)) : await globalThis.fetch(url, init);
  if (response.ok) return { response };
  const text = await response.text();
  try {
    return { response, error: text === '' ? undefined : (JSON.parse(text) as unknown) };
  } catch {
    return { response, error: text };
  }
}
