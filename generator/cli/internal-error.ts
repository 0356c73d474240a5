/** The last-resort report of an unexpected exception: one line, the stack only with --verbose. */
export function internalError(error: unknown, verbose: boolean): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const stack = error instanceof Error && error.stack ? error.stack : String(error);
  return verbose
    ? `specsmith: internal error: ${message}\n${stack}\n`
    : `specsmith: internal error: ${message}\n  run with --verbose for the stack\n`;
}
