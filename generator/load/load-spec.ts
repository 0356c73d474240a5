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
import { appendPointer, getAtPointer, parsePointer } from './json-pointer.js';
import { SourceFile } from './source-file.js';

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

export async function loadSpec(path: string, cwd = process.cwd()): Promise<LoadedSpec> {
  const rootPath = resolve(cwd, path);
  const display = (file: string): string => relative(cwd, file) || file;
  const files = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];

  const root = await SourceFile.read(rootPath, display(rootPath));
  if (!(root instanceof SourceFile)) throw new SpecError([root]);
  files.set(rootPath, root);
  if (!root.value || typeof root.value !== 'object' || Array.isArray(root.value)) {
    throw new SpecError([{ code: 'not-an-object', severity: 'error', message: 'a spec must be an object (a mapping at the top level)', pointer: '', file: display(rootPath), line: 1 }]);
  }

  const regions: Region[] = [];
  const hoisted = new Map<string, string>();
  const hoistedSchemas: Record<string, unknown> = {};

  async function fileFor(from: SourceFile, ref: string, at: string): Promise<SourceFile | undefined> {
    const target = resolve(dirname(from.path), decodeURI(ref));
    const cached = files.get(target);
    if (cached) return cached;
    const loaded = await SourceFile.read(target, display(target));
    if (!(loaded instanceof SourceFile)) {
      const position = from.locate(at);
      diagnostics.push({
        ...loaded,
        message: `$ref "${ref}" cannot be loaded: ${loaded.message}`,
        file: loaded.code === 'unreadable-file' ? display(from.path) : loaded.file,
        pointer: loaded.code === 'unreadable-file' ? at : loaded.pointer,
        line: loaded.code === 'unreadable-file' ? position?.line : loaded.line,
        column: loaded.code === 'unreadable-file' ? position?.column : loaded.column,
        code: loaded.code === 'unreadable-file' ? 'dangling-ref' : loaded.code,
        // A file that exists but does not parse keeps its own hint: its path is fine.
        hint: loaded.code === 'unreadable-file' ? 'Check the relative path of the referenced file.' : loaded.hint,
      });
      return undefined;
    }
    files.set(target, loaded);
    return loaded;
  }

  function hoistName(file: SourceFile, fragment: string): string {
    const base = (parsePointer(fragment).at(-1) ?? basename(file.path, extname(file.path))).replace(/[^A-Za-z0-9_.-]/g, '_') || 'Schema';
    let name = base;
    for (let n = 2; name in hoistedSchemas || name in (((root as SourceFile).value as { components?: { schemas?: object } }).components?.schemas ?? {}); n++) name = `${base}${n}`;
    return name;
  }

  async function bundle(value: unknown, file: SourceFile, filePointer: string, out: string[], stack: string[]): Promise<unknown> {
    if (value === null || typeof value !== 'object') return value;
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
      const bundled = key.startsWith('x-') && key !== 'x-specsmith-events' ? child : await bundle(child, file, appendPointer(filePointer, key), [...out, key], stack);
      changed ||= bundled !== child;
      next[key] = bundled;
    }
    return changed ? next : value;
  }

  async function resolveRef(node: Record<string, unknown>, ref: string, file: SourceFile, filePointer: string, out: string[], stack: string[]): Promise<unknown> {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    if (filePart === '' && file === root) return undefined; // internal reference in the root: kept as is
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
      const position = file.locate(`${filePointer}/$ref`);
      diagnostics.push({ code: 'remote-ref', severity: 'error', message: `remote $ref "${ref}" is not supported`, pointer: `${filePointer}/$ref`, file: display(file.path), line: position?.line, column: position?.column, hint: 'Download the referenced document next to the spec and refer to it by relative path.' });
      return node;
    }
    const target = filePart === '' ? file : await fileFor(file, filePart, `${filePointer}/$ref`);
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
        hoistedSchemas[name] = await bundle(getAtPointer(target.value, fragment), target, fragment, at, [...stack, key]);
      }
      return { ...siblings, $ref: `#/components/schemas/${name}` };
    }
    let resolved: unknown;
    try {
      resolved = getAtPointer(target.value, fragment);
    } catch {
      resolved = undefined;
    }
    if (resolved === undefined) {
      const position = file.locate(`${filePointer}/$ref`);
      diagnostics.push({ code: 'dangling-ref', severity: 'error', message: `$ref "${ref}" points at nothing`, pointer: `${filePointer}/$ref`, file: display(file.path), line: position?.line, column: position?.column, hint: `${display(target.path)} has no value at "#${fragment}".` });
      return node;
    }
    regions.push({ prefix: out, file: target, filePointer: parsePointer(fragment) });
    const inlined = await bundle(resolved, target, fragment, out, [...stack, key]);
    return inlined && typeof inlined === 'object' && !Array.isArray(inlined) && Object.keys(siblings).length > 0 ? { ...inlined, ...siblings } : inlined;
  }

  let document = (await bundle(root.value, root, '', [], [`${rootPath}#`])) as Record<string, unknown>;
  if (diagnostics.length > 0) throw new SpecError(diagnostics);
  if (Object.keys(hoistedSchemas).length > 0) {
    const components = (document['components'] ?? {}) as Record<string, unknown>;
    document = { ...document, components: { ...components, schemas: { ...((components['schemas'] as object | undefined) ?? {}), ...hoistedSchemas } } };
  }

  // Longest prefix first, so the innermost inlined region wins.
  regions.sort((a, b) => b.prefix.length - a.prefix.length);
  const source = (pointer: string): { file: SourceFile; filePointer: string } => {
    const segments = parsePointer(pointer);
    const region = regions.find((candidate) => candidate.prefix.every((segment, index) => segments[index] === segment));
    return { file: region?.file ?? (root as SourceFile), filePointer: region ? appendPointer('', ...region.filePointer, ...segments.slice(region.prefix.length)) : pointer };
  };

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
