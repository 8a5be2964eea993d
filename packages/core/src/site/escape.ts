/**
 * Output encoding for the static site, per OWASP's XSS prevention rules: each context has its own
 * encoder, and every name, comment or expression from a schema goes through one of them.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for an HTML element's body or a quoted attribute value (OWASP rules 1 and 2). */
export function html(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}

/**
 * A value as JSON inside `<script type="application/json">` (OWASP rule 3.1): `<`, `>` and `&`
 * as \u escapes, so no `</script>` or `<!--` can end or change the block, and U+2028/U+2029 as
 * escapes, which older JavaScript parsers treat as line ends.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A relative URL for an `href`/`src`: each path segment percent-encoded (the fragment too), so a
 * file name cannot carry a scheme, a quote or a space. Pass the result through `html` in markup.
 */
export function relativeUrl(path: string, fragment?: string): string {
  const encoded = path
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
  return fragment === undefined ? encoded : `${encoded}#${encodeURIComponent(fragment)}`;
}

const SAFE_SCHEMES = /^(https?|mailto):/i;

/**
 * A link target from a Markdown document, or undefined when it must not become a link: only
 * relative URLs, fragments, and http(s)/mailto are kept (no `javascript:`, `data:`, `file:`...).
 * Control characters and spaces that browsers strip before the scheme are refused too.
 */
export function safeLinkTarget(href: string): string | undefined {
  const trimmed = href.trim();
  if ([...trimmed].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || /\s/.test(ch)))
    return undefined;
  if (SAFE_SCHEMES.test(trimmed)) return trimmed;
  // Anything else with a scheme (`x:` before the first / ? #) is refused.
  if (/^[^/?#]*:/.test(trimmed)) return undefined;
  // `//host/...` would leave the site for the network.
  if (trimmed.startsWith('//') || trimmed.startsWith('\\')) return undefined;
  return trimmed;
}
