/**
 * Every operation of every spec, called over HTTP with the spec's own example
 * inputs against a real Prism mock: the documented success status comes back
 * and Prism reports no request violations. This checks the specs themselves,
 * independent of the generated clients.
 */
import { describe, expect, inject, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { exampleRequests } from '../support/spec-examples.js';
import { PROVIDERS, specPath } from '../support/providers.js';

const API_KEY = 'sk_test_prism_example_key_0123456789';

describe.each(PROVIDERS)('%s spec on Prism', async (provider) => {
  const { document } = await loadSpec(specPath(provider));
  const requests = exampleRequests(document, inject('prism')[provider], API_KEY);

  it('has operations', () => {
    expect(requests.length).toBeGreaterThan(0);
  });

  it.each(requests.map((request) => [request.operationId, request] as const))(
    '%s answers with its documented success status',
    async (_id, request) => {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
      });
      const text = await response.text();
      expect(response.headers.get('sl-violations'), text).toBeNull();
      expect(request.successStatuses, `${request.method} ${request.path}: ${text.slice(0, 300)}`).toContain(
        response.status,
      );
      expect(response.status).toBe(request.successStatuses[0]);
    },
  );
});
