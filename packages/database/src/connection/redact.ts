/**
 * Passwords never leave ormdoc: every message that may quote a connection string (ours, or a
 * driver's error that echoes it) goes through `redact` first.
 */

const MASK = '***';

/** `scheme://user:password@` anywhere in a text, with the password masked. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi;
/** `password=...` in a keyword/value connection string or a query parameter. */
const PASSWORD_PARAM = /\b(password|passwd|pwd)=([^\s&;]*)/gi;

/**
 * `text` with every password masked: the ones of `secrets` (the URL's password, raw and decoded,
 * wherever it appears) and any `scheme://user:password@` or `password=...` in it.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join(MASK);
  return out.replace(URL_CREDENTIALS, `$1${MASK}@`).replace(PASSWORD_PARAM, `$1=${MASK}`);
}

/** The secrets of a connection URL: its password, percent-encoded and decoded, and a password= parameter. */
export function secretsOf(url: string): string[] {
  const secrets = new Set<string>();
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:([^\s@/]*)@/i.exec(url);
  const add = (s: string | undefined) => {
    if (!s) return;
    secrets.add(s);
    try {
      secrets.add(decodeURIComponent(s));
    } catch {
      // a lone % is kept as written
    }
  };
  add(match?.[1]);
  for (const m of url.matchAll(/[?&]password=([^&]*)/gi)) add(m[1]);
  // Longest first, so a password containing another is masked whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}
