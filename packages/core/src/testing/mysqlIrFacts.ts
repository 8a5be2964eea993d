import { enumOf } from '../ddl/_shared.js';
import { mapColumnType } from '../ddl/types.js';
import type { Column, Ir, Table, TableRef } from '../ir/types.js';
import { canonicalMysqlType } from './mysqlIntrospect.js';
import type { DbShape, ShapeLine } from './pg.js';

/**
 * What an IR says about a MySQL database, checked against what MariaDB actually created: per table
 * the column order, types (the IR's MySQL type, enums inline), nullability, defaults, AUTO_INCREMENT,
 * generated columns, PK, uniques, indexes, FKs with actions and checks. Returns readable mismatch
 * lines, empty when the database holds exactly the IR's facts (plus the indexes InnoDB adds for FKs).
 */
export function mysqlShapeMismatches(ir: Ir, shape: DbShape): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const table of ir.tables) {
    if (table.kind !== 'table') continue;
    const k = shapeKey(table);
    seen.add(k);
    const t = shape.tables[k];
    if (!t) {
      out.push(`- table ${k} missing`);
      continue;
    }
    const names = table.columns.map((c) => c.name);
    if (names.join(',') !== t.columnOrder.join(','))
      out.push(`~ ${k}: columns expected (${names.join(', ')}), actual (${t.columnOrder.join(', ')})`);
    for (const c of table.columns) checkColumn(ir, table, c, t.lines, out);
    const used = new Set<ShapeLine>(t.lines.filter((l) => l.kind === 'column' || l.kind === 'comment'));
    const expect = (what: string, found: ShapeLine | undefined) => {
      if (found) used.add(found);
      else out.push(`- ${k}: ${what} missing`);
    };
    if (table.primaryKey) {
      const text = `pk (${table.primaryKey.columns.join(', ')})`;
      expect(
        text,
        t.lines.find((l) => l.kind === 'pk' && l.text === text),
      );
    }
    for (const u of table.uniques) {
      const text = `unique (${u.columns.join(', ')})`;
      expect(
        `${text} "${u.name}"`,
        t.lines.find((l) => l.kind === 'unique' && l.text === text && l.name === u.name),
      );
    }
    for (const ix of table.indexes) {
      if (!indexCreatable(ir, table, ix.method, ix.parts)) continue;
      const cols = ix.parts
        .map((p) => `${p.column ?? '<expr>'}${p.order === 'desc' ? ' DESC' : ''}`)
        .join(', ');
      const found = t.lines.find(
        (l) =>
          (l.kind === 'index' || l.kind === 'unique') && l.name === ix.name && stripPrefix(l.text) === cols,
      );
      expect(`${ix.unique ? 'unique ' : ''}index "${ix.name}" (${cols})`, found);
      if (found && ix.unique !== /^unique/.test(found.text))
        out.push(`~ ${k}: index "${ix.name}" unique expected ${ix.unique}`);
    }
    for (const fk of table.foreignKeys) {
      if (fk.enforcedBy === 'orm' || crossDatabaseUnnamed(table, fk.references)) continue;
      const action = (a: string) => (a === 'SET DEFAULT' ? 'NO ACTION' : a);
      const text = `fk (${fk.columns.join(', ')}) -> ${shapeKey(fk.references)}(${fk.references.columns.join(', ')}) ON DELETE ${action(fk.onDelete)} ON UPDATE ${action(fk.onUpdate)}`;
      expect(
        `${text} "${fk.name}"`,
        t.lines.find((l) => l.kind === 'fk' && l.text === text && l.name === fk.name),
      );
    }
    for (const c of table.checks)
      expect(
        `check "${c.name}"`,
        t.lines.find((l) => l.kind === 'check' && l.name === c.name),
      );
    const fkNames = new Set(table.foreignKeys.map((f) => f.name));
    for (const l of t.lines) {
      if (used.has(l)) continue;
      if (l.kind === 'index' && l.name !== undefined && fkNames.has(l.name)) continue; // InnoDB's own FK index
      out.push(`+ ${k}: ${l.text}${l.name ? ` "${l.name}"` : ''} not in the IR`);
    }
  }
  for (const k of Object.keys(shape.tables))
    if (!seen.has(k) && !shape.tables[k]?.lines.some((l) => l.text === 'kind view'))
      out.push(`+ table ${k} not in the IR`);
  return out;
}

