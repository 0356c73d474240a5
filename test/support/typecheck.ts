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
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

export interface TscResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tsc --noEmit -p <project>` with the repository's TypeScript, run from `cwd`; resolves (never rejects) with the exit code and what tsc printed. */
export async function runTsc(project: string, cwd = repoRoot): Promise<TscResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsc, '--noEmit', '-p', project], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: unknown; stdout?: string; stderr?: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      stdout: failure.stdout ?? String(error),
      stderr: failure.stderr ?? '',
    };
  }
}

export const DEPENDENCY_PATHS: Record<string, string[]> = {
  'openapi-fetch': [join(repoRoot, 'node_modules/openapi-fetch/dist/index.d.mts')],
  '@modelcontextprotocol/sdk/*': [join(repoRoot, 'node_modules/@modelcontextprotocol/sdk/dist/esm/*')],
};

/** Writes a tsconfig into `dir` and runs tsc there; resolves to its error output ('' when it compiles). */
export async function typecheck(
  dir: string,
  sources: { files?: string[]; include?: string[] },
  paths: Record<string, string[]> = {},
): Promise<string> {
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
        paths: { ...DEPENDENCY_PATHS, ...paths },
      },
      ...sources,
    }),
  );
  // Run from the folder itself, so error lines start with paths relative to it.
  const { code, stdout } = await runTsc(dir, dir);
  return code === 0 ? '' : stdout;
}
