/**
 * Shared by the generator tests: tiny in-memory specs, the CLI run in-process
 * (its `main`, with stdout and stderr captured), directory hashing for
 * "nothing was written" checks, temp dirs, the installed binary, and the
 * TypeScript compiler.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { buildModel } from '../../generator/model/index.js';
import type { ApiModel, OperationModel } from '../../generator/model/types.js';
import { repoRoot } from '../support/redocly.js';
import { runTsc } from '../support/typecheck.js';

export { repoRoot };

export type Json = Record<string, unknown>;

export const fixturesDir = join(repoRoot, 'test', 'fixtures', 'specs');
export const goldenDir = join(repoRoot, 'test', 'golden');
/** The installed binary, which runs the compiled generator (generator/dist, from `npm run compile`). */
export const specsmithBin = join(repoRoot, 'generator', 'bin', 'specsmith.js');

/** A minimal OpenAPI 3.1 document around some paths; `extra` adds or replaces root fields. */
export function spec(paths: Json, extra: Json = {}): Json {
  return { openapi: '3.1.0', info: { title: 'Test API', version: '1' }, paths, ...extra };
}

export function model(document: Json): ApiModel {
  return buildModel(document, { source: 'specs/test/openapi.yaml' });
}

export function operation(api: ApiModel, operationId: string): OperationModel {
  const found = api.operations.find((candidate) => candidate.operationId === operationId);
  if (!found)
    throw new Error(
      `no operation ${operationId} in the model (has ${api.operations.map((op) => op.operationId).join(', ')})`,
    );
  return found;
}

/** A `responses` object with a bare 200. */
export const ok = { '200': { description: 'OK' } };

/** A JSON response with this schema. */
export function jsonResponse(schema: Json, description = 'OK'): Json {
  return { description, content: { 'application/json': { schema } } };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `specsmith <argv>` in this process, as generator/bin/specsmith.js does, and captures what it prints. */
export async function runCli(argv: string[], cwd = repoRoot): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv, cwd);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Runs `specsmithBin <argv>` in a child process and captures what it prints; never rejects on a non-zero exit. */
export function runBinary(argv: string[], cwd = repoRoot): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [specsmithBin, ...argv], { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Every entry under `root` (files, directories, dot-entries) with a hash of each file's bytes. */
export async function hashTree(root: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (!existsSync(root)) return result;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      const key = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        result.set(`${key}/`, 'dir');
        await walk(path);
      } else {
        result.set(
          key,
          createHash('sha256')
            .update(await readFile(path))
            .digest('hex'),
        );
      }
    }
  };
  await walk(root);
  return result;
}

/** Relative paths of every file under `root`, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  return [...(await hashTree(root)).entries()].filter(([, hash]) => hash !== 'dir').map(([path]) => path);
}

export async function tempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `specsmith-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** `tsc --noEmit -p <tsconfig>` with the repository's TypeScript; returns the exit code and the diagnostics it printed. */
export async function typecheck(tsconfig: string): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await runTsc(tsconfig, repoRoot);
  return { code, output: stdout + stderr };
}
