/**
 * Stage 5, write: a package's files are written to a temporary directory next
 * to the output and swapped in with renames, so a reader never sees half a
 * package and a failed run leaves the previous output exactly as it was.
 * Build products and installed dependencies (dist/, node_modules/) in the old
 * output are carried over. `check` compares instead of writing.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Entries of an output directory the generator does not own. */
export const UNMANAGED = new Set(['dist', 'node_modules', '.turbo']);

async function managedFiles(root: string, dir = root): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !(dir === root && UNMANAGED.has(entry.name)) && !entry.name.endsWith('.tsbuildinfo'))
      .map(async (entry) => (entry.isDirectory() ? managedFiles(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split(sep).join('/')])),
  );
  return nested.flat();
}

/** Paths that differ between `files` and the directory: changed, missing or no longer generated. */
export async function staleFiles(outDir: string, files: Map<string, string>): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, text] of files) {
    const current = await readFile(join(outDir, path), 'utf8').catch(() => undefined);
    if (current !== text) stale.push(path);
  }
  for (const path of await managedFiles(outDir)) if (!files.has(path)) stale.push(path);
  return stale.sort();
}

export interface WriteResult {
  changed: string[];
}

export async function writeOutput(outDir: string, files: Map<string, string>): Promise<WriteResult> {
  const changed = await staleFiles(outDir, files);
  if (changed.length === 0) return { changed };
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${relative(parent, outDir)}.specsmith-new-${suffix}`);
  const retired = join(parent, `.${relative(parent, outDir)}.specsmith-old-${suffix}`);
  try {
    for (const [path, text] of files) {
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    if (existsSync(outDir)) {
      for (const entry of await readdir(outDir)) {
        if (UNMANAGED.has(entry) || entry.endsWith('.tsbuildinfo')) await rename(join(outDir, entry), join(staging, entry));
      }
      await rename(outDir, retired);
    }
    await rename(staging, outDir);
  } catch (error) {
    // Put back what was moved, so the previous output stays intact.
    if (!existsSync(outDir) && existsSync(retired)) await rename(retired, outDir);
    if (existsSync(staging)) {
      for (const entry of await readdir(staging)) {
        if ((UNMANAGED.has(entry) || entry.endsWith('.tsbuildinfo')) && existsSync(outDir) && !existsSync(join(outDir, entry))) await rename(join(staging, entry), join(outDir, entry));
      }
      await rm(staging, { recursive: true, force: true });
    }
    throw error;
  }
  await rm(retired, { recursive: true, force: true });
  return { changed };
}
