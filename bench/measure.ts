/**
 * Timing and peak memory of a command, run as its own process. GNU time
 * (`/usr/bin/time`) reports the peak resident set size; without it only the
 * wall time is measured.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  ms: number;
  /** Peak RSS in MB, when GNU time is available. */
  rssMb: number | undefined;
}

const GNU_TIME = '/usr/bin/time';

export async function measure(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Sample> {
  const scratch = await mkdtemp(join(tmpdir(), 'specsmith-bench-'));
  const report = join(scratch, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [program, programArgs] = useTime
    ? [GNU_TIME, ['-f', '%M', '-o', report, command, ...args]]
    : [command, [...args]];
  const started = performance.now();
  // The output is kept only to explain a failure.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(program, programArgs, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${text.slice(-2000)}`)),
    );
  });
  const ms = performance.now() - started;
  const rssKb = useTime ? Number((await readFile(report, 'utf8')).trim().split('\n').at(-1)) : Number.NaN;
  await rm(scratch, { recursive: true, force: true });
  return { ms, rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Summary {
  medianMs: number;
  peakRssMb: number | undefined;
  runs: number[];
}

/** Runs `once` `runs` times (after `setup` before each) and summarises. */
export async function repeat(runs: number, once: () => Promise<Sample>, setup?: () => Promise<void>): Promise<Summary> {
  const samples: Sample[] = [];
  for (let index = 0; index < runs; index++) {
    await setup?.();
    samples.push(await once());
  }
  const rss = samples.map((sample) => sample.rssMb).filter((value): value is number => value !== undefined);
  return {
    medianMs: median(samples.map((sample) => sample.ms)),
    peakRssMb: rss.length > 0 ? Math.max(...rss) : undefined,
    runs: samples.map((sample) => Math.round(sample.ms)),
  };
}
