/** Runs the Redocly CLI from node_modules and returns its JSON report. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const cli = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string; source: { ref: string } }>;
}

export async function redoclyLint(target: string): Promise<{ problems: LintProblem[]; exitCode: number }> {
  try {
    const { stdout } = await run(process.execPath, [cli, 'lint', target, '--format=json'], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return { problems: (JSON.parse(stdout) as { problems: LintProblem[] }).problems, exitCode: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; code?: number };
    if (!failure.stdout) throw error;
    return {
      problems: (JSON.parse(failure.stdout) as { problems: LintProblem[] }).problems,
      exitCode: failure.code ?? 1,
    };
  }
}
