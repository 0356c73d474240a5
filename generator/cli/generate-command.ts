/**
 * `specsmith generate`: every spec under specs/ into generated/<name>/ (and
 * its MCP server into generated/<name>-mcp/), or one spec into --out (and
 * <out>-mcp). All packages are generated before any is written, so one bad
 * spec leaves every output untouched.
 */
import { watch } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { formatDiagnostic, SpecError, type Diagnostic } from '../diagnostics.js';
import type { LoadOptions } from '../load/load-spec.js';
import { generatePackage, type GeneratedPackage } from '../pipeline.js';
import { withManifest } from '../write/manifest.js';
import { planOutput } from '../write/output-dir.js';
import { staleFiles, writeOutput } from '../write/write-output.js';
import { internalError } from './internal-error.js';
import type { GenerateTarget } from './targets.js';

export interface GenerateFlags {
  check: boolean;
  verbose: boolean;
  cwd: string;
  load?: LoadOptions | undefined;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The packages one spec makes, each with the folder it goes to. */
function outputs(target: GenerateTarget, result: GeneratedPackage): Array<[string, Map<string, string>]> {
  return [
    [target.out, result.files],
    [target.mcpOut, result.mcp],
  ];
}

/** Generates all targets; returns the exit code. */
export async function runGenerate(targets: GenerateTarget[], flags: GenerateFlags): Promise<number> {
  const generated: Array<{ target: GenerateTarget; result: GeneratedPackage }> = [];
  let failed = false;
  for (const target of targets) {
    const label = relative(flags.cwd, target.spec) || target.spec;
    const started = performance.now();
    try {
      const result = await generatePackage(target.spec, {
        ...flags.load,
        packageName: target.packageName,
        packageVersion: target.packageVersion,
        publish: target.publish,
        cwd: flags.cwd,
      });
      generated.push({ target, result });
      log(
        `specsmith: ${label}: ${result.model.operations.length} operations, ${result.files.size} + ${result.mcp.size} (MCP) files (${Math.round(performance.now() - started)} ms)`,
      );
      if (flags.verbose)
        for (const timing of result.timings) log(`  ${timing.stage.padEnd(9)} ${timing.ms.toFixed(1).padStart(8)} ms`);
      if (flags.verbose)
        for (const rename of result.model.renames)
          log(
            `  renamed   ${rename.subject}: ${rename.wanted} -> ${rename.name} (${rename.reason === 'reserved' ? 'a reserved name' : rename.reason === 'taken' ? 'already taken' : 'not an identifier'})`,
          );
    } catch (error) {
      failed = true;
      if (error instanceof SpecError) {
        log(
          `specsmith: ${label}: ${error.diagnostics.length} problem${error.diagnostics.length === 1 ? '' : 's'}; nothing was written`,
        );
        log(error.message); // the formatted diagnostics, one per line
      } else {
        log(
          `specsmith: ${label}: ${internalError(error, flags.verbose)
            .replace(/^specsmith: /, '')
            .trimEnd()}`,
        );
      }
    }
  }
  if (failed) return 1;
  // Every output is checked before any is written: one refused folder leaves all of them untouched.
  const refused: Diagnostic[] = flags.check
    ? []
    : generated.flatMap(
        ({ target, result }) =>
          planOutput(target.out, withManifest(result.files), { protectedDirs: [dirname(target.spec)], cwd: flags.cwd })
            .diagnostics,
      );
  if (refused.length > 0) {
    log(`specsmith: ${refused.length} problem${refused.length === 1 ? '' : 's'} with the output; nothing was written`);
    log(refused.map(formatDiagnostic).join('\n'));
    return 1;
  }
  if (flags.check) {
    let stale = 0;
    for (const { target, result } of generated) {
      for (const [out, files] of outputs(target, result)) {
        for (const path of await staleFiles(out, files, { cwd: flags.cwd })) {
          stale++;
          process.stdout.write(`${relative(flags.cwd, join(out, path))}\n`);
        }
      }
    }
    if (stale > 0)
      log(`specsmith: ${stale} generated file${stale === 1 ? ' is' : 's are'} stale; run \`specsmith generate\``);
    return stale > 0 ? 1 : 0;
  }
  for (const { target, result } of generated) {
    for (const [out, files] of outputs(target, result)) {
      const started = performance.now();
      let changed: string[];
      let recovered: string[];
      try {
        ({ changed, recovered } = await writeOutput(out, files, {
          protectedDirs: [dirname(target.spec)],
          cwd: flags.cwd,
        }));
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        log(`specsmith: ${relative(flags.cwd, out) || out}: not written`);
        log(error.message);
        return 1;
      }
      for (const sentence of recovered) log(`specsmith: ${sentence}`);
      if (flags.verbose)
        log(`  write     ${(performance.now() - started).toFixed(1).padStart(8)} ms (${changed.length} changed)`);
      log(
        `specsmith: ${relative(flags.cwd, out) || out}: ${changed.length === 0 ? 'up to date' : `${changed.length} file${changed.length === 1 ? '' : 's'} written`}`,
      );
    }
  }
  return 0;
}

/** Regenerates whenever a file under a spec's folder (the spec and the files it refers to there) changes. Never returns. */
export async function watchGenerate(targets: GenerateTarget[], flags: GenerateFlags): Promise<never> {
  let timer: NodeJS.Timeout | undefined;
  const cycle = async (): Promise<void> => {
    await runGenerate(targets, { ...flags, check: false });
    log('specsmith: watching for changes (Ctrl-C to stop)');
  };
  for (const folder of new Set(targets.map((target) => dirname(target.spec)))) {
    watch(folder, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void cycle(), 150);
    });
  }
  await cycle();
  return new Promise<never>(() => undefined);
}
