/**
 * The record of one output swap (staging -> output), so it can be undone at
 * any step: after an error, and from a SIGINT/SIGTERM handler, which is why
 * undoing is synchronous. Every rename is made with renameSync right after it
 * is recorded, so a signal (handled only between event-loop turns) never
 * meets a rename half-known.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SwapPaths } from './recover-interrupted.js';

const active = new Set<SwapJournal>();

export class SwapJournal {
  readonly #moves: Array<{ from: string; to: string }> = [];
  #swapped = false;

  readonly staging: string;
  readonly retired: string;
  /** Lists the carried paths on disk, for recovery after a kill no handler sees (recover-interrupted.ts). */
  readonly journal: string;

  constructor(
    readonly outDir: string,
    paths: SwapPaths,
  ) {
    this.staging = paths.staging;
    this.retired = paths.retired;
    this.journal = paths.journal;
    active.add(this);
  }

  /** Records, before any is moved, which entries of the old output will be carried into the staging directory. */
  recordCarried(paths: readonly string[]): void {
    writeFileSync(this.journal, `${JSON.stringify({ carried: paths })}\n`);
  }

  /** Moves an entry of the old output into the staging directory. */
  carry(from: string, to: string): void {
    mkdirSync(dirname(to), { recursive: true });
    this.#moves.push({ from, to });
    renameSync(from, to);
  }

  retireOld(): void {
    renameSync(this.outDir, this.retired);
  }

  swapIn(): void {
    renameSync(this.staging, this.outDir);
    this.#swapped = true;
  }

  /** After a successful swap: the old generated files go. */
  finish(): void {
    rmSync(this.retired, { recursive: true, force: true });
    rmSync(this.journal, { force: true });
    active.delete(this);
  }

  /** Puts the previous output back exactly as it was and removes the staging directory. */
  rollback(): void {
    active.delete(this);
    if (this.#swapped) {
      // The new output is in place; only the retired one is left to remove.
      rmSync(this.retired, { recursive: true, force: true });
      rmSync(this.journal, { force: true });
      return;
    }
    if (!existsSync(this.outDir) && existsSync(this.retired)) renameSync(this.retired, this.outDir);
    for (const { from, to } of [...this.#moves].reverse()) {
      if (existsSync(to) && !existsSync(from)) {
        mkdirSync(dirname(from), { recursive: true });
        renameSync(to, from);
      }
    }
    rmSync(this.staging, { recursive: true, force: true });
    rmSync(this.journal, { force: true });
  }
}

/** Undoes every swap under way; for signal and exit handlers. */
export function rollbackActiveSwaps(): number {
  const swaps = [...active];
  for (const swap of swaps) {
    try {
      swap.rollback();
    } catch {
      // Best effort: one failed undo must not stop the others.
    }
  }
  return swaps.length;
}
