import type { ForeignKey } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { exportDoc, lazyExports, lazyIr, tableOf } from '../../test/helpers/mutationExports.js';
import { convertConstraints, referentialAction } from './constraints.js';
import { DefaultNamer, makeObjectName } from './names.js';

/**
 * Keys, uniques, checks, foreign keys and indexes from SQLAlchemy's exports of
 * test/fixtures/mutation/*.py, with the names the database gives what SQLAlchemy leaves unnamed:
 * PostgreSQL's (`{table}_{cols}_{label}`, numbered on collisions, shortened to 63 bytes) and
 * MySQL's (`PRIMARY`, a key named after its first column, `{table}_ibfk_{n}`, `{table}_chk_{n}`).
 */
const R = lazyExports();

const names = <T extends { name: string }>(list: readonly T[]) => list.map((x) => x.name).sort();
const fkOn = (fks: readonly ForeignKey[], column: string) => fks.find((f) => f.columns.join() === column)!;

describe('referential actions: one row per action, and the default per dialect', () => {
  it.each([
    // column, ON DELETE, ON UPDATE (PostgreSQL and SQLite; no clause: NO ACTION)
    ['parent_id', 'CASCADE', 'NO ACTION'],
    ['other_id', 'SET NULL', 'CASCADE'],
    ['third_id', 'RESTRICT', 'SET NULL'], // onupdate="set   null": case and spaces do not matter
    ['fourth_id', 'NO ACTION', 'SET DEFAULT'],
    ['fifth_id', 'CASCADE', 'NO ACTION'], // ondelete="cascade"
  ])('%s: ON DELETE %s ON UPDATE %s', (column, onDelete, onUpdate) => {
    for (const r of [R.pg, R.lite])
      expect(fkOn(tableOf(r, 'children').foreignKeys, column)).toMatchObject({ onDelete, onUpdate });
    // MySQL: an action not given is RESTRICT (what InnoDB enforces and MariaDB reports)
    expect(fkOn(tableOf(R.my, 'children').foreignKeys, column)).toMatchObject({
      onDelete: onDelete === 'NO ACTION' && column !== 'fourth_id' ? 'RESTRICT' : onDelete,
      onUpdate: onUpdate === 'NO ACTION' ? 'RESTRICT' : onUpdate,
    });
  });

  it('referentialAction: each SQL action, the default, an unknown one', () => {
    for (const a of ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'] as const) {
      expect(referentialAction(a, 'postgresql')).toBe(a);
      expect(referentialAction(` ${a.toLowerCase().replace(' ', '\t ')} `, 'mysql')).toBe(a);
    }
    expect(referentialAction(null, 'postgresql')).toBe('NO ACTION');
    expect(referentialAction(undefined, 'sqlite')).toBe('NO ACTION');
    expect(referentialAction('', 'mysql')).toBe('RESTRICT');
    expect(referentialAction('DELETE', 'postgresql')).toBeUndefined();
  });

  it('every foreign key is enforced by the database and references the exported columns', () => {
    const fk = fkOn(tableOf(R.pg, 'pairs').foreignKeys, 'pa,pb');
    expect(fk).toMatchObject({
      enforcedBy: 'database',
      references: { schema: null, name: 'profiles', columns: ['a', 'b'] },
    });
    expect(
      fkOn(tableOf(R.only, 't'.repeat(50)).foreignKeys, 'a_rather_long_column_name_for_the_test').references,
    ).toEqual({
      schema: 'app',
      name: 'docs',
      columns: ['id'],
    });
  });

  it('deferrable: INITIALLY DEFERRED, or immediate when only one of the two is given', () => {
    const [deferred, immediate1, immediate2] = [...tableOf(R.pg, 'pairs').foreignKeys].sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    expect(deferred).toMatchObject({ name: 'pairs_pa_pb_fkey', deferrable: 'initially-deferred' });
    expect(immediate1).toMatchObject({ name: 'pairs_pa_pb_fkey1', deferrable: 'initially-immediate' });
    expect(immediate2).toMatchObject({ name: 'pairs_pb_pa_fkey', deferrable: 'initially-immediate' });
    expect(fkOn(tableOf(R.pg, 'children').foreignKeys, 'parent_id').deferrable).toBeUndefined();
  });
});

