/** Where generator/runtime lives, whether the generator runs from source or from dist/. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The runtime file that is the MCP server: copied into the MCP package, never into the client. */
export const MCP_RUNTIME = 'mcp.ts';
/** Runtime files the MCP server imports (copied beside it). */
export const MCP_RUNTIME_IMPORTS = ['encoding.ts'];

export function runtimeDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'runtime');
    if (existsSync(join(candidate, 'core.ts'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('generator/runtime not found next to the generator');
}
