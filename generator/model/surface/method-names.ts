/**
 * Method names within a resource: `x-specsmith-method` where the spec says
 * one (claimed first, so a derived name never takes it), else the
 * operationId minus the resource's own noun; then the helper methods
 * (`<method>AndWait`, `uploadChunked`).
 */
import { camelCase, memberName, NameScope, RESERVED_MEMBERS, singular, words } from '../naming.js';
import { text, type SourceOperation } from '../read/document.js';
import type { Rename } from '../types.js';

export interface MethodNames {
  methodName: string;
  /** The `x-specsmith-wait` helper, when the operation it follows exists. */
  waitMethodName: string | undefined;
  /** The chunked-upload helper, when the completing operation exists. */
  chunkedMethodName: string | undefined;
}

/** Derives a method name from the operationId minus the resource's own noun (`listProjects` on projects -> `list`). */
export function derivedMethodName(operationId: string, resource: string): string {
  const resourceWords = new Set(words(resource).flatMap((word) => [word, singular(word)]));
  const all = words(operationId);
  const kept = all.filter((word) => !resourceWords.has(word) && !resourceWords.has(singular(word)));
  return camelCase((kept.length > 0 ? kept : all).join(' '));
}

/** The names of one resource's methods, by operation pointer. */
export function resourceMethodNames(
  resource: string,
  operations: readonly SourceOperation[],
  operationIds: ReadonlySet<string>,
): { names: Map<string, MethodNames>; renames: Rename[] } {
  const methods = new NameScope(['constructor']);
  const renames: Rename[] = [];
  const names = new Map<string, string>();
  const explicit = (operation: SourceOperation): string | undefined => text(operation.operation['x-specsmith-method']);
  const nameMethod = (operation: SourceOperation, wanted: string): void => {
    const name = methods.claim(memberName(wanted), memberName(camelCase(operation.operationId)));
    names.set(operation.pointer, name);
    if (RESERVED_MEMBERS.has(wanted))
      renames.push({
        subject: `the method of operation ${JSON.stringify(operation.operationId)}`,
        wanted,
        name,
        reason: 'reserved',
      });
  };
  for (const operation of operations.filter(explicit)) nameMethod(operation, explicit(operation) ?? '');
  for (const operation of operations.filter((candidate) => !explicit(candidate)))
    nameMethod(operation, derivedMethodName(operation.operationId, resource));
  const result = new Map<string, MethodNames>();
  for (const operation of operations) {
    const methodName = names.get(operation.pointer) ?? '';
    const wait = operation.operation['x-specsmith-wait'];
    const waitMethodName =
      wait && operationIds.has(wait.via) ? methods.claim(text(wait.method) ?? `${methodName}AndWait`) : undefined;
    const chunked = operation.operation['x-specsmith-chunked-upload'];
    const chunkedMethodName =
      chunked && operationIds.has(chunked.complete) ? methods.claim('uploadChunked') : undefined;
    result.set(operation.pointer, { methodName, waitMethodName, chunkedMethodName });
  }
  return { names: result, renames };
}
