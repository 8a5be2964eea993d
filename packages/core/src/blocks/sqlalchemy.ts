import { nameTokens } from '../findings/_util.js';
import { findEnum, qualifiedName, sameTable } from '../ir/names.js';
import type { Column, Enum, Ir, Table } from '../ir/types.js';
import { enumTypeName, modelName, pyIdent, pyString } from './_names.js';
import { fkArgs, indexArgs, pyType, saColumnExtras, saType } from './_python.js';
import { indexedRelations, type Relations, relationsOf } from './_relations.js';

const snake = (name: string) => pyIdent(nameTokens(name).join('_') || name);

/** Names a declarative class cannot use for attributes. */
const RESERVED = new Set(['metadata', 'registry']);

/** Python attribute of a column: its code name for Python sources, else its database name; snake_case. */
function attr(ir: Ir, column: Pick<Column, 'name' | 'codeName'>): string {
  const python = ir.source.orm === 'sqlmodel' || ir.source.orm === 'sqlalchemy';
  const name = pyIdent(python && column.codeName ? column.codeName : column.name);
  return RESERVED.has(name) ? `${name}_` : name;
}

function docstring(text: string | undefined, indent: string): string[] {
  if (!text) return [];
  const body = text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
  return [`${indent}"""${body.split('\n').join(`\n${indent}`)}"""`, ''];
}

function enumClass(e: Enum): string {
  const lines = [`class ${enumTypeName(e)}(enum.Enum):`, ...docstring(e.description, '    ')];
  const used = new Set<string>();
  for (const v of e.values) {
    let name = pyIdent(v.codeName ?? v.name);
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    lines.push(`    ${name} = ${pyString(v.name)}`);
  }
  return lines.join('\n');
}

function enumType(e: Enum): string {
  const schema = e.schema ? `, schema=${pyString(e.schema)}` : '';
  return `sa.Enum(${enumTypeName(e)}, name=${pyString(e.name)}${schema}, values_callable=lambda e: [m.value for m in e])`;
}

