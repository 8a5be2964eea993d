import type { DomainsConfig } from '../config/schema.js';
import { commentWithTags } from '../ddl/_shared.js';
import { commentText } from '../ddl/identifiers.js';
import { computeDomains } from '../domains/index.js';
import type { Column, Enum, ForeignKey, Index, Ir, Table } from '../ir/types.js';
import { isUniqueColumnSet } from '../relationships/derive.js';
import { dbmlDefault, dbmlExpression, dbmlName, dbmlRef, dbmlString } from './_dbmlSyntax.js';

export interface DbmlOptions {
  /** The `domains` config, for the table groups (see `computeDomains`). */
  domains?: DomainsConfig;
}

const INCREMENTS = new Set(['serial', 'identity-always', 'identity-by-default', 'auto-increment', 'rowid']);

/**
 * The IR as DBML (dbdiagram.io, dbdocs): enums, tables with column settings (pk, increment,
 * not null, unique, default, note), indexes (composite keys and uniques, expressions, name, type),
 * checks, the table note from the description, refs with their delete/update actions, and one
 * TableGroup per domain (`computeDomains`: config, tags, schemas, files or FK clusters) when there
 * are several. Names are always double-quoted and escaped, notes are escaped strings; tables are
 * schema-qualified outside the default schema. Views have no DBML form: they are tables with a
 * `// view` comment. A foreign key only the ORM enforces is a Ref with a `//` comment saying so.
 */
export function toDbml(ir: Ir, options: DbmlOptions = {}): string {
  const blocks: string[] = [];
  for (const e of ir.enums) blocks.push(enumBlock(e));
  for (const t of ir.tables) blocks.push(tableBlock(ir, t));
  const refs = ir.tables.flatMap((t) => t.foreignKeys.map((fk) => refLine(t, fk)));
  if (refs.length > 0) blocks.push(refs.join('\n'));
  const domains = computeDomains(ir, options.domains ? { domains: options.domains } : {});
  if (domains.length > 1)
    for (const d of domains)
      blocks.push(
        [
          `TableGroup ${dbmlName(d.name)}${d.description ? ` [note: ${dbmlString(d.description)}]` : ''} {`,
          ...d.tables.map((t) => `  ${dbmlRef(t)}`),
          '}',
        ].join('\n'),
      );
  return `${blocks.join('\n\n')}\n`;
}

/** DBML enums take no note: the description becomes `//` comment lines above the enum. */
function enumBlock(e: Enum): string {
  const note = commentWithTags(e.description, e.tags);
  const lines = note ? note.split(/\r\n|\r|\n/).map((l) => `// ${commentText(l)}`.trimEnd()) : [];
  lines.push(`Enum ${dbmlRef(e)} {`);
  for (const v of e.values)
    lines.push(`  ${dbmlName(v.name)}${v.description ? ` [note: ${dbmlString(v.description)}]` : ''}`);
  lines.push('}');
  return lines.join('\n');
}

function tableBlock(ir: Ir, table: Table): string {
  const lines = table.kind === 'table' ? [] : [`// ${table.kind}`];
  lines.push(`Table ${dbmlRef(table)} {`);
  const pk = table.primaryKey;
  const singleUniques = new Set(
    table.uniques.filter((u) => u.columns.length === 1).map((u) => u.columns[0] as string),
  );
  for (const c of table.columns)
    lines.push(
      `  ${columnLine(ir, c, pk?.columns.length === 1 && pk.columns[0] === c.name, singleUniques.has(c.name))}`,
    );
  const indexes = [
    ...(pk && pk.columns.length > 1 ? [`${columnList(pk.columns)} [pk, name: ${dbmlString(pk.name)}]`] : []),
    ...table.uniques
      .filter((u) => u.columns.length > 1)
      .map((u) => `${columnList(u.columns)} [unique, name: ${dbmlString(u.name)}]`),
    ...table.indexes.flatMap((ix) => indexLine(ix)),
  ];
  if (indexes.length > 0) lines.push('  indexes {', ...indexes.map((l) => `    ${l}`), '  }');
  const checks = table.checks.flatMap((c) => {
    const expr = dbmlExpression(c.expression);
    return expr ? [`${expr} [name: ${dbmlString(c.name)}]`] : [];
  });
  if (checks.length > 0) lines.push('  checks {', ...checks.map((l) => `    ${l}`), '  }');
  const note = commentWithTags(table.description, table.tags);
  if (note) lines.push(`  Note: ${dbmlString(note)}`);
  lines.push('}');
  return lines.join('\n');
}

function columnLine(ir: Ir, column: Column, pk: boolean, unique: boolean): string {
  const e = column.type.enum
    ? ir.enums.find((x) => x.name === column.type.enum?.name && x.schema === column.type.enum?.schema)
    : undefined;
  const type = e && !column.type.isArray ? dbmlRef(e) : dbmlName(column.type.sql);
  const settings: string[] = [];
  if (pk) settings.push('pk');
  if (column.default?.kind === 'sequence' && INCREMENTS.has(column.default.style)) settings.push('increment');
  if (!column.nullable) settings.push('not null');
  if (unique) settings.push('unique');
  const def = column.generated ? undefined : dbmlDefault(column.default);
  if (def !== undefined) settings.push(`default: ${def}`);
  const note = commentWithTags(column.description, column.tags);
  if (note) settings.push(`note: ${dbmlString(note)}`);
  return `${dbmlName(column.name)} ${type}${settings.length > 0 ? ` [${settings.join(', ')}]` : ''}`;
}

function columnList(columns: string[]): string {
  return `(${columns.map(dbmlName).join(', ')})`;
}

/** An index; left out when one of its expressions holds a backtick (DBML cannot write it). */
function indexLine(ix: Index): string[] {
  const parts: string[] = [];
  for (const p of ix.parts) {
    const part = p.column !== undefined ? dbmlName(p.column) : dbmlExpression(p.expression ?? '');
    if (part === undefined) return [];
    parts.push(part);
  }
  const settings = [...(ix.unique ? ['unique'] : []), `name: ${dbmlString(ix.name)}`];
  // DBML's index type is a bare word: a method that is not one (hand-written SQL) is left out.
  if (ix.method && /^[a-z_][a-z0-9_]*$/i.test(ix.method)) settings.push(`type: ${ix.method.toLowerCase()}`);
  return [`${parts.length === 1 ? parts[0] : `(${parts.join(', ')})`} [${settings.join(', ')}]`];
}

function refLine(table: Table, fk: ForeignKey): string {
  const oneToOne = isUniqueColumnSet(table, fk.columns);
  const end = (ref: { schema: string | null; name: string }, columns: string[]) =>
    `${dbmlRef(ref)}.${columns.length === 1 ? dbmlName(columns[0] as string) : columnList(columns)}`;
  const line = `Ref ${dbmlName(fk.name)}: ${end(table, fk.columns)} ${oneToOne ? '-' : '>'} ${end(fk.references, fk.references.columns)} [delete: ${fk.onDelete.toLowerCase()}, update: ${fk.onUpdate.toLowerCase()}]`;
  return fk.enforcedBy === 'orm'
    ? `// enforced by the ORM only: no FOREIGN KEY in the database\n${line}`
    : line;
}
