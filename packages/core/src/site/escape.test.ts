import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { html, relativeUrl, safeLinkTarget, scriptJson } from './escape.js';
import { inertHtml } from './markdown.js';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('site escaping (OWASP contexts)', () => {
  it('html: no markup character survives, and the text decodes back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = html(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(decode(out)).toBe(s);
      }),
    );
  });

  it('scriptJson: no < > & U+2028 U+2029 in the block, and JSON.parse gives the value back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, s) => {
        for (const v of [value, s, { s, list: [s, value] }]) {
          const out = scriptJson(v);
          expect(out).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });

  it('relativeUrl: a file name cannot carry a scheme, quote, space or extra segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (name) => {
        const url = relativeUrl(`tables/${name}.html`);
        expect(url.startsWith('tables/')).toBe(true);
        expect(url).not.toMatch(/[\s"'<>:]/);
        expect(url.split('/')).toHaveLength(2);
      }),
    );
  });

  it.each([
    ['schema.html#users', 'schema.html#users'],
    ['#top', '#top'],
    ['../findings.md', '../findings.md'],
    ['https://example.com/a', 'https://example.com/a'],
    ['mailto:dba@example.com', 'mailto:dba@example.com'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['java\u0000script:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['file:///etc/passwd', undefined],
    ['//evil.example/x', undefined],
    ['\\\\evil\\x', undefined],
  ])('safeLinkTarget(%j) is %j', (href, expected) => {
    expect(safeLinkTarget(href)).toBe(expected);
  });

  it.each([
    ['<!-- ormdoc:begin tables -->', ''],
    ['a<br>b', 'a<br>b'],
    ['a<BR/>b', 'a<br>b'],
    ['<code>&#60;x&#62;</code>', '<code>&#60;x&#62;</code>'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<code onclick="x()">', '&lt;code onclick=&quot;x()&quot;&gt;'],
    ['<br onmouseover=x>', '&lt;br onmouseover=x&gt;'],
    ['<!-- unterminated <script>', ''],
    ['<a href="javascript:x">', '&lt;a href=&quot;javascript:x&quot;&gt;'],
  ])('inertHtml(%j) is %j', (raw, expected) => {
    expect(inertHtml(raw)).toBe(expected);
  });
});
