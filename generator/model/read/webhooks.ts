/**
 * The webhooks the API sends (OpenAPI 3.1 `webhooks`), when
 * `x-specsmith-webhooks` says how they are signed: one event per webhook with
 * a JSON body.
 */
import type { HttpMethod } from '../../runtime/operation.js';
import { entriesOf, METHODS, resolve, text, type Spec } from './document.js';
import type { PathItemObject, RequestBodyObject } from './openapi-types.js';

export interface SourceWebhook {
  name: string;
  method: HttpMethod;
  mediaType: string;
  summary: string | undefined;
  description: string | undefined;
}

/** Undefined when the API has no signed webhooks. */
export function webhooksOf(spec: Spec): SourceWebhook[] | undefined {
  const extension = spec.api['x-specsmith-webhooks'];
  if (!extension?.signature || !spec.api.webhooks || typeof spec.api.webhooks !== 'object') return undefined;
  return entriesOf(spec.api.webhooks).flatMap(([name, raw]) => {
    const pathItem = resolve<PathItemObject>(spec, raw);
    const method = METHODS.find(
      (candidate) =>
        typeof pathItem[candidate] === 'object' && pathItem[candidate] !== null && !Array.isArray(pathItem[candidate]),
    );
    const operation = method ? pathItem[method] : undefined;
    if (!method || !operation) return [];
    const mediaType = entriesOf(resolve<RequestBodyObject>(spec, operation.requestBody).content).find(([type]) =>
      /json/i.test(type),
    )?.[0];
    return mediaType
      ? [{ name, method, mediaType, summary: text(operation.summary), description: text(operation.description) }]
      : [];
  });
}
