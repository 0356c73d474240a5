/**
 * One API reference page, built by Redocly (`redocly build-docs`) from the
 * reference document (see reference-document.ts). Redocly links its Redoc bundle from a CDN; the page is rewritten to
 * load the copy shipped with @redocly/cli from docs/assets/ instead, so the
 * docs render with no network and the bundle is stored once, not per page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SAMPLE_LABELS } from './code-samples.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

function redoclyPackageDir(): string {
  return dirname(require.resolve('@redocly/cli/package.json'));
}

/** Runs the installed Redocly CLI quietly (no telemetry, update notices or colour); rejects with its output when it fails. */
export function runRedocly(args: readonly string[], cwd?: string): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [join(redoclyPackageDir(), 'bin', 'cli.js'), ...args], {
    cwd,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

const LOGOS = { 'logo-mini-full.svg': 'Redocly', 'logo-mini.svg': 'Redocly' } as const;

/**
 * The Redoc bundle Redocly's pages load. Its attribution logo is fetched from
 * Redocly's CDN at run time; the bundle is pointed at local stand-ins in
 * docs/assets/ so the pages stay offline.
 */
export async function redocBundle(): Promise<string> {
  const bundle = await readFile(join(redoclyPackageDir(), 'lib', 'chunks', 'redoc.standalone.js'), 'utf8');
  let result = bundle;
  for (const name of Object.keys(LOGOS)) {
    const remote = `https://cdn.redoc.ly/redoc/${name}`;
    if (!result.includes(remote))
      throw new Error(`the Redoc bundle no longer loads ${remote}; update generator/docs/redoc-page.ts`);
    result = result.split(remote).join(`../assets/redocly-${name}`);
  }
  return result;
}

/** Local attribution logos: the product name as an SVG wordmark. */
export function redocLogos(): Map<string, string> {
  return new Map(
    Object.entries(LOGOS).map(([name, label]) => [
      `redocly-${name}`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${label.length * 8 + 8}" height="20" viewBox="0 0 ${label.length * 8 + 8} 20"><text x="4" y="14" font-family="sans-serif" font-size="12" fill="#52606d">${label}</text></svg>\n`,
    ]),
  );
}

/**
 * Redoc's options for every reference (a JSON config file is valid YAML).
 * Redoc shows the code-sample languages its configuration lists, curl and
 * eight others by default; the references list the two every operation has,
 * the SDK's first. A sample's language is its label, lower-cased.
 */
const REDOC_CONFIG = {
  openapi: { codeSamples: { languages: [{ lang: SAMPLE_LABELS.typescript }, { lang: SAMPLE_LABELS.curl }] } },
};

const CDN_BUNDLE = /https:\/\/cdn\.redocly\.com\/redoc\/[^"']+\/redoc\.standalone\.js/g;

/**
 * Builds the reference page for `document` (written to a scratch folder for
 * Redocly, never next to the spec); `name` names it in errors and
 * `bundlePath` is the page-relative URL of the local Redoc bundle.
 */
export async function buildReferencePage(
  document: Record<string, unknown>,
  name: string,
  title: string,
  bundlePath: string,
): Promise<string> {
  const workdir = await mkdtemp(join(tmpdir(), 'specsmith-docs-'));
  try {
    const input = join(workdir, 'openapi.json');
    const output = join(workdir, 'index.html');
    const config = join(workdir, 'redocly.yaml');
    await writeFile(input, JSON.stringify(document));
    await writeFile(config, JSON.stringify(REDOC_CONFIG));
    await runRedocly(['build-docs', input, '--output', output, '--title', title, '--config', config]);
    const html = await readFile(output, 'utf8');
    if (!CDN_BUNDLE.test(html))
      throw new Error(
        `redocly build-docs output for ${name} no longer links the Redoc bundle from the CDN; update generator/docs/redoc-page.ts`,
      );
    return (
      html
        .replace(
          /<link rel="modulepreload" href="https:\/\/cdn\.redocly\.com[^>]*>/g,
          `<link rel="modulepreload" href="${bundlePath}" />`,
        )
        .replace(CDN_BUNDLE, bundlePath)
        // No favicon request either: browsers ask for /favicon.ico unless the page names one.
        .replace('<head>', '<head>\n<link rel="icon" href="data:," />')
    );
  } finally {
    await rm(workdir, { recursive: true, force: true });
  }
}
