/**
 * `tsc --noEmit` under strict over code written to a scratch folder, the way a
 * consumer of the generated packages compiles it: no Node types, the DOM
 * library for fetch, and the packages' dependencies resolved to the
 * repository's installs.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './redocly.js';

const run = promisify(execFile);

export const DEPENDENCY_PATHS: Record<string, string[]> = {
  'openapi-fetch': [join(repoRoot, 'node_modules/openapi-fetch/dist/index.d.mts')],
  '@modelcontextprotocol/sdk/*': [join(repoRoot, 'node_modules/@modelcontextprotocol/sdk/dist/esm/*')],
};

/** Writes a tsconfig into `dir` and runs tsc there; resolves to its error output ('' when it compiles). */
export async function typecheck(dir: string, sources: { files?: string[]; include?: string[] }, paths: Record<string, string[]> = {}): Promise<string> {
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], strict: true, noEmit: true, skipLibCheck: true, baseUrl: '.', paths: { ...DEPENDENCY_PATHS, ...paths } },
      ...sources,
    }),
  );
  // Run from the folder itself, so error lines start with paths relative to it.
  return run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
}
