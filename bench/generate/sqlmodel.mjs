// Synthetic schema -> a SQLModel project (sqlmodel-python.mjs: the `app/models/` package) and what
// the ormdoc SQLAlchemy/SQLModel exporter prints for it (format version 1): schema.json, read by
// `ormdoc generate --json schema.json` without Python. The JSON is the exporter's output on the
// generated package, field for field (tables, enums and relationships in its order; class file and
// line included) except the layout of the text; `node bench/generate/sqlmodel-check.mjs` checks that.
import { foreignKeys } from './model.mjs';
import { attributeName, PY_PACKAGE, relationshipKey, sqlmodelPackage } from './sqlmodel-python.mjs';
import { writeProject } from './write.mjs';

const ACTION = { cascade: 'CASCADE', restrict: 'RESTRICT', 'set null': 'SET NULL' };
const byString = (key) => (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** [SQL type, repr(type), python_type] as SQLAlchemy 1.4 reports them for the generated Column. */
function sqlType(col, enumsByName) {
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
    case 'enum': {
      const e = enumsByName.get(col.enum);
      const values = e.values.map((v) => `'${v}'`).join(', ');
      return [col.enum, `Enum(${values}, name='${col.enum}')`, `${PY_PACKAGE}.enums.${e.typeName}`];
    }
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

function exportColumn(col, table, enumsByName) {
  const [type, typeRepr, pythonType] = sqlType(col, enumsByName);
  const sd = serverDefault(col);
  const serial = col.kind === 'serial';
  const ddlType = serial ? 'SERIAL' : type;
  const ddl = `${col.name} ${ddlType}${sd ? ` DEFAULT ${sd.sql}` : ''}${col.nullable ? '' : ' NOT NULL'}`;
  const key = attributeName(col);
  return {
    name: col.name,
    ...(key !== col.name ? { key } : {}),
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
    index: singleColumnIndex(table, col.name),
  };
}

const singleColumnIndex = (table, name) =>
  table.indexes.some((ix) => ix.columns.length === 1 && ix.columns[0] === name);
const named = (name, source) => ({ name, nameSource: source });

/**
 * SQLAlchemy's `MetaData.sorted_tables`: tables by name, then in layers of a topological sort on
 * foreign keys (self-references ignored). The exporter reports each enum's first use in this order.
 */
function sortedTables(tables) {
  const parents = new Map(
    tables.map((t) => [
      t.name,
      new Set(
        foreignKeys(t)
          .map(({ fk }) => fk.table)
          .filter((n) => n !== t.name),
      ),
    ]),
  );
  let todo = [...tables].sort(byString((t) => t.name));
  const out = [];
  while (todo.length > 0) {
    const left = new Set(todo.map((t) => t.name));
    const layer = todo.filter((t) => ![...parents.get(t.name)].some((p) => left.has(p)));
    if (layer.length === 0) throw new Error('foreign key cycle between tables');
    out.push(...layer);
    const done = new Set(layer);
    todo = todo.filter((t) => !done.has(t));
  }
  return out;
}

function exportTable(table, where, enumsByName) {
  const at = where.get(table.name);
  const singleIndexes = table.indexes.filter((ix) => ix.columns.length === 1);
  return {
    schema: null,
    name: table.name,
    comment: table.comment,
    className: table.className,
    module: at.module,
    file: at.file,
    line: at.line,
    doc: null,
    columns: table.columns.map((c) => exportColumn(c, table, enumsByName)),
    primaryKey: { ...named(null, 'database'), columns: table.primaryKey },
    // __table_args__ constraints are created before the columns' own `unique=True` ones.
    uniqueConstraints: [...table.uniques, ...table.columns.filter((c) => c.unique).map((c) => [c.name])].map(
      (columns) => ({ ...named(null, 'database'), columns, deferrable: null, nullsNotDistinct: null }),
    ),
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
    indexes: table.indexes
      .map((ix) => ({
        // `index=True` columns are named by SQLAlchemy's default convention, composite ones in the code.
        ...named(
          `ix_${table.name}_${ix.columns.join('_')}`,
          singleIndexes.includes(ix) ? 'convention' : 'explicit',
        ),
        unique: ix.unique,
        parts: ix.columns.map((column) => ({ column })),
        using: null,
        where: null,
        ops: {},
        include: null,
        nullsNotDistinct: null,
        dialectOptions: {},
      }))
      .sort(byString((ix) => ix.name)),
  };
}

function exportRelationships(model, where) {
  const byName = new Map(model.tables.map((t) => [t.name, t]));
  const relationships = [];
  for (const table of model.tables)
    for (const { column, fk } of foreignKeys(table)) {
      const target = byName.get(fk.table);
      relationships.push({
        className: table.className,
        table: { schema: null, name: table.name },
        key: relationshipKey(column),
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
  // Mappers by (module, class name), then relationships by key.
  const order = (r) => `${where.get(r.table.name).module}\u0000${r.className}\u0000${r.key}`;
  return relationships.sort(byString(order));
}

export function sqlmodelExport(model, where) {
  const enumsByName = new Map(model.enums.map((e) => [e.name, e]));
  const firstUse = new Map();
  for (const table of sortedTables(model.tables))
    for (const col of table.columns)
      if (col.enum && !firstUse.has(col.enum))
        firstUse.set(col.enum, { table: table.name, schema: null, column: col.name });
  return {
    formatVersion: 1,
    exporter: { name: 'ormdoc_export', version: '0.1.0' },
    python: '3.11.2',
    sqlalchemyVersion: '1.4.46',
    sqlmodelVersion: '0.0.8',
    dialect: 'postgresql',
    module: PY_PACKAGE,
    moduleFile: `${PY_PACKAGE.replaceAll('.', '/')}/__init__.py`,
    metadata: 'SQLModel.metadata',
    namingConvention: { ix: 'ix_%(column_0_label)s' },
    tables: [...model.tables].sort(byString((t) => t.name)).map((t) => exportTable(t, where, enumsByName)),
    enums: model.enums
      .filter((e) => firstUse.has(e.name))
      .sort(byString((e) => e.name))
      .map((e) => ({
        schema: null,
        name: e.name,
        named: true,
        values: e.values,
        valueKeys: {},
        pythonClass: e.typeName,
        native: true,
        createType: true,
        firstUse: firstUse.get(e.name),
      })),
    relationships: exportRelationships(model, where),
    warnings: [],
  };
}

/** The Python package (`app/`) and its export (`schema.json`). */
export function generateSqlmodel(model, dir) {
  const { files, where } = sqlmodelPackage(model);
  return writeProject(dir, {
    ...files,
    'schema.json': JSON.stringify(sqlmodelExport(model, where), null, 2),
  });
}
