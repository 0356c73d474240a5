// @ts-nocheck
// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.
/**
 * `client.raw`: the openapi-fetch client over the same base URL, credentials
 * and headers as the generated methods, made on first use. It lives apart from
 * core.ts so that only a client that can hand it out (the full client's `raw`
 * getter) imports openapi-fetch's `createClient`; an app built on the core
 * client and standalone functions bundles only openapi-fetch's URL serializers.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { ClientCore } from './core.js';
import { redirectSafeFetch } from './transport.js';

/** One raw client per core, made when first asked for (a WeakMap, so it goes with its core). */
const rawClients = new WeakMap<ClientCore, Client<{}>>();

export function rawClient(core: ClientCore): Client<{}> {
  const existing = rawClients.get(core);
  if (existing) return existing;
  const init = core.rawClientInit();
  const client = createClient<{}>({
    baseUrl: init.baseUrl,
    fetch: redirectSafeFetch(init.fetch, core.credentialHeaders),
    headers: init.headers,
  });
  client.use({ onRequest: ({ request }) => core.authorizeRaw(request) });
  rawClients.set(core, client);
  return client;
}
