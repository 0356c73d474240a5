/**
 * Structured issues found in a spec. Every stage reports problems as
 * diagnostics that name the file, line and JSON pointer, so a user can go
 * straight to the cause; errors stop the run before anything is written.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable identifier, e.g. `yaml-syntax`, `dangling-ref`, `duplicate-operation-id`. */
  code: string;
  severity: Severity;
  message: string;
  /** JSON pointer in the file named by `file`. */
  pointer: string;
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  /** What to do about it. */
  hint?: string | undefined;
}

/** Thrown by a stage when the spec cannot be processed; carries every diagnostic found. */
export class SpecError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
  }
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const position =
    diagnostic.line === undefined
      ? ''
      : `:${diagnostic.line}${diagnostic.column === undefined ? '' : `:${diagnostic.column}`}`;
  const pointer = diagnostic.pointer === '' ? '#' : `#${diagnostic.pointer}`;
  const hint = diagnostic.hint ? `\n    ${diagnostic.hint}` : '';
  return `${diagnostic.file}${position} ${diagnostic.severity} [${diagnostic.code}] ${pointer}: ${diagnostic.message}${hint}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
