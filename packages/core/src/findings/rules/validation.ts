import type { Column, Table } from '../../ir/types.js';
import { freshName } from '../_fixes.js';
import { type At, defineRule } from '../_rule.js';
import { columnsLabel, mentionsColumn, sqlIdent, sqlTable } from '../_util.js';
import type { Finding, RuleContext } from '../types.js';

/** The JSON value's top-level type, when the schema documents it (by its default: `'[]'`, `{}`). */
export function jsonShape(col: Column): 'array' | 'object' | undefined {
  const d = col.default;
  let value: unknown;
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not JSON: no shape (undefined)
    }
  };
  if (d?.kind === 'literal') value = typeof d.value === 'string' ? parse(d.value) : d.value;
  else if (d?.kind === 'sql') {
    const m = /^\(?'((?:[^']|'')*)'(?:::jsonb?)?\)?$/is.exec(d.expression.trim());
    // Stryker disable next-line StringLiteral: the group always matches (no `?? ''`); `''` inside JSON text is only ever inside a string, so the top-level shape is the same
    if (m) value = parse((m[1] ?? '').replace(/''/g, "'"));
  }
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  return undefined;
}

export const jsonWithoutCheck = defineRule({
  id: 'json-without-check',
  title: 'JSON column without a check',
  category: 'validation',
  severity: 'info',
  description:
    'A json/jsonb column that no CHECK constraint mentions: the database accepts any JSON document there, so its shape is only as good as every writer.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const col of table.columns) {
        if (col.type.category !== 'json') continue;
        if (table.checks.some((c) => mentionsColumn(c.expression, col.name))) continue;
        const shape = jsonShape(col);
        const pg = ctx.ir.dialect === 'postgresql' || ctx.ir.dialect === 'cockroachdb';
        const fn = col.type.sql.startsWith('jsonb') ? 'jsonb_typeof' : 'json_typeof';
        const d = ctx.ir.dialect;
        out.push({
          ...at(table),
          columns: [col.name],
          message: `${columnsLabel(table, [col.name])} is ${col.type.sql} with no CHECK constraint: any JSON value is accepted.`,
          hint: !pg
            ? 'Validate the shape in the application (a schema such as zod or pydantic) before writing.'
            : shape
              ? `Validate the shape in the application, and constrain the top level in the database (its default is an ${shape}).`
              : `Validate the shape in the application, and constrain the top level in the database once it is known (${fn}(${col.name}) = 'object' or 'array').`,
          ...(pg && shape && !col.type.isArray
            ? {
                fix: {
                  sql: `ALTER TABLE ${sqlTable(table, d)} ADD CONSTRAINT ${sqlIdent(freshName(ctx.ir, table, `${table.name}_${col.name}_check`, 'constraint'), d)} CHECK (${fn}(${sqlIdent(col.name, d)}) = '${shape}');`,
                },
              }
            : {}),
        });
      }
    return out;
  },
});

/** Remove parentheses that wrap the whole expression (balanced), repeatedly. */
function stripParens(expression: string): string {
  let s = expression.trim();
  for (;;) {
    // Stryker disable next-line LogicalOperator,StringLiteral: on balanced text the loop below returns s as well (its first `(` closes before the end)
    if (!s.startsWith('(') || !s.endsWith(')')) return s;
    let depth = 0;
    // Stryker disable next-line EqualityOperator: s[s.length] is undefined, which changes no depth and returns nothing
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') depth--;
      if (depth === 0 && i < s.length - 1) return s;
    }
    s = s.slice(1, -1).trim();
  }
}

/** The ORs between a check's alternatives. */
// Stryker disable next-line Regex: each part is trimmed (stripParens), so one space or many around OR split alike
const OR = /\s+OR\s+/i;

