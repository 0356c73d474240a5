/**
 * The Chromium the browser tests drive. It comes with `npm ci`: the
 * `@sparticuz/chromium` package ships a headless Chromium inside the npm
 * tarball (brotli-compressed, unpacked to the temp folder on first use), so no
 * machine needs a browser installed by hand and nothing is downloaded at run
 * time. Debian's `/usr/bin/chromium` is the fallback where that package cannot
 * run (another CPU architecture, a read-only temp folder).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a closed network: without the background-networking ones Chromium
 * keeps reaching for update and sync hosts, which this machine refuses.
 */
const OFFLINE_FLAGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

async function bundledChromium(): Promise<{ executablePath: string; args: string[] } | undefined> {
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    // `--single-process` is for one page per Lambda call: there, closing a browser context ends the browser.
    return {
      executablePath: await packaged.executablePath(),
      args: packaged.args.filter((arg) => arg !== '--single-process'),
    };
  } catch {
    return undefined;
  }
}

/** Launches headless Chromium: the npm-packaged one, else Debian's; a clear error when neither runs. */
export async function launchChromium(): Promise<Browser> {
  const bundled = await bundledChromium();
  const failures: string[] = [];
  if (bundled) {
    try {
      return await chromium.launch({
        executablePath: bundled.executablePath,
        args: [...bundled.args, ...OFFLINE_FLAGS],
      });
    } catch (error) {
      failures.push(`@sparticuz/chromium (${bundled.executablePath}): ${(error as Error).message.split('\n')[0]}`);
    }
  } else failures.push('@sparticuz/chromium: not installed or not unpackable (run npm ci)');
  if (existsSync(DEBIAN_CHROMIUM)) {
    return chromium.launch({
      executablePath: DEBIAN_CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', ...OFFLINE_FLAGS],
    });
  }
  failures.push(`${DEBIAN_CHROMIUM}: missing`);
  throw new Error(`no Chromium could be launched:\n  ${failures.join('\n  ')}`);
}
