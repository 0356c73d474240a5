/** Every provider spec passes Redocly's recommended rules and ours with zero errors and zero warnings. */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redoclyLint, repoRoot } from '../support/redocly.js';

const providers = readdirSync(join(repoRoot, 'specs')).filter((name) =>
  existsSync(join(repoRoot, 'specs', name, 'openapi.yaml')),
);

describe('provider specs lint clean', () => {
  it('has the four providers', () => {
    expect(providers.sort()).toEqual(['agentmetal', 'heycmo', 'hot', 'hotmetal']);
  });
  it.each(providers)('%s: 0 errors, 0 warnings', async (provider) => {
    const { problems } = await redoclyLint(`specs/${provider}/openapi.yaml`);
    expect(problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  });
});
