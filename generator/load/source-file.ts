/**
 * One spec file on disk: its parsed value and, on demand, the line of any JSON
 * pointer inside it. JSON files are parsed with JSON.parse (a 13 MB spec parses
 * in a fraction of the time YAML parsing takes); the YAML parser, which keeps
 * positions, only runs over them when a diagnostic needs a line number.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { parsePointer } from './json-pointer.js';

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

  /** Reads and parses a file; a syntax error becomes a diagnostic with its line. */
  static async read(path: string, displayPath: string): Promise<SourceFile | Diagnostic> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
      return { code: 'unreadable-file', severity: 'error', message: reason, pointer: '', file: displayPath };
    }
    return SourceFile.parse(path, text, displayPath);
  }

  static parse(path: string, text: string, displayPath: string): SourceFile | Diagnostic {
    if (/\.json$/i.test(path)) {
      try {
        return new SourceFile(path, text, JSON.parse(text));
      } catch (error) {
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
    const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, merge: true });
    const first = document.errors[0];
    if (first) {
      const position = lines.linePos(first.pos[0]);
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
    return new SourceFile(path, text, document.toJS({ maxAliasCount: 10_000 }), document, lines);
  }

  /**
   * Line and column of the node at `pointer`, or of its nearest existing
   * ancestor. A mapping entry is located at its key: a block value starts on
   * the next line, and `get:` is the line a reader looks for.
   */
  locate(pointer: string): Position | undefined {
    if (!this.#document) {
      this.#lines = new LineCounter();
      this.#document = parseDocument(this.text, { lineCounter: this.#lines });
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
