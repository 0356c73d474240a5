/**
 * Where a side of a diff comes from: a spec file, or a spec as a git
 * revision has it (`HEAD~1`, a tag). A revision's spec folder is copied out
 * of git into a temporary folder with the same layout, so its `$ref`s resolve
 * as they did then, and is loaded by the same loader `generate` uses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SpecError, type Diagnostic } from '../diagnostics.js';

export interface SpecSource {
  /** The spec file to load. */
  path: string;
  /** How the user named it (`specs/hot/openapi.yaml`, `HEAD~1:specs/hot/openapi.yaml`). */
  label: string;
  /** Turns a file name the loader reports (relative to cwd) back into what the user knows it as. */
  display(file: string): string;
  /** Removes any temporary copy. */
  dispose(): void;
}

export function fileSource(path: string, cwd: string): SpecSource {
  return { path: resolve(cwd, path), label: path, display: (file) => file, dispose: () => undefined };
}

function gitProblem(code: string, message: string, file: string, hint: string): SpecError {
  const diagnostic: Diagnostic = { code, severity: 'error', message, pointer: '', file, hint };
  return new SpecError([diagnostic]);
}

function git(args: string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** The spec at `spec` (a path in the working tree) as revision `ref` has it, with every file of its folder. */
export function gitSource(ref: string, spec: string, cwd: string): SpecSource {
  const label = `${ref}:${spec}`;
  if (ref.startsWith('-'))
    throw gitProblem(
      'git-ref-invalid',
      `"${ref}" is not a revision`,
      label,
      'Name a commit, branch or tag, e.g. HEAD~1.',
    );
  let root: string;
  try {
    root = git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim();
  } catch {
    throw gitProblem(
      'not-a-git-repository',
      `${cwd} is not inside a git repository`,
      label,
      'Compare two spec files instead: specsmith diff <old-spec> <new-spec>.',
    );
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root);
  } catch {
    throw gitProblem(
      'git-ref-not-found',
      `revision "${ref}" not found`,
      label,
      'Check the name with `git log --oneline`.',
    );
  }
  const inRepo = relative(root, resolve(cwd, spec)).split(sep).join('/');
  if (inRepo.startsWith('..'))
    throw gitProblem(
      'spec-outside-repository',
      `${spec} is outside the repository at ${root}`,
      label,
      'Name a spec inside the repository.',
    );
  const folder = dirname(inRepo);
  const files = git(['ls-tree', '-r', '-z', '--name-only', ref, '--', folder === '.' ? '.' : `${folder}/`], root)
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  if (!files.includes(inRepo))
    throw gitProblem(
      'spec-not-at-revision',
      `${inRepo} does not exist at ${ref}`,
      label,
      'Pick a revision where the spec exists (`git log -- <spec>`).',
    );
  const temp = mkdtempSync(join(tmpdir(), 'specsmith-diff-'));
  try {
    for (const file of files) {
      const target = join(temp, ...file.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, git(['cat-file', 'blob', `${ref}:${file}`], root));
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  const tempFromCwd = relative(cwd, temp).split(sep).join('/');
  return {
    path: join(temp, ...inRepo.split('/')),
    label,
    display: (file) => {
      const normalized = file.split(sep).join('/');
      return normalized.startsWith(`${tempFromCwd}/`) ? `${ref}:${normalized.slice(tempFromCwd.length + 1)}` : file;
    },
    dispose: () => rmSync(temp, { recursive: true, force: true }),
  };
}
