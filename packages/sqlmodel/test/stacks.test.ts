import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, shapeOfSqliteDdl, startPglite } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { fromSqlmodelExport } from '../src/index.js';
import { runExporter } from '../src/load/run.js';
import { FIXTURES, HAS_PYTHON, installedVersion, TEST_PYTHON, TEST_STACK } from './helpers/python.js';

/**
 * What today's stacks write, on the stack of the matrix that has it (.ci/python-matrix.sh):
 * SQLAlchemy 2 typed declarative, SQLModel >= 0.0.21 with pydantic 2, Flask-SQLAlchemy 3. Each
 * fixture's DDL must build the database SQLAlchemy's create_all builds (PGlite, sql.js).
 */
const DIR = path.join(FIXTURES, 'stacks');
const interpreter = { command: TEST_PYTHON, reason: 'the test interpreter (ORMDOC_TEST_PYTHON)' };

const atLeast = (v: number[] | undefined, want: number[]) => v !== undefined && compareVersions(v, want) >= 0;
function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < b.length; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

const sqlalchemy2 = atLeast(installedVersion('sqlalchemy'), [2, 0]);
const sqlmodel21 = atLeast(installedVersion('sqlmodel'), [0, 0, 21]);
const flask3 = atLeast(installedVersion('flask_sqlalchemy'), [3, 0]);

/** The stacks that install a fixture's requirements must run it (no silent skip there). */
const REQUIRED: Record<string, string[]> = {
  sqlalchemy20: ['sqlalchemy2', 'sqlmodel_latest'],
  'sqlmodel-latest': ['sqlalchemy2', 'sqlmodel_latest'],
  'flask-sqlalchemy3': ['sqlalchemy2', 'sqlmodel_latest', 'flask_app'],
};
it('the matrix stack provides what its fixtures need', () => {
  const available: Record<string, boolean> = {
    sqlalchemy2,
    sqlmodel_latest: sqlmodel21,
    flask_app: flask3,
  };
  for (const fixture of REQUIRED[TEST_STACK ?? ''] ?? [])
    expect([fixture, available[fixture]]).toEqual([fixture, true]);
});

async function exported(target: string, dialect: 'postgresql' | 'sqlite') {
  const [json, ddl] = await Promise.all([
    runExporter({ cwd: DIR, interpreter, target, dialect }),
    runExporter({ cwd: DIR, interpreter, target, dialect, extraArgs: ['--ddl'] }),
  ]);
  return { ir: fromSqlmodelExport(JSON.parse(json), { file: target }).ir, sqlalchemyDdl: ddl };
}

async function sameOnPostgres(target: string) {
  const { ir, sqlalchemyDdl } = await exported(target, 'postgresql');
  const db = await startPglite();
  const expected = await shapeOfDdl(db, sqlalchemyDdl);
  const actual = await shapeOfDdl(db, renderDdl(ir, { dialect: 'postgresql' }));
  expect(compareShapes(expected, actual)).toEqual([]);
  return { ir, expected };
}

async function sameOnSqlite(target: string) {
  const { ir, sqlalchemyDdl } = await exported(target, 'sqlite');
  const expected = await shapeOfSqliteDdl(sqlalchemyDdl);
  expect(compareShapes(expected, await shapeOfSqliteDdl(renderDdl(ir, { dialect: 'sqlite' })))).toEqual([]);
}

