import { findEnum } from '../ir/names.js';
import type { Column, Enum, ForeignKey, Index, Ir } from '../ir/types.js';
import { enumTypeName, pyString } from './_names.js';

export function enumFor(ir: Ir, column: Column): Enum | undefined {
  const ref = column.type.enum;
  if (!ref) return undefined;
  return findEnum(ir, ref, { loose: true });
}

const isPg = (ir: Ir) => ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';

/** Python variable holding an enum type in a migration: `member_role_enum`. */
export function enumVar(e: Enum): string {
  return `${(e.schema ? `${e.schema}_` : '') + e.name}`.replace(/\W+/g, '_').toLowerCase().concat('_enum');
}

/**
 * The SQLAlchemy type expression of a column (element type for arrays handled here too).
 * `enumRef` says how an enum is spelled: a module-level variable (migrations) or the Python
 * enum class (models).
 */
export function saType(ir: Ir, column: Column, enumRef: (e: Enum) => string): string {
  const sql = column.type.sql.toLowerCase().replace(/\[\]$/, '');
  const args = /\(([^)]*)\)/.exec(sql)?.[1];
  const pg = isPg(ir);
  let t: string;
  switch (column.type.category) {
    case 'enum': {
      const e = enumFor(ir, column);
      t = e ? enumRef(e) : 'sa.String()';
      break;
    }
    case 'string':
      if (/^(varchar|character varying|nvarchar)/.test(sql)) t = args ? `sa.String(${args})` : 'sa.String()';
      else if (/^(char|character|nchar)/.test(sql)) t = `sa.CHAR(${args ?? 1})`;
      else t = 'sa.Text()';
      break;
    case 'uuid':
      t = pg ? 'postgresql.UUID(as_uuid=True)' : 'sa.String(36)';
      break;
    case 'integer':
      t = /^smallint|smallserial/.test(sql) ? 'sa.SmallInteger()' : 'sa.Integer()';
      break;
    case 'bigint':
      t = 'sa.BigInteger()';
      break;
    case 'decimal':
      t = args ? `sa.Numeric(${args.split(',').join(', ')})` : 'sa.Numeric()';
      break;
    case 'float':
      t = /^(real|float4)/.test(sql) ? 'sa.REAL()' : 'sa.Float(precision=53)';
      break;
    case 'boolean':
      t = 'sa.Boolean()';
      break;
    case 'datetime': {
      const tz = /tz|with time zone/.test(sql);
      t = pg
        ? `postgresql.TIMESTAMP(${[tz ? 'timezone=True' : '', args ? `precision=${args}` : ''].filter(Boolean).join(', ')})`
        : `sa.DateTime(${tz ? 'timezone=True' : ''})`;
      break;
    }
    case 'date':
      t = 'sa.Date()';
      break;
    case 'time':
      t = `sa.Time(${/tz/.test(sql) ? 'timezone=True' : ''})`;
      break;
    case 'interval':
      t = 'sa.Interval()';
      break;
    case 'json':
      t = pg && sql === 'jsonb' ? 'postgresql.JSONB()' : 'sa.JSON()';
      break;
    case 'binary':
      t = 'sa.LargeBinary()';
      break;
    case 'network':
      t = pg
        ? `postgresql.${sql.startsWith('mac') ? 'MACADDR' : sql.startsWith('cidr') ? 'CIDR' : 'INET'}()`
        : 'sa.String(45)';
      break;
    case 'geometry':
    case 'vector':
    case 'other':
      t = 'sa.types.NullType()';
      break;
  }
  if (column.type.isArray) return pg ? `postgresql.ARRAY(${t})` : 'sa.JSON()';
  return t;
}

/** The Python type of a column's values (without Optional). */
export function pyType(ir: Ir, column: Column): string {
  let t: string;
  switch (column.type.category) {
    case 'enum': {
      const e = enumFor(ir, column);
      t = e ? enumTypeName(e) : 'str';
      break;
    }
    case 'string':
    case 'network':
      t = 'str';
      break;
    case 'uuid':
      t = isPg(ir) ? 'uuid.UUID' : 'str';
      break;
    case 'integer':
    case 'bigint':
      t = 'int';
      break;
    case 'decimal':
      t = 'decimal.Decimal';
      break;
    case 'float':
      t = 'float';
      break;
    case 'boolean':
      t = 'bool';
      break;
    case 'datetime':
      t = 'datetime.datetime';
      break;
    case 'date':
      t = 'datetime.date';
      break;
    case 'time':
      t = 'datetime.time';
      break;
    case 'interval':
      t = 'datetime.timedelta';
      break;
    case 'json':
      t = 'Any';
      break;
    case 'binary':
      t = 'bytes';
      break;
    case 'geometry':
    case 'vector':
    case 'other':
      t = 'Any';
      break;
  }
  return column.type.isArray ? `List[${t}]` : t;
}

