/**
 * `x-specsmith-long-running`: a response with `status` is an operation object
 * the runtime polls (through `poll`) until its state is final, then fetches
 * the result (through `result`, when given).
 */
import { text, type SourceOperation } from '../read/document.js';
import type { Links, DescribedLongRunning } from './types.js';

export function longRunningDescriptor(operation: SourceOperation, links: Links): DescribedLongRunning | undefined {
  const longRunning = operation.operation['x-specsmith-long-running'];
  // Validation guarantees the poll operation exists (extensions/check.ts).
  const poll = links.to(longRunning?.poll);
  if (!longRunning || !poll) return undefined;
  const resultOperation = longRunning.result ? links.to(longRunning.result.operationId) : undefined;
  return {
    status: longRunning.status,
    poll,
    params: longRunning.params,
    state: longRunning.state,
    succeeded: longRunning.succeeded,
    failed: longRunning.failed,
    error: text(longRunning.error),
    result:
      longRunning.result && resultOperation
        ? { operation: resultOperation, params: longRunning.result.params }
        : undefined,
  };
}
