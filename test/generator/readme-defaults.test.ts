/**
 * A package README states the client's defaults as the runtime applies them:
 * it reads generator/runtime/defaults.ts, and a spec's own retry settings
 * replace the defaults they cover.
 */
import { describe, expect, it } from 'vitest';
import { emitReadme } from '../../generator/emit/readme-file.js';
import { jsonResponse, model, spec } from './helpers.js';

const paths = {
  '/things': {
    get: { operationId: 'listThings', tags: ['things'], responses: { '200': jsonResponse({ type: 'object' }) } },
  },
};

describe('README defaults', () => {
  it('states the default timeout, retries, retry statuses, retry budget and body cap', () => {
    const readme = emitReadme(model(spec(paths)));
    expect(readme).toContain('retried 2 times by default');
    expect(readme).toContain('statuses 408, 429, 500, 502, 503, 504');
    expect(readme).toContain('(`retryBudget`, 60 s)');
    expect(readme).toContain('(`timeout`, 60 s by default)');
    expect(readme).toContain('`maxResponseBytes` (50 MiB by default)');
  });

  it("states the spec's own retry count and statuses instead", () => {
    const readme = emitReadme(model(spec(paths, { 'x-specsmith-retry': { maxRetries: 4, statuses: [429, 503] } })));
    expect(readme).toContain('retried 4 times by default');
    expect(readme).toContain('statuses 429, 503.');
  });
});
