/**
 * Every `ts` code block in the generated packages' READMEs compiles under
 * strict against the package it documents, so the docs never show code that
 * does not work.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { typecheck } from '../support/typecheck.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\``, 'gm'))].map((match) => match[1] ?? '');
}

describe.each(PROVIDERS)('%s README', (provider) => {
  it('has a ts example for every operation, and every ts block type-checks', async () => {
    const packageDir = join(repoRoot, 'generated', provider);
    const readme = await readFile(join(packageDir, 'README.md'), 'utf8');
    const blocks = codeBlocks(readme, 'ts');
    const api = await readFile(join(packageDir, 'api.md'), 'utf8');
    const methods = [...api.matchAll(/^\| `[^.`]+\.([\w.]+)\(/gm)].map((match) => match[1] ?? '');
    // Each method of the index appears in at least one example.
    const missing = methods.filter((method) => !blocks.some((block) => block.includes(`.${method}(`)));
    expect(missing).toEqual([]);

    const dir = await mkdtemp(join(tmpdir(), `specsmith-readme-${provider}-`));
    dirs.push(dir);
    const files = await Promise.all(
      blocks.map(async (block, index) => {
        const file = `block-${String(index).padStart(3, '0')}.ts`;
        await writeFile(join(dir, file), block.includes('import ') ? block : `export {};\n${block}`);
        return file;
      }),
    );
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    const result = await typecheck(dir, { files }, { [`@specsmith/${provider}`]: [join(packageDir, 'src/index.ts')] });
    expect(result).toBe('');
    expect(blocks.length).toBeGreaterThan(methods.length / 2);
  });
});
