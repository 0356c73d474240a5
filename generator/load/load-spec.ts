/**
 * Stage 1, load: read a spec and the files it `$ref`s into one document whose
 * references are all internal (`#/...`), the form openapi-typescript and the
 * model stage expect. Objects without external references are shared, not
 * copied, so a large single-file spec costs one walk.
 *
 * A reference back into the root file becomes an internal reference. A
 * reference into another file is inlined where it is used; a file that refers
 * to itself in a cycle is hoisted into `components/schemas` instead, since an
 * inlined cycle would never end. Every inlined region remembers where it was
 * written, so diagnostics can name the original file, line and pointer.
 */
import { dirname, relative, resolve, basename, extname } from 'node:path';
import { SpecError, type Diagnostic } from '../diagnostics.js';
import { firstTooDeep } from './depth.js';
import { appendPointer, getAtPointer, parsePointer } from './json-pointer.js';
import { checkRefTarget, refRoots } from './ref-roots.js';
import { DEFAULT_LIMITS, SourceFile, type FileLimits } from './source-file.js';

export interface LoadOptions {
  /**
   * Folders besides the root spec's own that `$ref`ed files may live in
   * (relative to the working directory). Nothing outside them is read.
   */
  allowRefRoots?: readonly string[] | undefined;
  /** Largest file read, in bytes (default 16 MiB). */
  maxFileBytes?: number | undefined;
  /** Deepest nesting accepted (default 500, see depth.ts). */
  maxDepth?: number | undefined;
}

/** The `$ref` codes reported where the reference is written, not in the file it names. */
const AT_REFERENCE = new Set(['unreadable-file', 'not-a-file', 'file-too-large']);

export interface Origin {
  /** Path of the file as shown to the user (relative to the working directory). */
  file: string;
  pointer: string;
  line?: number | undefined;
  column?: number | undefined;
}

export interface LoadedSpec {
  /** Absolute path of the root file. */
  rootPath: string;
  document: Record<string, unknown>;
  /** Every file read, root first (for watch mode and cache keys). */
  files: SourceFile[];
  /** Where the node at `pointer` of the bundled document was written. */
  origin(pointer: string): Origin;
  /** The node at `pointer` as its file has it (an external `$ref` still reads as the author wrote it). */
  written(pointer: string): unknown;
}

interface Region {
  prefix: string[];
  file: SourceFile;
  filePointer: string[];
}

