/**
 * Which specs a command works on: every specs/<name>/openapi.yaml, or the one
 * named on the command line. Each spec makes two packages: the client in
 * `out`, and its MCP server in `<out>-mcp` beside it (generated/<name>/ and
 * generated/<name>-mcp/, both workspaces of the `generated/*` glob).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args.js';
import { loadProjectConfig, packageSettings } from '../config/project-config.js';
import type { PublishOptions } from '../pipeline.js';
import { readChangelog } from '../release/released-state.js';

export interface GenerateTarget {
  spec: string;
  out: string;
  /** Where the MCP server package goes. */
  mcpOut: string;
  packageName: string | undefined;
  packageVersion?: string | undefined;
  /** From specsmith.config.json and releases/<name>/ (only for the specs/ layout). */
  publish?: PublishOptions | undefined;
}

/** The MCP server package's folder for a client generated into `out`: `<out>-mcp`, beside it. */
export function mcpOutDir(out: string): string {
  return `${out.replace(/[\\/]+$/, '')}-mcp`;
}

export function defaultTargets(cwd: string): GenerateTarget[] {
  const specsDir = join(cwd, 'specs');
  if (!existsSync(specsDir))
    throw new UsageError('no spec given and no specs/ folder here: run `specsmith generate <spec-file> --out <dir>`');
  const names = readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(specsDir, entry.name, 'openapi.yaml')))
    .map((entry) => entry.name)
    .sort();
  const clash = names.find((name) => names.includes(`${name}-mcp`));
  if (clash)
    throw new UsageError(
      `specs/${clash}-mcp/ would be generated into generated/${clash}-mcp/, where the MCP server of specs/${clash}/ goes: rename one of them`,
    );
  const config = loadProjectConfig(cwd);
  return names.map((name) => {
    const settings = packageSettings(config, name, `generated/${name}`);
    const publish: PublishOptions = {
      settings,
      clientDir: `generated/${name}`,
      mcpDir: `generated/${name}-mcp`,
      changelog: readChangelog(cwd, name),
    };
    return {
      spec: join(specsDir, name, 'openapi.yaml'),
      out: join(cwd, 'generated', name),
      mcpOut: join(cwd, 'generated', `${name}-mcp`),
      packageName: settings.name,
      packageVersion: settings.version,
      publish,
    };
  });
}

export function singleTarget(
  spec: string,
  out: string | undefined,
  name: string | undefined,
  cwd: string,
): GenerateTarget {
  if (!out) throw new UsageError('--out <dir> is required when a spec file is given');
  if (!existsSync(resolve(cwd, spec))) throw new UsageError(`spec file not found: ${spec}`);
  return {
    spec: resolve(cwd, spec),
    out: resolve(cwd, out),
    mcpOut: mcpOutDir(resolve(cwd, out)),
    packageName: name ?? `@specsmith/${basename(dirname(resolve(cwd, spec)))}`,
  };
}
