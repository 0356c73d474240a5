/**
 * The released state of a package, committed with the project so `generate`
 * reproduces exactly what was released: under releases/<name>/, the bundled
 * spec of the last release (what the next `specsmith release` diffs against)
 * and the CHANGELOG.md the package ships. The version itself is in
 * specsmith.config.json (`packages.<name>.version`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RELEASES_DIR = 'releases';

export function releaseDir(cwd: string, name: string): string {
  return join(cwd, RELEASES_DIR, name);
}

export function releasedSpecPath(cwd: string, name: string): string {
  return join(releaseDir(cwd, name), 'openapi.json');
}

export function changelogPath(cwd: string, name: string): string {
  return join(releaseDir(cwd, name), 'CHANGELOG.md');
}

/** The changelog of a package that has been released, else undefined. */
export function readChangelog(cwd: string, name: string): string | undefined {
  const path = changelogPath(cwd, name);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