describe("PostgreSQL's names for unnamed constraints", () => {
  it('parents: {table}_pkey, {table}_{cols}_key, {table}_{col}_check, {table}_check; explicit names kept', () => {
    const t = tableOf(R.pg, 'parents');
    expect(t.primaryKey).toEqual({ name: 'parents_pkey', nameExplicit: false, columns: ['id'] });
    expect(t.uniques).toEqual(
      expect.arrayContaining([
        { name: 'parents_code_key', nameExplicit: false, columns: ['code'] },
        { name: 'parents_low_high_key', nameExplicit: false, columns: ['low', 'high'] },
        { name: 'uq_high', nameExplicit: true, columns: ['high'] },
      ]),
    );
    expect(t.checks).toEqual(
      expect.arrayContaining([
        { name: 'low_positive', nameExplicit: true, expression: 'low >= 0' },
        { name: 'parents_check', nameExplicit: false, expression: 'low < high' }, // two columns
        { name: 'parents_score_check', nameExplicit: false, expression: 'score > 0' },
      ]),
    );
    expect(t.checks).toHaveLength(3);
  });

  it('checks are named in CREATE TABLE order, column checks first, numbered on collisions', () => {
    const t = tableOf(R.only, 'docs');
    expect(t.checks).toEqual(
      expect.arrayContaining([
        { name: 'docs_n_check', nameExplicit: false, expression: 'n > 0' },
        { name: 'docs_n_check1', nameExplicit: false, expression: 'n < 100' },
        { name: 'docs_check', nameExplicit: false, expression: 'n <> m' },
        { name: 'docs_m_check', nameExplicit: false, expression: 'm > 1' },
      ]),
    );
    expect(names(tableOf(R.only, 'twins').uniques)).toEqual(['twins_a_key', 'twins_a_key1']);
  });

  it('long names are shortened to 63 bytes, the longer part first', () => {
    const t = tableOf(R.only, 't'.repeat(50));
    expect(t.primaryKey?.name).toBe(`${'t'.repeat(50)}_pkey`);
    const fk = t.foreignKeys[0]!.name;
    const key = t.uniques[0]!.name;
    expect(fk).toHaveLength(63);
    expect(key).toHaveLength(63);
    expect(fk).toBe(makeObjectName('t'.repeat(50), 'a_rather_long_column_name_for_the_test', 'fkey'));
    expect(key).toBe(`${'t'.repeat(29)}_${'a_rather_long_column_name_for'}_key`);
  });

  it('makeObjectName: both parts shortened alike; a name that fits is whole', () => {
    expect(makeObjectName('a'.repeat(40), 'b'.repeat(40), 'idx')).toBe(
      `${'a'.repeat(29)}_${'b'.repeat(29)}_idx`,
    );
    expect(makeObjectName('a'.repeat(59), '', 'key')).toBe(`${'a'.repeat(59)}_key`); // 63 exactly
    expect(makeObjectName('a'.repeat(60), '', 'key')).toBe(`${'a'.repeat(59)}_key`);
    expect(makeObjectName('ab', 'c', 'check')).toBe('ab_c_check');
    // PostgreSQL shortens name2 when the two are equally long: 30 + 31 -> 29 + 28
    expect(makeObjectName('a'.repeat(30), 'b'.repeat(31), 'fkey')).toBe(
      `${'a'.repeat(29)}_${'b'.repeat(28)}_fkey`,
    );
  });

  it('indexes: the naming convention or explicit name, options as SQLAlchemy gives them', () => {
    const t = tableOf(R.only, 'docs');
    const ix = (name: string) => t.indexes.find((i) => i.name === name);
    expect(ix('ix_app_docs_name')).toEqual({
      name: 'ix_app_docs_name',
      nameExplicit: false,
      unique: false,
      method: 'gin',
      parts: [{ column: 'name', opclass: 'gin_trgm_ops' }],
    });
    expect(ix('ix_docs_partial')).toEqual({
      name: 'ix_docs_partial',
      nameExplicit: true,
      unique: false,
      parts: [{ column: 'n' }],
      where: 'm > 0',
      include: ['m'],
    });
    expect(ix('ix_docs_expr')?.parts).toEqual([{ expression: 'lower(name)' }]);
    expect(ix('ix_docs_m_nulls')?.parts).toEqual([{ column: 'm', order: 'desc', nulls: 'last' }]);
    const parents = tableOf(R.pg, 'parents');
    expect(parents.indexes).toEqual(
      expect.arrayContaining([
        { name: 'ix_parents_score', nameExplicit: false, unique: true, parts: [{ column: 'score' }] },
        {
          name: 'ix_parents_high_desc',
          nameExplicit: true,
          unique: false,
          parts: [{ column: 'high', order: 'desc' }],
        },
      ]),
    );
  });
});