/** `server_default=` / `default=` / Identity / Computed keyword arguments of a column. */
export function saColumnExtras(
  column: Column,
  mode: 'model' | 'migration',
): { args: string[]; kwargs: string[] } {
  const args: string[] = [];
  const kwargs: string[] = [];
  const d = column.default;
  if (d)
    switch (d.kind) {
      case 'sql':
        kwargs.push(`server_default=sa.text(${pyString(d.expression)})`);
        break;
      case 'literal':
        kwargs.push(`server_default=sa.text(${pyString(d.sql)})`);
        break;
      case 'sequence':
        if (d.style === 'identity-always' || d.style === 'identity-by-default')
          args.push(`sa.Identity(always=${d.style === 'identity-always' ? 'True' : 'False'})`);
        else kwargs.push('autoincrement=True');
        break;
      case 'orm':
        if (mode === 'model') {
          const g = d.generator.toLowerCase();
          if (g.startsWith('uuid')) kwargs.push('default=uuid.uuid4');
          else if (g === 'now') kwargs.push('default=sa.func.now()');
        }
        break;
    }
  if (column.generated)
    args.push(
      `sa.Computed(${pyString(column.generated.expression)}${column.generated.stored ? ', persisted=True' : ''})`,
    );
  if (mode === 'model' && column.onUpdate?.kind === 'orm') kwargs.push('onupdate=sa.func.now()');
  if (mode === 'model' && column.onUpdate?.kind === 'sql') kwargs.push(`server_onupdate=sa.FetchedValue()`);
  if (column.description) kwargs.push(`comment=${pyString(column.description)}`);
  return { args, kwargs };
}

/** `ondelete=` / `onupdate=` / `deferrable=` keyword arguments of a foreign key. */
export function fkArgs(fk: ForeignKey): string[] {
  return [
    ...(fk.onDelete !== 'NO ACTION' ? [`ondelete=${pyString(fk.onDelete)}`] : []),
    ...(fk.onUpdate !== 'NO ACTION' ? [`onupdate=${pyString(fk.onUpdate)}`] : []),
    ...(fk.deferrable
      ? [
          'deferrable=True',
          `initially=${pyString(fk.deferrable === 'initially-deferred' ? 'DEFERRED' : 'IMMEDIATE')}`,
        ]
      : []),
  ];
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Index parts as SQLAlchemy arguments: plain names, or `sa.text(...)` for expressions, order, nulls, collation; plus dialect kwargs. */
export function indexArgs(ix: Index): { columns: string[]; kwargs: string[] } {
  const simple = ix.parts.every((p) => p.column && !p.order && !p.nulls && !p.collation);
  const columns = ix.parts.map((p) => {
    if (simple) return pyString(p.column as string);
    const base = p.column ? quoted(p.column) : `(${p.expression})`;
    const rest = [
      p.collation ? `COLLATE ${quoted(p.collation)}` : '',
      p.column ? '' : (p.opclass ?? ''),
      p.order ? p.order.toUpperCase() : '',
      p.nulls ? `NULLS ${p.nulls.toUpperCase()}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `sa.text(${pyString(rest ? `${base} ${rest}` : base)})`;
  });
  const ops = ix.parts.filter((p) => p.opclass && p.column);
  const kwargs = [
    ...(ix.method && ix.method !== 'btree' ? [`postgresql_using=${pyString(ix.method)}`] : []),
    ...(ix.where ? [`postgresql_where=sa.text(${pyString(ix.where)})`] : []),
    ...(ops.length > 0
      ? [
          `postgresql_ops={${ops.map((p) => `${pyString(p.column as string)}: ${pyString(p.opclass as string)}`).join(', ')}}`,
        ]
      : []),
    ...(ix.include && ix.include.length > 0
      ? [`postgresql_include=[${ix.include.map(pyString).join(', ')}]`]
      : []),
  ];
  return { columns, kwargs };
}
