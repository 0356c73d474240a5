/**
 * `specsmith diff <old-spec> <new-spec>`, `specsmith diff <rev> -- <spec>`
 * (the spec at a git revision against the working tree) and
 * `specsmith diff <rev> <rev> -- <spec>`. Exit codes: 0 nothing at or above
 * `--fail-on`, 1 changes at or above it (or a spec that cannot be read),
 * 2 bad usage.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SpecError } from '../diagnostics.js';
import { diffSpecs } from '../diff/diff-specs.js';
import { DIFF_FORMATS, formatDiff, type DiffFormat } from '../diff/format-diff.js';
import type { ChangeKind } from '../diff/rules.js';
import { fileSource, gitSource, type SpecSource } from '../diff/spec-source.js';
import { parseArgs, UsageError } from './args.js';

const FAIL_LEVELS = ['breaking', 'non-breaking', 'informational', 'none'] as const;
type FailOn = (typeof FAIL_LEVELS)[number];
const SEVERITY: Record<ChangeKind, number> = { breaking: 3, 'non-breaking': 2, informational: 1 };

/** Whether the worst change found reaches the `--fail-on` level. */
export function fails(worst: ChangeKind | undefined, failOn: FailOn): boolean {
  if (failOn === 'none' || worst === undefined) return false;
  return SEVERITY[worst] >= SEVERITY[failOn];
}

function sources(before: string[], after: string[], cwd: string): [SpecSource, SpecSource] {
  if (after.length === 0) {
    if (before.length !== 2)
      throw new UsageError(
        'diff takes two spec files, or a revision and a spec: specsmith diff HEAD~1 -- specs/x/openapi.yaml',
      );
    for (const file of before)
      if (!existsSync(resolve(cwd, file)))
        throw new UsageError(
          `spec file not found: ${file} (to compare a git revision, name the spec after --: specsmith diff ${file} -- <spec>)`,
        );
    return [fileSource(before[0] ?? '', cwd), fileSource(before[1] ?? '', cwd)];
  }
  if (after.length !== 1) throw new UsageError('name exactly one spec after --');
  const spec = after[0] ?? '';
  if (before.length === 1) {
    if (!existsSync(resolve(cwd, spec))) throw new UsageError(`spec file not found: ${spec}`);
    const old = gitSource(before[0] ?? '', spec, cwd);
    return [old, fileSource(spec, cwd)];
  }
  if (before.length === 2) {
    const old = gitSource(before[0] ?? '', spec, cwd);
    try {
      return [old, gitSource(before[1] ?? '', spec, cwd)];
    } catch (error) {
      old.dispose();
      throw error;
    }
  }
  throw new UsageError('give one or two revisions before --');
}

export async function runDiff(argv: readonly string[], cwd: string): Promise<number> {
  const split = argv.indexOf('--');
  const head = split === -1 ? argv : argv.slice(0, split);
  const tail = split === -1 ? [] : argv.slice(split + 1);
  const args = parseArgs(['diff', ...head], ['format', 'fail-on'], ['verbose'], ['allow-ref-root']);
  const format = args.flags.get('format') ?? 'text';
  if (typeof format !== 'string' || !DIFF_FORMATS.includes(format as DiffFormat))
    throw new UsageError(`--format takes ${DIFF_FORMATS.join(', ')}`);
  const failOn = args.flags.get('fail-on') ?? 'none';
  if (typeof failOn !== 'string' || !FAIL_LEVELS.includes(failOn as FailOn))
    throw new UsageError(`--fail-on takes ${FAIL_LEVELS.join(', ')}`);
  const [before, after] = sources(args.positionals, tail, cwd);
  try {
    const result = await diffSpecs(before, after, cwd, { allowRefRoots: args.lists.get('allow-ref-root') ?? [] });
    process.stdout.write(formatDiff(result, format as DiffFormat));
    if (fails(result.worst, failOn as FailOn)) {
      process.stderr.write(`specsmith: ${result.worst} changes found (--fail-on ${failOn})\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    process.stderr.write(
      `specsmith diff: ${error.diagnostics.length} problem${error.diagnostics.length === 1 ? '' : 's'}; nothing was compared\n${error.message}\n`,
    );
    return 1;
  } finally {
    before.dispose();
    after.dispose();
  }
}
