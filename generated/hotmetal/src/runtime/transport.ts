// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * One HTTP exchange for a generated method. The URL (url.ts) is the one the raw
 * openapi-fetch client would send; the request then goes straight to fetch.
 * A profile of the full openapi-fetch call showed most of its cost in work a
 * generated method does not need (header merging, middleware, building a
 * Request that fetch rebuilds), so methods skip it and keep its encoding.
 */
import { MAX_ERROR_BODY_BYTES, readText } from './body-reader.js';
import { isRedirect, nextHop, RedirectRefusedError, type Hop } from './redirects.js';

export interface TransportRequest {
  method: string;
  /** Never changed here: a call may share it with other calls of the same operation. */
  headers: Readonly<Record<string, string>>;
  body: unknown;
  /** Undefined when nothing can abort the request (no timeout, no caller signal). */
  signal: AbortSignal | undefined;
  /** A ReadableStream body must be sent half-duplex (and cannot be sent again on a redirect). */
  stream: boolean;
  /** Lower-case names of the headers that carry credentials: never sent to another origin on a redirect. */
  credentialHeaders: ReadonlySet<string>;
}

export interface TransportResult {
  response: Response;
  /** The parsed error body (JSON, else text) of a failed response; the body of a success response is left unread. */
  error?: unknown;
}

/** A fetch that takes a Request (the `fetch` client option), or the platform's own. */
export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * Sends the request, following redirects under the rules of redirects.ts, and
 * reads the body of a failed response (at most MAX_ERROR_BODY_BYTES of it).
 */
export async function send(
  request: TransportRequest,
  url: string,
  customFetch: FetchFunction | undefined,
): Promise<TransportResult> {
  const response = await fetchFollowingRedirects(request, url, customFetch);
  if (response.ok) return { response };
  const { text } = await readText(response, MAX_ERROR_BODY_BYTES, 'truncate');
  try {
    return { response, error: text === '' ? undefined : (JSON.parse(text) as unknown) };
  } catch {
    return { response, error: text };
  }
}

/** The final response of a request whose redirects are followed under the rules of redirects.ts; its body is unread. */
export async function fetchFollowingRedirects(
  request: TransportRequest,
  url: string,
  customFetch: FetchFunction | undefined,
): Promise<Response> {
  let hop: Hop = { url, method: request.method.toUpperCase(), headers: request.headers, body: request.body };
  for (let hops = 0; ; hops++) {
    const response = await fetchOnce(hop, request, customFetch, 'manual');
    if (response.type === 'opaqueredirect') return followOpaque(hop, request, customFetch, response);
    if (!isRedirect(response)) return response;
    const next = nextHop(hop, response, hops, request.credentialHeaders, !request.stream);
    void response.body?.cancel().catch(() => undefined);
    hop = next;
  }
}

/**
 * The `fetch` of the raw openapi-fetch client (`client.raw`): the Request it
 * builds goes through the same redirect rules as every generated method, so
 * the escape hatch cannot carry a key or a body to another origin either. The
 * body is read once so that a same-origin 307/308 can send it again.
 */
export function redirectSafeFetch(
  customFetch: FetchFunction | undefined,
  credentialHeaders: ReadonlySet<string>,
): FetchFunction {
  return async (request) => {
    const body = request.body === null ? undefined : await request.arrayBuffer();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => void (headers[name] = value));
    return fetchFollowingRedirects(
      { method: request.method, headers, body, signal: request.signal, stream: false, credentialHeaders },
      request.url,
      customFetch,
    );
  };
}

function fetchOnce(
  hop: Hop,
  request: TransportRequest,
  customFetch: FetchFunction | undefined,
  redirect: RequestRedirect,
): Promise<Response> {
  const init: RequestInit & { duplex?: 'half' } = {
    method: hop.method,
    headers: hop.headers,
    body: hop.body as BodyInit | null | undefined,
    signal: request.signal,
    redirect,
  };
  if (request.stream && hop.body !== undefined) init.duplex = 'half';
  return customFetch ? customFetch(new Request(hop.url, init)) : globalThis.fetch(hop.url, init);
}

/**
 * Browsers answer a manual redirect with an opaque-redirect response (status 0,
 * no Location: Fetch standard, "HTTP-redirect fetch"), so the client cannot see
 * where it leads or strip headers on the way. A body-less GET or HEAD whose only
 * credential is Authorization is sent again with the browser following: browsers
 * drop Authorization on a cross-origin redirect themselves (whatwg/fetch#1544),
 * and mixed content keeps it on https. Anything else (a custom key header the
 * browser would forward, a body) is refused rather than sent blind.
 */
async function followOpaque(
  hop: Hop,
  request: TransportRequest,
  customFetch: FetchFunction | undefined,
  response: Response,
): Promise<Response> {
  const risky = Object.keys(hop.headers).filter(
    (name) => request.credentialHeaders.has(name.toLowerCase()) && !/^(authorization|cookie)$/i.test(name),
  );
  const bodyless = (hop.method === 'GET' || hop.method === 'HEAD') && (hop.body === undefined || hop.body === null);
  if (!bodyless || risky.length > 0) {
    throw new RedirectRefusedError(
      `the server redirected, and this platform hides the redirect target (an opaque redirect), so the client cannot keep ${bodyless ? 'the credential headers' : 'the request body'} from reaching another origin; use the final URL as baseUrl`,
      response,
    );
  }
  return fetchOnce(hop, request, customFetch, 'follow');
}
