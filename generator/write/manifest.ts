/**
 * The manifest: `.specsmith-manifest.json` in every output directory lists the
 * files specsmith wrote there. It is what lets a later run remove files it no
 * longer generates while leaving everything else in the directory alone: a
 * file not in the manifest was not written by specsmith and is never deleted.
 * Its content depends only on the list of files, so output stays deterministic.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = '.specsmith-manifest.json';

interface ManifestJson {
  generator: 'specsmith';
  note: string;
  files: string[];
}

/** The files with the manifest that lists them added. */
export function withManifest(files: ReadonlyMap<string, string>): Map<string, string> {
  const listed = [...files.keys()].filter((path) => path !== MANIFEST_FILE).sort();
  const manifest: ManifestJson = {
    generator: 'specsmith',
    note: 'Files written by specsmith; a regeneration removes only these. Do not edit.',
    files: listed,
  };
  return new Map([...files, [MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`]]);
}

/** A listed path must stay inside the output: relative, normalized, no "..", no empty segment. */
function isSafeEntry(path: unknown): path is string {
  return (
    typeof path === 'string' &&
    path !== '' &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}

export type ManifestRead =
  | { kind: 'missing' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'found'; files: Set<string> };

export function readManifest(outDir: string): ManifestRead {
  const path = join(outDir, MANIFEST_FILE);
  if (!existsSync(path)) return { kind: 'missing' };
  if (!lstatSync(path).isFile()) return { kind: 'invalid', reason: 'it is not a regular file' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { kind: 'invalid', reason: 'it is not JSON' };
  }
  const files = (parsed as Partial<ManifestJson> | null)?.files;
  if ((parsed as Partial<ManifestJson> | null)?.generator !== 'specsmith' || !Array.isArray(files))
    return { kind: 'invalid', reason: 'it has no "files" list' };
  const unsafe = files.find((entry) => !isSafeEntry(entry));
  if (unsafe !== undefined)
    return { kind: 'invalid', reason: `it lists ${JSON.stringify(unsafe)}, which is not a path inside the directory` };
  // The manifest is always the generator's own file.
  return { kind: 'found', files: new Set([...(files as string[]), MANIFEST_FILE]) };
}
