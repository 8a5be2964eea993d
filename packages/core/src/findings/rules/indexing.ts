import { findTable, qualifiedName } from '../../ir/names.js';
import type { Table } from '../../ir/types.js';
import { type At, defineRule } from '../_rule.js';
import {
  aRowOf,
  columnsLabel,
  findColumn,
  hasLeadingKey,
  indexFix,
  type KeyLike,
  keysOf,
  sqlIdent,
} from '../_util.js';
import type { Finding, RuleContext } from '../types.js';

export const fkWithoutIndex = defineRule({
  id: 'fk-without-index',
  title: 'Foreign key without a supporting index',
  category: 'indexing',
  severity: 'warning',
  description:
    'A foreign key whose columns do not lead any index, unique key or primary key: joins from the parent and every delete or key update of a parent row scan the child table.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables)
      for (const fk of table.foreignKeys) {
        if (hasLeadingKey(table, fk.columns)) continue;
        const parent = findTable(ctx.ir, fk.references);
        const lead = fk.columns.join(', ');
        out.push({
          ...at(table),
          columns: [...fk.columns],
          message: `${columnsLabel(table, fk.columns)} references ${qualifiedName(fk.references)} but has no index starting with ${lead}; deleting or updating ${parent ? aRowOf(parent) : `a row of ${qualifiedName(fk.references)}`} scans ${qualifiedName(table)}.`,
          hint: `Add an index on ${columnsLabel(table, fk.columns)}.`,
          fix: indexFix(ctx.ir, table, fk.columns),
        });
      }
    return out;
  },
});

function sameSignature(a: KeyLike, b: KeyLike, n: number): boolean {
  for (let i = 0; i < n; i++) if (a.parts[i] !== b.parts[i] || a.orders[i] !== b.orders[i]) return false;
  return true;
}

/** Is `a` made redundant by `b` (a's parts are a prefix of b's, same method, same predicate)? */
function coveredBy(table: Table, keys: KeyLike[], a: KeyLike, b: KeyLike): boolean {
  if (a === b || a.kind !== 'index' || a.method !== 'btree' || b.method !== 'btree') return false;
  if (a.parts.length > b.parts.length || a.partial || b.partial) return false;
  if (!sameSignature(a, b, a.parts.length)) return false;
  if (a.unique && !(b.unique && b.parts.length === a.parts.length)) return false;
  const ix = table.indexes.find((i) => i.name === a.name);
  if (ix?.include && ix.include.length > 0) return false;
  if (a.parts.length === b.parts.length && b.kind === 'index') {
    // Identical twins: report only the later one.
    return keys.indexOf(a) > keys.indexOf(b);
  }
  return true;
}

export const duplicateIndex = defineRule({
  id: 'duplicate-index',
  title: 'Redundant index',
  category: 'indexing',
  severity: 'warning',
  description:
    'An index whose columns are a prefix of (or equal to) another index, unique key or primary key of the same table: the other one already serves its lookups, and this one only costs writes and space.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      const keys = keysOf(table);
      for (const a of keys) {
        const b = keys.find((k) => coveredBy(table, keys, a, k));
        if (!b) continue;
        const what =
          b.kind === 'primary-key' ? 'the primary key' : b.kind === 'unique' ? 'unique constraint' : 'index';
        out.push({
          ...at(table),
          columns: a.parts,
          message: `Index ${a.name} on ${columnsLabel(table, a.parts)} is redundant: ${what}${b.kind === 'primary-key' ? '' : ` ${b.name}`} on (${b.parts.join(', ')}) starts with the same columns.`,
          hint: `Drop ${a.name} and remove it from the schema source.`,
          fix: { sql: `DROP INDEX ${table.schema ? `${sqlIdent(table.schema)}.` : ''}${sqlIdent(a.name)};` },
        });
      }
    }
    return out;
  },
});

/** A string type with no length limit (text, varchar without length, citext, ...). */
function isUnboundedString(sql: string): boolean {
  const s = sql.toLowerCase().replace(/\[\]$/, '');
  return /^(text|citext|varchar|character varying|string|clob|ntext|mediumtext|longtext|tinytext)$/.test(s);
}

export const unboundedTextUnique = defineRule({
  id: 'unbounded-text-unique',
  title: 'Unbounded text in a unique key',
  category: 'indexing',
  severity: 'info',
  description:
    'A text (or varchar without length) column in a primary key, unique constraint or unique index: B-tree entries are limited (about 2.7 kB in PostgreSQL, 3072 bytes in MySQL), so a long value fails the insert, and the lookup index grows with the text.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      const seen = new Set<string>();
      for (const key of keysOf(table)) {
        if (!(key.unique && key.columns)) continue;
        for (const c of key.columns) {
          const col = findColumn(table, c);
          const unbounded = col?.type.category === 'string' && isUnboundedString(col.type.sql);
          if (!col || !unbounded || seen.has(c)) continue;
          seen.add(c);
          const where = key.kind === 'primary-key' ? 'the primary key' : `unique key ${key.name}`;
          out.push({
            ...at(table),
            columns: [c],
            message: `${columnsLabel(table, [c])} is ${col.type.sql} without a length limit and is used in ${where}; very long values will fail to insert and bloat the index.`,
            hint: `Give ${c} a length (varchar(n)) that matches the application's validation, or enforce uniqueness on a hash of the value.`,
          });
        }
      }
    }
    return out;
  },
});