describe("MySQL's names and InnoDB's foreign-key indexes", () => {
  it('PRIMARY, keys after their first column, {table}_ibfk_{n}, {table}_chk_{n}', () => {
    const t = tableOf(R.my, 'parents');
    expect(t.primaryKey?.name).toBe('PRIMARY');
    expect(names(t.uniques)).toEqual(['code', 'low', 'uq_high']);
    expect(t.checks).toEqual(
      expect.arrayContaining([
        { name: 'parents_chk_1', nameExplicit: false, expression: 'score > 0' },
        { name: 'parents_chk_2', nameExplicit: false, expression: 'low < high' },
      ]),
    );
    expect(names(tableOf(R.my, 'children').foreignKeys)).toEqual([
      'children_ibfk_1',
      'children_ibfk_2',
      'children_ibfk_3',
      'children_ibfk_4',
      'fk_fifth',
    ]);
  });

  it('an unnamed foreign key not led by a key or index gets an index named after its first column', () => {
    // children: one per unnamed FK (the named one's index is named after the constraint, not listed)
    expect(names(tableOf(R.my, 'children').indexes)).toEqual([
      'fourth_id',
      'other_id',
      'parent_id',
      'third_id',
    ]);
    expect(tableOf(R.my, 'children').indexes.find((i) => i.name === 'parent_id')).toEqual({
      name: 'parent_id',
      nameExplicit: false,
      unique: false,
      parts: [{ column: 'parent_id' }],
    });
    // looses: ix_looses_parent leads with parent_id; tag_links: the primary key leads with child_id
    expect(names(tableOf(R.my, 'looses').indexes)).toEqual(['ix_looses_parent']);
    expect(names(tableOf(R.my, 'tag_links').indexes)).toEqual(['tag_id']);
    // profiles: the unique key on tag_id serves; pairs: (pb, pa) is not led by (pa, pb), the third FK is
    expect(tableOf(R.my, 'profiles').indexes).toEqual([]);
    expect(tableOf(R.my, 'pairs').indexes.map((i) => [i.name, i.parts.map((p) => p.column)])).toEqual([
      ['pa', ['pa', 'pb']],
      ['pb', ['pb', 'pa']],
    ]);
    // PostgreSQL and SQLite create no such index
    expect(tableOf(R.pg, 'children').indexes).toEqual([]);
    expect(tableOf(R.lite, 'children').indexes).toEqual([]);
  });

  it('DefaultNamer (MySQL): numbered names, never PRIMARY for a key, counters per label', () => {
    const n = new DefaultNamer('mysql', 't');
    n.reserve('a');
    expect(n.name('key', ['a'])).toBe('a_2');
    expect(n.name('idx', ['a'])).toBe('a_3');
    expect(n.name('key', ['primary'])).toBe('primary_2');
    expect(n.name('key', [])).toBe('t_key');
    expect(n.name('fkey', ['x'])).toBe('t_ibfk_1');
    expect(n.name('fkey', ['x'])).toBe('t_ibfk_2');
    expect(n.name('check', [])).toBe('t_chk_1');
    expect(n.name('pkey', ['id'])).toBe('PRIMARY');
  });

  it('DefaultNamer (PostgreSQL): reserved names are skipped, {kind}1, {kind}2...', () => {
    const n = new DefaultNamer('postgresql', 't');
    n.reserve('t_a_key');
    expect(n.name('key', ['a'])).toBe('t_a_key1');
    expect(n.name('key', ['a'])).toBe('t_a_key2');
    expect(n.name('pkey', ['a'])).toBe('t_pkey');
    expect(n.name('idx', ['a', 'b'])).toBe('t_a_b_idx');
  });
});

