/**
 * Misused options fail with the package's own errors before anything is sent
 * (test/fixtures/hostile/runtime/misused-options.json): a call's options with
 * InvalidRequestError, the client's options with the package's base error.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClientOptions, RequestOptions } from '../../../generator/runtime/config.js';
import { ClientCore } from '../../../generator/runtime/core.js';
import type { OperationDescriptor } from '../../../generator/runtime/operation.js';
import {
  AcmeError,
  API_KEY,
  errorClasses,
  InvalidRequestError,
  json,
  makeConfig,
  makeCore,
  rejectionOf,
  script,
} from './support.js';

interface Case {
  options: unknown;
  message: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/hostile/runtime/misused-options.json', import.meta.url), 'utf8'),
) as { call: Case[]; client: Case[] };

const getThing: OperationDescriptor = {
  id: 'getThing',
  methodPath: 'things.get',
  method: 'get',
  path: '/things/{thing_id}',
  pathParams: ['thing_id'],
  responses: { 200: { kind: 'json' } },
};

describe('misused call options', () => {
  it.each(fixture.call.map((entry) => [JSON.stringify(entry.options), entry] as const))(
    '%s is an InvalidRequestError naming the option, and nothing is sent',
    async (_name, entry) => {
      const s = script(json(200, {}));
      const error = await rejectionOf(
        makeCore(s.fetch).call(getThing, ['t1'], undefined, entry.options as RequestOptions),
      );
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error).toBeInstanceOf(AcmeError);
      expect((error as Error).message).toBe(`things.get: ${entry.message}`);
      expect(s.requests).toHaveLength(0);
    },
  );

  it('accepts well-formed options, a timeout of 0 (no timeout) and a signal that is not yet aborted', async () => {
    const s = script(json(200, { ok: true }));
    const data = await makeCore(s.fetch).call(getThing, ['t1'], undefined, {
      signal: new AbortController().signal,
      timeout: 0,
      maxRetries: 0,
      headers: { 'X-Trace': '1' },
      maxResponseBytes: 1024,
    });
    expect(data).toEqual({ ok: true });
    expect(s.requests).toHaveLength(1);
  });
});

describe('misused client options', () => {
  it.each(fixture.client.map((entry) => [JSON.stringify(entry.options), entry] as const))(
    '%s is the base error naming the option',
    (_name, entry) => {
      const options = entry.options === null ? null : { apiKey: API_KEY, ...(entry.options as object) };
      let thrown: unknown;
      try {
        new ClientCore(makeConfig(), errorClasses, options as ClientOptions);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AcmeError);
      expect((thrown as Error).message).toBe(`new Acme(): ${entry.message}`);
    },
  );
});
