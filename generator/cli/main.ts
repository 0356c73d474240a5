/**
 * The `specsmith` command line. Exit codes: 0 success, 1 stale output or a
 * failed run, 2 bad usage.
 */
import { resolve } from 'node:path';
import { SpecError } from '../diagnostics.js';
import type { LoadOptions } from '../load/load-spec.js';
import { parseArgs, UsageError } from './args.js';
import { internalError } from './internal-error.js';
import { defaultTargets, singleTarget, type GenerateTarget } from './targets.js';

const USAGE = `Usage:
  specsmith init [--scope @name] [--name <spec-folder>]      specsmith.config.json and a sample specs/<name>/openapi.yaml
  specsmith build [--force]                            lint, generate, compile and document every spec (cached)
  specsmith generate                                   every specs/<name>/openapi.yaml into generated/<name>/
  specsmith generate <spec-file> --out <dir> [--name <package-name>]
  specsmith docs                                       API references of every spec into docs/
  specsmith docs <spec-file> --out <dir> [--name <package-name>]
  specsmith diff <old-spec> <new-spec> [--format text|json|markdown] [--fail-on breaking]
  specsmith diff <revision> [<revision>] -- <spec-file>     the spec at a git revision (or two)
  specsmith release [<name>...] [--dry-run] [--at <revision>]
                                                       next version, CHANGELOG.md and released spec of each
                                                       package (releases/<name>/, specsmith.config.json)
Options:
  --check     write nothing; exit 1 and list the files that would change
  --watch     regenerate when a spec changes
  --verbose   print the time of each stage (and the stack of an internal error)
  --force     (build) ignore the cache
  --allow-ref-root <dir>   also read $ref'd files under <dir> (repeatable; by default only
                           files under the spec's own folder are read)
  --max-file-size <bytes>  largest spec or referenced file read (default 16M; K and M suffixes)
  --help      this text
Output: a .specsmith-manifest.json in each output folder lists the files written; a run
replaces only those and keeps everything else. A non-empty folder without one is refused.`;

/** `16777216`, `512K`, `16M` (binary units). */
function parseSize(text: string): number {
  const match = /^(\d+)\s*([KM])?(?:i?B)?$/i.exec(text.trim());
  if (!match) throw new UsageError(`--max-file-size takes a number of bytes, e.g. 16M, not "${text}"`);
  const unit = match[2]?.toUpperCase();
  const bytes = Number(match[1]) * (unit === 'M' ? 1024 * 1024 : unit === 'K' ? 1024 : 1);
  if (!Number.isSafeInteger(bytes) || bytes <= 0)
    throw new UsageError(`--max-file-size must be a positive size, not "${text}"`);
  return bytes;
}

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  try {
    if (argv[0] === 'diff') {
      const { runDiff } = await import('./diff-command.js');
      return await runDiff(argv.slice(1), cwd);
    }
    if (argv[0] === 'init') {
      const { runInit } = await import('./init-command.js');
      return runInit(argv.slice(1), cwd);
    }
    if (argv[0] === 'release') {
      const { runRelease } = await import('./release-command.js');
      return await runRelease(argv.slice(1), cwd);
    }
    const args = parseArgs(
      argv,
      ['out', 'name', 'max-file-size'],
      ['check', 'watch', 'verbose', 'help', 'force'],
      ['allow-ref-root'],
    );
    if (args.flags.has('help') || args.command === undefined || args.command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return args.command === undefined && !args.flags.has('help') ? 2 : 0;
    }
    if (args.command === 'build') {
      if (args.positionals.length > 0 || args.flags.has('out') || args.flags.has('check') || args.flags.has('watch'))
        throw new UsageError('build takes no spec, --out, --check or --watch');
      // Commands load their modules on demand: a cached build must not pay for TypeScript and ts-morph.
      const { runBuild } = await import('./build-command.js');
      return await runBuild({ cwd, verbose: args.flags.has('verbose'), force: args.flags.has('force') });
    }
    if (args.command !== 'generate' && args.command !== 'docs')
      throw new UsageError(`unknown command "${args.command}"`);
    if (args.positionals.length > 1) throw new UsageError('give at most one spec file');
    const out = args.flags.get('out');
    const name = args.flags.get('name');
    const spec = args.positionals[0];
    const { runGenerate, watchGenerate } = await import('./generate-command.js');
    const targets: GenerateTarget[] = spec
      ? [
          singleTarget(
            spec,
            typeof out === 'string' ? out : undefined,
            typeof name === 'string' ? name : undefined,
            cwd,
          ),
        ]
      : defaultTargets(cwd);
    if (!spec && (out || name)) throw new UsageError('--out and --name need a spec file');
    const maxFileSize = args.flags.get('max-file-size');
    const load: LoadOptions = {
      allowRefRoots: args.lists.get('allow-ref-root') ?? [],
      maxFileBytes: typeof maxFileSize === 'string' ? parseSize(maxFileSize) : undefined,
    };
    const flags = { check: args.flags.has('check'), verbose: args.flags.has('verbose'), cwd, load };
    if (args.command === 'docs') {
      if (args.flags.has('watch')) throw new UsageError('docs has no --watch');
      const { runDocs } = await import('./docs-command.js');
      return await runDocs(targets, { ...flags, out: spec && typeof out === 'string' ? resolve(cwd, out) : undefined });
    }
    if (args.flags.has('watch')) {
      if (flags.check) throw new UsageError('--watch and --check cannot be combined');
      return await watchGenerate(targets, flags);
    }
    return await runGenerate(targets, flags);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`specsmith: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof SpecError) {
      // Diagnostics a command did not report itself (e.g. `build` refusing an output folder).
      process.stderr.write(`${error.message}\nspecsmith: nothing more was written\n`);
      return 1;
    }
    // The last resort: a bug, not bad input (that is a diagnostic). One line, the stack only with --verbose.
    process.stderr.write(internalError(error, argv.includes('--verbose')));
    return 1;
  }
}
