/**
 * `npm run format` (write) and `npm run format -- --check` (the test): the
 * repository's own TypeScript, formatted by the same module that formats
 * generated packages. Files git tracks or would track (git ls-files, new files included), so ignored
 * build output is never touched; generated/ and test/golden/ are the
 * generator's output, formatted when they are emitted.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSource } from './format-source.js';

/** Hand-written TypeScript: the toolkit, its tests and benchmarks, and the specs' custom code. */
const ROOTS = ['generator', 'test', 'bench', 'specs', 'vitest.config.ts'];
/** Inputs and outputs, not sources: fixtures may be malformed on purpose, goldens are emitted. */
const EXCLUDED = [/^test\/fixtures\//, /^test\/golden\//, /\/dist\//, /^bench\/(peers|results)\//];

/**
 * The files to format. Writing includes new files git does not track yet; the
 * check (run while other tests may write scratch files) reads tracked files only.
 */
export function repositorySources(root: string, untracked: boolean): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', ...(untracked ? ['--others', '--exclude-standard'] : []), '--', ...ROOTS],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return listed
    .split('\0')
    .filter(
      (path) =>
        /\.(ts|mts|cts)$/.test(path) && !path.endsWith('.d.ts') && !EXCLUDED.some((pattern) => pattern.test(path)),
    )
    .sort();
}

/** Files whose text differs from the formatter's; with `write`, they are rewritten. */
export function formatRepository(root: string, write: boolean): string[] {
  const changed: string[] = [];
  for (const path of repositorySources(root, write)) {
    const text = readFileSync(join(root, path), 'utf8');
    const formatted = formatSource(text, path);
    if (formatted === text) continue;
    changed.push(path);
    if (write) writeFileSync(join(root, path), formatted);
  }
  return changed;
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const check = process.argv.includes('--check');
  const changed = formatRepository(process.cwd(), !check);
  if (check && changed.length > 0) {
    process.stderr.write(
      `${changed.length} file(s) are not formatted (run \`npm run format\`):\n${changed.map((path) => `  ${path}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  if (!check) process.stdout.write(`formatted ${changed.length} file(s)\n`);
}
