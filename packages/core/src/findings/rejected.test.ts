import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truncatedIdentifier } from '../ddl/identifiers.js';
import { renderDdl } from '../ddl/index.js';
import type { Index, Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { resetDatabase } from '../testing/pg.js';
import { analyze } from './index.js';
import { OPCLASS_ACCEPTS } from './rules/rejected.js';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create({ extensions: { btree_gin, citext, pg_trgm } });
});
afterAll(async () => {
  await db.close();
});

async function execute(ddl: string): Promise<void> {
  await resetDatabase(db);
  await db.exec(ddl);
}

const errors = (ir: Ir) => analyze(ir).filter((f) => f.severity === 'error');

const users = (name: string, overrides: Partial<Table> = {}) =>
  aTable(name, {
    columns: [aColumn('id', 'uuid'), aColumn('email', 'text'), aColumn('profile', 'jsonb')],
    primaryKey: { name: 'users_pkey', nameExplicit: false, columns: ['id'] },
    ...overrides,
  });

const long = (tail: string) => `${'very_long_index_name_'.repeat(3)}${tail}`;

describe('DDL PostgreSQL rejects is an error finding (each case fails on PostgreSQL)', () => {
  const cases: Array<[string, Ir, RegExp, string]> = [
    [
      'a table named "auth.users" beside users: both primary keys are users_pkey',
      anIr({ tables: [users('auth.users'), users('users')] }),
      /relation "users_pkey" already exists/,
      'name-clash',
    ],
    [
      'an index named like a table',
      anIr({
        tables: [
          users('users', { indexes: [anIndex('users', ['email'], { name: 'accounts' })] }),
          aTable('accounts', { primaryKey: aPrimaryKey('accounts', ['id']) }),
        ],
      }),
      /relation "accounts" already exists/,
      'name-clash',
    ],
    [
      'two index names over 63 bytes that PostgreSQL cuts to the same name',
      anIr({
        tables: [
          users('users', {
            indexes: [
              anIndex('users', ['email'], { name: long('email_idx') }),
              anIndex('users', ['profile'], { name: long('profile_idx'), method: 'gin' }),
            ],
          }),
        ],
      }),
      /already exists/,
      'name-clash',
    ],
    [
      'a foreign key and a check with one name on one table',
      anIr({
        tables: [
          aTable('teams', { primaryKey: aPrimaryKey('teams', ['id']) }),
          aTable('members', {
            columns: [aColumn('id', 'integer'), aColumn('team_id', 'integer')],
            primaryKey: aPrimaryKey('members', ['id']),
            foreignKeys: [aForeignKey('members', ['team_id'], 'teams', ['id'], { name: 'members_team' })],
            checks: [{ name: 'members_team', nameExplicit: true, expression: 'team_id > 0' }],
          }),
        ],
      }),
      /constraint "members_team" for relation "members" already exists/,
      'name-clash',
    ],
    [
      'an enum type named like a table',
      anIr({
        tables: [users('users'), aTable('Role', { primaryKey: aPrimaryKey('Role', ['id']) })],
        enums: [anEnum('Role', ['ADMIN', 'USER'])],
      }),
      /type "Role" already exists/,
      'name-clash',
    ],
    [
      'text_ops on a uuid column',
      anIr({
        tables: [
          users('users', {
            indexes: [anIndex('users', ['id'], { parts: [{ column: 'id', opclass: 'text_ops' }] })],
          }),
        ],
      }),
      /operator class "text_ops" does not accept data type uuid/,
      'opclass-mismatch',
    ],
    [
      'jsonb_path_ops in a B-tree',
      anIr({
        tables: [
          users('users', {
            indexes: [
              anIndex('users', ['profile'], { parts: [{ column: 'profile', opclass: 'jsonb_path_ops' }] }),
            ],
          }),
        ],
      }),
      /operator class "jsonb_path_ops" does not exist for access method "btree"/,
      'opclass-mismatch',
    ],
  ];

  it.each(cases)('%s', async (_what, ir, rejection, ruleId) => {
    await expect(execute(renderDdl(ir))).rejects.toThrow(rejection);
    const found = errors(ir);
    expect(found.map((f) => f.ruleId)).toEqual([ruleId]);
    expect(found[0]?.message).toContain('PostgreSQL will reject this');
    expect(found[0]?.table).toBeDefined();
    expect(found[0]?.hint).toBeTruthy();
  });

  it('names the column of an index clash and of an operator class', () => {
    expect(errors(cases[5]?.[1] as Ir)[0]?.columns).toEqual(['id']);
    expect(errors(cases[2]?.[1] as Ir)[0]?.columns).toEqual(['profile']);
  });

  it('the example schemas and a clean schema give none, and execute', async () => {
    for (const ir of [exampleIr(), kitchenSinkIr()]) expect(errors(ir)).toEqual([]);
    const clean = anIr({ tables: [users('users', { indexes: [anIndex('users', ['email'])] })] });
    expect(errors(clean)).toEqual([]);
    await execute(renderDdl(clean));
  });

  it('is PostgreSQL only: MySQL has a namespace per table for indexes', () => {
    expect(errors({ ...(cases[0]?.[1] as Ir), dialect: 'mysql' })).toEqual([]);
  });
});

