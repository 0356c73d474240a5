/**
 * `specsmith release [<name>...] [--at <revision>] [--dry-run]`: for each spec
 * under specs/ (or those named), the next version from the changes since its
 * last release, a CHANGELOG.md entry, the released spec kept under
 * releases/<name>/ and the version in specsmith.config.json; then the
 * packages are regenerated so generated/ is the release. `--at` releases the
 * specs as a git revision had them (to replay a spec's history); generated/
 * is then left for `specsmith generate`. Every plan is made before anything
 * is written: one bad spec leaves everything as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { SpecError } from '../diagnostics.js';
import { fileSource, gitSource, type SpecSource } from '../diff/spec-source.js';
import { CONFIG_FILE } from '../config/config-schema.js';
import { planRelease, type ReleasePlan } from '../release/plan-release.js';
import { changelogPath, releaseDir, releasedSpecPath } from '../release/released-state.js';
import { configWithVersions } from '../release/update-config.js';
import { updateLockfile } from '../release/update-lockfile.js';
import { parseArgs, UsageError } from './args.js';
import { defaultTargets } from './targets.js';

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function summary(plan: ReleasePlan): string {
  if (plan.changes === undefined) return `${plan.packageName} ${plan.version} (first release)`;
  const count = (kind: string): number => plan.changes?.filter((change) => change.kind === kind).length ?? 0;
  return `${plan.packageName} ${plan.previousVersion} -> ${plan.version} (${count('breaking')} breaking, ${count('non-breaking')} additions, ${count('informational')} other)`;
}

export async function runRelease(argv: readonly string[], cwd: string): Promise<number> {
  const args = parseArgs(['release', ...argv], ['at'], ['dry-run', 'verbose'], ['allow-ref-root']);
  const at = args.flags.get('at');
  if (at === true) throw new UsageError('--at needs a revision');
  const all = defaultTargets(cwd);
  const unknown = args.positionals.filter((name) => !all.some((target) => basename(target.out) === name));
  if (unknown.length > 0) throw new UsageError(`no spec folder specs/${unknown[0]}/ with an openapi.yaml`);
  const targets =
    args.positionals.length === 0 ? all : all.filter((target) => args.positionals.includes(basename(target.out)));
  const load = { allowRefRoots: args.lists.get('allow-ref-root') ?? [] };

  const plans: ReleasePlan[] = [];
  const problems: string[] = [];
  for (const target of targets) {
    const name = basename(target.out);
    const specPath = relative(cwd, target.spec).split('\\').join('/');
    let source: SpecSource | undefined;
    try {
      source = typeof at === 'string' ? gitSource(at, specPath, cwd) : fileSource(specPath, cwd);
      const plan = await planRelease({
        name,
        packageName: target.packageName ?? name,
        configuredVersion: target.packageVersion ?? '0.1.0',
        source,
        cwd,
        load,
      });
      if (plan) plans.push(plan);
      else log(`specsmith: ${target.packageName} ${target.packageVersion}: up to date`);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      problems.push(
        `specsmith: ${specPath}: ${error.diagnostics.length} problem${error.diagnostics.length === 1 ? '' : 's'}\n${error.message}`,
      );
    } finally {
      source?.dispose();
    }
  }
  if (problems.length > 0) {
    log(problems.join('\n'));
    log('specsmith: nothing was released');
    return 1;
  }
  for (const plan of plans)
    log(`specsmith: ${args.flags.has('dry-run') ? 'would release' : 'released'} ${summary(plan)}`);
  if (args.flags.has('dry-run') || plans.length === 0) return 0;

  for (const plan of plans) {
    mkdirSync(releaseDir(cwd, plan.name), { recursive: true });
    writeFileSync(releasedSpecPath(cwd, plan.name), plan.spec);
    writeFileSync(changelogPath(cwd, plan.name), plan.changelog);
  }
  writeFileSync(
    join(cwd, CONFIG_FILE),
    configWithVersions(cwd, new Map(plans.map((plan) => [plan.name, plan.version]))),
  );
  const folders = new Map(
    targets.map((target) => [
      basename(target.out),
      {
        client: relative(cwd, target.out).split('\\').join('/'),
        mcp: relative(cwd, target.mcpOut).split('\\').join('/'),
      },
    ]),
  );
  if (
    updateLockfile(
      cwd,
      plans.flatMap((plan) => [
        { dir: folders.get(plan.name)?.client ?? '', name: plan.packageName, version: plan.version },
        { dir: folders.get(plan.name)?.mcp ?? '', name: `${plan.packageName}-mcp`, version: plan.version },
      ]),
    )
  )
    log("specsmith: package-lock.json: the released workspaces' versions updated");
  if (typeof at === 'string') {
    log(
      'specsmith: released from a revision; run `specsmith generate` once the working tree has the spec you want in generated/',
    );
    return 0;
  }
  // The packages now carry the new version and changelog.
  const { runGenerate } = await import('./generate-command.js');
  const released = new Set(plans.map((plan) => plan.name));
  return runGenerate(
    defaultTargets(cwd).filter((target) => released.has(basename(target.out))),
    { check: false, verbose: args.flags.has('verbose'), cwd, load },
  );
}