/** Values a check restricts a column to, when it is a plain list (IN (...), = ANY (ARRAY[...]), or ORed equalities). */
export function checkedValueList(expression: string, column: string): string[] | undefined {
  const col = `\\(*"?${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\)*(?:::[\\w ]+)?`;
  const lit = `'((?:[^']|'')*)'(?:::[\\w ]+(?:\\[\\])?)?`;
  const strip = (s: string) =>
    // Stryker disable next-line StringLiteral: the group of `lit` always matches, `?? ''` never runs
    [...s.matchAll(new RegExp(lit, 'g'))].map((m) => (m[1] ?? '').replace(/''/g, "'"));
  const inList = new RegExp(`^\\s*\\(*\\s*${col}\\s+IN\\s*\\(([^()]*)\\)\\s*\\)*\\s*$`, 'i').exec(expression);
  // Stryker disable next-line StringLiteral: the group always matches, `?? ''` never runs
  if (inList) return strip(inList[1] ?? '');
  const any = new RegExp(`^\\s*\\(*\\s*${col}\\s*=\\s*ANY\\s*\\(+\\s*ARRAY\\s*\\[([^\\]]*)\\]`, 'i').exec(
    expression,
  );
  // Stryker disable next-line StringLiteral: the group always matches, `?? ''` never runs
  if (any) return strip(any[1] ?? '');
  const parts = stripParens(expression).split(OR).map(stripParens);
  if (parts.length < 2) return undefined;
  const values: string[] = [];
  for (const p of parts) {
    const m = new RegExp(`^${col}\\s*=\\s*${lit}$`, 'i').exec(p);
    if (!m) return undefined;
    // Stryker disable next-line StringLiteral: the group always matches, `?? ''` never runs
    values.push((m[1] ?? '').replace(/''/g, "'"));
  }
  return values;
}

/** Replace a CHECKed text column by a native enum: PostgreSQL's type + ALTER, MySQL's inline ENUM. */
function enumFix(ctx: RuleContext, table: Table, col: Column, check: string, values: string[]) {
  const d = ctx.ir.dialect;
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  const t = sqlTable(table, d);
  const c = sqlIdent(col.name, d);
  if (col.type.isArray) return {};
  if (d === 'postgresql') {
    // A default is dropped while the type changes, then set again as a value of the enum.
    const def = col.default;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: `values` holds strings only, so includes() is false for any other value or kind
    if (def && !(def.kind === 'literal' && typeof def.value === 'string' && values.includes(def.value)))
      return {};
    const type = sqlIdent(freshName(ctx.ir, table, `${table.name}_${col.name}`, 'relation'), d);
    const alter = `ALTER TABLE ${t} ALTER COLUMN ${c} TYPE ${type} USING ${c}::${type};`;
    const steps =
      // Stryker disable next-line ConditionalExpression: a literal default that is no string returned above
      def?.kind === 'literal' && typeof def.value === 'string'
        ? [
            `ALTER TABLE ${t} ALTER COLUMN ${c} DROP DEFAULT;`,
            alter,
            `ALTER TABLE ${t} ALTER COLUMN ${c} SET DEFAULT '${def.value.replace(/'/g, "''")}';`,
          ]
        : [alter];
    return {
      fix: {
        sql: [
          `CREATE TYPE ${type} AS ENUM (${list});`,
          `ALTER TABLE ${t} DROP CONSTRAINT ${sqlIdent(check, d)};`,
          ...steps,
        ].join('\n'),
      },
    };
  }
  if (d === 'mysql')
    return {
      fix: {
        sql: `ALTER TABLE ${t} MODIFY ${c} ENUM(${list}); -- keep NULL/NOT NULL and the default as they are`,
      },
    };
  return {};
}

export const enumAsText = defineRule({
  id: 'enum-as-text',
  title: 'Text column restricted to a list',
  category: 'validation',
  severity: 'info',
  description:
    'A text column whose CHECK constraint limits it to a fixed list of values: an enum in disguise. Documented here as the allowed values; a native enum type (or a lookup table) makes the list visible to tools and the ORM.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const check of table.checks)
        for (const col of table.columns) {
          if (col.type.category !== 'string') continue;
          const values = checkedValueList(check.expression, col.name);
          if (!values || values.length === 0) continue;
          out.push({
            ...at(table),
            columns: [col.name],
            message: `${columnsLabel(table, [col.name])} is ${col.type.sql} restricted by ${check.name} to ${values.map((v) => `'${v}'`).join(', ')}.`,
            hint:
              ctx.ir.dialect === 'sqlite'
                ? 'Keep the CHECK (SQLite has no enum type) and mirror the list as an enum/union type in code.'
                : 'Consider a native enum or a lookup table, so the list is declared once and visible to the ORM.',
            ...enumFix(ctx, table, col, check.name, values),
          });
        }
    return out;
  },
});
