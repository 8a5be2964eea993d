import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { qualifiedName } from '../ir/names.js';
import { aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { renderSite, type SiteFile, tablePages, writeSite } from './index.js';
import { SITE_MARKER } from './paths.js';

const text = (f: SiteFile) => (typeof f.content === 'string' ? f.content : [...f.content()].join(''));
const sha = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ormdoc-site-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['exampleIr', exampleIr, true],
  ['kitchenSinkIr', kitchenSinkIr, false],
] as const)('renderSite(%s)', (_name, build, diagrams) => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const ir = build();
    const site = await renderSite({
      ir,
      config: resolveConfig({}),
      cwd: dir,
      siteDir: join(dir, 'site'),
      ...(diagrams ? {} : { diagrams: false as const }),
    });
    files = new Map(site.files.map((f) => [f.path, text(f)]));
  }, 60_000);

  it('has an index, a page per table, and the five documents', () => {
    const ir = build();
    expect(files.has('index.html')).toBe(true);
    expect(files.has(SITE_MARKER)).toBe(true);
    for (const page of tablePages(ir.tables).values()) expect(files.has(page)).toBe(true);
    for (const doc of ['overview', 'schema', 'design', 'target-state', 'architecture'])
      expect(files.has(`docs/${doc}.html`)).toBe(true);
    expect(files.has('diagram.html')).toBe(diagrams);
  });

  it('every relative link and image lands on a file of the site, and on an id there', () => {
    const ids = (page: string) => new Set([...files.get(page)!.matchAll(/ id="([^"]*)"/g)].map((m) => m[1]));
    let checked = 0;
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      for (const m of content.matchAll(/(?:href|src)="([^"]*)"/g)) {
        const url = m[1]!.replace(/&amp;/g, '&');
        if (/^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
        const [p, fragment] = url.split('#') as [string, string | undefined];
        const target =
          p === '' ? path : posix.normalize(posix.join(posix.dirname(path), decodeURIComponent(p)));
        expect(files.has(target), `${path} links ${url}`).toBe(true);
        if (fragment && target.endsWith('.html'))
          expect(ids(target).has(decodeURIComponent(fragment)), `${path} links ${url}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every page is self-contained: its CSP allows exactly its inline style and scripts, nothing loads from elsewhere', () => {
    for (const [path, content] of files) {
      if (!path.endsWith('.html')) continue;
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
        .exec(content)?.[1]
        ?.replace(/&#39;/g, "'");
      expect(csp, path).toBeDefined();
      expect(csp).toMatch(/default-src 'none'/);
      const scripts = [...content.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha(m[1]!));
      const scriptSrc = /script-src ([^;]*)/.exec(csp!)![1]!;
      expect(scriptSrc.split(' ').sort()).toEqual(scripts.length ? [...new Set(scripts)].sort() : ["'none'"]);
      const styles = [...content.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]!));
      for (const s of styles) expect(csp).toContain(s);
      // No external script, style, frame or image (links may leave); no inline event handler; no javascript: URL.
      expect(content).not.toMatch(/<script[^>]+src=/i);
      expect(content).not.toMatch(/<link[^>]+stylesheet/i);
      expect(content).not.toMatch(/src="(?:https?:)?\/\//i);
      expect(content).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(content).not.toMatch(/href="\s*javascript:/i);
    }
  });

  it('names every table in the search index as text, and as JSON no markup can end', () => {
    const index = files.get('index.html')!;
    const json = /<script type="application\/json" id="ormdoc-index">([\s\S]*?)<\/script>/.exec(index)![1]!;
    expect(json).not.toMatch(/[<>&]/);
    const entries = JSON.parse(json) as Array<{ n: string }>;
    expect(entries.map((e) => e.n)).toEqual(build().tables.map(qualifiedName));
  });
});

describe('tablePages', () => {
  it('gives colliding names distinct pages, also by case', () => {
    const pages = tablePages([
      aTable('a b'),
      aTable('a_b'),
      aTable('A_B'),
      aTable('../x'),
      aTable('<script>'),
    ]);
    const paths = [...pages.values()];
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(5);
    for (const p of paths) expect(p).toMatch(/^tables\/[A-Za-z0-9._-]+\.html$/);
  });
});

describe('writeSite', () => {
  const site = (name: string) => join(dir, name);
  const files: SiteFile[] = [
    { path: 'index.html', content: 'new' },
    { path: 'tables/a.html', content: () => ['a', 'b'] },
    { path: SITE_MARKER, content: '' },
  ];
  const leftovers = (parent: string) => readdirSync(parent).filter((n) => n.startsWith('.ormdoc-tmp-'));

  it('writes a new site, then replaces it as a whole', () => {
    const out = site('w1/site');
    writeSite(out, files);
    expect(readFileSync(join(out, 'tables/a.html'), 'utf8')).toBe('ab');
    writeFileSync(join(out, 'stale.html'), 'old');
    writeSite(out, files);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(leftovers(dirname(out))).toEqual([]);
  });

  it('refuses a folder that is not an earlier site, and leaves it as it was', () => {
    const out = site('w2');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.md'), 'mine');
    expect(() => writeSite(out, files)).toThrow(/Refusing to replace .*not empty/);
    expect(readdirSync(out)).toEqual(['notes.md']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('leaves the earlier site untouched when a write fails', () => {
    const out = site('w3/site');
    writeSite(out, files);
    expect(() => writeSite(out, [...files, { path: '../escape.html', content: 'x' }])).toThrow(/outside/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(dirname(out), 'escape.html'))).toBe(false);
    expect(leftovers(dirname(out))).toEqual([]);
  });
});
