/**
 * Stage 4, emit: every file of the client package as a path -> text map.
 * TypeScript sources come from ts-morph structures (and openapi-typescript for
 * schema.ts); the runtime is copied verbatim from generator/runtime/ (all but
 * the MCP server, which goes into the MCP package: see mcp-package.ts), under
 * a `// @ts-nocheck` line (see unchecked.ts), and
 * the spec's custom/ folder verbatim into src/custom/.
 */
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../build/content-hash.js';
import type { ApiModel } from '../model/types.js';
import { schemaNames } from '../model/public-names.js';
import { emitClient } from './client-file.js';
import { emitCore } from './core-file.js';
import { emitFuncs } from './funcs-file.js';
import { emitErrors } from './errors-file.js';
import { emitIndex } from './index-file.js';
import { emitOperations } from './operations-file.js';
import { emitCjsTsconfig, emitFuncsStub, emitPackageJson, emitTsconfig, FUNCS_STUB } from './package-files.js';
import { emitApiIndex, emitReadme } from './readme-file.js';
import { emitResource } from './resource-file.js';
import { emitTypes } from './types-file.js';
import { emitWebhooks } from './webhooks-file.js';
import { emitApiCatalog, emitLlmsFullTxt, emitLlmsTxt } from './agent-files.js';
import type { McpTool } from '../runtime/mcp.js';
import { MCP_RUNTIME, runtimeDir } from './runtime-dir.js';
import { formatOutput } from './format-output.js';
import { uncheckedRuntime } from './unchecked.js';

export type FileMap = Map<string, string>;

export async function copyTree(
  from: string,
  to: string,
  files: FileMap,
  filter: (path: string) => boolean = () => true,
): Promise<string[]> {
  const copied = listFiles(from).filter(filter);
  for (const path of copied) files.set(`${to}/${path}`, await readFile(join(from, path), 'utf8'));
  return copied;
}

export interface EmitOptions {
  /** specs/<provider>/custom, copied into src/custom when it exists. */
  customDir?: string | undefined;
  /** src/schema.ts when the caller already started producing it (see startSchemaJob); otherwise it is made here. */
  schema?: Promise<string> | undefined;
}

/** The MCP tool table, which llms-full.txt names tools from. */
export async function emitPackage(
  model: ApiModel,
  document: Record<string, unknown>,
  tools: readonly McpTool[],
  options: EmitOptions = {},
): Promise<FileMap> {
  const files: FileMap = new Map();
  // openapi-typescript runs while the rest is emitted; its failure is reported when awaited below.
  const schema =
    options.schema ??
    import('./schema-file.js').then(({ emitSchema }) => emitSchema(document, model.source, schemaNames(model)));
  schema.catch(() => undefined);
  files.set('package.json', emitPackageJson(model));
  files.set('tsconfig.json', emitTsconfig());
  files.set('tsconfig.cjs.json', emitCjsTsconfig());
  files.set('README.md', emitReadme(model));
  files.set('api.md', emitApiIndex(model));
  files.set('src/operations.ts', emitOperations(model, `${model.packageName}/${model.packageVersion}`));
  files.set('src/errors.ts', emitErrors(model));
  files.set('src/types.ts', emitTypes(model));
  files.set('src/core.ts', emitCore(model));
  files.set('src/client.ts', emitClient(model));
  files.set('src/funcs.ts', emitFuncs(model));
  files.set(FUNCS_STUB, emitFuncsStub());
  for (const resource of model.resources)
    files.set(`src/resources/${resource.fileName}.ts`, emitResource(model, resource));
  if (model.webhooks) files.set('src/webhooks.ts', emitWebhooks(model, model.webhooks));
  const runtime = await copyTree(
    runtimeDir(),
    'src/runtime',
    files,
    (path) => path.endsWith('.ts') && !path.includes('/') && path !== MCP_RUNTIME,
  );
  for (const path of runtime)
    files.set(`src/runtime/${path}`, uncheckedRuntime(files.get(`src/runtime/${path}`) ?? ''));
  let hasCustomIndex = false;
  if (options.customDir && existsSync(options.customDir) && (await stat(options.customDir)).isDirectory()) {
    const copied = await copyTree(options.customDir, 'src/custom', files);
    hasCustomIndex = copied.includes('index.ts');
  }
  files.set('src/index.ts', emitIndex(model, hasCustomIndex));
  // For agents: llms.txt, the API catalog and the spec it points at (the MCP server is its own package).
  files.set('llms.txt', emitLlmsTxt(model));
  files.set('llms-full.txt', emitLlmsFullTxt(model, tools));
  files.set('api-catalog.json', emitApiCatalog(model));
  files.set('openapi.json', `${JSON.stringify(document, null, 2)}\n`);
  files.set('src/schema.ts', await schema);
  return sortedFiles(formatOutput(files));
}

/** Files in path order, so every output lists them the same way. */
export function sortedFiles(files: FileMap): FileMap {
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
