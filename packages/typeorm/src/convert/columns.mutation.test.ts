import type { Ir } from '@ormdoc/core';
import {
  Column,
  CreateDateColumn,
  DataSource,
  Entity,
  Generated,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  VirtualColumn,
} from 'typeorm';
import { describe, expect, it } from 'vitest';
import { buildEntityMetadatas } from '../load/dataSource.js';
import type { TypeormDialect } from '../types.js';
import { fromTypeormMetadata } from './fromTypeormMetadata.js';

/**
 * Columns on real TypeORM entities (decorators, and TypeORM's own metadata build and driver, no
 * database): one row per column type -> the SQL type TypeORM's schema builder writes, per dialect;
 * then enums, defaults, generated columns and the ON UPDATE / save-time updates.
 */
async function irOf(
  dialect: TypeormDialect,
  entities: unknown[],
  baseOptions?: Record<string, unknown>,
): Promise<Ir> {
  const { dataSource } = await buildEntityMetadatas({
    DataSource: DataSource as never,
    entities,
    dialect,
    ...(baseOptions ? { baseOptions } : {}),
  });
  return fromTypeormMetadata({ dialect, entityMetadatas: dataSource.entityMetadatas }).ir;
}
const columnOf = (ir: Ir, name: string) => {
  const c = ir.tables[0]!.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};

/** An entity with one column `c` declared with these options (and an integer key). */
function entityWith(options: Record<string, unknown>, name = 't') {
  @Entity({ name })
  class T {
    @PrimaryColumn({ type: 'int' }) id!: number;
    @Column(options as never) c!: unknown;
  }
  return T;
}

describe('column types: what the driver writes', () => {
  it.each([
    ['postgresql', { type: 'int' }, 'integer', 'int', 'integer'],
    ['postgresql', { type: 'integer' }, 'integer', 'integer', 'integer'],
    ['postgresql', { type: 'varchar', length: 40 }, 'varchar(40)', 'varchar', 'string'],
    ['postgresql', { type: 'varchar' }, 'varchar', 'varchar', 'string'],
    ['postgresql', { type: 'text' }, 'text', 'text', 'string'],
    ['postgresql', { type: 'numeric', precision: 10, scale: 2 }, 'numeric(10,2)', 'numeric', 'decimal'],
    ['postgresql', { type: 'timestamptz' }, 'timestamptz', 'timestamptz', 'datetime'],
    ['postgresql', { type: 'jsonb' }, 'jsonb', 'jsonb', 'json'],
    ['postgresql', { type: 'uuid' }, 'uuid', 'uuid', 'uuid'],
    ['postgresql', { type: 'boolean' }, 'boolean', 'boolean', 'boolean'],
    ['postgresql', { type: 'text', array: true }, 'text[]', 'text', 'string'],
    ['postgresql', { type: 'int', array: true }, 'integer[]', 'int', 'integer'],
    ['postgresql', { type: String }, 'varchar', 'String', 'string'],
    ['postgresql', { type: Number }, 'integer', 'Number', 'integer'],
    ['mysql', { type: 'int' }, 'int', 'int', 'integer'],
    ['mysql', { type: 'varchar', length: 40 }, 'varchar(40)', 'varchar', 'string'],
    ['mysql', { type: 'varchar' }, 'varchar(255)', 'varchar', 'string'],
    ['mysql', { type: 'datetime' }, 'datetime', 'datetime', 'datetime'],
    ['sqlite', { type: 'int' }, 'integer', 'int', 'integer'],
    ['sqlite', { type: 'varchar', length: 40 }, 'varchar(40)', 'varchar', 'string'],
    // values on a plain column: SQLite's createFullType says varchar (the values go to a CHECK)
    ['sqlite', { type: 'text', enum: ['a', 'b'] }, 'varchar', 'text', 'string'],
  ] as const)('%s %j', async (dialect, options, sql, orm, category) => {
    const c = columnOf(await irOf(dialect, [entityWith(options)]), 'c');
    expect(c.type).toMatchObject({ sql, orm, category, isArray: sql.endsWith('[]') });
    expect(c.type.enum).toBeUndefined();
  });
});

