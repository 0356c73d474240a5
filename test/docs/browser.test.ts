/**
 * The published docs in a real browser (the Chromium that `npm ci` installs,
 * driven by playwright-core): the landing page and each API reference load from a
 * loopback server, show their title and every operation's summary, log no
 * console errors, fail no request and reach for nothing off the machine. A
 * screenshot of each page is kept under test/.artifacts/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSpec } from '../support/contract.js';
import { PROVIDERS } from '../support/providers.js';
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
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? ''})`));
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
    const tags = [...new Set(spec.operations.map((operation) => String((operation.operation['tags'] as string[] | undefined)?.[0])))];
    let shown = '';
    for (const tag of tags) {
      // Sidebar entries; a Markdown heading in the description may share a tag's name, and tags come after those.
      await page.locator('[data-component-name="Menu/MenuItem"]').filter({ hasText: new RegExp(`^\\s*${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) }).last().click();
      // The sidebar already names the tag, so wait for the tag's operations themselves (a miss shows up in `missing` below).
      const summaries = spec.operations.filter((operation) => (operation.operation['tags'] as string[] | undefined)?.[0] === tag).map((operation) => String(operation.operation['summary']));
      await page.waitForFunction((expected) => expected.every((summary) => document.body.innerText.includes(summary)), summaries, { timeout: 10_000 }).catch(() => undefined);
      shown += await page.locator('main, body').first().innerText();
    }
    const missing = spec.operations.map((operation) => String(operation.operation['summary'])).filter((summary) => !shown.includes(summary));
    expect(missing).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `${provider}.png`) });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
