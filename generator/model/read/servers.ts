/** Server URLs with their variables filled by their defaults (OpenAPI 3.1 §4.8.5). */
import { text, type Spec } from './document.js';
import type { ServerObject } from './openapi-types.js';

function serverUrl(server: ServerObject | undefined): string {
  let url = text(server?.url) ?? '';
  const variables = server?.variables !== null && typeof server?.variables === 'object' ? server.variables : {};
  for (const [name, variable] of Object.entries(variables)) {
    const fallback = variable?.default;
    url = url.split(`{${name}}`).join(typeof fallback === 'string' ? fallback : '');
  }
  return url.replace(/\/+$/, '');
}

export function serversOf(spec: Spec): Array<{ url: string; description: string | undefined }> {
  return (Array.isArray(spec.api.servers) ? spec.api.servers : []).map((raw: unknown) => {
    const server = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as ServerObject) : undefined;
    return { url: serverUrl(server), description: text(server?.description) };
  });
}
