import { describe, expect, it } from 'vitest';
import { columnOf, exportDoc, lazyExports, lazyIr, tableOf } from '../../test/helpers/mutationExports.js';
import { fromSqlmodelExport } from './toIr.js';

/**
 * SQLAlchemy column -> IR column, one row per type and per kind of default, on SQLAlchemy's own
 * export of test/fixtures/mutation/models.py for each dialect. The SQL type is the column type
 * SQLAlchemy's CREATE TABLE writes for that dialect, in ormdoc's spelling.
 */
const R = lazyExports();
const items = {
  get postgresql() {
    return tableOf(R.pg, 'items');
  },
  get mysql() {
    return tableOf(R.my, 'items');
  },
  get sqlite() {
    return tableOf(R.lite, 'items');
  },
};

describe('SQLAlchemy type -> SQL type and category, per dialect', () => {
  it.each([
    // column, postgresql, mysql, sqlite (SQLite keeps the declared text), category
    ['id', 'integer', 'integer', 'INTEGER', 'integer'], // SERIAL on PostgreSQL: its integer type
    ['name', 'varchar(40)', 'varchar(40)', 'VARCHAR(40)', 'string'],
    ['body', 'text', 'text', 'TEXT', 'string'],
    ['flag', 'boolean', 'bool', 'BOOLEAN', 'boolean'],
    ['ratio', 'float', 'float', 'FLOAT', 'float'],
    ['price', 'numeric(10,2)', 'numeric(10,2)', 'NUMERIC(10, 2)', 'decimal'],
    ['made', 'timestamp', 'datetime', 'DATETIME', 'datetime'],
    ['day', 'date', 'date', 'DATE', 'date'],
    ['blob', 'bytea', 'blob', 'BLOB', 'binary'],
    ['small', 'smallint', 'smallint', 'SMALLINT', 'integer'],
  ])('%s: %s / %s / %s (%s)', (name, postgresql, mysql, sqlite, category) => {
    expect(columnOf(items.postgresql, name).type).toMatchObject({
      sql: postgresql,
      category,
      isArray: false,
    });
    expect(columnOf(items.mysql, name).type).toMatchObject({ sql: mysql, isArray: false });
    expect(columnOf(items.sqlite, name).type).toMatchObject({ sql: sqlite, isArray: false });
  });

  it('BIGSERIAL and SMALLSERIAL fold back to their integer types (PostgreSQL)', () => {
    expect(columnOf(tableOf(R.pg, 'counters'), 'id').type.sql).toBe('bigint');
    expect(columnOf(tableOf(R.pg, 'seqs'), 'id').type.sql).toBe('integer');
  });

  it('the ORM type is the SQLAlchemy type object', () => {
    expect(columnOf(items.postgresql, 'name').type.orm).toBe('String(length=40)');
  });

  it('a non-native Enum is an enum column stored as VARCHAR', () => {
    expect(columnOf(items.postgresql, 'color').type).toEqual({
      sql: 'varchar(5)',
      orm: "Enum('red', 'green', name='color', native_enum=False)",
      category: 'enum',
      isArray: false,
      enum: { schema: null, name: 'color' },
    });
  });

  it('a native enum in a schema, an ARRAY (isArray), JSONB', () => {
    const docs = tableOf(R.only, 'docs');
    expect(columnOf(docs, 'mood').type).toMatchObject({
      category: 'enum',
      enum: { schema: 'app', name: 'mood' },
    });
    expect(columnOf(docs, 'tags').type).toMatchObject({
      sql: 'varchar(20)[]',
      isArray: true,
      category: 'string',
    });
    expect(columnOf(docs, 'meta').type).toMatchObject({ sql: 'jsonb', category: 'json', isArray: false });
  });
});

describe('nullability, names and descriptions', () => {
  it('NOT NULL columns are not nullable; others are', () => {
    expect(columnOf(items.postgresql, 'name').nullable).toBe(false);
    expect(columnOf(items.postgresql, 'body').nullable).toBe(true);
  });

  it('comment= is the description (what the database stores); tags come from comment and doc', () => {
    const name = columnOf(items.postgresql, 'name');
    expect(name.description).toBe('Shown to people.');
    expect(name.tags.map((t) => t.name)).toContain('pii');
  });

  it('doc= is the description when there is no comment', () => {
    expect(columnOf(items.postgresql, 'body').description).toBe('Only a doc.');
    expect(columnOf(items.postgresql, 'id').description).toBeUndefined();
  });

  it('a column has no codeName when its key is its name', () => {
    for (const c of items.postgresql.columns) expect(c.codeName).toBeUndefined();
  });
});

describe('generated columns', () => {
  it.each([
    ['postgresql', true], // PostgreSQL has only STORED generated columns
    ['mysql', false], // MySQL and SQLite default to VIRTUAL
    ['sqlite', false],
  ] as const)('%s: Computed() stored = %s; persisted=True is stored everywhere', (dialect, stored) => {
    const table = items[dialect];
    expect(columnOf(table, 'twice').generated).toEqual({ expression: 'count * 2', stored });
    expect(columnOf(table, 'stored').generated).toEqual({ expression: 'count * 3', stored: true });
    expect(columnOf(table, 'count').generated).toBeUndefined();
  });
});

describe('test/fixtures/mutation/objects.py: a comment of tags only, a key, what older exports leave out', () => {
  const objectsIr = lazyIr('objects.postgresql');

  it('comment= of tags only: no description (the doc= text is not what the database stores); tags of both', () => {
    const who = columnOf(tableOf(objectsIr(), 'audit_log'), 'who');
    expect(who).not.toHaveProperty('description');
    expect(who.tags.map((t) => t.name).sort()).toEqual(['owner', 'pii']);
  });

  it('Column(key=) other than its name: the key is the codeName', () => {
    const t = tableOf(objectsIr(), 'loose_rows');
    expect(columnOf(t, 'w').codeName).toBe('weight');
    expect(columnOf(t, 'v')).not.toHaveProperty('codeName');
  });

  it('an export without typeRepr has no ORM type; without isArray, `[]` says it', () => {
    const doc = exportDoc('postgresql-only') as {
      tables: Array<{ name: string; columns: Array<Record<string, unknown>> }>;
    };
    doc.tables = doc.tables.map((t) => ({
      ...t,
      columns: t.columns.map(({ typeRepr: _t, isArray: _a, ...c }) => c),
    }));
    const docs = tableOf(fromSqlmodelExport(doc), 'docs');
    expect(columnOf(docs, 'tags').type).not.toHaveProperty('orm');
    expect(columnOf(docs, 'tags').type.isArray).toBe(true);
    expect(columnOf(docs, 'n').type.isArray).toBe(false);
  });
});
