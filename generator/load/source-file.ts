/**
 * One spec file on disk: its parsed value and, on demand, the line of any JSON
 * pointer inside it. JSON files are parsed with JSON.parse (a 13 MB spec parses
 * in a fraction of the time YAML parsing takes); the YAML parser, which keeps
 * positions, only runs over them when a diagnostic needs a line number.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { DEFAULT_MAX_DEPTH, firstTooDeep } from './depth.js';
import { parsePointer } from './json-pointer.js';
import { DEFAULT_MAX_FILE_BYTES, formatBytes, readSpecText } from './read-file.js';

/** How much one file may hold: bytes on disk and nesting depth once parsed. */
export interface FileLimits {
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: FileLimits = { maxBytes: DEFAULT_MAX_FILE_BYTES, maxDepth: DEFAULT_MAX_DEPTH };

/**
 * Alias expansions allowed per document: anchors that reuse a block are
 * common, but a "billion laughs" document (aliases of aliases) expands
 * exponentially; the yaml package stops it at this count.
 */
const MAX_ALIAS_COUNT = 10_000;

function isStackOverflow(message: string): boolean {
  return /Maximum call stack size exceeded/i.test(message);
}

export interface Position {
  line: number;
  column: number;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly value: unknown;
  #document: Document | undefined;
  #lines: LineCounter | undefined;

  private constructor(path: string, text: string, value: unknown, document?: Document, lines?: LineCounter) {
    this.path = path;
    this.text = text;
    this.value = value;
    this.#document = document;
    this.#lines = lines;
  }

  /**
   * Reads and parses a file; a syntax error becomes a diagnostic with its
   * line. Only a regular file within the size cap is read (see read-file.ts).
   */
  static async read(
    path: string,
    displayPath: string,
    limits: FileLimits = DEFAULT_LIMITS,
  ): Promise<SourceFile | Diagnostic> {
    const outcome = await readSpecText(path, limits.maxBytes);
    if ('problem' in outcome) {
      const problem = outcome.problem;
      const base = { severity: 'error', pointer: '', file: displayPath } as const;
      switch (problem.kind) {
        case 'not-found':
          return { ...base, code: 'unreadable-file', message: 'file not found' };
        case 'unreadable':
          return { ...base, code: 'unreadable-file', message: `cannot be read (${problem.reason})` };
        case 'not-a-file':
          return {
            ...base,
            code: 'not-a-file',
            message: `${displayPath} is ${problem.what}, not a regular file`,
            hint: 'A spec and every file it refers to must be regular files.',
          };
        case 'too-large':
          return {
            ...base,
            code: 'file-too-large',
            message: `${displayPath} is ${formatBytes(problem.bytes)}${problem.bytes > problem.limit ? '' : ' or more'}, over the ${formatBytes(problem.limit)} limit`,
            hint: 'Raise the limit with --max-file-size <bytes> if the file is really a spec.',
          };
      }
    }
    return SourceFile.parse(path, outcome.text, displayPath, limits.maxDepth);
  }

  static parse(
    path: string,
    text: string,
    displayPath: string,
    maxDepth: number = DEFAULT_MAX_DEPTH,
  ): SourceFile | Diagnostic {
    const parsed = SourceFile.#parse(path, text, displayPath);
    if (!(parsed instanceof SourceFile)) return parsed;
    const tooDeep = firstTooDeep(parsed.value, maxDepth);
    if (tooDeep === undefined) return parsed;
    const position = parsed.locate(tooDeep);
    return tooDeepDiagnostic(displayPath, tooDeep, maxDepth, position);
  }

