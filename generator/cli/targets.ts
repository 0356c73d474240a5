/** Which specs a command works on: every specs/<name>/openapi.yaml, or the one named on the command line. */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args.js';

export interface GenerateTarget {
  spec: string;
  out: string;
  packageName: string | undefined;
}

export function defaultTargets(cwd: string): GenerateTarget[] {
  const specsDir = join(cwd, 'specs');
  if (!existsSync(specsDir)) throw new UsageError('no spec given and no specs/ folder here: run `specsmith generate <spec-file> --out <dir>`');
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'openapi.yaml')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ spec: join(specsDir, name, 'openapi.yaml'), out: join(cwd, 'generated', name), packageName: `@specsmith/${name}` }));
}

export function singleTarget(spec: string, out: string | undefined, name: string | undefined, cwd: string): GenerateTarget {
  if (!out) throw new UsageError('--out <dir> is required when a spec file is given');
  if (!existsSync(resolve(cwd, spec))) throw new UsageError(`spec file not found: ${spec}`);
  return { spec: resolve(cwd, spec), out: resolve(cwd, out), packageName: name ?? `@specsmith/${basename(dirname(resolve(cwd, spec)))}` };
}
