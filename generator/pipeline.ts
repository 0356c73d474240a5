/**
 * The pipeline for one spec: load -> validate -> model -> emit, each stage
 * timed. Errors stop the run before anything is written; writing (stage 5) is
 * the caller's, so `--check` can compare instead.
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { hasErrors, SpecError } from './diagnostics.js';
import { emitPackage, sortedFiles, type FileMap } from './emit/emit-package.js';
import { emitMcpPackage } from './emit/mcp-package.js';
import { buildMcpTools } from './emit/mcp-tools.js';
import { startSchemaJob } from './emit/schema-job.js';
import { schemaNames, type SchemaNames } from './model/public-names.js';
import { loadSpec, type LoadedSpec, type LoadOptions } from './load/load-spec.js';
import { buildModel } from './model/index.js';
import type { ApiModel } from './model/types.js';
import { validateSpec } from './validate/validate-spec.js';
import { normalizeSpec } from './normalize/normalize-spec.js';
import { withPackageMeta } from './config/package-meta.js';
import type { PackageSettings } from './config/project-config.js';

export interface PublishOptions {
  settings: PackageSettings;
  /** The packages' folders relative to the repository (package.json `repository.directory`). */
  clientDir: string;
  mcpDir: string;
  /** The client package's CHANGELOG.md, kept with the released state (release/). */
  changelog?: string | undefined;
}

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface GenerateOptions extends LoadOptions {
  packageName?: string | undefined;
  packageVersion?: string | undefined;
  /** What the project configuration and the released state add to the packages (config/, release/). */
  publish?: PublishOptions | undefined;
  cwd?: string;
  /** Called once the document is bundled, validated and normalized (before modelling). */
  onNormalized?: (document: Record<string, unknown>, source: string) => void;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export interface GeneratedPackage {
  model: ApiModel;
  /** The client package. */
  files: FileMap;
  /** The MCP server package (`<package-name>-mcp`), written beside the client (cli/targets.ts says where). */
  mcp: FileMap;
  timings: StageTiming[];
}

async function timed<T>(timings: StageTiming[], stage: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    timings.push({ stage, ms: performance.now() - started });
  }
}

export interface ModelledSpec {
  spec: LoadedSpec;
  model: ApiModel;
  timings: StageTiming[];
}

/** Stages 1-3: load, validate (throwing SpecError on errors) and model. */
export async function modelSpec(specFile: string, options: GenerateOptions = {}): Promise<ModelledSpec> {
  const cwd = options.cwd ?? process.cwd();
  const timings: StageTiming[] = [];
  const spec = await timed(timings, 'load', () =>
    loadSpec(specFile, cwd, {
      allowRefRoots: options.allowRefRoots,
      maxFileBytes: options.maxFileBytes,
      maxDepth: options.maxDepth,
    }),
  );
  const diagnostics = await timed(timings, 'validate', () => validateSpec(spec));
  if (hasErrors(diagnostics)) throw new SpecError(diagnostics);
  await timed(timings, 'normalize', () => normalizeSpec(spec.document));
  const source = relative(cwd, spec.rootPath).split('\\').join('/');
  options.onNormalized?.(spec.document, source);
  const model = await timed(timings, 'model', () =>
    buildModel(spec.document, { source, packageName: options.packageName, packageVersion: options.packageVersion }),
  );
  return { spec, model, timings };
}

export async function generatePackage(specFile: string, options: GenerateOptions = {}): Promise<GeneratedPackage> {
  // The types are made in a worker, started now so its start-up overlaps loading; it gets the document
  // once it is final, and works while this thread models and emits the client.
  const job = startSchemaJob(fileSize(resolve(options.cwd ?? process.cwd(), specFile)));
  let schema: Promise<string> | undefined;
  let modelled: ModelledSpec;
  // The schemas' public names, which the model decides while the worker runs openapi-typescript.
  let provideNames: (names: SchemaNames) => void = () => undefined;
  const names = new Promise<SchemaNames>((resolve) => {
    provideNames = resolve;
  });
  try {
    modelled = await modelSpec(specFile, {
      ...options,
      onNormalized: (document, source) => {
        schema = job.run(document, source, names);
        schema.catch(() => undefined);
      },
    });
  } catch (error) {
    job.cancel();
    throw error;
  }
  const { spec, model, timings } = modelled;
  provideNames(schemaNames(model));
  const { files, mcp } = await timed(timings, 'emit', async () => {
    const tools = buildMcpTools(model, spec.document);
    const mcp = await emitMcpPackage(model, tools);
    return {
      files: await emitPackage(model, spec.document, tools, {
        customDir: join(dirname(spec.rootPath), 'custom'),
        schema,
      }),
      mcp,
    };
  });
  if (options.publish) applyPublish(files, mcp, options.publish);
  return { model, files, mcp, timings };
}

/** License, author, repository and the changelog from the project's configuration and released state. */
function applyPublish(files: FileMap, mcp: FileMap, publish: PublishOptions): void {
  const changelog = publish.changelog;
  files.set(
    'package.json',
    withPackageMeta(files.get('package.json') ?? '{}', publish.settings, publish.clientDir, changelog !== undefined),
  );
  mcp.set('package.json', withPackageMeta(mcp.get('package.json') ?? '{}', publish.settings, publish.mcpDir, false));
  if (changelog !== undefined) {
    files.set('CHANGELOG.md', changelog);
    const sorted = sortedFiles(files);
    files.clear();
    for (const [path, text] of sorted) files.set(path, text);
  }
}
