/** `specsmith build`: lint, generate, compile and document every spec under specs/, skipping what has not changed. */
import { basename } from 'node:path';
import { buildAll } from '../build/build-all.js';
import { defaultTargets } from './targets.js';

export function runBuild(flags: { cwd: string; verbose: boolean; force: boolean }): Promise<number> {
  const targets = defaultTargets(flags.cwd).map((target) => ({
    ...target,
    name: basename(target.out),
    changelog: target.publish?.changelog,
  }));
  return buildAll(targets, flags);
}