describe('enums', () => {
  it('postgresql: a native type named {table}_{column}_enum, or enumName; arrays keep []', async () => {
    const ir = await irOf('postgresql', [entityWith({ type: 'enum', enum: ['a', 'b'] }, 'things')]);
    expect(columnOf(ir, 'c').type).toEqual({
      sql: 'things_c_enum',
      orm: 'enum',
      category: 'enum',
      isArray: false,
      enum: { schema: null, name: 'things_c_enum' },
    });
    expect(ir.enums).toEqual([
      { schema: null, name: 'things_c_enum', values: [{ name: 'a' }, { name: 'b' }], native: true, tags: [] },
    ]);
    const named = await irOf('postgresql', [
      entityWith({ type: 'enum', enum: ['x'], enumName: 'Mood', array: true }, 'things'),
    ]);
    expect(columnOf(named, 'c').type).toMatchObject({
      sql: '"Mood"[]',
      isArray: true,
      enum: { name: 'Mood' },
    });
  });

  it('postgresql: an enum of an entity in a schema is schema-qualified', async () => {
    @Entity({ name: 'things', schema: 'app' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'enum', enum: ['a'] }) c!: string;
    }
    const ir = await irOf('postgresql', [T]);
    expect(columnOf(ir, 'c').type).toMatchObject({
      sql: 'app.things_c_enum',
      enum: { schema: 'app', name: 'things_c_enum' },
    });
  });

  it('mysql: an inline enum(...) with the values quoted; not native', async () => {
    const ir = await irOf('mysql', [entityWith({ type: 'enum', enum: ['a', "it's"] }, 'things')]);
    expect(columnOf(ir, 'c').type).toMatchObject({
      sql: "enum('a','it''s')",
      category: 'enum',
      enum: { schema: null, name: 'things_c_enum' },
    });
    expect(ir.enums[0]).toMatchObject({ name: 'things_c_enum', native: false });
  });

  it('sqlite: simple-enum is a varchar with a CHECK, named after the column or enumName', async () => {
    const ir = await irOf('sqlite', [
      entityWith({ type: 'simple-enum', enum: ['a'], enumName: 'kind' }, 'things'),
    ]);
    expect(columnOf(ir, 'c').type).toMatchObject({
      sql: 'varchar',
      category: 'enum',
      enum: { schema: null, name: 'kind' },
    });
    expect(ir.enums).toEqual([
      { schema: null, name: 'kind', values: [{ name: 'a' }], native: false, tags: [] },
    ]);
  });

  it('postgresql: enumName without values (a type the database already has): its name, no enum made of it', async () => {
    const ir = await irOf('postgresql', [entityWith({ type: 'enum', enumName: 'mood' }, 'things')]);
    expect(columnOf(ir, 'c').type).toEqual({ sql: 'mood', orm: 'enum', category: 'enum', isArray: false });
    expect(ir.enums).toEqual([]);
  });

  it('mysql: a set column is no enum; its values are in the type, as TypeORM writes them', async () => {
    const ir = await irOf('mysql', [entityWith({ type: 'set', enum: ['r', 'w', 1] }, 'things')]);
    expect(columnOf(ir, 'c').type).toMatchObject({ sql: "set('r','w','1')", orm: 'set' });
    expect(columnOf(ir, 'c').type.enum).toBeUndefined();
    expect(ir.enums).toEqual([]);
  });

  it('two columns with one enumName make one enum', async () => {
    @Entity({ name: 'things' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'enum', enum: ['a'], enumName: 'shared' }) x!: string;
      @Column({ type: 'enum', enum: ['a'], enumName: 'shared' }) y!: string;
    }
    expect((await irOf('postgresql', [T])).enums.map((e) => e.name)).toEqual(['shared']);
  });
});

