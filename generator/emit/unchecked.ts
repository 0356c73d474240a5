/**
 * Files a generated package's own `tsc` does not check again: the operation
 * descriptors (src/operations.ts) and the runtime copied into src/runtime/.
 * `// @ts-nocheck` (TypeScript reads it from a file's leading comments, in .ts
 * files too) skips checking the file's bodies; its exports keep their declared
 * types, so every module that imports them is checked as before. Both are
 * checked once where they are made: the runtime by the repository's own
 * `tsc`, the descriptors by specsmith's tests against the runtime's types
 * (test/generator/unchecked-files.test.ts). Checking them again in every
 * package build cost about a third of a large client's type-check time (the
 * GitHub client: 1,223 descriptor literals and the runtime), for no error
 * the generator's tests would not have caught first.
 */

export const NO_CHECK_PRAGMA = '// @ts-nocheck';

/** The lines after a runtime file's pragma: why it is there. */
const RUNTIME_NOTE =
  '// specsmith checks this runtime file once in its own repository (generator/runtime/); a package build does not check it again.';

/** A generated file with the pragma after its generated-file header (its first line). */
export function uncheckedGenerated(text: string, why: string): string {
  const end = text.indexOf('\n');
  return `${text.slice(0, end + 1)}${NO_CHECK_PRAGMA}\n// ${why}\n${text.slice(end + 1)}`;
}

/** A runtime file as copied into a package: the pragma and its reason, then the file verbatim. */
export function uncheckedRuntime(text: string): string {
  return `${NO_CHECK_PRAGMA}\n${RUNTIME_NOTE}\n${text}`;
}

/** The runtime file a package's copy was made from (the inverse of uncheckedRuntime). */
export function runtimeSourceOf(copy: string): string {
  const prefix = `${NO_CHECK_PRAGMA}\n${RUNTIME_NOTE}\n`;
  return copy.startsWith(prefix) ? copy.slice(prefix.length) : copy;
}
