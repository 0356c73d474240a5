/**
 * Which specs a command works on: every specs/<name>/openapi.yaml, or the one
 * named on the command line. Each spec makes two packages: the client in
 * `out`, and its MCP server in `<out>-mcp` beside it (generated/<name>/ and
 * generated/<name>-mcp/, both workspaces of the `generated/*` glob).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args.js';

export interface GenerateTarget {
  spec: string;
  out: string;
  /** Where the MCP server package goes. */
  mcpOut: string;
  packageName: string | undefined;
}

/** The MCP server package's folder for a client generated into `out`: `<out>-mcp`, beside it. */
export function mcpOutDir(out: string): string {
  return `${out.replace(/[\\/]+$/, '')}-mcp`;
}

export function defaultTargets(cwd: string): GenerateTarget[] {
  const specsDir = join(cwd, 'specs');
  if (!existsSync(specsDir)) throw new UsageError('no spec given and no specs/ folder here: run `specsmith generate <spec-file> --out <dir>`');
  const names = readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'openapi.yaml')))
    .map((entry) => entry.name)
    .sort();
  const clash = names.find((name) => names.includes(`${name}-mcp`));
  if (clash) throw new UsageError(`specs/${clash}-mcp/ would be generated into generated/${clash}-mcp/, where the MCP server of specs/${clash}/ goes: rename one of them`);
  return names.map((name) => ({ spec: join(specsDir, name, 'openapi.yaml'), out: join(cwd, 'generated', name), mcpOut: join(cwd, 'generated', `${name}-mcp`), packageName: `@specsmith/${name}` }));
}

export function singleTarget(spec: string, out: string | undefined, name: string | undefined, cwd: string): GenerateTarget {
  if (!out) throw new UsageError('--out <dir> is required when a spec file is given');
  if (!existsSync(resolve(cwd, spec))) throw new UsageError(`spec file not found: ${spec}`);
  return { spec: resolve(cwd, spec), out: resolve(cwd, out), mcpOut: mcpOutDir(resolve(cwd, out)), packageName: name ?? `@specsmith/${basename(dirname(resolve(cwd, spec)))}` };
}
