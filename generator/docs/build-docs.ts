/**
 * The published docs: a Redocly reference per spec in docs/<name>/index.html
 * (with a TypeScript and a curl sample on every operation), next to it the
 * package's README.md, api.md, llms.txt, llms-full.txt and openapi.json as the
 * package ships them, the landing page docs/index.html, and the one local
 * Redoc bundle the references share in docs/assets/. Built as a path -> text
 * map, like a client package, so the same atomic write and `--check` apply.
 */
import { emitLlmsFullTxt, emitLlmsTxt } from '../emit/agent-files.js';
import type { FileMap } from '../emit/emit-package.js';
import { buildMcpTools } from '../emit/mcp-tools.js';
import { emitApiIndex, emitReadme } from '../emit/readme-file.js';
import type { LoadOptions } from '../load/load-spec.js';
import { modelSpec } from '../pipeline.js';
import { landingPage, PACKAGE_DOCS, type DocsEntry } from './landing-page.js';
import { buildReferencePage, redocBundle, redocLogos } from './redoc-page.js';
import { referenceDocument } from './reference-document.js';

export interface DocsTarget {
  /** Folder name under docs/. */
  name: string;
  spec: string;
  /** The client package the landing page names (the target's, as for generation). */
  packageName: string | undefined;
  packageVersion?: string | undefined;
  /** The package's CHANGELOG.md once it has been released (`specsmith release`): published and linked. */
  changelog?: string | undefined;
}

export const REDOC_ASSET = 'assets/redoc.standalone.js';

export async function buildDocs(targets: readonly DocsTarget[], cwd: string, load: LoadOptions = {}): Promise<FileMap> {
  const files: FileMap = new Map();
  const entries: DocsEntry[] = [];
  const pages = await Promise.all(
    targets.map(async (target) => {
      // The spec is loaded (and its $refs checked) before Redocly reads it: Redocly follows $refs on its own.
      const { model, spec } = await modelSpec(target.spec, {
        ...load,
        cwd,
        packageName: target.packageName,
        packageVersion: target.packageVersion,
      });
      const reference = await referenceDocument(target.spec, model, cwd);
      const html = await buildReferencePage(reference, target.spec, `${model.title} reference`, `../${REDOC_ASSET}`);
      // The package's own documents, from the same emitters (and the same normalized document) as generation.
      const packageDocs: Record<(typeof PACKAGE_DOCS)[number], string> = {
        'README.md': emitReadme(model),
        'api.md': emitApiIndex(model),
        'llms.txt': emitLlmsTxt(model),
        'llms-full.txt': emitLlmsFullTxt(model, buildMcpTools(model, spec.document)),
        'openapi.json': `${JSON.stringify(spec.document, null, 2)}\n`,
      };
      return { target, model, html, packageDocs };
    }),
  );
  for (const { target, model, html, packageDocs } of pages) {
    files.set(`${target.name}/index.html`, html);
    for (const [name, text] of Object.entries(packageDocs)) files.set(`${target.name}/${name}`, text);
    if (target.changelog !== undefined) files.set(`${target.name}/CHANGELOG.md`, target.changelog);
    entries.push({ folder: target.name, model, changelog: target.changelog !== undefined });
  }
  files.set('index.html', landingPage(entries));
  files.set(REDOC_ASSET, await redocBundle());
  for (const [name, svg] of redocLogos()) files.set(`assets/${name}`, svg);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
