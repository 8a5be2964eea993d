import { findTable, qualifiedName } from '../../ir/names.js';
import type { Column, Table } from '../../ir/types.js';
import { dropKeyFix, indexFix } from '../_fixes.js';
import { type At, defineRule } from '../_rule.js';
import { aRowOf, columnsLabel, findColumn, hasLeadingKey, type KeyLike, keysOf } from '../_util.js';
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

/** A key under which NULLs count once: the primary key (no NULLs) or a NULLS NOT DISTINCT key. */
const nullsCountOnce = (table: Table, k: KeyLike) =>
  k.kind === 'primary-key' ||
  table.uniques.some((u) => u.name === k.name && u.nullsNotDistinct) ||
  table.indexes.some((i) => i.name === k.name && i.nullsNotDistinct);

/** Which of two keys on the same columns stays: the primary key, then a unique constraint, then an index. */
const keepRank = (k: KeyLike) => (k.kind === 'primary-key' ? 0 : k.kind === 'unique' ? 1 : 2);

/**
 * Is `a` made redundant by `b`: a B-tree whose parts (with order and operator class) lead `b`'s,
 * neither partial, `a` without INCLUDE columns, and `a` enforcing no uniqueness `b` does not?
 */
export function coveredBy(table: Table, keys: KeyLike[], a: KeyLike, b: KeyLike): boolean {
  if (a === b || a.kind === 'primary-key' || a.method !== 'btree' || b.method !== 'btree') return false;
  if (a.parts.length > b.parts.length || a.partial || b.partial) return false;
  if (!sameSignature(a, b, a.parts.length)) return false;
  if (a.unique && !(b.unique && b.parts.length === a.parts.length)) return false;
  const ix = table.indexes.find((i) => i.name === a.name);
  if (ix?.include && ix.include.length > 0) return false;
  if (a.unique && nullsCountOnce(table, a) && !nullsCountOnce(table, b)) return false;
  if (a.parts.length === b.parts.length) {
    // Twins: a unique key makes a plain index redundant, never the other way round; between two
    // keys of one kind, the primary key and constraints stay, else the later one is reported.
    if (b.unique !== a.unique) return b.unique;
    if (a.unique && nullsCountOnce(table, a) !== nullsCountOnce(table, b)) return nullsCountOnce(table, b);
    if (keepRank(a) !== keepRank(b)) return keepRank(a) > keepRank(b);
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
      const keys = keysOf(table, ctx.ir.dialect);
      for (const a of keys) {
        const b = keys.find((k) => coveredBy(table, keys, a, k));
        if (!b) continue;
        const what =
          b.kind === 'primary-key'
            ? 'the primary key'
            : b.kind === 'unique'
              ? `unique constraint ${b.name}`
              : `index ${b.name}`;
        const kind = a.kind === 'unique' ? 'Unique constraint' : a.unique ? 'Unique index' : 'Index';
        const same = a.parts.length === b.parts.length;
        out.push({
          ...at(table),
          columns: a.parts,
          message: `${kind} ${a.name} on ${columnsLabel(table, a.parts)} is redundant: ${what} on (${b.parts.join(', ')}) ${same ? (a.unique ? 'already enforces it' : 'has the same columns') : 'starts with the same columns'}.`,
          hint: `Remove ${a.name} from the ORM schema (or the migration drops it again next time), then drop it.`,
          fix: dropKeyFix(ctx.ir, table, a),
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

/** A column whose values the ORM or the database generate with a bounded length (cuid, uuid, nanoid, ulid). */
export function isGeneratedId(column: Column): boolean {
  const d = column.default;
  if (d?.kind === 'orm')
    return /^(cuid|cuid2|uuid|nanoid|ulid|objectid|ksuid|autoincrement)/i.test(d.generator);
  if (d?.kind === 'sql') return /^(gen_random_uuid|uuid_generate_v\d|uuid)\s*\(/i.test(d.expression.trim());
  return false;
}

/** Generated-id columns, and foreign-key columns that reference one (their type must match it). */
function generatedKeys(ctx: RuleContext, table: Table): Set<string> {
  const out = new Set(table.columns.filter(isGeneratedId).map((c) => c.name));
  for (const fk of table.foreignKeys) {
    const parent = findTable(ctx.ir, fk.references);
    fk.references.columns.forEach((rc, i) => {
      const pc = parent && findColumn(parent, rc);
      const own = fk.columns[i];
      if (own !== undefined && pc && isGeneratedId(pc)) out.add(own);
    });
  }
  return out;
}

export const unboundedTextUnique = defineRule({
  id: 'unbounded-text-unique',
  title: 'Unbounded text in a unique key',
  category: 'indexing',
  severity: 'info',
  // Under 1% precision on real projects (docs/dev/real-world.md, "Precision per rule"): ids, tokens and slugs are
  // short by construction, and PostgreSQL's text costs no more than varchar(n).
  offByDefault: true,
  description:
    'A text (or varchar without length) column in a primary key, unique constraint or unique index, other than generated ids (cuid, uuid, nanoid) and the foreign keys that match them: B-tree entries are limited (about 2.7 kB in PostgreSQL, 3072 bytes in MySQL), so a long value fails the insert, and the lookup index grows with the text.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      const seen = generatedKeys(ctx, table);
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
