// Synthetic schema -> what the ormdoc SQLAlchemy/SQLModel exporter prints (format version 1):
// schema.json, read by `ormdoc generate --json schema.json` without Python.
import { foreignKeys } from './model.mjs';
import { writeProject } from './write.mjs';

const ACTION = { cascade: 'CASCADE', restrict: 'RESTRICT', 'set null': 'SET NULL' };

function sqlType(col) {
  switch (col.kind) {
    case 'serial':
    case 'int':
      return ['INTEGER', 'Integer()', 'int'];
    case 'bigint':
      return ['BIGINT', 'BigInteger()', 'int'];
    case 'uuid':
      return ['UUID', 'UUID(as_uuid=True)', 'uuid.UUID'];
    case 'varchar':
      return [`VARCHAR(${col.length})`, `String(length=${col.length})`, 'str'];
    case 'text':
      return ['TEXT', 'Text()', 'str'];
    case 'bool':
      return ['BOOLEAN', 'Boolean()', 'bool'];
    case 'ts3':
      return ['TIMESTAMP(3) WITH TIME ZONE', 'TIMESTAMP(timezone=True, precision=3)', 'datetime.datetime'];
    case 'numeric':
      return ['NUMERIC(12, 2)', 'Numeric(precision=12, scale=2)', 'decimal.Decimal'];
    case 'jsonb':
      return ['JSONB', 'JSONB(astext_type=Text())', 'dict'];
    case 'enum':
      return [col.enum, `Enum(name='${col.enum}')`, 'str'];
    default:
      throw new Error(`unknown column kind ${col.kind}`);
  }
}

function serverDefault(col) {
  const d = col.default;
  if (d === null) return null;
  if (typeof d === 'object') return { kind: 'text', sql: `'${d.enumValue}'` };
  switch (d) {
    case 'now':
      return { kind: 'sql', sql: 'now()' };
    case 'uuid':
      return { kind: 'sql', sql: 'gen_random_uuid()' };
    case 'true':
    case 'false':
      return { kind: 'sql', sql: d };
    case 'zero':
      return { kind: 'sql', sql: '0' };
    case '{}':
      return { kind: 'sql', sql: "'{}'" };
    default:
      throw new Error(`unknown default ${d}`);
  }
}

function exportColumn(col, table) {
  const [type, typeRepr, pythonType] = sqlType(col);
  const sd = serverDefault(col);
  const serial = col.kind === 'serial';
  const ddlType = serial ? 'SERIAL' : type;
  const ddl = `${col.name} ${ddlType}${sd ? ` DEFAULT ${sd.sql}` : ''}${col.nullable ? '' : ' NOT NULL'}`;
  return {
    name: col.name,
    type,
    typeRepr,
    pythonType,
    ...(col.kind === 'enum' ? { enum: { schema: null, name: col.enum } } : {}),
    nullable: col.nullable,
    primaryKey: table.primaryKey.includes(col.name),
    ddl,
    serverDefault: sd,
    default: null,
    onupdate: col.name === 'updated_at' ? { kind: 'sql', sql: 'now()' } : null,
    serverOnupdate: null,
    autoincrement: 'auto',
    isAutoincrementColumn: serial,
    identity: null,
    computed: null,
    comment: col.comment,
    doc: null,
    unique: col.unique,
    index: false,
  };
}

const named = (name, source) => ({ name, nameSource: source });

export function sqlmodelExport(model) {
  let line = 1;
  const tables = model.tables.map((table) => {
    line += table.columns.length + 4;
    const t = {
      schema: null,
      name: table.name,
      comment: table.comment,
      className: table.className,
      module: 'models',
      file: 'models.py',
      line,
      doc: null,
      columns: table.columns.map((c) => exportColumn(c, table)),
      primaryKey: { ...named(null, 'database'), columns: table.primaryKey },
      uniqueConstraints: [
        ...table.columns
          .filter((c) => c.unique)
          .map((c) => ({
            ...named(null, 'database'),
            columns: [c.name],
            deferrable: null,
            nullsNotDistinct: null,
          })),
        ...table.uniques.map((u) => ({
          ...named(null, 'database'),
          columns: u,
          deferrable: null,
          nullsNotDistinct: null,
        })),
      ],
      checkConstraints: [],
      foreignKeys: foreignKeys(table).map(({ column, fk }) => ({
        ...named(null, 'database'),
        columns: [column.name],
        referredSchema: null,
        referredTable: fk.table,
        referredColumns: [fk.column],
        ondelete: ACTION[fk.onDelete],
        onupdate: null,
        deferrable: null,
        useAlter: false,
        match: null,
      })),
      indexes: table.indexes.map((ix) => ({
        ...named(`ix_${table.name}_${ix.columns.join('_')}`, 'convention'),
        unique: ix.unique,
        parts: ix.columns.map((column) => ({ column })),
        using: null,
        where: null,
        ops: {},
        include: null,
        nullsNotDistinct: null,
        dialectOptions: {},
      })),
    };
    return t;
  });
  const byName = new Map(model.tables.map((t) => [t.name, t]));
  const relationships = [];
  for (const table of model.tables)
    for (const { column, fk } of foreignKeys(table)) {
      const target = byName.get(fk.table);
      relationships.push({
        className: table.className,
        table: { schema: null, name: table.name },
        key: column.name.replace(/_id$/, ''),
        targetClass: target.className,
        targetTable: { schema: null, name: target.name },
        direction: 'MANYTOONE',
        uselist: false,
        secondary: null,
        backPopulates: null,
        backref: null,
        cascade: ['merge', 'save-update'],
        passiveDeletes: false,
        lazy: 'select',
        viewonly: false,
        localRemotePairs: [[column.name, fk.column]],
        foreignKeyColumns: [`${table.name}.${column.name}`],
        doc: null,
      });
    }
  return {
    formatVersion: 1,
    exporter: { name: 'ormdoc_export', version: '0.1.0' },
    python: '3.11.2',
    sqlalchemyVersion: '1.4.46',
    sqlmodelVersion: '0.0.8',
    dialect: 'postgresql',
    module: 'models',
    moduleFile: 'models.py',
    metadata: 'SQLModel.metadata',
    namingConvention: { ix: 'ix_%(column_0_label)s' },
    tables,
    enums: model.enums.map((e) => ({
      schema: null,
      name: e.name,
      named: true,
      values: e.values,
      valueKeys: {},
      pythonClass: e.typeName,
      native: true,
      createType: true,
    })),
    relationships,
    warnings: [],
  };
}

export function generateSqlmodel(model, dir) {
  return writeProject(dir, { 'schema.json': JSON.stringify(sqlmodelExport(model), null, 2) });
}
