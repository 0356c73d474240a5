/**
 * The one rule for base URLs, worded once for the README and the client's
 * JSDoc: the `baseUrl` option and the `<NAME>_BASE_URL` variable take the
 * server URL as the spec declares it (its first `servers[].url`, any path prefix
 * included), and operation paths are appended to it as the spec writes them.
 */
import type { ApiModel } from '../model/types.js';

/** A version segment (`v1`, `v2beta`) that most of the spec's paths start with: it belongs to the paths, not to the base URL. */
function pathPrefix(model: ApiModel): string | undefined {
  const counts = new Map<string, number>();
  for (const operation of model.operations) {
    const first = operation.path.split('/')[1] ?? '';
    if (/^v\d+[a-z0-9]*$/i.test(first)) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const [segment, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return segment && count !== undefined && count * 2 > model.operations.length ? `/${segment}` : undefined;
}

/** `GET /v1/projects` is sent to `https://api.hot.dev/v1/projects`: a GET without path parameters, under the paths' prefix where they have one. */
function example(model: ApiModel, prefix: string | undefined): string | undefined {
  const simple = model.operations.filter((operation) => operation.pathParams.length === 0);
  const operation =
    simple.find(
      (candidate) =>
        candidate.method === 'get' && candidate.path !== '/' && (!prefix || candidate.path.startsWith(`${prefix}/`)),
    ) ??
    simple[0] ??
    model.operations[0];
  if (!operation || !model.baseUrl) return undefined;
  return `\`${operation.method.toUpperCase()} ${operation.path}\` is sent to \`${model.baseUrl.replace(/\/+$/, '')}${operation.path}\``;
}

/** Where the base URL comes from and how paths join it, in Markdown. */
export function baseUrlRule(model: ApiModel): string {
  const sources = `the \`baseUrl\` option${model.baseUrlEnv ? `, else the \`${model.baseUrlEnv}\` environment variable` : ''}, else \`${model.baseUrl || '(none: pass baseUrl)'}\``;
  const prefix = pathPrefix(model);
  const join = example(model, prefix);
  const repeat = prefix ? `; the paths carry \`${prefix}\` themselves, so a base URL you set leaves it out` : '';
  return `The base URL is ${sources}: the server URL as the spec declares it, path prefix included. Operation paths are appended to it as the spec writes them${join ? ` (${join})` : ''}${repeat}.`;
}
