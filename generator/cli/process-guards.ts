/**
 * Process-wide behaviour of the `specsmith` binary (not of `main`, which tests
 * call in-process): an interrupted run puts back any output it was swapping
 * and removes its staging directories before exiting with 128 + the signal
 * number (130 for Ctrl-C, as shells report it), and an exception nothing
 * caught becomes one line instead of a stack trace.
 */
import { constants } from 'node:os';
import { rollbackActiveSwaps } from '../write/swap-journal.js';
import { internalError } from './internal-error.js';

export function installProcessGuards(argv: readonly string[]): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const undone = rollbackActiveSwaps();
      process.stderr.write(`\nspecsmith: interrupted${undone > 0 ? '; the output was left as it was' : ''}\n`);
      process.exit(128 + constants.signals[signal]);
    });
  }
  // Whatever ends the process (an uncaught exception included) must not leave a half-swapped output.
  process.on('exit', () => rollbackActiveSwaps());
  const verbose = argv.includes('--verbose');
  const last = (error: unknown): void => {
    rollbackActiveSwaps();
    process.stderr.write(internalError(error, verbose));
    process.exit(1);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
}
