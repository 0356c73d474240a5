/**
 * Content hashes of files and folders, the keys of the build cache: a step is
 * skipped when the hash of everything it reads, and of what it wrote last
 * time, is unchanged.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files under `root` (sorted, relative paths), skipping the named folders. */
export function listFiles(root: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (!existsSync(root)) return [];
  if (statSync(root).isFile()) return [''];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (skip.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files;
}

/** One hash over several files and folders (names and contents), plus any extra strings (versions, options). */
export function hashInputs(
  paths: readonly string[],
  extra: readonly string[] = [],
  skip: ReadonlySet<string> = new Set(),
): string {
  const hash = createHash('sha256');
  for (const value of extra) hash.update(`extra\0${value}\0`);
  for (const root of paths) {
    hash.update(`root\0${root}\0`);
    for (const file of listFiles(root, skip)) {
      hash.update(`file\0${file}\0`);
      hash.update(readFileSync(file === '' ? root : join(root, file)));
    }
  }
  return hash.digest('hex');
}