describe('test/fixtures/mutation/objects.py: explicit names, no primary key, unknown actions', () => {
  const objectsPg = lazyIr('objects.postgresql');
  const objectsMy = lazyIr('objects.mysql');

  it("PostgreSQL: a default name steps past the table's explicit names (as PostgreSQL 15 names them)", () => {
    const t = tableOf(objectsPg(), 'clash');
    expect(t.primaryKey).toEqual({ name: 'clash_a_key', nameExplicit: true, columns: ['id'] });
    expect(t.uniques).toHaveLength(3);
    expect(t.uniques).toEqual(
      expect.arrayContaining([
        { name: 'clash_b_key', nameExplicit: true, columns: ['a', 'b'] },
        { name: 'clash_a_key1', nameExplicit: false, columns: ['a'] },
        { name: 'clash_b_key1', nameExplicit: false, columns: ['b'] },
      ]),
    );
    expect(names(t.checks)).toEqual(['clash_c_check', 'clash_check', 'clash_check1']);
    expect(t.checks.find((c) => c.name === 'clash_check1')?.expression).toBe('b < c');
  });

  it('MySQL: the primary key is PRIMARY whatever its CONSTRAINT name; keys after their first column', () => {
    const t = tableOf(objectsMy(), 'clash');
    expect(t.primaryKey).toEqual({ name: 'PRIMARY', nameExplicit: false, columns: ['id'] });
    expect(names(t.uniques)).toEqual(['a', 'b', 'clash_b_key']);
    expect(names(t.checks)).toEqual(['clash_check', 'clash_chk_1', 'clash_chk_2']);
  });

  it('a table without a primary key has none', () => {
    expect(tableOf(objectsPg(), 'loose_rows')).not.toHaveProperty('primaryKey');
    expect(tableOf(objectsMy(), 'loose_rows')).not.toHaveProperty('primaryKey');
  });

  it('MySQL: an index on the first column of a two-column foreign key does not serve it', () => {
    expect(
      tableOf(objectsMy(), 'fk_rows').indexes.map((i) => [i.name, i.parts.map((p) => p.column)]),
    ).toEqual([
      ['ix_fk_rows_p', ['p']],
      ['p', ['p', 'q']],
    ]);
  });

  it('an unknown ON DELETE / ON UPDATE: a problem each, the key NO ACTION (RESTRICT never assumed)', () => {
    const doc = exportDoc('objects.mysql') as { tables: Array<{ name: string }> };
    for (const dialect of ['postgresql', 'mysql'] as const) {
      const audit = doc.tables.find((t) => t.name === 'audit_log') as Parameters<
        typeof convertConstraints
      >[0];
      const c = convertConstraints(audit, dialect);
      expect(c.problems).toEqual([
        'foreign key on (ticket_id): unknown ON DELETE EXPLODE',
        'foreign key on (ticket_id): unknown ON UPDATE VANISH',
      ]);
      expect(c.foreignKeys[0]).toMatchObject({ onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
    }
    expect(convertConstraints(tableOf2(doc, 'clash'), 'postgresql').problems).toEqual([]);
  });

  it('an index part without an operator class, in an export without ops', () => {
    const docs = tableOf2(exportDoc('postgresql-only'), 'docs') as {
      indexes: Array<Record<string, unknown>>;
    };
    const withoutOps = { ...docs, indexes: docs.indexes.map(({ ops: _o, ...ix }) => ix) };
    const c = convertConstraints(withoutOps as Parameters<typeof convertConstraints>[0], 'postgresql');
    expect(c.indexes.find((i) => i.name === 'ix_app_docs_name')?.parts).toEqual([{ column: 'name' }]);
  });
});

describe('NULLS NOT DISTINCT (SQLAlchemy 2.0.19+ on PostgreSQL 15; the export says it per key and index)', () => {
  it('a unique constraint and an index marked so keep it; the others have no such key', () => {
    const parents = tableOf2(exportDoc('postgresql'), 'parents') as {
      uniqueConstraints: Array<Record<string, unknown>>;
      indexes: Array<Record<string, unknown>>;
    };
    const marked = {
      ...parents,
      uniqueConstraints: parents.uniqueConstraints.map((u) =>
        u.name === 'uq_high' ? { ...u, nullsNotDistinct: true } : u,
      ),
      indexes: parents.indexes.map((i) =>
        i.name === 'ix_parents_low' ? { ...i, nullsNotDistinct: true } : i,
      ),
    };
    const c = convertConstraints(marked as Parameters<typeof convertConstraints>[0], 'postgresql');
    expect(c.uniques.filter((u) => u.nullsNotDistinct).map((u) => u.name)).toEqual(['uq_high']);
    expect(c.indexes.filter((i) => i.nullsNotDistinct).map((i) => i.name)).toEqual(['ix_parents_low']);
    for (const x of [...c.uniques, ...c.indexes])
      if (x.name !== 'uq_high' && x.name !== 'ix_parents_low')
        expect(x).not.toHaveProperty('nullsNotDistinct');
  });
});

function tableOf2(doc: Record<string, unknown>, name: string) {
  const t = (doc.tables as Array<{ name: string }>).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t as Parameters<typeof convertConstraints>[0];
}
