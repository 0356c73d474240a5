/**
 * `specsmith diff` without the command line: both sides loaded, validated,
 * normalized and modelled exactly as `generate` does (pipeline.ts modelSpec),
 * then compared at the HTTP level and the generated-SDK level.
 */
import { SpecError } from '../diagnostics.js';
import type { LoadOptions } from '../load/load-spec.js';
import type { ModelledSpec } from '../pipeline.js';
import { modelSpec } from '../pipeline.js';
import { ChangeLog, sortChanges, type Change, type Side } from './change.js';
import { diffHttp } from './http-diff.js';
import { differingPointers } from './other-changes.js';
import { getAtPointer } from '../load/json-pointer.js';
import { diffSdk } from './sdk-diff.js';
import type { SpecSource } from './spec-source.js';
import type { ChangeKind } from './rules.js';

export interface DiffResult {
  old: string;
  new: string;
  changes: Change[];
  /** The most severe kind found, or undefined when nothing changed. */
  worst: ChangeKind | undefined;
}

/** Loads one side; diagnostics name the file the way the user knows it (`HEAD~1:specs/x/openapi.yaml`). */
export async function loadSide(source: SpecSource, cwd: string, load: LoadOptions = {}): Promise<ModelledSpec> {
  try {
    return await modelSpec(source.path, { ...load, cwd });
  } catch (error) {
    if (error instanceof SpecError)
      throw new SpecError(
        error.diagnostics.map((diagnostic) => ({ ...diagnostic, file: source.display(diagnostic.file) })),
      );
    throw error;
  }
}

function locator(side: ModelledSpec, source: SpecSource): (pointer: string) => Side {
  return (pointer) => {
    const origin = side.spec.origin(pointer);
    return { pointer, file: source.display(origin.file), line: origin.line };
  };
}

export function compareModelled(
  before: ModelledSpec,
  after: ModelledSpec,
  oldSource: SpecSource,
  newSource: SpecSource,
): DiffResult {
  const log = new ChangeLog(locator(before, oldSource), locator(after, newSource));
  diffHttp(before.spec.document, after.spec.document, log);
  diffSdk(before.model, after.model, before.spec.document, after.spec.document, log);
  if (log.changes.length === 0) {
    for (const pointer of differingPointers(before.spec.document, after.spec.document, 10)) {
      const exists = (document: unknown): boolean => getAtPointer(document, pointer) !== undefined;
      log.add('spec-changed', {
        subject: undefined,
        message: `${pointer} ${!exists(before.spec.document) ? 'added' : !exists(after.spec.document) ? 'removed' : 'changed'}`,
        old: exists(before.spec.document) ? pointer : undefined,
        new: exists(after.spec.document) ? pointer : undefined,
      });
    }
  }
  const changes = sortChanges(log.changes);
  const worst = changes.some((change) => change.kind === 'breaking')
    ? 'breaking'
    : changes.some((change) => change.kind === 'non-breaking')
      ? 'non-breaking'
      : changes.length > 0
        ? 'informational'
        : undefined;
  return { old: oldSource.label, new: newSource.label, changes, worst };
}

export async function diffSpecs(
  oldSource: SpecSource,
  newSource: SpecSource,
  cwd: string,
  load: LoadOptions = {},
): Promise<DiffResult> {
  const before = await loadSide(oldSource, cwd, load);
  const after = await loadSide(newSource, cwd, load);
  return compareModelled(before, after, oldSource, newSource);
}
