/**
 * Recovery from a write that was killed outright (SIGKILL, power loss), which
 * no signal handler sees. A swap leaves siblings of the output folder named
 * `.<name>.specsmith-{new,old,journal}-<pid>-<time>`; when that pid is no
 * longer running, the next write of the same output finishes or undoes the
 * interrupted swap before it plans its own, so files a user kept in the
 * output (carried into the staging folder) are never lost and no staging
 * folder is left behind.
 *
 * The swap's order (write-output.ts) makes each state unambiguous:
 * staging -> journal of carried paths -> carry -> retire old -> swap in -> finish.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface SwapPaths {
  staging: string;
  retired: string;
  journal: string;
}

export function swapPaths(outDir: string, suffix: string): SwapPaths {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return {
    staging: join(parent, `.${name}.specsmith-new-${suffix}`),
    retired: join(parent, `.${name}.specsmith-old-${suffix}`),
    journal: join(parent, `.${name}.specsmith-journal-${suffix}.json`),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function carriedPaths(journal: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(journal, 'utf8'));
    const carried = (parsed as { carried?: unknown }).carried;
    return Array.isArray(carried)
      ? carried.filter((path): path is string => typeof path === 'string' && !path.split('/').includes('..'))
      : [];
  } catch {
    return [];
  }
}

/** Puts carried files back into the output they were taken from (killed before the old output was retired). */
function returnCarried(outDir: string, paths: SwapPaths): void {
  for (const path of carriedPaths(paths.journal)) {
    const from = join(paths.staging, ...path.split('/'));
    const to = join(outDir, ...path.split('/'));
    if (existsSync(from) && !existsSync(to)) {
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
  }
}

/**
 * Finishes or undoes every swap of `outDir` left by a process that no longer
 * runs. Returns one sentence per recovered swap, for `--verbose`.
 */
export function recoverInterrupted(outDir: string): string[] {
  const parent = dirname(outDir);
  const name = basename(outDir);
  // No folder above the output (or a file there): nothing was ever staged; the planner reports the path.
  if (!statSync(parent, { throwIfNoEntry: false })?.isDirectory()) return [];
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}\\.specsmith-(?:new|old|journal)-((\\d+)-\\d+)(?:\\.json)?$`);
  const suffixes = new Map<string, number>();
  for (const entry of readdirSync(parent)) {
    const match = pattern.exec(entry);
    if (match?.[1] && match[2]) suffixes.set(match[1], Number(match[2]));
  }
  const recovered: string[] = [];
  for (const [suffix, pid] of [...suffixes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (isRunning(pid)) continue;
    const paths = swapPaths(outDir, suffix);
    if (existsSync(paths.retired)) {
      if (!existsSync(outDir)) {
        // Killed between retiring the old output and swapping in the new one: the staging folder is complete.
        renameSync(existsSync(paths.staging) ? paths.staging : paths.retired, outDir);
        recovered.push(`finished the write of ${name} interrupted by process ${pid}`);
      } else {
        recovered.push(`removed the previous output of ${name} left by process ${pid}`);
      }
      rmSync(paths.retired, { recursive: true, force: true });
    } else if (existsSync(paths.staging)) {
      returnCarried(outDir, paths);
      recovered.push(`undid the write of ${name} interrupted by process ${pid}; the output is as it was`);
    }
    rmSync(paths.staging, { recursive: true, force: true });
    rmSync(paths.journal, { force: true });
  }
  return recovered;
}
