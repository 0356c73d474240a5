/**
 * Every `ts` code block in the generated packages' READMEs compiles under
 * strict against the package it documents, so the docs never show code that
 * does not work.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';
import { generatePackage } from '../../generator/pipeline.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map(
    (match) => match[1] ?? '',
  );
}

/** Checks one package folder's README: an example per method of its index, each `ts` block compiling. */
async function checkReadme(packageDir: string, packageName: string): Promise<void> {
  const readme = await readFile(join(packageDir, 'README.md'), 'utf8');
  const blocks = codeBlocks(readme, 'ts');
  const api = await readFile(join(packageDir, 'api.md'), 'utf8');
  const methods = [...api.matchAll(/^\| `[^.`]+\.([\w.]+)\(/gm)].map((match) => match[1] ?? '');
  // Each method of the index appears in at least one example.
  const missing = methods.filter((method) => !blocks.some((block) => block.includes(`.${method}(`)));
  expect(missing).toEqual([]);

  const dir = await mkdtemp(join(tmpdir(), 'specsmith-readme-'));
  dirs.push(dir);
  const files = await Promise.all(
    blocks.map(async (block, index) => {
      const file = `block-${String(index).padStart(3, '0')}.ts`;
      await writeFile(join(dir, file), block.includes('import ') ? block : `export {};\n${block}`);
      return file;
    }),
  );
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const result = await typecheck(
    dir,
    { files },
    { [packageName]: [join(packageDir, 'src/index.ts')], [`${packageName}/funcs`]: [join(packageDir, 'src/funcs.ts')] },
  );
  expect(result).toBe('');
  expect(blocks.length).toBeGreaterThan(methods.length / 2);
}

describe.each(PROVIDERS)('%s README', (provider) => {
  it('has a ts example for every operation, and every ts block type-checks', async () => {
    await checkReadme(join(repoRoot, 'generated', provider), `@specsmith/${provider}`);
  });
});

describe.each(['tasker', 'odd-names', 'split'])(
  'README of the %s fixture (a spec with few or no examples)',
  (fixture) => {
    it('still has compiling examples: placeholders follow the schemas', async () => {
      const out = await mkdtemp(join(tmpdir(), `specsmith-readme-${fixture}-`));
      dirs.push(out);
      const { files } = await generatePackage(join(repoRoot, 'test/fixtures/specs', fixture, 'openapi.yaml'), {
        cwd: repoRoot,
        packageName: `@fixture/${fixture}`,
      });
      for (const [path, text] of files) {
        await mkdir(dirname(join(out, path)), { recursive: true });
        await writeFile(join(out, path), text);
      }
      await checkReadme(out, `@fixture/${fixture}`);
    });
  },
);
