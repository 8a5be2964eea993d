// Synthetic schema -> a SQLModel project as users write it for SQLModel 0.0.8 (Debian's
// python3-sqlmodel, SQLAlchemy 1.4): the package `app/models/` with `enums.py` (Python enums +
// PostgreSQL ENUM types) and `part_NNN.py` files of ~100 table classes each, imported by
// `app/models/__init__.py`. Precise types, server defaults, ON DELETE actions and comments go through
// `Field(sa_column=Column(...))`; every foreign key has a many-to-one `Relationship()`.
// Returns the files and where each class is (module, file, line), which the JSON export repeats.
import { foreignKeys, toPascal } from './model.mjs';

export const TABLES_PER_FILE = 100;
export const PY_PACKAGE = 'app.models';
const PKG_DIR = 'app/models';

/** A Python string literal (double quotes). */
const py = (s) => JSON.stringify(s);
const partName = (i) => `part_${String(Math.floor(i / TABLES_PER_FILE)).padStart(3, '0')}`;
/** SQLModel reserves `metadata` (its MetaData): a column of that name gets another attribute. */
export const attributeName = (column) => (column.name === 'metadata' ? 'metadata_' : column.name);
/** The relationship attribute of a foreign key column: `invoice_42_id` -> `invoice_42`. */
export const relationshipKey = (column) => column.name.replace(/_id$/, '');

const SA_TYPE = {
  serial: () => 'Integer',
  int: () => 'Integer',
  bigint: () => 'BigInteger',
  uuid: () => 'UUID(as_uuid=True)',
  varchar: (c) => `String(${c.length})`,
  text: () => 'Text',
  bool: () => 'Boolean',
  ts3: () => 'TS3()',
  numeric: () => 'Numeric(12, 2)',
  jsonb: () => 'JSONB',
  enum: (c) => c.enum,
};
const PY_TYPE = {
  serial: () => 'int',
  int: () => 'int',
  bigint: () => 'int',
  uuid: () => 'uuid.UUID',
  varchar: () => 'str',
  text: () => 'str',
  bool: () => 'bool',
  ts3: () => 'datetime',
  numeric: () => 'Decimal',
  jsonb: () => 'Dict[str, Any]',
  enum: (c) => toPascal(c.enum),
};
const SERVER_DEFAULT = {
  now: 'func.now()',
  uuid: 'text("gen_random_uuid()")',
  true: 'text("true")',
  false: 'text("false")',
  zero: 'text("0")',
  '{}': `text("'{}'")`,
};
/** The value pydantic sees when none is given: None where the database fills it in. */
const PY_DEFAULT = { now: 'None', uuid: 'None', '{}': 'None', true: 'True', false: 'False', zero: '0' };

function columnLine(col, table) {
  const args = [];
  if (col.name === 'metadata') args.push(py(col.name));
  args.push(SA_TYPE[col.kind](col));
  if (col.fk)
    args.push(
      `ForeignKey(${py(`${col.fk.table}.${col.fk.column}`)}, ondelete=${py(col.fk.onDelete.toUpperCase())})`,
    );
  if (table.primaryKey.includes(col.name)) args.push('primary_key=True');
  else args.push(`nullable=${col.nullable ? 'True' : 'False'}`);
  if (col.unique) args.push('unique=True');
  if (table.indexes.some((ix) => ix.columns.length === 1 && ix.columns[0] === col.name))
    args.push('index=True');
  const d = col.default;
  if (d !== null) args.push(`server_default=${typeof d === 'object' ? py(d.enumValue) : SERVER_DEFAULT[d]}`);
  if (col.name === 'updated_at') args.push('onupdate=func.now()');
  if (col.comment) args.push(`comment=${py(col.comment)}`);
  let pyDefault =
    d === null ? undefined : typeof d === 'object' ? `${toPascal(col.enum)}.${d.enumValue}` : PY_DEFAULT[d];
  if (col.nullable || col.kind === 'serial') pyDefault = 'None';
  const type = PY_TYPE[col.kind](col);
  const annotation = pyDefault === 'None' ? `Optional[${type}]` : type;
  const field = `${pyDefault === undefined ? '' : `default=${pyDefault}, `}sa_column=Column(${args.join(', ')})`;
  return `    ${attributeName(col)}: ${annotation} = Field(${field})`;
}

