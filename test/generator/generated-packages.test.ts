/** The four committed client packages type-check with their own tsconfig.json (`tsc --noEmit`). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot, typecheck } from './helpers.js';

describe('generated packages type-check', () => {
  it.each(PROVIDERS)('generated/%s', async (provider) => {
    const { code, output } = await typecheck(join(repoRoot, 'generated', provider, 'tsconfig.json'));
    expect(output).toBe('');
    expect(code).toBe(0);
  });
});
