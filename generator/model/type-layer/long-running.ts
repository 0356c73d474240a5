/**
 * Long-running operations (`x-specsmith-long-running`): the response with the
 * operation's status resolves to `LongRunning<T, R>`, where R is what waiting
 * yields (the result operation's response, else the poll operation's).
 */
import type { SourceOperation } from '../read/document.js';
import { union } from '../type-expressions.js';

export type ResponseTypes = Array<{ status: number; type: string }>;

/**
 * Marks every long-running operation's responses, in document order: a result
 * or poll operation that is long-running itself and comes earlier is read
 * marked, as it is then.
 */
export function markLongRunning(
  operations: readonly SourceOperation[],
  responses: ReadonlyMap<string, ResponseTypes>,
): { responses: Map<string, ResponseTypes>; resultTypes: Map<string, string> } {
  const marked = new Map(responses);
  const resultTypes = new Map<string, string>();
  const pointerOf = new Map(operations.map((operation) => [operation.operationId, operation.pointer]));
  const responseType = (operationId: string | undefined): string | undefined => {
    const pointer = operationId === undefined ? undefined : pointerOf.get(operationId);
    const types = pointer === undefined ? undefined : marked.get(pointer);
    return types ? union(types.map((response) => response.type)) : undefined;
  };
  for (const operation of operations) {
    const longRunning = operation.operation['x-specsmith-long-running'];
    if (!longRunning) continue;
    const resultType = responseType(longRunning.result?.operationId) ?? responseType(longRunning.poll) ?? 'unknown';
    resultTypes.set(operation.pointer, resultType);
    marked.set(
      operation.pointer,
      (marked.get(operation.pointer) ?? []).map((response) =>
        response.status === longRunning.status
          ? { ...response, type: `LongRunning<${response.type}, ${resultType}>` }
          : response,
      ),
    );
  }
  return { responses: marked, resultTypes };
}
