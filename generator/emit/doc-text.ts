/**
 * Spec text in comments. Titles, tag names, summaries, descriptions, event
 * names and examples come from the spec, and a spec is input, not code: the
 * comment terminator (star, slash) in any of them would end a JSDoc block and whatever follows would run when
 * the package is imported. Every comment an emitter writes goes through
 * `docText` (block comments) or `lineComment` (`//` comments), and the printer
 * checks every comment of every structure with `checkDocText` /
 * `checkLineComment`, so an emitter that forgets fails loudly instead of
 * shipping injectable code.
 */

/**
 * Line terminators of ECMAScript (https://tc39.es/ecma262/#sec-line-terminators):
 * they end a `//` comment, and ts-morph only knows `\n` as a JSDoc line break.
 */
const LINE_TERMINATORS = /\r\n|[\r\u2028\u2029]/g;
const ANY_LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** Thrown when generated code would carry a comment that spec text can break out of: a bug in an emitter, not in the spec. */
export class UnsafeCommentError extends Error {
  constructor(message: string) {
    super(
      `internal error: ${message}; spec text must reach comments through docText()/lineComment() (generator/emit/doc-text.ts)`,
    );
    this.name = 'UnsafeCommentError';
  }
}

/**
 * JSDoc text from parts (summary, description, tags): empty parts dropped,
 * parts separated by a blank line, line terminators made `\n`, and the
 * comment terminator (star, slash) written `*\/`, which reads the same in editors and cannot end the comment.
 */
export function docText(...parts: Array<string | undefined>): string {
  return parts
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join('\n\n')
    .replace(LINE_TERMINATORS, '\n')
    .replace(/\*\//g, '*\\/')
    .trim();
}

/** docText on one line: for a `//` comment, where any line terminator would end the comment. */
export function lineComment(text: string): string {
  return docText(text).replace(/\n+/g, ' ');
}

/** Refuses JSDoc text that could end its comment early. */
export function checkDocText(text: string, where: string): void {
  if (text.includes('*/'))
    throw new UnsafeCommentError(`a doc comment of ${where} contains "*/": ${JSON.stringify(text.slice(0, 120))}`);
}

/** Refuses `//` comment text that could end its comment early (a line terminator) or hide a block comment's end. */
export function checkLineComment(text: string, where: string): void {
  if (ANY_LINE_TERMINATOR.test(text))
    throw new UnsafeCommentError(
      `a // comment of ${where} contains a line break: ${JSON.stringify(text.slice(0, 120))}`,
    );
  if (text.includes('*/'))
    throw new UnsafeCommentError(`a // comment of ${where} contains "*/": ${JSON.stringify(text.slice(0, 120))}`);
}
