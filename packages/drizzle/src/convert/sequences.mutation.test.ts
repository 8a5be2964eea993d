import * as pg from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { DzColumn, DzSequence } from '../types.js';
import { convertSequence, identitySequence } from './sequences.js';

/**
 * Sequences on real drizzle values (pgSequence, identity columns of pgTable): each value
 * PostgreSQL fills in when the options leave it out, and each option given, as text.
 */
const BIGINT_MAX = '9223372036854775807';
const BIGINT_MIN = '-9223372036854775808';
const seq = (value: unknown) => value as DzSequence;
const columnOf = (builder: pg.PgColumnBuilderBase) =>
  pg.getTableConfig(pg.pgTable('t', { c: builder })).columns[0] as unknown as DzColumn;
const owner = { schema: null, table: 't', column: 'c' };

describe('convertSequence (pgSequence)', () => {
  it('no options: ascending from 1 to the bigint maximum, cache 1, no cycle', () => {
    expect(convertSequence(seq(pg.pgSequence('s')), undefined)).toEqual({
      schema: null,
      name: 's',
      dataType: 'bigint',
      start: '1',
      increment: '1',
      minValue: '1',
      maxValue: BIGINT_MAX,
      cache: '1',
      cycle: false,
      declaredIn: 'orm',
    });
  });

  it('a negative increment: descending from -1 down to the bigint minimum', () => {
    expect(convertSequence(seq(pg.pgSequence('s', { increment: -2 })), undefined)).toMatchObject({
      start: '-1',
      increment: '-2',
      minValue: BIGINT_MIN,
      maxValue: '-1',
    });
    // given as text, too
    expect(convertSequence(seq(pg.pgSequence('s', { increment: '-1' })), undefined)).toMatchObject({
      minValue: BIGINT_MIN,
      maxValue: '-1',
    });
  });

  it('an increment of 0.5 or 0 is not descending', () => {
    for (const increment of [0, '0.5'])
      expect(convertSequence(seq(pg.pgSequence('s', { increment } as never)), undefined)).toMatchObject({
        start: '1',
        minValue: '1',
        maxValue: BIGINT_MAX,
      });
  });

  it('starts at the given minimum (ascending) or maximum (descending)', () => {
    expect(convertSequence(seq(pg.pgSequence('s', { minValue: 10 })), undefined)).toMatchObject({
      start: '10',
      minValue: '10',
    });
    expect(
      convertSequence(seq(pg.pgSequence('s', { increment: -1, maxValue: -10 })), undefined),
    ).toMatchObject({
      start: '-10',
      maxValue: '-10',
    });
  });

  it('every option given is kept, as text', () => {
    const s = pg.pgSequence('s', {
      startWith: 5,
      increment: 3,
      minValue: '2',
      maxValue: 100,
      cache: 20,
      cycle: true,
    });
    expect(convertSequence(seq(s), undefined)).toMatchObject({
      start: '5',
      increment: '3',
      minValue: '2',
      maxValue: '100',
      cache: '20',
      cycle: true,
    });
  });

  it('a schema sequence has its schema; the source is kept when known', () => {
    const s = pg.pgSchema('app').sequence('counter');
    expect(convertSequence(seq(s), { file: 'schema.ts', line: 3 })).toMatchObject({
      schema: 'app',
      name: 'counter',
      source: { file: 'schema.ts', line: 3 },
    });
  });

  it('a sequence without a name is none', () => {
    expect(convertSequence(seq(pg.pgSequence('')), undefined)).toBeUndefined();
  });
});

describe('identitySequence (identity columns)', () => {
  it('no identity, or an identity that says nothing about its sequence: none', () => {
    expect(identitySequence(columnOf(pg.integer()), owner, undefined)).toBeUndefined();
    expect(
      identitySequence(columnOf(pg.integer().generatedAlwaysAsIdentity()), owner, undefined),
    ).toBeUndefined();
    expect(
      identitySequence(
        columnOf(pg.integer().generatedAlwaysAsIdentity({ startWith: undefined })),
        owner,
        undefined,
      ),
    ).toBeUndefined();
  });

  it.each([
    ['smallint', pg.smallint(), '-32768', '32767'],
    ['integer', pg.integer(), '-2147483648', '2147483647'],
    ['bigint', pg.bigint({ mode: 'number' }), BIGINT_MIN, BIGINT_MAX],
  ] as const)('%s: the range of its type', (type, builder, min, max) => {
    const up = identitySequence(
      columnOf(builder.generatedByDefaultAsIdentity({ cache: 5 })),
      owner,
      undefined,
    );
    expect(up).toMatchObject({ dataType: type, start: '1', minValue: '1', maxValue: max, cache: '5' });
    const down = identitySequence(
      columnOf(
        (type === 'smallint'
          ? pg.smallint()
          : type === 'integer'
            ? pg.integer()
            : pg.bigint({ mode: 'number' })
        ).generatedByDefaultAsIdentity({ increment: -1 }),
      ),
      owner,
      undefined,
    );
    expect(down).toMatchObject({ dataType: type, start: '-1', minValue: min, maxValue: '-1' });
  });

  it('named {table}_{column}_seq unless named, owned by its column, in the table schema', () => {
    const o = { schema: 'app', table: 'orders', column: 'id' };
    expect(
      identitySequence(columnOf(pg.integer().generatedAlwaysAsIdentity({ startWith: 100 })), o, {
        file: 'schema.ts',
        line: 7,
      }),
    ).toEqual({
      schema: 'app',
      name: 'orders_id_seq',
      dataType: 'integer',
      start: '100',
      increment: '1',
      minValue: '1',
      maxValue: '2147483647',
      cache: '1',
      cycle: false,
      ownedBy: { schema: 'app', name: 'orders', column: 'id' },
      declaredIn: 'orm',
      source: { file: 'schema.ts', line: 7 },
    });
    const named = identitySequence(
      columnOf(pg.integer().generatedAlwaysAsIdentity({ name: 'my_seq' })),
      o,
      undefined,
    );
    expect(named).toMatchObject({ name: 'my_seq', start: '1' });
    expect(named).not.toHaveProperty('source');
  });
});