  static #parse(path: string, text: string, displayPath: string): SourceFile | Diagnostic {
    if (/\.json$/i.test(path)) {
      try {
        return new SourceFile(path, text, JSON.parse(text));
      } catch (error) {
        if (error instanceof RangeError && isStackOverflow(error.message))
          return tooDeepDiagnostic(displayPath, '', DEFAULT_MAX_DEPTH, undefined);
        const offset = /position (\d+)/.exec((error as Error).message);
        const position = offset ? lineAt(text, Number(offset[1])) : undefined;
        return {
          code: 'json-syntax',
          severity: 'error',
          message: `invalid JSON: ${(error as Error).message}`,
          pointer: '',
          file: displayPath,
          line: position?.line,
          column: position?.column,
          hint: 'Fix the syntax error; the file must be one JSON object.',
        };
      }
    }
    const lines = new LineCounter();
    let document: Document;
    try {
      document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: true });
    } catch (error) {
      if (error instanceof RangeError && isStackOverflow(error.message))
        return tooDeepDiagnostic(displayPath, '', DEFAULT_MAX_DEPTH, undefined);
      throw error;
    }
    const first = document.errors[0];
    if (first) {
      const position = lines.linePos(first.pos[0]);
      // The parser reports its own stack overflow as a syntax error; the cause is nesting, not syntax.
      if (isStackOverflow(first.message))
        return tooDeepDiagnostic(displayPath, '', DEFAULT_MAX_DEPTH, { line: position.line, column: position.col });
      return {
        code: 'yaml-syntax',
        severity: 'error',
        message: `invalid YAML: ${first.message.split('\n')[0]}`,
        pointer: '',
        file: displayPath,
        line: position.line,
        column: position.col,
        hint: 'Fix the YAML syntax at that line (indentation, quoting, duplicate keys).',
      };
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (error instanceof RangeError && isStackOverflow(error.message))
        return tooDeepDiagnostic(displayPath, '', DEFAULT_MAX_DEPTH, undefined);
      // The yaml package throws a ReferenceError when aliases expand past maxAliasCount ("billion laughs").
      if (error instanceof ReferenceError) {
        const position = firstAlias(document, lines);
        return {
          code: 'yaml-alias-limit',
          severity: 'error',
          message: `YAML aliases expand past ${MAX_ALIAS_COUNT} nodes (${error.message.toLowerCase()})`,
          pointer: '',
          file: displayPath,
          line: position?.line,
          column: position?.column,
          hint: 'Aliases (*name) that repeat other aliases grow exponentially; write the repeated parts out or use $ref.',
        };
      }
      throw error;
    }
    return new SourceFile(path, text, value, document, lines);
  }

  /**
   * Line and column of the node at `pointer`, or of its nearest existing
   * ancestor. A mapping entry is located at its key: a block value starts on
   * the next line, and `get:` is the line a reader looks for.
   */
  locate(pointer: string): Position | undefined {
    if (!this.#document) {
      this.#lines = new LineCounter();
      try {
        this.#document = parseDocument(this.text, { lineCounter: this.#lines });
      } catch {
        return undefined; // a position is a nicety: a file too deep for the YAML parser has none
      }
    }
    let node: Node | null | undefined = this.#document.contents;
    let best: Node | null | undefined = node;
    for (const segment of parsePointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
        if (!pair) break;
        best = (pair.key as Node | null) ?? (pair.value as Node | null) ?? best;
        node = pair.value as Node | null;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)] as Node | null | undefined;
        if (!node) break;
        best = node;
      } else {
        break;
      }
    }
    const offset = best?.range?.[0];
    if (offset === undefined || !this.#lines) return undefined;
    const position = this.#lines.linePos(offset);
    return { line: position.line, column: position.col };
  }
}

function tooDeepDiagnostic(file: string, pointer: string, limit: number, position: Position | undefined): Diagnostic {
  return {
    code: 'too-deep',
    severity: 'error',
    message: `the document nests more than ${limit} levels deep${pointer === '' ? '' : ' below this node'}`,
    pointer,
    file,
    line: position?.line,
    column: position?.column,
    hint: 'No real API nests this deep; the file is likely generated wrongly or hostile.',
  };
}

function firstAlias(document: Document, lines: LineCounter): Position | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) return undefined;
  const position = lines.linePos(offset);
  return { line: position.line, column: position.col };
}

function lineAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