/** A FK from a named database to the unnamed default one cannot be written (see ddl/mysql.ts). */
const crossDatabaseUnnamed = (table: TableRef, ref: TableRef) => table.schema !== null && ref.schema === null;
const shapeKey = (ref: TableRef) => (ref.schema ? `${ref.schema}.${ref.name}` : ref.name);
const stripPrefix = (text: string) =>
  text.replace(/^(unique )?(index )?(\w+ )?\(|\)$/g, '').replace(/\(\d+\)/g, '');

function indexCreatable(
  ir: Ir,
  table: Table,
  method: string | undefined,
  parts: Table['indexes'][number]['parts'],
): boolean {
  if (method && !['btree', 'hash', 'fulltext', 'spatial'].includes(method.toLowerCase())) return false;
  // Functional key parts are MySQL 8 only (MariaDB has none): tests run without them, see withoutExpressionIndexes.
  if (parts.some((p) => p.expression !== undefined)) return false;
  return !parts.some((p) => {
    const c = table.columns.find((col) => col.name === p.column);
    return c !== undefined && expectedType(ir, c) === 'json' && method?.toLowerCase() !== 'fulltext';
  });
}

/** The column's MySQL type as MariaDB reports it (canonical spelling). */
export function expectedType(ir: Ir, column: Column): string {
  const e = enumOf(ir, column);
  if (e && !column.type.isArray)
    return `enum(${e.values.map((v) => `'${v.name.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(',')})`;
  return canonicalMysqlType(mapColumnType(ir.dialect, 'mysql', column).sql);
}

function literalDefault(value: unknown): string | undefined {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return undefined;
}

function checkColumn(ir: Ir, table: Table, c: Column, lines: ShapeLine[], out: string[]): void {
  const k = shapeKey(table);
  const line = lines.find((l) => l.kind === 'column' && l.text.startsWith(`column ${c.name} `));
  if (!line) return;
  const rest = line.text.slice(`column ${c.name} `.length);
  const type = expectedType(ir, c);
  if (!rest.startsWith(`${type} `)) out.push(`~ ${k}.${c.name}: type expected ${type}, actual ${rest}`);
  const nullable = / NULL( |$)/.test(rest) && !/NOT NULL/.test(rest);
  if (nullable !== c.nullable) out.push(`~ ${k}.${c.name}: nullable expected ${c.nullable}, actual ${rest}`);
  const def = / DEFAULT (.*?)(?: AUTO_INCREMENT| ON UPDATE .*)?$/.exec(rest)?.[1];
  const d = c.default;
  if (c.generated) {
    if (!/GENERATED ALWAYS AS/.test(rest)) out.push(`~ ${k}.${c.name}: not a generated column: ${rest}`);
  } else if (d?.kind === 'sequence') {
    if (!/AUTO_INCREMENT/.test(rest)) out.push(`~ ${k}.${c.name}: AUTO_INCREMENT missing: ${rest}`);
  } else if (d?.kind === 'sql' || d?.kind === 'literal') {
    const value = d.kind === 'literal' ? d.value : undefined;
    const lit = literalDefault(value);
    if (def === undefined)
      out.push(`~ ${k}.${c.name}: database default ${d.kind === 'sql' ? d.expression : d.sql} missing`);
    else if (
      lit !== undefined &&
      def !== lit &&
      !(typeof value === 'number' && Number(def) === value) &&
      !(type.startsWith('json') && def === `'${String(value)}'`)
    )
      out.push(`~ ${k}.${c.name}: default expected ${lit}, actual ${def}`);
  } else if (def !== undefined) out.push(`~ ${k}.${c.name}: default ${def} not in the IR`);
  if (c.onUpdate?.kind === 'sql' && !/ ON UPDATE /.test(rest))
    out.push(`~ ${k}.${c.name}: ON UPDATE missing`);
  if (c.onUpdate?.kind !== 'sql' && / ON UPDATE /.test(rest))
    out.push(`~ ${k}.${c.name}: ON UPDATE not in the IR`);
}
