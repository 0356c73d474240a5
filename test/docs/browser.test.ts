/**
 * The published docs in a real browser (the Chromium that `npm ci` installs,
 * driven by playwright-core): the landing page and each API reference load from a
 * loopback server, show their title and every operation's summary, log no
 * console errors, fail no request and reach for nothing off the machine.
 * Every operation shows both code samples (TypeScript and curl) as the
 * reference document holds them. A screenshot of each page, and of one
 * operation with its samples, is kept under test/.artifacts/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LABELS } from '../../generator/docs/code-samples.js';
import { referenceFor, sampledOperations } from '../support/code-samples.js';
import { contractSpec } from '../support/contract.js';
import { PROVIDERS, specPath } from '../support/providers.js';
import { repoRoot } from '../support/redocly.js';
import { serveDirectory } from '../support/static-server.js';
import { launchChromium } from '../support/browser.js';

const SCREENSHOTS = join(repoRoot, 'test/.artifacts/screenshots');

let browser: Browser;
let site: { url: string; close(): Promise<void> };

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  site = await serveDirectory(join(repoRoot, 'docs'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Visit {
  page: Page;
  problems: string[];
}

/** Opens a page, recording console errors, page errors, failed requests and any request that leaves loopback. */
async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? ''})`),
  );
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    problems.push(`off-machine request: ${url.href}`);
    return route.abort();
  });
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

describe('landing page', () => {
  it('lists the four APIs with title, version and operation count, and links each reference', async () => {
    const { page, problems } = await visit('/index.html');
    expect(await page.title()).toBe('API references');
    for (const provider of PROVIDERS) {
      const spec = await contractSpec(provider);
      const info = spec.document['info'] as { title: string; version: string };
      const card = page.locator('li.api', { has: page.locator(`a[href="./${provider}/index.html"]`) });
      await expect(card.locator('h2').innerText()).resolves.toBe(info.title);
      const meta = await card.locator('.meta').innerText();
      expect(meta).toContain(`Version ${info.version}`);
      expect(meta).toContain(`${spec.operations.length} operation`);
      // The package's own documents (and its changelog, once released), published next to the reference.
      for (const file of ['README.md', 'api.md', 'llms.txt', 'CHANGELOG.md']) {
        const href = await card.locator(`a[href="./${provider}/${file}"]`).getAttribute('href');
        const response = await page.request.get(new URL(href ?? '', page.url()).href);
        expect(response.status(), file).toBe(200);
      }
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'index.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe.each(PROVIDERS)('%s reference', (provider) => {
  it('renders its title and every operation summary, offline and without errors', async () => {
    const spec = await contractSpec(provider);
    const info = spec.document['info'] as { title: string };
    const { page, problems } = await visit(`/${provider}/index.html`);
    expect(await page.title()).toBe(`${info.title} reference`);
    // Redoc hydrates the prerendered page; wait until its script has run (the API title is rendered as a heading).
    await page.locator('h1', { hasText: info.title }).first().waitFor({ timeout: 30_000 });
    // Each tag is its own view: open every tag from the sidebar and collect what is shown.
    const tags = [
      ...new Set(
        spec.operations.map((operation) => String((operation.operation['tags'] as string[] | undefined)?.[0])),
      ),
    ];
    let shown = '';
    for (const tag of tags) {
      // Sidebar entries; a Markdown heading in the description may share a tag's name, and tags come after those.
      await page
        .locator('[data-component-name="Menu/MenuItem"]')
        .filter({ hasText: new RegExp(`^\\s*${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
        .last()
        .click();
      // The sidebar already names the tag, so wait for the tag's operations themselves (a miss shows up in `missing` below).
      const summaries = spec.operations
        .filter((operation) => (operation.operation['tags'] as string[] | undefined)?.[0] === tag)
        .map((operation) => String(operation.operation['summary']));
      await page
        .waitForFunction(
          (expected) => expected.every((summary) => document.body.innerText.includes(summary)),
          summaries,
          { timeout: 10_000 },
        )
        .catch(() => undefined);
      shown += await page.locator('main, body').first().innerText();
    }
    const missing = spec.operations
      .map((operation) => String(operation.operation['summary']))
      .filter((summary) => !shown.includes(summary));
    expect(missing).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${provider}.png`) });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/** Whitespace-insensitive text, for comparing code as the page lays it out with the source. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe.each(PROVIDERS)('%s reference code samples', (provider) => {
  it('every operation shows its TypeScript sample (with the method call) and its curl sample', async () => {
    const spec = await contractSpec(provider);
    const { model, document: reference } = await referenceFor(specPath(provider));
    const samples = new Map(
      sampledOperations(reference['paths']).map(({ operationId, samples: list }) => [operationId, list]),
    );
    const { page, problems } = await visit(`/${provider}/index.html`);
    const info = spec.document['info'] as { title: string };
    await page.locator('h1', { hasText: info.title }).first().waitFor({ timeout: 30_000 });

    /**
     * Opens an operation by its sidebar link's address (the page routes on the URL hash), so a
     * sidebar that re-renders under the pointer cannot swallow the click; when the link is not in
     * the page yet, its tag is expanded from the sidebar first.
     */
    const open = async (operationId: string, tag: string): Promise<void> => {
      const entry = page
        .locator(`[data-component-name="Menu/MenuItem"] a[href$="/${operationId.toLowerCase()}"]`)
        .first();
      if ((await entry.count()) === 0) {
        await page
          .locator('[data-component-name="Menu/MenuItem"]')
          .filter({ hasText: new RegExp(`^\\s*${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
          .last()
          .click();
      }
      const href = await entry.getAttribute('href', { timeout: 30_000 });
      if (href?.startsWith('#')) await page.evaluate((hash) => void (window.location.hash = hash), href);
      else await entry.click();
    };
    const shows = (text: string): Promise<boolean> =>
      page
        .waitForFunction(
          (expected) =>
            [...document.querySelectorAll('pre')].some((pre) => pre.innerText.replace(/\s+/g, ' ').trim() === expected),
          text,
          { timeout: 10_000 },
        )
        .then(
          () => true,
          () => false,
        );

    const rendered = new Map<string, string[]>();
    const missing: string[] = [];
    for (const label of [SAMPLE_LABELS.typescript, SAMPLE_LABELS.curl]) {
      if (label !== SAMPLE_LABELS.typescript) {
        // The language is chosen once for the whole page, from the sample panel's language menu.
        // Clicks dispatched to the elements: the menu may open partly outside the viewport, where a pointer click cannot land.
        await page.getByRole('button', { name: SAMPLE_LABELS.typescript, exact: true }).first().dispatchEvent('click');
        await page.getByRole('menuitem', { name: label, exact: true }).first().dispatchEvent('click');
      }
      for (const { operationId, operation } of spec.operations) {
        await open(operationId, String((operation['tags'] as string[] | undefined)?.[0]));
        const source = samples.get(operationId)?.find((sample) => sample.label === label)?.source;
        const method = model.operations.find((candidate) => candidate.operationId === operationId);
        // The TypeScript sample calls the operation's method; the curl sample names its path's first segment.
        if (label === SAMPLE_LABELS.typescript && !source?.includes(`.${method?.resource}.${method?.methodName}(`))
          missing.push(`${operationId}: ${label} sample does not call its method`);
        if (source && (await shows(squeeze(source))))
          rendered.set(operationId, [...(rendered.get(operationId) ?? []), label]);
        else missing.push(`${operationId}: ${label} sample not shown`);
      }
      if (label === SAMPLE_LABELS.typescript) {
        // One operation with a request body: its samples show the most.
        const first =
          spec.operations.find(({ operation }) => operation['requestBody'] !== undefined) ?? spec.operations[0];
        if (first) {
          await open(first.operationId, String((first.operation['tags'] as string[] | undefined)?.[0]));
          await page.screenshot({ path: join(SCREENSHOTS, `${provider}-samples.png`) });
        }
      }
    }
    expect(missing).toEqual([]);
    expect([...rendered.values()].filter((labels) => labels.length === 2)).toHaveLength(spec.operations.length);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 600_000);
});
