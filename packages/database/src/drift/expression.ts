/**
 * SQL expressions as comparison keys: what an ORM writes (`"posts"."view_count" >= 0`,
 * `CURRENT_TIMESTAMP`, `'{}'`) and what PostgreSQL prints back (`(view_count >= 0)`, `now()`,
 * `'{}'::jsonb`) reduce to the same text. A key, not SQL: it is compared, never executed.
 */

const CAST =
  /::\s*(?:"[^"]+"|[a-z_][\w$]*)(?:\.(?:"[^"]+"|[a-z_][\w$]*))?(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone))*(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s*\[\s*\])*/gi;

/** `expression` reduced for comparison; `table` qualifiers (`users.` / `"users".`) are dropped. */
export function expressionKey(expression: string, table?: string): string {
  let s = outsideQuotes(expression, (part) => {
    let p = part.replace(CAST, '').replace(/"([^"]*)"/g, '$1');
    if (table) p = p.split(`${table}.`).join('');
    return p
      .toLowerCase()
      .replace(/\bcurrent_timestamp\b(?!\s*\()/g, 'now()')
      .replace(/\s+/g, ' ');
  });
  // `x = ANY (ARRAY['a', 'b'])` is how PostgreSQL prints `x IN ('a', 'b')`.
  s = s.replace(/=\s*any\s*\(\s*array\s*\[([^\]]*)\]\s*\)/g, 'in ($1)');
  s = dropGroupingParentheses(s);
  s = s.replace(/\s*([(),<>=!+*/-])\s*/g, '$1').trim();
  // PostgreSQL prints a negative numeric default quoted ('-1'::numeric for -1).
  return s.replace(/^'(-?\d+(?:\.\d+)?)'$/, '$1');
}

/** Apply `f` to the text outside single-quoted literals (casts inside a literal are data). */
function outsideQuotes(text: string, f: (part: string) => string): string {
  return text.replace(
    /('(?:[^']|'')*')|([^']+)/g,
    (_m, quoted: string | undefined, rest: string | undefined) =>
      quoted !== undefined ? quoted : f(rest ?? ''),
  );
}

/** Drop parentheses that only group (not a call's `f(...)`, not an `in (...)` list). */
function dropGroupingParentheses(s: string): string {
  const drop = new Set<number>();
  const stack: Array<{ at: number; grouping: boolean }> = [];
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') {
      const before = s.slice(0, i).trimEnd();
      const grouping = !/([\w$]|\bin)$/.test(before);
      stack.push({ at: i, grouping });
    } else if (ch === ')') {
      const open = stack.pop();
      if (open?.grouping) {
        drop.add(open.at);
        drop.add(i);
      }
    }
  }
  return [...s].filter((_, i) => !drop.has(i)).join('');
}

/** A SQL type as a comparison key: no quotes, no `public.`, serial types as their integer type, default precisions dropped. */
export function typeKey(sql: string): string {
  return sql
    .replace(/"/g, '')
    .replace(/^public\./, '')
    .replace(/^serial\b|^serial4\b/, 'integer')
    .replace(/^bigserial\b|^serial8\b/, 'bigint')
    .replace(/^smallserial\b|^serial2\b/, 'smallint')
    .replace(/^(timestamptz|timestamp|timetz|time)\(6\)/, '$1');
}
