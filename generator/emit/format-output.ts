/**
 * The last step of emit: every TypeScript file the generator printed goes
 * through the project's formatter (generator/format), so a generated package
 * reads like hand-written code (width 120) and a regeneration diff shows only
 * what changed. Files copied verbatim are already formatted at their source
 * (the runtime, a spec's custom/ folder); schema.ts is openapi-typescript's
 * own print, kept as it prints it.
 */
import { formatSource } from '../format/format-source.js';
import type { FileMap } from './emit-package.js';

const VERBATIM = [/^src\/runtime\//, /^src\/custom\//, /^src\/schema\.ts$/];

export function formatOutput(files: FileMap): FileMap {
  const formatted: FileMap = new Map();
  for (const [path, text] of files) {
    const printed = path.endsWith('.ts') && !VERBATIM.some((pattern) => pattern.test(path));
    formatted.set(path, printed ? formatSource(text, path) : text);
  }
  return formatted;
}
