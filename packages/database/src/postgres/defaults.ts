import type { ColumnDefault } from '@ormdoc/core';

/** A column's default as PostgreSQL prints it (`pg_get_expr`) -> the IR's kind of default. */
export function defaultOf(expression: string | null, identity: string): ColumnDefault | undefined {
  if (identity === 'a') return { kind: 'sequence', style: 'identity-always' };
  if (identity === 'd') return { kind: 'sequence', style: 'identity-by-default' };
  if (expression === null) return undefined;
  const sequence = /^nextval\('(.+)'::regclass\)$/.exec(expression);
  if (sequence) return { kind: 'sequence', style: 'serial', sequenceName: unquote(sequence[1]!) };
  const literal = literalOf(expression);
  if (literal !== undefined) return { kind: 'literal', value: literal, sql: expression };
  return { kind: 'sql', expression };
}

/** `'a''b'::text` -> "a'b", `42` / `(-1)` -> numbers, `true`, `NULL::x` -> null; else undefined. */
function literalOf(expression: string): string | number | boolean | null | undefined {
  const text = expression.replace(/^\((.*)\)$/, '$1');
  const quoted = /^'((?:[^']|'')*)'(?:::[\w\s."[\]()]+)?$/.exec(text);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  const number = /^\(?(-?\d+(?:\.\d+)?)\)?(?:::[\w\s]+)?$/.exec(text);
  if (number) return Number(number[1]);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^NULL(::[\w\s."[\]()]+)?$/.test(text)) return null;
  return undefined;
}

/** `public.users_id_seq` or `"Users_id_seq"` -> the sequence name without schema quoting. */
function unquote(name: string): string {
  return name.replace(/"/g, '');
}
