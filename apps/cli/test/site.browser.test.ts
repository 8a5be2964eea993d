import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderSite, resolveConfig, writeSite } from '@ormdoc/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTEFACTS, fileUrl, launch, skipBrowser, watchedPage } from './_browser.js';
import { ROOT, runMain } from './_harness.js';
import { hostileSiteIr, PWNED } from './_hostileSite.js';

/**
 * Issue 23: `ormdoc site` in a real browser (Debian's chromium through playwright-core), opened
 * from file:// with no server: search, links to table pages and back, the documents, and no
 * console error on any page. One browser for the file. Screenshots: test-results/site/.
 */

const EXAMPLES = [
  { orm: 'prisma', table: 'memberships', neighbour: 'organizations' },
  { orm: 'drizzle', table: 'memberships', neighbour: 'organizations' },
  { orm: 'typeorm', table: 'memberships', neighbour: 'organizations' },
  { orm: 'sqlmodel', table: 'memberships', neighbour: 'organizations' },
] as const;

let browser: Browser;
let out = '';

beforeAll(async () => {
  if (skipBrowser) return;
  out = mkdtempSync(join(tmpdir(), 'ormdoc-site-browser-'));
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** `ormdoc site --out <dir>` in process; the site's folder. */
async function buildSite(cwd: string, name: string): Promise<string> {
  const dir = join(out, name);
  const run = await runMain(['site', '--out', dir], cwd);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return dir;
}

/** Type into the search field; the rows left visible (their table names). */
async function search(page: Page, query: string): Promise<string[]> {
  await page.fill('#search', query);
  return page.locator('#table-list tbody tr:not([hidden]) td:first-child').allTextContents();
}

describe.skipIf(skipBrowser)('ormdoc site in chromium', () => {
  it.each(EXAMPLES)(
    'the $orm example: search, a table page, its links, back, a document',
    async (example) => {
      const site = await buildSite(join(ROOT, 'examples', example.orm), example.orm);
      const { page, problems } = await watchedPage(browser);
      await page.goto(fileUrl(join(site, 'index.html')));
      const all = await page.locator('#table-list tbody tr').count();
      expect(all).toBeGreaterThanOrEqual(12);
      expect(await page.textContent('#count')).toBe(`${all} tables`);

      // Search narrows the list to the tables whose name, description or columns hold every word.
      expect(await search(page, example.table)).toEqual([example.table]);
      expect(await page.textContent('#count')).toBe(`1 of ${all} tables`);
      // A column name finds its tables too.
      expect(await search(page, 'organization_id')).toContain(example.table);
      expect(await search(page, 'no-such-table-anywhere')).toEqual([]);
      await search(page, example.table);
      await page.screenshot({ path: join(ARTEFACTS, `${example.orm}-index.png`), fullPage: false });

      // Enter opens the first table shown.
      await page.press('#search', 'Enter');
      await page.waitForURL(/tables\/memberships\.html$/);
      expect(await page.textContent('h1')).toBe(example.table);
      for (const section of ['columns', 'keys', 'indexes', 'foreign-keys', 'relationships', 'findings'])
        expect(await page.locator(`#${section}`).count()).toBe(1);
      await page.screenshot({ path: join(ARTEFACTS, `${example.orm}-table.png`), fullPage: true });

      // A foreign key links the neighbour's page; back returns to this table, then to the index.
      await page.locator(`#foreign-keys + ul a`, { hasText: example.neighbour }).first().click();
      await page.waitForURL(new RegExp(`tables/${example.neighbour}\\.html$`));
      expect(await page.textContent('h1')).toBe(example.neighbour);
      await page.goBack();
      expect(await page.textContent('h1')).toBe(example.table);
      await page.goBack();
      expect(page.url()).toMatch(/index\.html#q=memberships$/);
      expect(await page.inputValue('#search')).toBe(example.table);

      // The documents: the design document's contents link lands on its heading.
      await page.click('header nav a:text-is("Design Document")');
      expect(await page.textContent('h1')).toMatch(/Design Document/);
      const toc = page.locator('main a[href^="#"]').first();
      const fragment = (await toc.getAttribute('href'))!;
      await toc.click();
      expect(await page.locator(`[id="${fragment.slice(1)}"]`).count()).toBe(1);
      // A table named in the schema reference links a heading that exists there.
      await page.click('header nav a:text-is("Schema Reference")');
      expect(await page.locator('h1').count()).toBe(1);

      // The diagram: pan and zoom change the view; a click on a table's box opens its page.
      await page.click('header nav a:text-is("Diagram")');
      expect(await page.locator('#canvas svg g.node').count()).toBeGreaterThanOrEqual(10);
      const scale = async () => Number(await page.getAttribute('#viewport', 'data-scale'));
      const fitted = await scale();
      await page.click('#zoom-in');
      expect(await scale()).toBeCloseTo(fitted * 1.25, 2);
      await page.keyboard.press('-');
      expect(await scale()).toBeCloseTo(fitted, 2);
      const box = page.locator('#canvas svg g.node', { has: page.locator('title', { hasText: /^users$/ }) });
      await box.first().click();
      await page.waitForURL(/tables\/users\.html$/);
      expect(await page.locator('#diagram + .diagram svg').count()).toBe(1);
      // The neighbourhood's boxes link too.
      const neighbour = page.locator('.diagram svg g.node', {
        has: page.locator('title', { hasText: /^posts$/ }),
      });
      await neighbour.first().click();
      await page.waitForURL(/tables\/posts\.html$/);
      await page.goBack();
      await page.screenshot({ path: join(ARTEFACTS, `${example.orm}-users.png`) });

      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('a hostile schema stays text: no script runs, names and comments read back verbatim', async () => {
    const ir = hostileSiteIr();
    const site = join(out, 'hostile');
    const config = resolveConfig({ title: '<script>window.__ormdocPwned=1</script>' });
    writeSite(site, (await renderSite({ ir, config, cwd: out, siteDir: site })).files);
    const { page, problems } = await watchedPage(browser);
    // Runs in the page: `globalThis` is its window (no DOM types in this tsconfig).
    const pwned = () =>
      page.evaluate((flag) => (globalThis as unknown as Record<string, unknown>)[flag], PWNED);

    await page.goto(fileUrl(join(site, 'index.html')));
    expect(await pwned()).toBeUndefined();
    // Every name is in the list as the exact text the schema holds.
    const names = await page.locator('#table-list tbody tr td:first-child').allTextContents();
    expect(names).toEqual(ir.tables.map((t) => t.name));
    const descriptions = await page.locator('#table-list tbody tr td:nth-child(5)').allTextContents();
    expect(descriptions).toEqual(ir.tables.map((t) => t.description));
    // Search matches hostile text as text.
    expect(await search(page, '<img src=x')).toEqual(
      ir.tables.filter((t) => t.name.includes('<img src=x')).map((t) => t.name),
    );
    await page.screenshot({ path: join(ARTEFACTS, 'hostile-index.png'), fullPage: true });

    for (const [i, table] of ir.tables.entries()) {
      await page.goto(fileUrl(join(site, 'index.html')));
      await page.locator('#table-list tbody tr a').nth(i).click();
      expect(await page.textContent('h1')).toBe(table.name);
      expect(await page.textContent('p.description')).toBe(table.description);
      const columns = await page.locator('table.columns tbody tr td:first-child').allTextContents();
      expect(columns).toEqual(table.columns.map((c) => c.name));
      expect(await pwned()).toBeUndefined();
      if (i === 0) await page.screenshot({ path: join(ARTEFACTS, 'hostile-table.png'), fullPage: true });
    }
    for (const doc of ['schema', 'design', 'overview', 'architecture', 'target-state', 'findings']) {
      await page.goto(fileUrl(join(site, 'docs', `${doc}.html`)));
      expect(await pwned()).toBeUndefined();
      // No element or attribute the payloads try to add exists.
      expect(
        await page.locator('main img[src="x"], main svg[onload], main iframe, main script').count(),
      ).toBe(0);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a 1,000-table schema (bench/): the index searches it and links every page', async () => {
    const load = (file: string) => import(pathToFileURL(join(ROOT, 'bench/generate', file)).href);
    const { buildModel } = (await load('model.mjs')) as {
      buildModel: (n: number) => { tables: Array<{ name: string }> };
    };
    const { prismaSchema } = (await load('prisma.mjs')) as { prismaSchema: (model: unknown) => string };
    const model = buildModel(1000);
    const project = join(out, 'bench-1000');
    rmSync(project, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'schema.prisma'), prismaSchema(model));
    const site = await buildSite(project, 'bench-1000/site');
    const { page, problems } = await watchedPage(browser);
    await page.goto(fileUrl(join(site, 'index.html')));
    expect(await page.locator('#table-list tbody tr').count()).toBe(1000);
    const target = model.tables[500]!.name;
    const found = await search(page, target);
    expect(found).toContain(target);
    expect(found.length).toBeLessThan(20);
    await page.screenshot({ path: join(ARTEFACTS, 'bench-1000-index.png') });
    await page
      .locator('#table-list tbody tr:not([hidden]) a', { hasText: new RegExp(`^${target}$`) })
      .click();
    expect(await page.textContent('h1')).toBe(target);
    await page.screenshot({ path: join(ARTEFACTS, 'bench-1000-table.png'), fullPage: true });
    await page.goBack();
    expect(await page.locator('#table-list tbody tr:not([hidden])').count()).toBe(found.length);
    // The overview of the parts opens, with pan and zoom.
    await page.goto(fileUrl(join(site, 'diagram.html')));
    expect(await page.locator('#canvas svg').count()).toBe(1);
    await page.screenshot({ path: join(ARTEFACTS, 'bench-1000-diagram.png') });
    // Every table has its page.
    const links = readFileSync(join(site, 'index.html'), 'utf8').match(/href="tables\/[^"]+"/g) ?? [];
    expect(new Set(links).size).toBe(1000);
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);
});
