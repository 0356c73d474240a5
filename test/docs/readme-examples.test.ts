/**
 * Every `ts` code block in the generated packages' READMEs compiles under
 * strict against the package it documents, so the docs never show code that
 * does not work.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';

const run = promisify(execFile);
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
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          baseUrl: '.',
          paths: { [`@specsmith/${provider}`]: [join(packageDir, 'src/index.ts')], 'openapi-fetch': [join(repoRoot, 'node_modules/openapi-fetch/dist/index.d.mts')] },
        },
        files,
      }),
    );
    const result = await run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir]).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
    expect(blocks.length).toBeGreaterThan(methods.length / 2);
  });
});
