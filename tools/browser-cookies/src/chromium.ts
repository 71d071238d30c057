// Finds and launches the system Chromium (Debian's `chromium` package) through playwright-core:
// no browser download, a fresh profile per launch, nothing that talks to the network by itself.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags of every launch: headless, no sandbox (root in CI), no background traffic. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser tests can run here: the executable exists. Under `CI=true` a missing
 * browser is an error (the test fails), elsewhere the tests are skipped with a notice.
 *
 * @returns `true` when Chromium is installed
 * @example
 * ```ts
 * const describeBrowser = chromiumAvailable() ? describe : describe.skip;
 * ```
 */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** A browser with its own fresh profile, and how to throw both away. */
export interface FreshBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a new, empty `--user-data-dir` (no cookies from an earlier run).
 *
 * @returns the browser context and its `close()`
 * @example
 * ```ts
 * const browser = await launchFreshChromium();
 * const page = await browser.context.newPage();
 * await browser.close();
 * ```
 */
export async function launchFreshChromium(): Promise<FreshBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'tokenward-chromium-'));
  const context = await chromium
    .launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      timeout: 30_000,
    })
    .catch((err: unknown) => {
      rmSync(profile, { recursive: true, force: true });
      throw err;
    });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
