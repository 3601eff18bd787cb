import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import test from 'ava';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Debian Chromium. On a machine without it the browser tests are registered as skipped,
 * unless REQUIRE_BROWSER is set (CI sets it), where its absence is a failure.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return false;
}

/**
 * Ways to register a test that needs Chromium: plain `test` and `test.serial` where it is
 * installed, their `.skip` where it is not, so that a run without it reports the tests as
 * skipped rather than passed. `available` is for the hooks that start the browser.
 */
export function browserTests() {
  const available = browserAvailable();
  return { available, test: available ? test : test.skip, serial: available ? test.serial : test.serial.skip };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
};