function tableArgs(table) {
  const items = [];
  for (const ix of table.indexes)
    if (ix.columns.length > 1)
      items.push(
        `Index(${py(`ix_${table.name}_${ix.columns.join('_')}`)}, ${ix.columns.map(py).join(', ')})`,
      );
  for (const u of table.uniques) items.push(`UniqueConstraint(${u.map(py).join(', ')})`);
  const comment = `{"comment": ${py(table.comment)}}`;
  if (items.length === 0) return [`    __table_args__ = ${comment}`];
  return ['    __table_args__ = (', ...items.map((i) => `        ${i},`), `        ${comment},`, '    )'];
}

function tableSource(table) {
  const out = [
    `class ${table.className}(SQLModel, table=True):`,
    `    __tablename__ = ${py(table.name)}`,
    ...tableArgs(table),
    '',
  ];
  for (const col of table.columns) out.push(columnLine(col, table));
  const fks = foreignKeys(table);
  if (fks.length > 0) out.push('');
  for (const { column, fk } of fks) {
    const target = toPascal(fk.table);
    const self = fk.table === table.name;
    const kwargs = self ? `sa_relationship_kwargs={"remote_side": ${py(`${target}.${fk.column}`)}}` : '';
    out.push(`    ${relationshipKey(column)}: Optional[${py(target)}] = Relationship(${kwargs})`);
  }
  return out;
}

const HEADER = [
  'import uuid',
  'from datetime import datetime',
  'from decimal import Decimal',
  'from typing import Any, Dict, Optional',
  '',
  'from sqlalchemy import (',
  '    BigInteger,',
  '    Boolean,',
  '    Column,',
  '    ForeignKey,',
  '    Index,',
  '    Integer,',
  '    Numeric,',
  '    String,',
  '    Text,',
  '    UniqueConstraint,',
  '    func,',
  '    text,',
  ')',
  'from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP, UUID',
  'from sqlmodel import Field, Relationship, SQLModel',
  '',
];

function enumsSource(model) {
  const out = [
    '"""PostgreSQL enum types of the benchmark schema, each from a Python enum."""',
    '',
    'import enum',
    '',
    'from sqlalchemy import Enum',
    '',
    '',
    'def _values(cls):',
    '    return [m.value for m in cls]',
  ];
  for (const e of model.enums) {
    out.push('', '', `class ${e.typeName}(str, enum.Enum):`, `    """${e.comment}"""`, '');
    for (const v of e.values) out.push(`    ${v} = ${py(v)}`);
    out.push('', '', `${e.name} = Enum(${e.typeName}, name=${py(e.name)}, values_callable=_values)`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * @returns {{ files: Record<string, string>, where: Map<string, { module: string, file: string, line: number }> }}
 *   `where` by table name: the module, file and line of its class (what `inspect` reports).
 */
export function sqlmodelPackage(model) {
  const where = new Map();
  const parts = new Map();
  for (const table of model.tables) {
    const part = partName(table.index);
    if (!parts.has(part)) parts.set(part, []);
    parts.get(part).push(table);
  }
  const files = {
    'app/__init__.py': '',
    [`${PKG_DIR}/enums.py`]: enumsSource(model),
  };
  for (const [part, tables] of parts) {
    const enums = [
      ...new Set(tables.flatMap((t) => t.columns.filter((c) => c.enum).map((c) => c.enum))),
    ].sort();
    const enumImports = enums.flatMap((e) => [e, toPascal(e)]).sort();
    const lines = [
      `"""Tables ${tables[0].index}-${tables.at(-1).index} of the benchmark schema."""`,
      '',
      ...HEADER,
      ...(enumImports.length ? ['from .enums import (', ...enumImports.map((e) => `    ${e},`), ')'] : []),
      '',
      '',
      'def TS3():',
      '    return TIMESTAMP(timezone=True, precision=3)',
    ];
    const file = `${PKG_DIR}/${part}.py`;
    for (const table of tables) {
      lines.push('', '');
      where.set(table.name, { module: `${PY_PACKAGE}.${part}`, file, line: lines.length + 1 });
      lines.push(...tableSource(table));
    }
    files[file] = `${lines.join('\n')}\n`;
  }
  files[`${PKG_DIR}/__init__.py`] = [
    '"""Every table of the benchmark schema: importing this package registers them on SQLModel.metadata."""',
    '',
    'from sqlmodel import SQLModel  # noqa: F401',
    '',
    ...[...parts.keys()].map((part) => `from . import ${part}  # noqa: F401`),
    '',
  ].join('\n');
  return { files, where };
}
