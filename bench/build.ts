/**
 * `npm run build` of the four providers: a full build (cache cleared, package
 * outputs removed, so lint, generation, compilation and docs all run) and a
 * no-op rebuild with unchanged inputs (the content-hash cache answers).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { measure, repeat, type Summary } from './measure.js';

export interface BuildResults {
  full: Summary;
  noop: Summary;
}

export async function benchBuild(root: string, runs: number): Promise<BuildResults> {
  const clean = async (): Promise<void> => {
    await rm(join(root, '.specsmith-cache'), { recursive: true, force: true });
    for (const provider of ['agentmetal', 'heycmo', 'hot', 'hotmetal']) {
      await rm(join(root, 'generated', provider, 'dist'), { recursive: true, force: true });
      await rm(join(root, 'generated', provider, 'tsconfig.tsbuildinfo'), { force: true });
    }
  };
  process.stderr.write('bench: full build...\n');
  const full = await repeat(runs, () => measure('npm', ['run', 'build', '--silent'], { cwd: root }), clean);
  process.stderr.write('bench: no-op build...\n');
  const noop = await repeat(runs, () => measure('npm', ['run', 'build', '--silent'], { cwd: root }));
  return { full, noop };
}