describe('defaults', () => {
  it.each([
    ['postgresql', { type: 'int', default: 0 }, { kind: 'literal', value: 0, sql: '0' }],
    ['postgresql', { type: 'int', default: 7 }, { kind: 'literal', value: 7, sql: '7' }],
    ['postgresql', { type: 'boolean', default: true }, { kind: 'literal', value: true, sql: 'true' }],
    ['postgresql', { type: 'boolean', default: false }, { kind: 'literal', value: false, sql: 'false' }],
    ['postgresql', { type: 'varchar', default: 'x' }, { kind: 'literal', value: 'x', sql: "'x'" }],
    ['postgresql', { type: 'timestamptz', default: () => 'now()' }, { kind: 'sql', expression: 'now()' }],
    [
      'postgresql',
      { type: 'jsonb', default: { a: 1 } },
      { kind: 'literal', value: { a: 1 }, sql: `'{"a":1}'` },
    ],
    [
      'postgresql',
      { type: 'text', array: true, default: ['a'] },
      { kind: 'literal', value: ['a'], sql: "'{a}'" },
    ],
    ['mysql', { type: 'boolean', default: true }, { kind: 'literal', value: true, sql: 'true' }],
    ['mysql', { type: 'varchar', default: 'x' }, { kind: 'literal', value: 'x', sql: "'x'" }],
  ] as const)('%s %j', async (dialect, options, expected) => {
    expect(columnOf(await irOf(dialect, [entityWith(options)]), 'c').default).toEqual(expected);
  });

  it('a bigint default is no JSON value: the SQL the driver writes for it', async () => {
    expect(
      columnOf(await irOf('postgresql', [entityWith({ type: 'bigint', default: 10n })]), 'c').default,
    ).toEqual({
      kind: 'sql',
      expression: '10',
    });
  });

  it('no default, and a null default: none', async () => {
    expect(columnOf(await irOf('postgresql', [entityWith({ type: 'int' })]), 'c').default).toBeUndefined();
    expect(
      columnOf(await irOf('postgresql', [entityWith({ type: 'int', nullable: true, default: null })]), 'c')
        .default,
    ).toBeUndefined();
  });

  it.each([
    ['postgresql', 'increment', { kind: 'sequence', style: 'serial' }],
    ['mysql', 'increment', { kind: 'sequence', style: 'auto-increment' }],
    ['sqlite', 'increment', { kind: 'sequence', style: 'auto-increment' }],
    ['postgresql', 'uuid', { kind: 'sql', expression: 'uuid_generate_v4()' }],
    [
      'mysql',
      'uuid',
      { kind: 'orm', generator: 'uuid', description: "@PrimaryGeneratedColumn('uuid') / @Generated('uuid')" },
    ],
    ['sqlite', 'rowid', { kind: 'sequence', style: 'rowid' }],
  ] as const)('%s @PrimaryGeneratedColumn(%s)', async (dialect, strategy, expected) => {
    @Entity({ name: 't' })
    class T {
      @PrimaryGeneratedColumn(strategy as 'increment') id!: number;
    }
    expect(columnOf(await irOf(dialect, [T]), 'id').default).toEqual(expected);
  });

  it("postgresql uuid with uuidExtension: 'pgcrypto' is gen_random_uuid()", async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryGeneratedColumn('uuid') id!: string;
    }
    const ir = await irOf('postgresql', [T], { type: 'postgres', uuidExtension: 'pgcrypto' });
    expect(columnOf(ir, 'id').default).toEqual({ kind: 'sql', expression: 'gen_random_uuid()' });
  });

  it.each([[undefined], ['pgcrypto'], ['uuid-ossp']] as const)(
    'a driver without uuidGenerator (older TypeORM), uuidExtension %s: the function TypeORM 1.x names',
    async (uuidExtension) => {
      @Entity({ name: 't' })
      class T {
        @PrimaryGeneratedColumn('uuid') id!: string;
      }
      const { dataSource } = await buildEntityMetadatas({
        DataSource: DataSource as never,
        entities: [T],
        dialect: 'postgresql',
        baseOptions: { type: 'postgres', ...(uuidExtension ? { uuidExtension } : {}) },
      });
      const real = dataSource.driver as unknown as { uuidGenerator: string };
      expect(typeof real.uuidGenerator).toBe('string');
      // the same driver, its `uuidGenerator` hidden as in releases that did not have it
      const older = Object.create(real, { uuidGenerator: { value: undefined } });
      const { ir } = fromTypeormMetadata({
        dialect: 'postgresql',
        entityMetadatas: dataSource.entityMetadatas,
        driver: older,
      });
      expect(columnOf(ir, 'id').default).toEqual({ kind: 'sql', expression: real.uuidGenerator });
    },
  );

  it('identity: ALWAYS or BY DEFAULT', async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id!: number;
    }
    @Entity({ name: 'u' })
    class U {
      @PrimaryGeneratedColumn('identity', { generatedIdentity: 'BY DEFAULT' }) id!: number;
    }
    const ir = await irOf('postgresql', [T, U]);
    const id = (t: string) => ir.tables.find((x) => x.name === t)!.columns[0]!.default;
    expect(id('t')).toEqual({ kind: 'sequence', style: 'identity-always' });
    expect(id('u')).toEqual({ kind: 'sequence', style: 'identity-by-default' });
  });
});

