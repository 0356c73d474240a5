/**
 * The published docs: a Redocly reference per spec in docs/<name>/index.html,
 * the landing page docs/index.html, and the one local Redoc bundle they share
 * in docs/assets/. Built as a path -> text map, like a client package, so the
 * same atomic write and `--check` apply.
 */
import type { FileMap } from '../emit/emit-package.js';
import type { LoadOptions } from '../load/load-spec.js';
import { modelSpec } from '../pipeline.js';
import { landingPage, type DocsEntry } from './landing-page.js';
import { buildReferencePage, redocBundle, redocLogos } from './redoc-page.js';

export interface DocsTarget {
  /** Folder name under docs/. */
  name: string;
  spec: string;
  /** The client package the landing page names (the target's, as for generation). */
  packageName: string | undefined;
}

export const REDOC_ASSET = 'assets/redoc.standalone.js';

export async function buildDocs(targets: readonly DocsTarget[], cwd: string, load: LoadOptions = {}): Promise<FileMap> {
  const files: FileMap = new Map();
  const entries: DocsEntry[] = [];
  const pages = await Promise.all(
    targets.map(async (target) => {
      // The spec is loaded (and its $refs checked) before Redocly reads it: Redocly follows $refs on its own.
      const { model } = await modelSpec(target.spec, { ...load, cwd, packageName: target.packageName });
      const html = await buildReferencePage(target.spec, `${model.title} reference`, `../${REDOC_ASSET}`);
      return { target, model, html };
    }),
  );
  for (const { target, model, html } of pages) {
    files.set(`${target.name}/index.html`, html);
    entries.push({ folder: target.name, model });
  }
  files.set('index.html', landingPage(entries));
  files.set(REDOC_ASSET, await redocBundle());
  for (const [name, svg] of redocLogos()) files.set(`assets/${name}`, svg);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
