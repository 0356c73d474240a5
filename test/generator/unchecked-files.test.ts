/**
 * A package build does not type-check its operation descriptors or its copy
 * of the runtime (`// @ts-nocheck`, see generator/emit/unchecked.ts), so
 * they are checked here instead: each provider's and golden fixture's
 * src/operations.ts, without the pragma, against the runtime's types. The pragma is shown to matter
 * both ways: a descriptor with a wrong field passes under it and fails
 * without it, so this check is what catches such a descriptor.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_CHECK_PRAGMA, runtimeSourceOf } from '../../generator/emit/unchecked.js';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The generated packages, and the golden fixtures (whose runtime is not kept: generator/runtime/ is copied in). */
const PACKAGES: Array<{ name: string; src: string; runtime: boolean }> = [
  ...PROVIDERS.map((provider) => ({
    name: provider,
    src: join(repoRoot, 'generated', provider, 'src'),
    runtime: true,
  })),
  ...['tasker', 'odd-names', 'split'].map((fixture) => ({
    name: `golden ${fixture}`,
    src: join(repoRoot, 'test', 'golden', fixture, 'src'),
    runtime: false,
  })),
];

/** A scratch copy of a package's src/, with operations.ts replaced by `operations`. */
async function packageWith(pkg: (typeof PACKAGES)[number], operations: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'specsmith-unchecked-'));
  dirs.push(dir);
  await cp(pkg.src, join(dir, 'src'), { recursive: true });
  if (!pkg.runtime) await cp(join(repoRoot, 'generator', 'runtime'), join(dir, 'src', 'runtime'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const path = join(dir, 'src', 'operations.ts');
  await writeFile(path, operations(await readFile(path, 'utf8')));
  return dir;
}

const withoutPragma = (text: string): string => {
  expect(text.split('\n').slice(0, 3)).toContain(NO_CHECK_PRAGMA);
  return text.replace(`${NO_CHECK_PRAGMA}\n`, '');
};

/** The first descriptor's HTTP method set to one the runtime's `HttpMethod` type does not have. */
const wrongMethod = (text: string): string => {
  const changed = text.replace(/method: '(get|post|put|patch|delete|head|options|trace)'/, "method: 'fetch'");
  expect(changed).not.toBe(text);
  return changed;
};

describe.each(PACKAGES)('$name: the descriptors a package build does not check', (pkg) => {
  it('type-check against the runtime’s types without the pragma', async () => {
    const dir = await packageWith(pkg, withoutPragma);
    expect(await typecheck(dir, { files: ['src/operations.ts'] })).toBe('');
  }, 120_000);

  it('a wrong descriptor passes under the pragma and fails without it', async () => {
    const unchecked = await packageWith(pkg, wrongMethod);
    expect(await typecheck(unchecked, { files: ['src/operations.ts'] })).toBe('');
    const checked = await packageWith(pkg, (text) => wrongMethod(withoutPragma(text)));
    expect(await typecheck(checked, { files: ['src/operations.ts'] })).toMatch(
      /src\/operations\.ts\(\d+,\d+\): error TS2322: Type '"fetch"' is not assignable to type 'HttpMethod'/,
    );
  }, 120_000);
});

describe('the runtime copies', () => {
  it('are generator/runtime/ verbatim under the pragma, which the repository’s own tsc checks', async () => {
    const copy = await readFile(join(repoRoot, 'generated', 'hot', 'src', 'runtime', 'core.ts'), 'utf8');
    expect(copy.startsWith(`${NO_CHECK_PRAGMA}\n`)).toBe(true);
    expect(runtimeSourceOf(copy)).toBe(await readFile(join(repoRoot, 'generator', 'runtime', 'core.ts'), 'utf8'));
    const rootConfig = JSON.parse(await readFile(join(repoRoot, 'tsconfig.json'), 'utf8')) as {
      include: string[];
      exclude: string[];
    };
    expect(rootConfig.include).toContain('generator/**/*.ts');
    expect(rootConfig.exclude.some((pattern) => pattern.startsWith('generator/runtime'))).toBe(false);
  });
});
