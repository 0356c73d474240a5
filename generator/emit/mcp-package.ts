/**
 * Stage 4, emit, for the MCP server: every file of the `<name>-mcp` package,
 * which depends on the client package and the MCP SDK. Its tool table is a
 * data module (mcp-tools.js) imported by src/index.ts, so a bundler inlines
 * it, and so are the MCP SDK classes it uses (mcp-sdk.js), each with a small
 * declaration so the compiler never types the table or the SDK; the server
 * itself (runtime/mcp.ts) is copied verbatim with what it imports from the
 * runtime.
 */
import type { ApiModel } from '../model/types.js';
import type { McpTool } from '../runtime/mcp.js';
import {
  emitMcpBin,
  emitMcpIndex,
  emitMcpSdkDeclaration,
  emitMcpSdkModule,
  emitMcpServerCard,
  emitMcpToolsDeclaration,
  emitMcpToolsModule,
} from './agent-files.js';
import { copyTree, sortedFiles, type FileMap } from './emit-package.js';
import { emitMcpReadme } from './mcp-readme.js';
import { emitMcpPackageJson, emitTsconfig } from './package-files.js';
import { MCP_RUNTIME, MCP_RUNTIME_IMPORTS, runtimeDir } from './runtime-dir.js';
import { formatOutput } from './format-output.js';

export async function emitMcpPackage(model: ApiModel, tools: readonly McpTool[]): Promise<FileMap> {
  const files: FileMap = new Map();
  files.set('package.json', emitMcpPackageJson(model));
  files.set('tsconfig.json', emitTsconfig());
  files.set('README.md', emitMcpReadme(model, tools));
  files.set('mcp-tools.js', emitMcpToolsModule(model, tools));
  files.set('mcp-tools.d.ts', emitMcpToolsDeclaration(model));
  files.set('mcp-sdk.js', emitMcpSdkModule(model));
  files.set('mcp-sdk.d.ts', emitMcpSdkDeclaration(model));
  files.set('mcp-server-card.json', emitMcpServerCard(model, tools));
  files.set('src/index.ts', emitMcpIndex(model));
  files.set('src/bin.ts', emitMcpBin(model));
  const runtime = new Set([MCP_RUNTIME, ...MCP_RUNTIME_IMPORTS]);
  await copyTree(runtimeDir(), 'src/runtime', files, (path) => runtime.has(path));
  return sortedFiles(formatOutput(files));
}