describe('generated columns, dates, versions, code names', () => {
  it('a generated column has its expression, STORED or VIRTUAL, and no default', async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'int', generatedType: 'STORED', asExpression: 'id * 2' }) s!: number;
      @Column({ type: 'int', generatedType: 'VIRTUAL', asExpression: 'id * 3', default: 1 }) v!: number;
    }
    const ir = await irOf('mysql', [T]);
    expect(columnOf(ir, 's').generated).toEqual({ expression: 'id * 2', stored: true });
    expect(columnOf(ir, 'v').generated).toEqual({ expression: 'id * 3', stored: false });
    expect(columnOf(ir, 'v').default).toBeUndefined();
    expect(columnOf(ir, 'id').generated).toBeUndefined();
  });

  it('onUpdate is SQL on MySQL only; @UpdateDateColumn and @VersionColumn are TypeORM on save', async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'timestamp', onUpdate: 'CURRENT_TIMESTAMP' }) touched!: Date;
      @CreateDateColumn() created!: Date;
      @UpdateDateColumn() updated!: Date;
      @VersionColumn() version!: number;
    }
    const my = await irOf('mysql', [T]);
    expect(columnOf(my, 'touched').onUpdate).toEqual({ kind: 'sql', expression: 'CURRENT_TIMESTAMP' });
    expect(columnOf(my, 'created').onUpdate).toBeUndefined();
    expect(columnOf(my, 'created').default).toMatchObject({ kind: 'sql' });
    const pgIr = await irOf('postgresql', [T]);
    expect(columnOf(pgIr, 'touched').onUpdate).toBeUndefined();
    expect(columnOf(pgIr, 'updated').onUpdate).toEqual({
      kind: 'orm',
      description: '@UpdateDateColumn: set by TypeORM on every save',
    });
    expect(columnOf(pgIr, 'version').onUpdate).toEqual({
      kind: 'orm',
      description: '@VersionColumn: incremented by TypeORM on every save',
    });
    expect(columnOf(pgIr, 'created').default).toEqual({ kind: 'sql', expression: 'now()' });
  });

  it('code name when the property differs from the column; collation and comment kept', async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'varchar', name: 'first_name', collation: 'C', comment: 'Given name.' })
      firstName!: string;
    }
    const c = columnOf(await irOf('postgresql', [T]), 'first_name');
    expect(c).toMatchObject({
      codeName: 'firstName',
      collation: 'C',
      description: 'Given name.',
      nullable: false,
    });
    expect(columnOf(await irOf('postgresql', [T]), 'id').codeName).toBeUndefined();
  });

  it('nullable as declared', async () => {
    const ir = await irOf('postgresql', [entityWith({ type: 'int', nullable: true })]);
    expect(columnOf(ir, 'c').nullable).toBe(true);
    expect(columnOf(ir, 'id').nullable).toBe(false);
  });
});