export async function loadSpec(path: string, cwd = process.cwd(), options: LoadOptions = {}): Promise<LoadedSpec> {
  const rootPath = resolve(cwd, path);
  const display = (file: string): string => relative(cwd, file) || file;
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const limits: FileLimits = {
    maxBytes: options.maxFileBytes ?? DEFAULT_LIMITS.maxBytes,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  const roots = await refRoots(dirname(rootPath), options.allowRefRoots ?? [], cwd);

  const root = await SourceFile.read(rootPath, display(rootPath), limits);
  if (!(root instanceof SourceFile)) throw new SpecError([root]);
  files.set(rootPath, root);
  if (!root.value || typeof root.value !== 'object' || Array.isArray(root.value)) {
    throw new SpecError([
      {
        code: 'not-an-object',
        severity: 'error',
        message: 'a spec must be an object (a mapping at the top level)',
        pointer: '',
        file: display(rootPath),
        line: 1,
      },
    ]);
  }

  const regions: Region[] = [];
  const hoisted = new Map<string, string>();
  const hoistedSchemas: Record<string, unknown> = {};

  /** A diagnostic about the `$ref` at `at` in `from`, located where the reference is written. */
  function refProblem(from: SourceFile, at: string, code: string, message: string, hint: string): void {
    const position = from.locate(at);
    diagnostics.push({
      code,
      severity: 'error',
      message,
      pointer: at,
      file: display(from.path),
      line: position?.line,
      column: position?.column,
      hint,
    });
  }

  async function fileFor(from: SourceFile, filePart: string, ref: string, at: string): Promise<SourceFile | undefined> {
    let target: string;
    try {
      // A file part is a URI reference (RFC 3986 section 4.1), so %2e%2e is ".." and is checked as such.
      target = resolve(dirname(from.path), decodeURI(filePart));
      if (target.includes('\0')) throw new URIError('NUL in path');
    } catch {
      refProblem(
        from,
        at,
        'invalid-ref',
        `$ref "${ref}" is not a valid URI reference`,
        'Percent-encode only whole UTF-8 characters, e.g. %20 for a space.',
      );
      return undefined;
    }
    const cached = files.get(target);
    if (cached) return cached;
    const allowed = await checkRefTarget(target, roots);
    if (!allowed.ok) {
      const rootsText = roots.lexical.map((dir) => display(dir) || '.').join(', ');
      if (allowed.reason === 'not-found') {
        refProblem(
          from,
          at,
          'dangling-ref',
          `$ref "${ref}" cannot be loaded: file not found`,
          'Check the relative path of the referenced file.',
        );
      } else if (allowed.reason === 'not-a-file') {
        refProblem(
          from,
          at,
          'not-a-file',
          `$ref "${ref}" cannot be loaded: ${display(target)} is ${allowed.what}, not a regular file`,
          'A spec and every file it refers to must be regular files.',
        );
      } else {
        const how = allowed.reason === 'outside' ? 'points outside' : 'is a symbolic link to a file outside';
        refProblem(
          from,
          at,
          'ref-outside-root',
          `$ref "${ref}" ${how} the folders specs may read (${rootsText})`,
          'A spec may only refer to files under its own folder; move the file there, or allow its folder with --allow-ref-root <dir>.',
        );
      }
      return undefined;
    }
    const loaded = await SourceFile.read(allowed.real, display(target), limits);
    if (!(loaded instanceof SourceFile)) {
      if (AT_REFERENCE.has(loaded.code)) {
        const code = loaded.code === 'unreadable-file' ? 'dangling-ref' : loaded.code;
        refProblem(
          from,
          at,
          code,
          `$ref "${ref}" cannot be loaded: ${loaded.message}`,
          loaded.hint ?? 'Check the relative path of the referenced file.',
        );
      } else {
        // A file that exists but does not parse keeps its own location and hint: its path is fine.
        diagnostics.push({ ...loaded, message: `$ref "${ref}" cannot be loaded: ${loaded.message}` });
      }
      return undefined;
    }
    files.set(target, loaded);
    return loaded;
  }

  /**
   * Extension values are passed through unbundled, so a `$ref` to another file
   * inside one would be followed later by openapi-typescript's own resolver,
   * past every check above. Such references are refused.
   */
  function checkExtensionRefs(value: unknown, file: SourceFile, filePointer: string): void {
    const stack: Array<{ node: unknown; pointer: string }> = [{ node: value, pointer: filePointer }];
    while (stack.length > 0) {
      const { node, pointer } = stack.pop() as { node: unknown; pointer: string };
      if (node === null || typeof node !== 'object') continue;
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) {
          refProblem(
            file,
            `${pointer}/$ref`,
            'external-ref-in-extension',
            `$ref "${child}" inside an extension names another file`,
            'specsmith passes extension values through as written and does not read files for them; inline the value or refer to it with a "#/..." pointer.',
          );
        } else if (child !== null && typeof child === 'object') {
          stack.push({ node: child, pointer: appendPointer(pointer, key) });
        }
      }
    }
  }

  let reportedTooDeep = false;

  function hoistName(file: SourceFile, fragment: string): string {
    const base =
      (parsePointer(fragment).at(-1) ?? basename(file.path, extname(file.path))).replace(/[^A-Za-z0-9_.-]/g, '_') ||
      'Schema';
    let name = base;
    for (
      let n = 2;
      name in hoistedSchemas ||
      name in (((root as SourceFile).value as { components?: { schemas?: object } }).components?.schemas ?? {});
      n++
    )
      name = `${base}${n}`;
    return name;
  }

  async function bundle(
    value: unknown,
    file: SourceFile,
    filePointer: string,
    out: string[],
    stack: string[],
  ): Promise<unknown> {
    if (value === null || typeof value !== 'object') return value;
    // Each file was checked on its own; a chain of inlined files can still nest past the limit.
    if (out.length > limits.maxDepth) {
      if (!reportedTooDeep) {
        reportedTooDeep = true;
        const outer = appendPointer('', ...parsePointer(filePointer).slice(0, 6));
        const position = file.locate(outer);
        diagnostics.push({
          code: 'too-deep',
          severity: 'error',
          message: `the bundled document nests more than ${limits.maxDepth} levels deep below this node`,
          pointer: outer,
          file: display(file.path),
          line: position?.line,
          column: position?.column,
          hint: 'Referenced files are inlined where they are used; a long chain of them nests too deep.',
        });
      }
      return value;
    }
    if (Array.isArray(value)) {
      let changed = false;
      const next: unknown[] = [];
      for (let index = 0; index < value.length; index++) {
        const item = await bundle(value[index], file, `${filePointer}/${index}`, [...out, String(index)], stack);
        changed ||= item !== value[index];
        next.push(item);
      }
      return changed ? next : value;
    }
    const record = value as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string') {
      const resolved = await resolveRef(record, ref, file, filePointer, out, stack);
      if (resolved !== undefined) return resolved;
    }
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const key of Object.keys(record)) {
      const child = record[key];
      const passedThrough = key.startsWith('x-') && key !== 'x-specsmith-events';
      if (passedThrough) checkExtensionRefs(child, file, appendPointer(filePointer, key));
      const bundled = passedThrough
        ? child
        : await bundle(child, file, appendPointer(filePointer, key), [...out, key], stack);
      changed ||= bundled !== child;
      next[key] = bundled;
    }
    return changed ? next : value;
  }

  async function resolveRef(
    node: Record<string, unknown>,
    ref: string,
    file: SourceFile,
    filePointer: string,
    out: string[],
    stack: string[],
  ): Promise<unknown> {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    if (filePart === '' && file === root) return undefined; // internal reference in the root: kept as is
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(filePart)?.[1]?.toLowerCase();
    if (scheme === 'http' || scheme === 'https') {
      refProblem(
        file,
        `${filePointer}/$ref`,
        'remote-ref',
        `remote $ref "${ref}" is not fetched: specsmith makes no network requests while generating`,
        'Download the referenced document next to the spec and refer to it by relative path.',
      );
      return node;
    }
    if (scheme !== undefined) {
      refProblem(
        file,
        `${filePointer}/$ref`,
        'unsupported-ref-scheme',
        `$ref "${ref}" uses a ${scheme}: URL; only relative paths to files under the spec's folder are followed`,
        'Refer to the file by a path relative to the spec, e.g. ./schemas/pet.yaml.',
      );
      return node;
    }
    const target = filePart === '' ? file : await fileFor(file, filePart, ref, `${filePointer}/$ref`);
    if (!target) return node;
    const { $ref: _ignored, ...siblings } = node;
    if (target === root) {
      return { ...siblings, $ref: `#${fragment}` };
    }
    const key = `${target.path}#${fragment}`;
    if (stack.includes(key)) {
      // A cycle through external files: hoist the target into components/schemas once and point at it.
      let name = hoisted.get(key);
      if (!name) {
        name = hoistName(target, fragment);
        hoisted.set(key, name);
        hoistedSchemas[name] = null;
        const at = ['components', 'schemas', name];
        regions.push({ prefix: at, file: target, filePointer: parsePointer(fragment) });
        hoistedSchemas[name] = await bundle(valueAt(target.value, fragment), target, fragment, at, [...stack, key]);
      }
      return { ...siblings, $ref: `#/components/schemas/${name}` };
    }
    if (valueAt(target.value, fragment) === INVALID) {
      refProblem(
        file,
        `${filePointer}/$ref`,
        'invalid-ref',
        `$ref "${ref}" has a fragment that is not a JSON pointer`,
        `A fragment must be empty or start with "/" (RFC 6901), e.g. "${filePart}#/${fragment.replace(/^\/*/, '')}".`,
      );
      return node;
    }
    const resolved = valueAt(target.value, fragment);
    if (resolved === undefined) {
      const position = file.locate(`${filePointer}/$ref`);
      diagnostics.push({
        code: 'dangling-ref',
        severity: 'error',
        message: `$ref "${ref}" points at nothing`,
        pointer: `${filePointer}/$ref`,
        file: display(file.path),
        line: position?.line,
        column: position?.column,
        hint: `${display(target.path)} has no value at "#${fragment}".`,
      });
      return node;
    }
    regions.push({ prefix: out, file: target, filePointer: parsePointer(fragment) });
    const inlined = await bundle(resolved, target, fragment, out, [...stack, key]);
    return inlined && typeof inlined === 'object' && !Array.isArray(inlined) && Object.keys(siblings).length > 0
      ? { ...inlined, ...siblings }
      : inlined;
  }

  let document = (await bundle(root.value, root, '', [], [`${rootPath}#`])) as Record<string, unknown>;
  if (diagnostics.length > 0) throw new SpecError(diagnostics);
  if (Object.keys(hoistedSchemas).length > 0) {
    const components = (document['components'] ?? {}) as Record<string, unknown>;
    document = {
      ...document,
      components: {
        ...components,
        schemas: { ...((components['schemas'] as object | undefined) ?? {}), ...hoistedSchemas },
      },
    };
  }

  // Longest prefix first, so the innermost inlined region wins.
  regions.sort((a, b) => b.prefix.length - a.prefix.length);
  const source = (pointer: string): { file: SourceFile; filePointer: string } => {
    const segments = parsePointer(pointer);
    const region = regions.find((candidate) => candidate.prefix.every((segment, index) => segments[index] === segment));
    return {
      file: region?.file ?? (root as SourceFile),
      filePointer: region ? appendPointer('', ...region.filePointer, ...segments.slice(region.prefix.length)) : pointer,
    };
  };

  const tooDeep = firstTooDeep(document, limits.maxDepth);
  if (tooDeep !== undefined) {
    const { file, filePointer } = source(tooDeep);
    const position = file.locate(filePointer);
    throw new SpecError([
      {
        code: 'too-deep',
        severity: 'error',
        message: `the bundled document nests more than ${limits.maxDepth} levels deep below this node`,
        pointer: filePointer,
        file: display(file.path),
        line: position?.line,
        column: position?.column,
        hint: 'Referenced files are inlined where they are used; a long chain of them nests too deep.',
      },
    ]);
  }

  return {
    rootPath,
    document,
    files: [...files.values()],
    origin(pointer: string): Origin {
      const { file, filePointer } = source(pointer);
      const position = file.locate(filePointer);
      return { file: display(file.path), pointer: filePointer, line: position?.line, column: position?.column };
    },
    written(pointer: string): unknown {
      const { file, filePointer } = source(pointer);
      return getAtPointer(file.value, filePointer);
    },
  };
}

const INVALID = Symbol('invalid pointer');

/** The value at a `$ref` fragment, undefined when missing, INVALID when the fragment is no JSON pointer. */
function valueAt(value: unknown, fragment: string): unknown {
  try {
    return getAtPointer(value, fragment);
  } catch {
    return INVALID;
  }
}
