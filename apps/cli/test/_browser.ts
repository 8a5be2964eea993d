import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './_harness.js';

/** Debian's chromium (`.ci/run` installs it); `ORMDOC_CHROMIUM` points elsewhere. */
export const CHROMIUM = process.env.ORMDOC_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Browser tests run wherever chromium is installed, and always on CI: there a missing browser
 * fails the test (it is never skipped quietly). Elsewhere, without chromium, they are skipped.
 */
export const skipBrowser = !existsSync(CHROMIUM) && !process.env.CI;

/** Where screenshots are kept (gitignored): `test-results/site/` at the repository root. */
export const ARTEFACTS = join(ROOT, 'test-results/site');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `chromium not found at ${CHROMIUM}: install Debian's chromium or set ORMDOC_CHROMIUM (CI must run these tests)`,
    );
  const { chromium } = await import('playwright-core');
  mkdirSync(ARTEFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** Everything a page reported that a clean site must not: console errors/warnings, page errors, dialogs, requests off file://. */
export interface PageProblems {
  problems: string[];
}

/** A new page that records console errors and warnings, uncaught errors, dialogs and any non-file request. */
export async function watchedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
      problems.push(`network request: ${r.url()}`);
  });
  return { page, problems };
}

export const fileUrl = (path: string) => pathToFileURL(path).href;
