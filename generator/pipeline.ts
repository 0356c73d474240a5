/**
 * The pipeline for one spec: load -> validate -> model -> emit, each stage
 * timed. Errors stop the run before anything is written; writing (stage 5) is
 * the caller's, so `--check` can compare instead.
 */
import { dirname, join, relative } from 'node:path';
import { hasErrors, SpecError } from './diagnostics.js';
import { emitPackage, type FileMap } from './emit/emit-package.js';
import { loadSpec, type LoadedSpec } from './load/load-spec.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/types.js';
import { validateSpec } from './validate/validate-spec.js';
import { normalizeSpec } from './normalize/normalize-spec.js';

export interface StageTiming {
  stage: string;
  ms: number;
}

export interface GenerateOptions {
  packageName?: string | undefined;
  cwd?: string;
}

export interface GeneratedPackage {
  model: ApiModel;
  files: FileMap;
  timings: StageTiming[];
  /** Every file the spec was read from (for watch mode). */
  inputs: string[];
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
  const spec = await timed(timings, 'load', () => loadSpec(specFile, cwd));
  const diagnostics = await timed(timings, 'validate', () => validateSpec(spec));
  if (hasErrors(diagnostics)) throw new SpecError(diagnostics);
  await timed(timings, 'normalize', () => normalizeSpec(spec.document));
  const source = relative(cwd, spec.rootPath).split('\\').join('/');
  const model = await timed(timings, 'model', () => buildModel(spec.document, { source, packageName: options.packageName }));
  return { spec, model, timings };
}

export async function generatePackage(specFile: string, options: GenerateOptions = {}): Promise<GeneratedPackage> {
  const { spec, model, timings } = await modelSpec(specFile, options);
  const files = await timed(timings, 'emit', () => emitPackage(model, spec.document, { customDir: join(dirname(spec.rootPath), 'custom') }));
  return { model, files, timings, inputs: spec.files.map((file) => file.path) };
}
