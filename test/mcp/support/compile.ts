/**
 * Compiles the client packages and then their MCP server packages (each MCP
 * package type-checks against its client's dist/ declarations), once at a
 * time across test files: vitest runs files in parallel, and two `tsc -b`
 * writing the same dist/ would race. tsc -b is incremental, so this is quick
 * when dist/ is current.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROVIDERS } from '../../support/providers.js';
import { repoRoot } from '../../support/redocly.js';

const run = promisify(execFile);
const LOCK = join(repoRoot, 'test', '.artifacts', 'mcp-compile.lock');
/** A lock older than this was left by a run that died. */
const STALE_MS = 5 * 60_000;

async function acquire(): Promise<void> {
  await mkdir(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch {
      const age = await stat(LOCK).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (age > STALE_MS) await rm(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export async function compilePackages(): Promise<void> {
  await acquire();
  try {
    const projects = [
      ...PROVIDERS.map((provider) => join(repoRoot, 'generated', provider)),
      ...PROVIDERS.map((provider) => join(repoRoot, 'generated', `${provider}-mcp`)),
    ];
    await run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-b', ...projects], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** The compiled `<provider>-mcp` command of a provider's MCP package. */
export function mcpBin(provider: string): string {
  return join(repoRoot, 'generated', `${provider}-mcp`, 'dist', 'bin.js');
}
