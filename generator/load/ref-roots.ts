/**
 * Which files a spec may pull in with `$ref`: only those under its allowed
 * roots, by default the folder of the root spec file. Without this a spec
 * could copy any file the user can read (`$ref: /etc/passwd`, `../../.env`,
 * `/proc/self/environ`) into the generated package. A path is checked twice:
 * as written (so nothing outside a root is even stat'ed) and once symbolic
 * links are resolved (so a link inside the root cannot point out of it).
 */
import { realpath, stat } from 'node:fs/promises';
import { fileKind } from './read-file.js';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface RefRoots {
  /** Each allowed root as given (absolute). */
  lexical: string[];
  /** Each allowed root with symbolic links resolved. */
  real: string[];
}

/** `path` is `root` or somewhere below it. */
export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

async function realOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

export async function refRoots(specDir: string, allowed: readonly string[], cwd: string): Promise<RefRoots> {
  const lexical = [specDir, ...allowed.map((dir) => resolve(cwd, dir))];
  return { lexical, real: await Promise.all(lexical.map(realOrSelf)) };
}

export type RootCheck =
  | { ok: true; real: string }
  | { ok: false; reason: 'outside' | 'link-outside' | 'not-found' }
  | { ok: false; reason: 'not-a-file'; what: string };

/** Whether `target` (absolute) may be read; `real` is the path to open. */
export async function checkRefTarget(target: string, roots: RefRoots): Promise<RootCheck> {
  if (!roots.lexical.some((root) => isInside(target, root)) && !roots.real.some((root) => isInside(target, root)))
    return { ok: false, reason: 'outside' };
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    // /dev/stdin is a link to /proc/self/fd/0, which has no real path when it is a pipe or socket; stat (which opens nothing) says what it is.
    try {
      const stats = await stat(target);
      if (!stats.isFile()) return { ok: false, reason: 'not-a-file', what: fileKind(stats) };
    } catch {
      // missing
    }
    return { ok: false, reason: 'not-found' };
  }
  if (!roots.real.some((root) => isInside(real, root))) return { ok: false, reason: 'link-outside' };
  return { ok: true, real };
}