describe('truncatedIdentifier keeps 63 bytes, cutting at a character boundary', () => {
  it.each([
    ['short', 'short'],
    ['a'.repeat(63), 'a'.repeat(63)],
    ['a'.repeat(64), 'a'.repeat(63)],
    [`${'a'.repeat(62)}é`, `${'a'.repeat(62)}`],
  ])('%s', (name, cut) => {
    expect(truncatedIdentifier(name)).toBe(cut);
  });
  it('agrees with PostgreSQL', async () => {
    const name = `${'a'.repeat(61)}éé`;
    await resetDatabase(db);
    await db.exec(`CREATE TABLE "${name}" (id integer);`);
    const { rows } = await db.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relname LIKE 'aaaa%'`,
    );
    expect(rows[0]?.relname).toBe(truncatedIdentifier(name));
  });
});

/** A fitting and a misfitting column type per operator class. */
const SAMPLES: Record<string, [string, string]> = {
  text_ops: ['varchar(20)', 'uuid'],
  varchar_ops: ['text', 'integer'],
  text_pattern_ops: ['text', 'uuid'],
  varchar_pattern_ops: ['varchar(10)', 'integer'],
  bpchar_ops: ['char(3)', 'uuid'],
  bpchar_pattern_ops: ['char(3)', 'integer'],
  int2_ops: ['smallint', 'text'],
  int4_ops: ['integer', 'bigint'],
  int8_ops: ['bigint', 'text'],
  uuid_ops: ['uuid', 'text'],
  bool_ops: ['boolean', 'integer'],
  numeric_ops: ['numeric(10,2)', 'integer'],
  timestamp_ops: ['timestamp(3)', 'date'],
  timestamptz_ops: ['timestamptz', 'text'],
  date_ops: ['date', 'text'],
  jsonb_ops: ['jsonb', 'json'],
  jsonb_path_ops: ['jsonb', 'json'],
  array_ops: ['text[]', 'text'],
  gin_trgm_ops: ['citext', 'uuid'],
  gist_trgm_ops: ['text', 'integer'],
  inet_ops: ['inet', 'text'],
};

describe('operator classes, row by row: what the finding accepts is what PostgreSQL accepts', () => {
  const irFor = (type: string, opclass: string, method: string): Ir =>
    anIr({
      tables: [
        aTable('t', {
          columns: [aColumn('id', 'integer'), aColumn('c', type)],
          primaryKey: aPrimaryKey('t', ['id']),
          indexes: [
            {
              ...anIndex('t', ['c']),
              ...(method === 'btree' ? {} : { method }),
              parts: [{ column: 'c', opclass }],
            } as Index,
          ],
        }),
      ],
    });
  it('every row has samples', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(OPCLASS_ACCEPTS).sort());
  });
  it.each(Object.entries(OPCLASS_ACCEPTS))('%s', async (opclass, accepts) => {
    const [fits, misfits] = SAMPLES[opclass] as [string, string];
    for (const method of accepts.methods.filter((m) => m !== 'spgist' && m !== 'hash')) {
      const good = irFor(fits, opclass, method);
      expect(errors(good), `${opclass} ${method} on ${fits}`).toEqual([]);
      await execute(renderDdl(good));
    }
    const method = accepts.methods[0] as string;
    const bad = irFor(misfits, opclass, method);
    expect(
      errors(bad).map((f) => f.ruleId),
      `${opclass} ${method} on ${misfits}`,
    ).toEqual(['opclass-mismatch']);
    await expect(execute(renderDdl(bad))).rejects.toThrow(/operator class|does not accept|does not exist/);
  });
});