function modelClass(ir: Ir, table: Table, rels: Relations): string {
  const name = modelName(table);
  const lines = [
    `class ${name}(Base):`,
    ...docstring(table.description, '    '),
    `    __tablename__ = ${pyString(table.name)}`,
  ];
  const args: string[] = [];
  for (const u of table.uniques)
    args.push(`sa.UniqueConstraint(${[...u.columns.map(pyString), `name=${pyString(u.name)}`].join(', ')})`);
  for (const fk of table.foreignKeys) {
    if (fk.columns.length === 1 || fk.enforcedBy === 'orm') continue;
    const ref = (c: string) => `${qualifiedName(fk.references)}.${c}`;
    args.push(
      `sa.ForeignKeyConstraint(${[`[${fk.columns.map(pyString).join(', ')}]`, `[${fk.references.columns.map((c) => pyString(ref(c))).join(', ')}]`, `name=${pyString(fk.name)}`, ...fkArgs(fk)].join(', ')})`,
    );
  }
  for (const ix of table.indexes) {
    const { columns, kwargs } = indexArgs(ix);
    args.push(
      `sa.Index(${[pyString(ix.name), ...columns, ...(ix.unique ? ['unique=True'] : []), ...kwargs].join(', ')})`,
    );
  }
  for (const c of table.checks)
    args.push(`sa.CheckConstraint(${pyString(c.expression)}, name=${pyString(c.name)})`);
  const opts = [
    ...(table.schema ? [`'schema': ${pyString(table.schema)}`] : []),
    ...(table.description ? [`'comment': ${pyString(table.description)}`] : []),
  ];
  if (args.length > 0 || opts.length > 0)
    lines.push(
      '    __table_args__ = (',
      ...args.map((a) => `        ${a},`),
      ...(opts.length > 0 ? [`        {${opts.join(', ')}},`] : []),
      '    )',
    );
  lines.push('');
  const pk = table.primaryKey?.columns ?? [];
  for (const column of table.columns) {
    const { args: extra, kwargs } = saColumnExtras(column, 'model');
    const e = findEnum(ir, column.type.enum, { loose: true });
    const type = saType(ir, column, () => (e ? enumType(e) : 'sa.String()'));
    const fk = table.foreignKeys.find(
      (f) => f.columns.length === 1 && f.columns[0] === column.name && f.enforcedBy === 'database',
    );
    const fkArg = fk
      ? [
          `sa.ForeignKey(${[pyString(`${qualifiedName(fk.references)}.${fk.references.columns[0]}`), `name=${pyString(fk.name)}`, ...fkArgs(fk)].join(', ')})`,
        ]
      : [];
    const py = pyType(ir, column);
    const a = attr(ir, column);
    const all = [
      ...(a !== column.name ? [pyString(column.name)] : []),
      type,
      ...fkArg,
      ...extra,
      ...(pk.includes(column.name) ? ['primary_key=True'] : []),
      ...(pk.includes(column.name) ? [] : [`nullable=${column.nullable ? 'True' : 'False'}`]),
      ...kwargs,
    ];
    lines.push(
      `    ${a}: Mapped[${column.nullable ? `Optional[${py}]` : py}] = mapped_column(${all.join(', ')})`,
    );
  }
  const relLines: string[] = [];
  for (const r of relationsOf(rels, table)) {
    const childCols = r.fk.columns.map(
      (c) => `${modelName(r.child)}.${attr(ir, r.child.columns.find((x) => x.name === c) ?? { name: c })}`,
    );
    const parentCols = r.fk.references.columns.map(
      (c) => `${modelName(r.parent)}.${attr(ir, r.parent.columns.find((x) => x.name === c) ?? { name: c })}`,
    );
    // ORM-enforced keys have no ForeignKey in the metadata: spell the join out.
    const join = childCols.map((c, k) => `${parentCols[k]} == foreign(${c})`);
    const fks =
      r.fk.enforcedBy === 'orm'
        ? `primaryjoin=${pyString(join.length === 1 ? (join[0] as string) : `and_(${join.join(', ')})`)}`
        : `foreign_keys=${pyString(`[${childCols.join(', ')}]`)}`;
    if (sameTable(r.child, table)) {
      const remote = sameTable(r.child, r.parent)
        ? [`remote_side=${pyString(`[${parentCols.join(', ')}]`)}`]
        : [];
      const t = `${r.optional ? 'Optional[' : ''}${pyString(modelName(r.parent))}${r.optional ? ']' : ''}`;
      relLines.push(
        `    ${snake(r.childField)}: Mapped[${t}] = relationship(${pyString(modelName(r.parent))}, back_populates=${pyString(snake(r.parentField))}, ${fks}${remote.length ? `, ${remote.join(', ')}` : ''})`,
      );
    }
    if (sameTable(r.parent, table)) {
      const t = r.oneToOne
        ? `Optional[${pyString(modelName(r.child))}]`
        : `List[${pyString(modelName(r.child))}]`;
      relLines.push(
        `    ${snake(r.parentField)}: Mapped[${t}] = relationship(${pyString(modelName(r.child))}, back_populates=${pyString(snake(r.childField))}, ${fks}${r.oneToOne ? ', uselist=False' : ''})`,
      );
    }
  }
  if (relLines.length > 0) lines.push('', ...relLines);
  return lines.join('\n');
}

/**
 * SQLAlchemy 2.0 declarative models of the base tables: `Mapped[...]` annotations, `mapped_column`
 * with the SQL types, keys, server defaults, comments, `sa.ForeignKey` (composite keys in
 * `__table_args__`), indexes and checks, Python enums, and `relationship()` pairs with
 * `back_populates` (and `remote_side` for self-references). Attributes are snake_case database names
 * (or the Python code names when the IR comes from SQLModel/SQLAlchemy). Views are left out.
 */
export function sqlalchemyModels(ir: Ir): string {
  const pg = ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';
  const head = [
    'from __future__ import annotations',
    '',
    'import datetime',
    'import decimal',
    'import enum',
    'import uuid',
    'from typing import Any, List, Optional',
    '',
    'import sqlalchemy as sa',
    ...(pg ? ['from sqlalchemy.dialects import postgresql'] : []),
    'from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship',
    '',
    '',
    'class Base(DeclarativeBase):',
    '    pass',
  ].join('\n');
  const rels = indexedRelations(ir);
  const blocks = [
    head,
    ...ir.enums.map(enumClass),
    ...ir.tables.filter((t) => t.kind === 'table').map((t) => modelClass(ir, t, rels)),
  ];
  return `${blocks.join('\n\n\n')}\n`;
}
