/**
 * Stage 5, write: a package's files are written to a temporary directory next
 * to the output and swapped in with renames, so a reader never sees half a
 * package and a failed or interrupted run leaves the previous output exactly
 * as it was. Only files listed in the previous run's manifest are replaced or
 * removed; every other entry (dist/, node_modules/, a .env, notes) is carried
 * over into the new output. `check` compares instead of writing.
 */
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { SpecError } from '../diagnostics.js';
import { withManifest } from './manifest.js';
import { planOutput, type OutputPlan, type OutputRules } from './output-dir.js';
import { recoverInterrupted, swapPaths } from './recover-interrupted.js';
import { SwapJournal } from './swap-journal.js';

/** Entries of a package directory that its build and installs make; kept, and left out of build hashes. */
export const UNMANAGED = new Set(['dist', 'node_modules', '.turbo']);

export interface WriteOptions extends OutputRules {
  /** Called at each step of the swap (for tests that interrupt a write half-way). */
  onStep?: ((step: 'staged' | 'carried') => void | Promise<void>) | undefined;
}

async function changedFiles(
  outDir: string,
  files: ReadonlyMap<string, string>,
  owned: ReadonlySet<string>,
): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, text] of files) {
    const current = await readFile(join(outDir, path), 'utf8').catch(() => undefined);
    if (current !== text) stale.push(path);
  }
  // Files the previous run wrote that this one does not.
  for (const path of owned) if (!files.has(path) && existsSync(join(outDir, path))) stale.push(path);
  return stale.sort();
}

/**
 * Paths that differ between `files` (and their manifest) and the directory:
 * changed, missing, or written by an earlier run and no longer generated.
 * Files specsmith did not write are not its business and are not listed.
 */
export async function staleFiles(
  outDir: string,
  files: ReadonlyMap<string, string>,
  rules: OutputRules = {},
): Promise<string[]> {
  const all = withManifest(files);
  const { plan } = planOutput(outDir, all, rules);
  return changedFiles(outDir, all, plan.owned);
}

/** Yields to the event loop, so a SIGINT during a long write is handled between files. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function asWriteError(error: unknown, outDir: string, cwd: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof SpecError || typeof code !== 'string') return error;
  const path = (error as NodeJS.ErrnoException).path;
  const shown = relative(cwd, outDir) || '.';
  return new SpecError([
    {
      code: 'output-unwritable',
      severity: 'error',
      message: `the output ${shown} could not be written (${code}${path ? ` at ${relative(cwd, path) || path}` : ''}); it was left as it was`,
      pointer: '',
      file: shown,
      hint: 'Check that the folder and its parent are writable directories.',
    },
  ]);
}

export interface WriteResult {
  changed: string[];
  /** Interrupted writes of this output that were finished or undone first (recover-interrupted.ts). */
  recovered: string[];
}

export async function writeOutput(
  outDir: string,
  files: ReadonlyMap<string, string>,
  options: WriteOptions = {},
): Promise<WriteResult> {
  const cwd = options.cwd ?? process.cwd();
  // A write killed outright (SIGKILL) left its staging folder: finish or undo it first.
  let recovered: string[];
  try {
    recovered = recoverInterrupted(outDir);
  } catch (error) {
    throw asWriteError(error, outDir, cwd);
  }
  const all = withManifest(files);
  const { diagnostics, plan } = planOutput(outDir, all, options);
  if (diagnostics.length > 0) throw new SpecError(diagnostics);
  const changed = await changedFiles(outDir, all, plan.owned);
  if (changed.length === 0) return { changed, recovered };
  try {
    await swapIn(outDir, all, plan, options);
  } catch (error) {
    throw asWriteError(error, outDir, cwd);
  }
  return { changed, recovered };
}

/**
 * Creates the missing folders above the output one at a time and returns them
 * (outermost first), so a failed run can remove them again. Not `mkdir
 * { recursive: true }`: under /proc, Node 20's recursive mkdir retries forever.
 */
function createParents(dir: string): string[] {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current) && dirname(current) !== current; current = dirname(current))
    missing.unshift(current);
  const created: string[] = [];
  try {
    for (const folder of missing) {
      mkdirSync(folder);
      created.push(folder);
    }
  } catch (error) {
    removeFolders(created);
    throw error;
  }
  return created;
}

function removeFolders(created: readonly string[]): void {
  for (const folder of [...created].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // no longer empty: someone else's now
    }
  }
}

async function swapIn(
  outDir: string,
  files: ReadonlyMap<string, string>,
  plan: OutputPlan,
  options: WriteOptions,
): Promise<void> {
  const parent = dirname(outDir);
  const createdParents = createParents(parent);
  const journal = new SwapJournal(outDir, swapPaths(outDir, `${process.pid}-${Date.now()}`));
  try {
    mkdirSync(journal.staging);
    for (const [path, text] of files) {
      const target = join(journal.staging, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      await turn();
    }
    await options.onStep?.('staged');
    if (existsSync(outDir)) {
      journal.recordCarried(plan.carried);
      for (const path of plan.carried)
        journal.carry(join(outDir, ...path.split('/')), join(journal.staging, ...path.split('/')));
      await options.onStep?.('carried');
      journal.retireOld();
    }
    journal.swapIn();
  } catch (error) {
    journal.rollback();
    removeFolders(createdParents);
    throw error;
  }
  journal.finish();
}
