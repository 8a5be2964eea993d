import type { Diagnostic, Enum, ExtractResult, IrInput, Table } from '@ormdoc/core';
import { buildIr, canonicalizeIr } from '@ormdoc/core';
import { parseExport } from '../format/parse.js';
import type { ExportEnum, ExportTable, SqlalchemyExport } from '../format/schema.js';
import { convertColumn, describe } from './columns.js';
import { convertConstraints } from './constraints.js';
import { convertRelationships } from './relations.js';
import { convertSequence, sequenceSource } from './sequences.js';

function convertTable(t: ExportTable, doc: SqlalchemyExport, diagnostics: Diagnostic[], ti: number): Table {
  const c = convertConstraints(t, doc.dialect);
  for (const p of c.problems)
    diagnostics.push({
      severity: 'warning',
      code: 'sqlmodel/referential-action',
      message: `${t.name}: ${p}`,
      path: `tables[${ti}]`,
    });
  t.foreignKeys.forEach((fk, i) => {
    if (fk.unresolved)
      diagnostics.push({
        severity: 'warning',
        code: 'sqlmodel/unresolved-foreign-key',
        message: `${t.name}(${fk.columns.join(', ')}) references ${fk.referredTable}, which is not in the exported MetaData; the foreign key is left out.`,
        path: `tables[${ti}].foreignKeys[${i}]`,
        hint: 'Import the module that defines that table in the exported module, or export the MetaData that holds both.',
      });
  });
  t.columns.forEach((col, ci) => {
    if (col.serverDefault?.sql && col.default)
      diagnostics.push({
        severity: 'info',
        code: 'sqlmodel/both-defaults',
        message: `${t.name}.${col.name} has both server_default and a Python-side default; the IR shows the server default.`,
        path: `tables[${ti}].columns[${ci}]`,
      });
  });
  const table: Table = {
    kind: 'table',
    schema: t.schema,
    name: t.name,
    ...describe(t.comment, t.doc),
    columns: t.columns.map((col) => convertColumn(col, doc.dialect)),
    ...(c.primaryKey ? { primaryKey: c.primaryKey } : {}),
    uniques: c.uniques,
    indexes: c.indexes,
    // a foreign key to a table the IR does not have would make it invalid (SQLAlchemy's create_all
    // fails on it too: NoReferencedTableError); the warning above says so
    // Stryker disable next-line OptionalChaining: convertConstraints gives one foreign key per exported one
    foreignKeys: c.foreignKeys.filter((_, i) => !t.foreignKeys[i]?.unresolved),
    checks: c.checks,
  };
  if (t.className && t.className !== t.name) table.codeName = t.className;
  if (t.file) table.source = { file: t.file, ...(t.line ? { line: t.line } : {}) };
  return table;
}

function convertEnum(e: ExportEnum): Enum {
  return {
    schema: e.schema,
    name: e.name,
    ...(e.pythonClass && e.pythonClass !== e.name ? { codeName: e.pythonClass } : {}),
    values: e.values.map((v) => {
      const key = e.valueKeys?.[v];
      return key ? { name: v, codeName: key } : { name: v };
    }),
    native: e.native,
    // A non-native Enum is a VARCHAR in the database; only SQLAlchemy checks the values (a CHECK
    // exists only with create_constraint=True, and then it is exported as a check of its own).
    ...(e.native ? {} : { enforcedBy: 'orm' as const }),
    tags: [],
  };
}

/**
 * The pure conversion: an export document (formatVersion 1, as printed by ormdoc_export.py) to IR.
 * Throws EXPORT_INVALID (with the JSON path of each problem) when the document does not validate.
 */
export function fromSqlmodelExport(json: unknown, options: { file?: string } = {}): ExtractResult {
  const doc = parseExport(json, options.file);
  const diagnostics: Diagnostic[] = doc.warnings.map((w) => ({
    severity: 'warning' as const,
    code: 'sqlmodel/exporter-warning',
    message: w,
    ...(options.file ? { file: options.file } : {}),
  }));
  const tables = doc.tables.map((t, i) => convertTable(t, doc, diagnostics, i));
  const isSqlmodel = Boolean(doc.sqlmodelVersion) && doc.metadata === 'SQLModel.metadata';
  const files = new Set<string>();
  if (doc.moduleFile) files.add(doc.moduleFile);
  for (const t of doc.tables) if (t.file) files.add(t.file);
  const version = isSqlmodel ? doc.sqlmodelVersion : doc.sqlalchemyVersion;
  const input: IrInput = {
    irVersion: 1,
    dialect: doc.dialect,
    source: {
      orm: isSqlmodel ? 'sqlmodel' : 'sqlalchemy',
      ...(version ? { ormVersion: version } : {}),
      files: [...files].sort(),
    },
    namespaces: [], // canonicalizeIr adds the schemas of the tables and enums
    tables,
    enums: doc.enums.map(convertEnum),
    relations: convertRelationships(doc.relationships, tables),
    // SQLAlchemy's Sequence is created by create_all on PostgreSQL only (SQLite and MySQL ignore it)
    sequences:
      doc.dialect === 'postgresql'
        ? doc.sequences.map((s) => convertSequence(s, sequenceSource(s, tables, doc.moduleFile)))
        : [],
  };
  const ir = canonicalizeIr(buildIr(input));
  return { ir, diagnostics };
}
