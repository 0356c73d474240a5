/** `specsmith docs`: every spec's API reference and the landing page into docs/ (or compare with `--check`). */
import { basename, dirname, join, relative } from 'node:path';
import { SpecError } from '../diagnostics.js';
import type { LoadOptions } from '../load/load-spec.js';
import { buildDocs } from '../docs/build-docs.js';
import { staleFiles, writeOutput } from '../write/write-output.js';
import type { GenerateTarget } from './targets.js';

export async function runDocs(
  targets: GenerateTarget[],
  flags: { check: boolean; cwd: string; out?: string | undefined; load?: LoadOptions | undefined },
): Promise<number> {
  const docsDir = flags.out ?? join(flags.cwd, 'docs');
  const started = performance.now();
  let files;
  try {
    files = await buildDocs(
      targets.map((target) => ({
        name: basename(target.out),
        spec: target.spec,
        packageName: target.packageName,
        packageVersion: target.packageVersion,
        changelog: target.publish?.changelog,
      })),
      flags.cwd,
      flags.load,
    );
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    // The message is the formatted diagnostics, one per line.
    process.stderr.write(`${error.message}\n`);
    process.stderr.write('specsmith: docs not built; nothing was written\n');
    return 1;
  }
  if (flags.check) {
    const stale = await staleFiles(docsDir, files, { cwd: flags.cwd });
    for (const path of stale) process.stdout.write(`${relative(flags.cwd, join(docsDir, path))}\n`);
    if (stale.length > 0)
      process.stderr.write(
        `specsmith: ${stale.length} docs file${stale.length === 1 ? ' is' : 's are'} stale; run \`specsmith docs\`\n`,
      );
    return stale.length > 0 ? 1 : 0;
  }
  let changed: string[];
  let recovered: string[];
  try {
    ({ changed, recovered } = await writeOutput(docsDir, files, {
      protectedDirs: targets.map((target) => dirname(target.spec)),
      cwd: flags.cwd,
    }));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stderr.write(`${error.message}\nspecsmith: docs not written\n`);
    return 1;
  }
  for (const sentence of recovered) process.stderr.write(`specsmith: ${sentence}\n`);
  process.stderr.write(
    `specsmith: ${relative(flags.cwd, docsDir) || docsDir}: ${changed.length === 0 ? 'up to date' : `${changed.length} file${changed.length === 1 ? '' : 's'} written`} (${Math.round(performance.now() - started)} ms)\n`,
  );
  return 0;
}
