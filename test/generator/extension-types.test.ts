/**
 * generator/extensions/types.ts is generated from the extensions' JSON Schemas
 * (`npm run extension-types`); the model reads validated extensions through
 * it, so a schema change without regenerating would let the two drift.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionTypesSource } from '../../generator/extensions/extension-types.js';
import { EXTENSIONS } from '../../generator/extensions/schemas.js';
import { repoRoot } from './helpers.js';

describe('generator/extensions/types.ts', () => {
  it('is what `npm run extension-types` writes from schemas.ts (run it after changing a schema)', async () => {
    const written = await readFile(join(repoRoot, 'generator', 'extensions', 'types.ts'), 'utf8');
    expect(written).toBe(await extensionTypesSource());
  });

  it('has a type for every extension, none of them erased to unknown', async () => {
    const source = await extensionTypesSource();
    for (const name of Object.keys(EXTENSIONS)) expect(source).toMatch(new RegExp(`["']${name}["']:`));
    // Constraint-only combinators (anyOf of `required`, allOf of if/then) would otherwise turn an object into `unknown`.
    expect(source).not.toMatch(/\| unknown\b/);
  });
});