describe.runIf(sqlalchemy2)('SQLAlchemy 2 typed declarative (Mapped, mapped_column, dataclass)', () => {
  it('PostgreSQL: identity, computed, comments, non-native enum, text() index as create_all', async () => {
    const { ir, expected } = await sameOnPostgres('sqlalchemy2.py:Base');
    expect(Object.keys(expected.tables).sort()).toEqual(['public.accounts', 'public.notes', 'public.orders']);
    const accounts = ir.tables.find((t) => t.name === 'accounts')!;
    const col = (name: string) => accounts.columns.find((c) => c.name === name)!;
    expect(accounts.description).toBe('Customer accounts.');
    expect(col('id').default).toEqual({ kind: 'sequence', style: 'identity-always' });
    expect(col('balance_cents').generated).toEqual({ expression: 'balance * 100', stored: true });
    expect(col('email')).toMatchObject({ description: 'Login e-mail.', tags: [{ name: 'pii' }] });
    expect(col('status').type).toMatchObject({ sql: 'varchar(20)' });
    expect(accounts.checks.map((c) => c.name)).toEqual(['ck_accounts_balance']); // no CHECK: create_constraint=False
    expect(col('updated_at').onUpdate).toMatchObject({ kind: 'sql', expression: 'now()' });
    expect(accounts.indexes.find((i) => i.name === 'ix_accounts_created')?.parts).toEqual([
      { column: 'created_at', order: 'desc' },
    ]);
    expect(ir.tables.find((t) => t.name === 'notes')!.foreignKeys[0]).toMatchObject({ onDelete: 'SET NULL' });
  });

  it('ORM-side delete rules beside ON DELETE: cascade and passive_deletes', async () => {
    const { ir } = await exported('sqlalchemy2.py:Base', 'postgresql');
    const orders = ir.relations.find((r) => r.from.name === 'accounts' && r.from.field === 'orders');
    expect(orders?.ormOnDelete).toBe(
      'delete, delete-orphan; passive_deletes: rows not loaded are left to the database ON DELETE',
    );
    expect(ir.tables.find((t) => t.name === 'orders')!.foreignKeys[0]).toMatchObject({ onDelete: 'CASCADE' });
  });

  it('SQLite: the same database as create_all', () => sameOnSqlite('sqlalchemy2.py:Base'));
});

describe.runIf(HAS_PYTHON)('a named Sequence as server default (every stack)', () => {
  it('PostgreSQL: a sequence default, the same database as create_all', async () => {
    const { ir } = await sameOnPostgres('sequence.py:metadata');
    expect(ir.tables[0]!.columns.find((c) => c.name === 'number')?.default).toEqual({
      kind: 'sequence',
      style: 'serial',
      sequenceName: 'order_number_seq',
    });
  });
});

describe.runIf(sqlmodel21)('SQLModel >= 0.0.21 with pydantic 2', () => {
  it('PostgreSQL: cascade_delete, ondelete, sa_type, sa_column_kwargs, unique, link_model', async () => {
    const { ir, expected } = await sameOnPostgres('sqlmodel_latest.py');
    expect(Object.keys(expected.tables).sort()).toEqual([
      'public.hero',
      'public.mission',
      'public.team',
      'public.teamherolink',
    ]);
    const table = (n: string) => ir.tables.find((t) => t.name === n)!;
    expect(table('mission').foreignKeys[0]).toMatchObject({ onDelete: 'CASCADE' });
    expect(table('teamherolink').foreignKeys.map((f) => f.onDelete)).toEqual(['CASCADE', 'CASCADE']);
    expect(table('team').columns.find((c) => c.name === 'headquarters')?.type.sql).toBe('text');
    expect(table('hero').columns.find((c) => c.name === 'powers')?.type.sql).toBe('json');
    expect(table('hero').columns.find((c) => c.name === 'name')?.description).toBe('Public name.');
    expect(table('team').uniques.map((u) => u.columns)).toEqual([['name']]);
    const missions = ir.relations.find((r) => r.from.name === 'team' && r.from.field === 'missions');
    expect(missions?.ormOnDelete).toBe('delete, delete-orphan');
    const heroes = ir.relations.find((r) => r.from.name === 'team' && r.from.field === 'heroes');
    expect(heroes?.through).toEqual({ schema: null, name: 'teamherolink' });
  });

  it('SQLite: the same database as create_all', () => sameOnSqlite('sqlmodel_latest.py'));
});

describe.runIf(flask3)('Flask-SQLAlchemy 3 (db.Model, db.Table, db.metadata)', () => {
  it('PostgreSQL: found through `db` without naming it; the same database as create_all', async () => {
    const { ir, expected } = await sameOnPostgres('flask_app.py');
    expect(Object.keys(expected.tables).sort()).toEqual([
      'public.post',
      'public.post_tags',
      'public.tag',
      'public.user',
    ]);
    expect(ir.relations.find((r) => r.from.name === 'post' && r.from.field === 'tags')?.through).toEqual({
      schema: null,
      name: 'post_tags',
    });
  });

  it('SQLite: the same database as create_all', () => sameOnSqlite('flask_app.py:db'));
});