describe('what a plain column leaves out', () => {
  it('no default, onUpdate, generated, collation, description, code name keys at all', async () => {
    for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
      const c = columnOf(await irOf(dialect, [entityWith({ type: 'int' })]), 'c');
      expect(Object.keys(c).sort()).toEqual(['name', 'nullable', 'tags', 'type']);
    }
  });

  it('asExpression alone is VIRTUAL (TypeORM fills it in); generatedType without asExpression is no generated column', async () => {
    const c = columnOf(await irOf('mysql', [entityWith({ type: 'int', asExpression: 'id + 1' })]), 'c');
    expect(c.generated).toEqual({ expression: 'id + 1', stored: false });
    const d = columnOf(await irOf('mysql', [entityWith({ type: 'int', generatedType: 'STORED' })]), 'c');
    expect(d.generated).toBeUndefined();
  });

  it('@VirtualColumn is computed by a query: no column', async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @VirtualColumn({ type: 'int', query: (alias) => `SELECT 1 FROM t WHERE ${alias}.id = 1` }) one!: number;
    }
    expect((await irOf('postgresql', [T])).tables[0]!.columns.map((c) => c.name)).toEqual(['id']);
  });

  it("@Generated('uuid') with a null default: still the driver's uuid function (TypeORM writes it when there is no default)", async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'uuid', nullable: true, default: null }) @Generated('uuid') u!: string;
    }
    expect(columnOf(await irOf('postgresql', [T]), 'u').default).toEqual({
      kind: 'sql',
      expression: 'uuid_generate_v4()',
    });
  });

  it("@Generated('uuid') with a default of its own: that default", async () => {
    @Entity({ name: 't' })
    class T {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'uuid', default: () => 'gen_random_uuid()' }) @Generated('uuid') u!: string;
    }
    expect(columnOf(await irOf('postgresql', [T]), 'u').default).toEqual({
      kind: 'sql',
      expression: 'gen_random_uuid()',
    });
  });
});

describe('enum names and registry', () => {
  it.each([
    ['mood', 'mood'],
    ['mood_2', 'mood_2'],
    ['_m', '_m'],
    ['mood_X', '"mood_X"'],
    ['2mood', '"2mood"'],
    ['a"b', '"a""b"'],
  ])('enumName %s is written %s', async (enumName, sql) => {
    const ir = await irOf('postgresql', [entityWith({ type: 'enum', enum: ['a'], enumName })]);
    expect(columnOf(ir, 'c').type.sql).toBe(sql);
  });

  it('two enums of one table are both registered; one name in two schemas is two enums; the first use gives the values', async () => {
    @Entity({ name: 't', schema: 'a' })
    class A {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'enum', enum: ['x'], enumName: 'kind' }) k!: string;
      @Column({ type: 'enum', enum: ['y'], enumName: 'other' }) o!: string;
      @Column({ type: 'enum', enum: ['z'], enumName: 'other' }) o2!: string;
    }
    @Entity({ name: 't', schema: 'b' })
    class B {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'enum', enum: ['w'], enumName: 'kind' }) k!: string;
    }
    const ir = await irOf('postgresql', [A, B]);
    expect(ir.enums.map((e) => [e.schema, e.name, e.values.map((v) => v.name)])).toEqual([
      ['a', 'kind', ['x']],
      ['a', 'other', ['y']],
      ['b', 'kind', ['w']],
    ]);
  });

  it('mysql: an inline enum named {table}_{column}_enum, or enumName', async () => {
    const ir = await irOf('mysql', [entityWith({ type: 'enum', enum: ['a'], enumName: 'Kind' })]);
    expect(columnOf(ir, 'c').type.enum).toEqual({ schema: null, name: 'Kind' });
  });
});

describe('a column without a default on MySQL', () => {
  it('has none', async () => {
    expect(
      columnOf(await irOf('mysql', [entityWith({ type: 'varchar', length: 5 })]), 'c').default,
    ).toBeUndefined();
  });
});
