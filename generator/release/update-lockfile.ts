/**
 * When the generated packages are npm workspaces of the project (this
 * repository's `generated/*`), package-lock.json records each one's version
 * and the MCP package's exact dependency on its client; a release updates
 * those entries so `npm ci` keeps accepting the lockfile. Nothing else in it
 * changes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
}

/** Sets the version of the lockfile's entries for these package folders (relative paths) and their pins on each other. */
export function updateLockfile(
  cwd: string,
  released: ReadonlyArray<{ dir: string; name: string; version: string }>,
): boolean {
  const path = join(cwd, 'package-lock.json');
  if (!existsSync(path)) return false;
  const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages?: Record<string, LockEntry> };
  const packages = lock.packages ?? {};
  let changed = false;
  for (const { dir, name, version } of released) {
    const entry = packages[dir];
    if (entry && entry.version !== version) {
      entry.version = version;
      changed = true;
    }
    for (const other of Object.values(packages)) {
      if (
        other.dependencies?.[name] !== undefined &&
        other.dependencies[name] !== version &&
        /^\d/.test(other.dependencies[name] ?? '')
      ) {
        other.dependencies[name] = version;
        changed = true;
      }
    }
  }
  if (changed) writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  return changed;
}
