/**
 * The API's configuration the runtime reads (runtime/config.ts ApiConfig):
 * authentication, default security, error and request-id pointers, rate-limit
 * headers, retries and webhook URL rules.
 */
import type { AuthScheme } from '../../runtime/config.js';
import { entriesOf, resolve, securityOf, text, type Spec } from '../read/document.js';
import type { SecuritySchemeObject } from '../read/openapi-types.js';
import { serversOf } from '../read/servers.js';
import type { ConfigDescriptor } from './types.js';

/** How the runtime sends a security scheme's credential (OpenAPI 3.1 §4.8.27). */
export function authScheme(scheme: Partial<SecuritySchemeObject>): AuthScheme | undefined {
  if (scheme.type === 'http')
    return typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'basic'
      ? { type: 'basic' }
      : { type: 'bearer' };
  if (scheme.type === 'apiKey') {
    const name = typeof scheme.name === 'string' ? scheme.name : '';
    if (scheme.in === 'header') return { type: 'header', name };
    if (scheme.in === 'query') return { type: 'query', name };
    if (scheme.in === 'cookie') return { type: 'cookie', name };
  }
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return { type: 'bearer' };
  return undefined;
}

export function securitySchemesOf(spec: Spec): Array<[name: string, scheme: Partial<SecuritySchemeObject>]> {
  return entriesOf(spec.api.components?.securitySchemes).map(([name, raw]) => [
    name,
    resolve<SecuritySchemeObject>(spec, raw),
  ]);
}

export function configDescriptor(spec: Spec, client: string): ConfigDescriptor {
  const extension = spec.api['x-specsmith-client'];
  const envName = client.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  const errors = spec.api['x-specsmith-errors'];
  const rateLimit = spec.api['x-specsmith-rate-limit'];
  const headers = rateLimit?.headers;
  const auth: Record<string, AuthScheme> = {};
  for (const [name, scheme] of securitySchemesOf(spec)) {
    const mapped = authScheme(scheme);
    if (mapped) auth[name] = mapped;
  }
  return {
    name: client,
    apiKeyEnv: text(extension?.apiKeyEnv) ?? `${envName}_API_KEY`,
    baseUrlEnv: text(extension?.baseUrlEnv) ?? `${envName}_BASE_URL`,
    baseUrl: serversOf(spec)[0]?.url ?? '',
    auth,
    security: securityOf(spec.api.security) ?? [],
    errors: { message: text(errors?.message), code: text(errors?.code), requestId: text(errors?.requestId) },
    requestId: spec.api['x-specsmith-request-id'],
    rateLimit: headers
      ? {
          limit: text(headers.limit),
          remaining: text(headers.remaining),
          reset: text(headers.reset),
          resetFormat: rateLimit.resetFormat === 'delta-seconds' ? 'delta-seconds' : 'epoch-seconds',
        }
      : undefined,
    retry: spec.api['x-specsmith-retry'],
    webhookUrlRules: spec.api['x-specsmith-webhooks']?.urlRules,
  };
}
