// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * Following redirects ourselves (`redirect: 'manual'`), so credentials and
 * bodies go only where the caller sent them. Platform fetch re-sends custom
 * headers (an `apiKey` header) and, on 307/308, the request body to whatever
 * origin a server names. Here:
 * - same origin (scheme, host and port, RFC 6454): credentials and body are kept;
 * - another origin: every credential header is removed, and a redirect that
 *   would carry a body there is refused;
 * - 307/308 keep the method and body; 301/302/303 turn any method but GET or
 *   HEAD into a GET without a body (RFC 9110 15.4.2-15.4.4, and what browsers do);
 * - https to http is refused (the credentials and body would travel in clear);
 * - at most MAX_REDIRECTS hops.
 */

export const MAX_REDIRECTS = 10;

/** Statuses that carry a Location to follow (RFC 9110 15.4). 300, 304 and 305 are answers, not redirects. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a body; dropped with it (Fetch standard, "request-body-header name"). */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** A redirect the client will not follow; the caller turns it into the package's typed error. */
export class RedirectRefusedError extends Error {
  override name = 'RedirectRefusedError';
  readonly status: number;
  readonly headers: Headers;
  constructor(message: string, response: Response) {
    super(message);
    this.status = response.status;
    this.headers = response.headers;
  }
}

export interface Hop {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

export function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) && response.headers.has('location');
}

/**
 * The request to send after `response` redirected `hop`. `credentialHeaders`
 * are lower-case names that carry credentials; `replayable` says whether the
 * body can be sent again.
 */
export function nextHop(
  hop: Hop,
  response: Response,
  hops: number,
  credentialHeaders: ReadonlySet<string>,
  replayable: boolean,
): Hop {
  if (hops >= MAX_REDIRECTS)
    throw new RedirectRefusedError(`the server redirected more than ${MAX_REDIRECTS} times`, response);
  let target: URL;
  try {
    target = new URL(response.headers.get('location') ?? '', hop.url);
  } catch {
    throw new RedirectRefusedError(`the server redirected to a Location that is not a URL`, response);
  }
  const from = new URL(hop.url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:')
    throw new RedirectRefusedError(`the server redirected to a ${target.protocol} URL`, response);
  if (from.protocol === 'https:' && target.protocol === 'http:')
    throw new RedirectRefusedError(
      `the server redirected from https to http (${target.origin}); the request would travel unencrypted`,
      response,
    );
  const sameOrigin = target.origin === from.origin;
  const method = hop.method.toUpperCase();
  const keepsBody = response.status === 307 || response.status === 308 || method === 'GET' || method === 'HEAD';
  const headers: Record<string, string> = {};
  const next: Hop = {
    url: target.href,
    method: keepsBody ? method : 'GET',
    headers,
    body: keepsBody ? hop.body : undefined,
  };
  const hasBody = next.body !== undefined && next.body !== null;
  if (hasBody && !sameOrigin)
    throw new RedirectRefusedError(
      `the server answered ${response.status}, redirecting the request body to another origin (${target.origin}); the client does not send it there`,
      response,
    );
  if (hasBody && !replayable)
    throw new RedirectRefusedError(
      `the server answered ${response.status}, asking to send a streamed request body again, which cannot be replayed`,
      response,
    );
  for (const [name, value] of Object.entries(hop.headers)) {
    const lower = name.toLowerCase();
    if (!sameOrigin && credentialHeaders.has(lower)) continue;
    if (!keepsBody && BODY_HEADERS.includes(lower)) continue;
    headers[name] = value;
  }
  return next;
}
