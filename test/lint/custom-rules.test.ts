/**
 * specsmith's Redocly rules catch a spec that breaks each of them, and the
 * report names the rule and the JSON pointer of the offending node.
 */
import { describe, expect, it } from 'vitest';
import { redoclyLint } from '../support/redocly.js';

describe('specsmith lint rules on a bad fixture', async () => {
  const { problems, exitCode } = await redoclyLint('test/fixtures/lint/bad-spec.yaml');
  const found = (ruleId: string): string[] =>
    problems.filter((p) => p.ruleId === ruleId).map((p) => p.location[0]?.pointer ?? '');

  it('fails the run', () => {
    expect(exitCode).not.toBe(0);
    expect(problems.filter((p) => p.severity === 'error').length).toBeGreaterThanOrEqual(6);
  });

  it('requires an operationId', () => {
    expect(found('specsmith/operation-basics')).toEqual(['#/paths/~1things/get']);
  });

  it('requires examples on media types', () => {
    expect(found('specsmith/examples')).toEqual(['#/paths/~1things/get/responses/200/content/application~1json']);
  });

  it('requires the error schema on 4xx/5xx responses', () => {
    expect(found('specsmith/error-schema')).toEqual(['#/paths/~1things/get/responses/404']);
  });

  it('checks the shape and the references of x-specsmith-* extensions', () => {
    expect(found('specsmith/extensions').sort()).toEqual([
      '#/paths/~1things/get/x-specsmith-pagination',
      '#/paths/~1things~1{id}/get/x-specsmith-wait/via',
      '#/x-specsmith-retry',
    ]);
    const retry = problems.find((p) => p.location[0]?.pointer === '#/x-specsmith-retry');
    expect(retry?.message).toMatch(/maxRetries: must be integer/);
  });
});

describe('x-specsmith-unwrap in lint: on component schemas only, with a key', async () => {
  const { problems } = await redoclyLint('test/fixtures/hostile/unwrap/bad-unwrap.yaml');
  const extensionProblems = problems.filter((p) => p.ruleId === 'specsmith/extensions');

  it('reports the same places as the generator', () => {
    expect(extensionProblems.map((p) => p.location[0]?.pointer ?? '').sort()).toEqual([
      '#/components/schemas/EmptyKey/x-specsmith-unwrap',
      '#/components/schemas/Misspelt/x-specsmith-unwrapp',
      '#/components/schemas/NoKey/x-specsmith-unwrap',
      '#/paths/~1runs/get/x-specsmith-unwrap',
    ]);
    const misplaced = extensionProblems.find((p) => p.location[0]?.pointer === '#/paths/~1runs/get/x-specsmith-unwrap');
    expect(misplaced?.message).toBe(
      'x-specsmith-unwrap is not allowed on an operation; it belongs on a component schema',
    );
  });
});
