/**
 * What `specsmith release` does for one package: load the spec (as generate
 * does), compare it with the last released spec (releases/<name>/openapi.json)
 * and decide the next version and changelog entry. Nothing is written here;
 * an unchanged spec plans nothing, so re-running a release changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Change } from '../diff/change.js';
import { compareModelled, loadSide } from '../diff/diff-specs.js';
import { fileSource, type SpecSource } from '../diff/spec-source.js';
import type { LoadOptions } from '../load/load-spec.js';
import { changelogEntry, prependEntry } from './changelog.js';
import { bumpFor, nextVersion } from './next-version.js';
import { readChangelog, releasedSpecPath } from './released-state.js';

export interface ReleasePlan {
  name: string;
  packageName: string;
  previousVersion: string | undefined;
  version: string;
  changes: Change[] | undefined;
  /** The bundled spec to keep as releases/<name>/openapi.json. */
  spec: string;
  changelog: string;
}

export interface PlanInput {
  name: string;
  packageName: string;
  /** The version in the configuration: the last release's, or the first one to make. */
  configuredVersion: string;
  source: SpecSource;
  cwd: string;
  load?: LoadOptions | undefined;
}

function documentText(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The release to make, or undefined when the spec is the released one. */
export async function planRelease(input: PlanInput): Promise<ReleasePlan | undefined> {
  const { name, packageName, cwd } = input;
  const current = await loadSide(input.source, cwd, input.load);
  const spec = documentText(current.spec.document);
  const releasedPath = releasedSpecPath(cwd, name);
  const entry = (version: string, changes: Change[] | undefined): string =>
    changelogEntry({ version, packageName, source: input.source.label, apiVersion: current.model.apiVersion, changes });
  if (!existsSync(releasedPath)) {
    const version = input.configuredVersion;
    return {
      name,
      packageName,
      previousVersion: undefined,
      version,
      changes: undefined,
      spec,
      changelog: prependEntry(undefined, packageName, entry(version, undefined)),
    };
  }
  if (readFileSync(releasedPath, 'utf8') === spec) return undefined;
  const releasedSource = fileSource(releasedPath, cwd);
  const released = await loadSide(
    { ...releasedSource, label: `the ${input.configuredVersion} release` },
    cwd,
    input.load,
  );
  const diff = compareModelled(released, current, releasedSource, input.source);
  const version = nextVersion(input.configuredVersion, bumpFor(diff.worst));
  return {
    name,
    packageName,
    previousVersion: input.configuredVersion,
    version,
    changes: diff.changes,
    spec,
    changelog: prependEntry(readChangelog(cwd, name), packageName, entry(version, diff.changes)),
  };
}
