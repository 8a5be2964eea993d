import { describe, expect, it } from 'vitest';
import type { Column, Ir, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';
import { defaultsToNow, isAppendOnly, isCreationTimestamp, isLookupOrExpiring } from './rules/maintenance.js';

// The maintenance rules, one row per word of their word lists and per case at their boundaries
// (mutation tests: see CONTRIBUTING.md, "Mutation testing").

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);
const typed = (name: string, sql: string, category: Column['type']['category'], more: Partial<Column> = {}) =>
  aColumn(name, sql, { type: { sql, category, isArray: sql.endsWith('[]') }, ...more });

/** A table that is no lookup table, not append-only, with no timestamp: plus the columns given. */
const notes = (more: Column[] = [], overrides: Partial<Table> = {}) =>
  aTable('notes', {
    columns: [
      aColumn('id', 'integer'),
      aColumn('title', 'text'),
      aColumn('body', 'text'),
      aColumn('rank', 'integer'),
      ...more,
    ],
    primaryKey: aPrimaryKey('notes', ['id']),
    ...overrides,
  });

describe('creation timestamps by name', () => {
  it.each([
    'created_at',
    'createdAt',
    'created_on',
    'created',
    'inserted_at',
    'creation_date',
    'date_created',
    'create_time',
    'created_time',
  ])('%s', (name) => {
    expect(isCreationTimestamp(aColumn(name, 'text'))).toBe(true);
  });
  it.each(['created_by', 'creator', 'updated_at'])('not %s', (name) => {
    expect(isCreationTimestamp(aColumn(name, 'text'))).toBe(false);
  });
});

describe('creation timestamps by default', () => {
  const now = { kind: 'sql' as const, expression: 'now()' };
  it.each([
    ['a timestamp defaulting to now', typed('seen', 'timestamptz', 'datetime', { default: now }), true],
    ['a date defaulting to now', typed('seen', 'date', 'date', { default: now }), true],
    [
      'one refreshed on update',
      typed('seen', 'timestamptz', 'datetime', {
        default: now,
        onUpdate: { kind: 'orm', description: '@updatedAt' },
      }),
      false,
    ],
    ['an array', typed('seen', 'timestamptz[]', 'datetime', { default: now }), false],
    ['text defaulting to now', typed('seen', 'text', 'string', { default: now }), false],
    ['a timestamp without a default', typed('seen', 'timestamptz', 'datetime'), false],
  ])('%s: %s', (_what, col, expected) => {
    expect(isCreationTimestamp(col)).toBe(expected);
  });
});

describe('defaultsToNow', () => {
  const sql = (expression: string) => aColumn('t', 'timestamptz', { default: { kind: 'sql', expression } });
  it.each([
    'now()',
    'NOW()',
    ' now() ',
    '(now())',
    '( now() )',
    'CURRENT_TIMESTAMP',
    'current_timestamp(3)',
    'current_timestamp()',
    'localtimestamp',
    'LOCALTIMESTAMP(6)',
    'transaction_timestamp()',
    'statement_timestamp()',
    'clock_timestamp()',
    'getdate()',
    'sysdatetime()',
    "datetime('now')",
  ])('SQL %s is now', (e) => expect(defaultsToNow(sql(e))).toBe(true));
  it.each([
    "now() + interval '1 day'",
    'current_date',
    'x_now()',
    'current_timestamp(3',
    'nowhere()',
    "'now'",
  ])('SQL %s is not', (e) => expect(defaultsToNow(sql(e))).toBe(false));
  const orm = (generator: string) =>
    aColumn('t', 'timestamptz', { default: { kind: 'orm', generator, description: generator } });
  it.each([
    ['now', true],
    ['NOW', true],
    ['Date.now', true],
    ['datetime.utcnow', true],
    ['timestamp', true],
    ['nowhere', false],
    ['uuid', false],
  ] as const)('ORM generator %s: %s', (g, expected) => expect(defaultsToNow(orm(g))).toBe(expected));
  it('a literal or no default is not', () => {
    expect(
      defaultsToNow(aColumn('t', 'text', { default: { kind: 'literal', value: 'now()', sql: "'now()'" } })),
    ).toBe(false);
    expect(defaultsToNow(aColumn('t', 'text'))).toBe(false);
  });
});

describe('isAppendOnly', () => {
  it.each([
    'audit',
    'audits',
    'log',
    'logs',
    'event',
    'events',
    'history',
    'histories',
    'journal',
    'journals',
    'ledger',
    'ledgers',
    'activity',
    'activities',
    'changelog',
    'changelogs',
    'outbox',
    'token',
    'tokens',
    'verification',
    'verifications',
    'call',
    'calls',
    'delivery',
    'deliveries',
    'receipt',
    'receipts',
    'attempt',
    'attempts',
  ])('a table named %s (or ending in it)', (word) => {
    expect(isAppendOnly(aTable(word))).toBe(true);
    expect(isAppendOnly(aTable(`user_${word}`))).toBe(true);
  });
  it.each(['catalog', 'blogs', 'eventual', 'notes'])('not a table named %s', (name) => {
    expect(isAppendOnly(aTable(name))).toBe(false);
  });
  it.each([
    'Append-only record of changes.',
    'append only',
    'Insert-only.',
    'insert only',
    'Immutable once written.',
    'write-once',
    'Write once',
    'Rows are never updated.',
    'never edited',
    'never changed',
  ])('a table described as "%s"', (description) => {
    expect(isAppendOnly(aTable('notes', { description }))).toBe(true);
  });
  it.each(['Immutables', 'never', 'appended only when', 'rewrite-onceish', 'No description'])(
    'not one described as "%s"',
    (description) => {
      expect(isAppendOnly(aTable('notes', { description }))).toBe(false);
    },
  );
});

describe('isLookupOrExpiring', () => {
  it('two columns besides the key make a lookup table, three do not', () => {
    const t = (n: number) =>
      aTable('t', {
        columns: [aColumn('id', 'integer'), ...Array.from({ length: n }, (_, i) => aColumn(`c${i}`, 'text'))],
        primaryKey: aPrimaryKey('t', ['id']),
      });
    expect(isLookupOrExpiring(t(2))).toBe(true);
    expect(isLookupOrExpiring(t(3))).toBe(false);
    // Without a primary key every column counts.
    expect(isLookupOrExpiring(aTable('t', { columns: [aColumn('a'), aColumn('b'), aColumn('c')] }))).toBe(
      false,
    );
  });
  it.each([
    'expires',
    'expires_at',
    'expiresAt',
    'expire_at',
    'expiry',
    'expiration',
    'expires_on',
    'ttl',
    'valid_until',
  ])('an %s column makes a store of expiring rows', (name) => {
    expect(isLookupOrExpiring(notes([typed(name, 'timestamptz', 'datetime')]))).toBe(true);
  });
  it.each([
    ['datetime', true],
    ['integer', true],
    ['bigint', true],
    ['string', false],
    ['date', false],
  ] as const)('an expires column of category %s: %s', (category, expected) => {
    expect(isLookupOrExpiring(notes([typed('expires_at', 'x', category)]))).toBe(expected);
  });
  it('an expired_by column does not', () => {
    expect(isLookupOrExpiring(notes([typed('expired_by', 'timestamptz', 'datetime')]))).toBe(false);
  });
});

describe('missing-timestamps', () => {
  it('asks for both timestamps where neither is there', () => {
    const [f] = only(anIr({ tables: [notes()] }), 'missing-timestamps');
    expect(f?.message).toBe(
      'notes has no creation or update timestamp: when a row appeared cannot be answered from the data.',
    );
    expect(f?.hint).toBe(
      'Add created_at, and updated_at (refreshed on every update) if rows of notes are edited.',
    );
    expect(f?.fix?.sql?.split('\n')).toHaveLength(2);
  });

  it.each([
    'updated_at',
    'updatedAt',
    'updated_on',
    'modified_at',
    'modified_on',
    'last_modified',
    'last_modified_at',
    'update_time',
    'updated_time',
    'date_modified',
  ])('asks only for the creation timestamp beside %s', (name) => {
    const [f] = only(anIr({ tables: [notes([aColumn(name, 'text')])] }), 'missing-timestamps');
    expect(f?.message).toBe(
      'notes has no creation timestamp: when a row appeared cannot be answered from the data.',
    );
    // Named as the schema names its columns (createdAt beside updatedAt).
    expect(f?.hint).toMatch(/^Add created(_at|At), defaulting to the current time\.$/);
    expect(f?.fix?.sql?.split('\n')).toHaveLength(1);
  });

  it('asks only for the creation timestamp beside a column refreshed on update, whatever its name', () => {
    const touched = aColumn('touched', 'timestamptz', { onUpdate: { kind: 'sql', expression: 'now()' } });
    expect(only(anIr({ tables: [notes([touched])] }), 'missing-timestamps')[0]?.hint).toBe(
      'Add created_at, defaulting to the current time.',
    );
  });

  it('asks an append-only table for the creation timestamp only, and says why', () => {
    const [f] = only(anIr({ tables: [notes([], { name: 'audit_logs' })] }), 'missing-timestamps');
    expect(f?.message).toBe(
      'audit_logs has no creation timestamp (its rows are appended, so the creation time is the one that matters): when a row appeared cannot be answered from the data.',
    );
  });

  it('leaves implicit, junction, lookup and expiring tables alone', () => {
    const implicit = notes([], { name: 'implicit', implicit: true });
    const junction = aTable('a_b', {
      columns: [aColumn('a_id', 'integer'), aColumn('b_id', 'integer'), aColumn('x'), aColumn('y')],
      primaryKey: aPrimaryKey('a_b', ['a_id', 'b_id']),
      foreignKeys: [aForeignKey('a_b', ['a_id'], 'a'), aForeignKey('a_b', ['b_id'], 'b')],
    });
    const lookup = aTable('tags', {
      columns: [aColumn('id', 'integer'), aColumn('name')],
      primaryKey: aPrimaryKey('tags', ['id']),
    });
    const expiring = notes([typed('expires_at', 'timestamptz', 'datetime')], { name: 'sessions' });
    expect(only(anIr({ tables: [implicit, junction, lookup, expiring] }), 'missing-timestamps')).toEqual([]);
  });
});

describe('soft-delete-without-index', () => {
  const soft = (marker: Column, overrides: Partial<Table> = {}) => notes([marker], overrides);
  const ts = (name: string) => typed(name, 'timestamptz', 'datetime');

  it.each([
    ['deleted_at', ts('deleted_at')],
    ['deletedAt', ts('deletedAt')],
    ['deleted_on', ts('deleted_on')],
    ['deleted_date', typed('deleted_date', 'date', 'date')],
    ['is_deleted', typed('is_deleted', 'boolean', 'boolean')],
    ['deleted', typed('deleted', 'boolean', 'boolean')],
  ])('reports %s', (_name, col) => {
    expect(only(anIr({ tables: [soft(col)] }), 'soft-delete-without-index')).toHaveLength(1);
  });

  it.each([
    ['a text column named deleted', typed('deleted', 'text', 'string')],
    ['an integer named is_deleted', typed('is_deleted', 'integer', 'integer')],
    ['deleted_by', ts('deleted_by')],
  ])('ignores %s', (_what, col) => {
    expect(only(anIr({ tables: [soft(col)] }), 'soft-delete-without-index')).toEqual([]);
  });

  it.each([
    ['an index on it, anywhere', { indexes: [anIndex('notes', ['title', 'deleted_at'])] }],
    [
      'an expression index mentioning it',
      { indexes: [anIndex('notes', [], { name: 'x', parts: [{ expression: '(deleted_at IS NULL)' }] })] },
    ],
    [
      'a partial index filtering on it',
      { indexes: [anIndex('notes', ['title'], { where: 'deleted_at IS NULL' })] },
    ],
    [
      'a unique constraint starting with it',
      { uniques: [{ name: 'u', nameExplicit: true, columns: ['deleted_at', 'title'] }] },
    ],
  ])('accepts %s', (_what, overrides) => {
    expect(
      only(
        anIr({ tables: [soft(ts('deleted_at'), overrides as Partial<Table>)] }),
        'soft-delete-without-index',
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'an expression index on another column',
      { indexes: [anIndex('notes', [], { name: 'x', parts: [{ expression: 'lower(title)' }] })] },
    ],
    [
      'a partial index filtering on another column',
      { indexes: [anIndex('notes', ['title'], { where: 'title IS NULL' })] },
    ],
    [
      'a unique constraint with it second',
      { uniques: [{ name: 'u', nameExplicit: true, columns: ['title', 'deleted_at'] }] },
    ],
  ])('does not accept %s', (_what, overrides) => {
    expect(
      only(
        anIr({ tables: [soft(ts('deleted_at'), overrides as Partial<Table>)] }),
        'soft-delete-without-index',
      ),
    ).toHaveLength(1);
  });

  it('filters live rows by IS NULL on a timestamp, by NOT on a flag, and indexes the marker when no parent key', () => {
    const [atMarker] = only(anIr({ tables: [soft(ts('deleted_at'))] }), 'soft-delete-without-index');
    expect(atMarker?.message).toBe(
      'notes.deleted_at marks soft-deleted rows but no index or partial index uses it; queries that filter deleted_at IS NULL cannot skip deleted rows by index.',
    );
    expect(atMarker?.hint).toBe('Index deleted_at, so the planner can tell live rows from deleted ones.');
    expect(atMarker?.fix?.sql).toBe('CREATE INDEX notes_deleted_at_idx ON notes (deleted_at);');
    const [flag] = only(
      anIr({ tables: [soft(typed('is_deleted', 'boolean', 'boolean'))] }),
      'soft-delete-without-index',
    );
    expect(flag?.message).toContain('queries that filter NOT is_deleted cannot');
  });

  it('indexes live rows by the first parent key that is not already unique, with a partial index', () => {
    const t = notes([aColumn('owner_id', 'integer'), aColumn('folder_id', 'integer'), ts('deleted_at')], {
      uniques: [{ name: 'one_per_owner', nameExplicit: true, columns: ['owner_id'] }],
      indexes: [anIndex('notes', ['folder_id'], { name: 'partial_uq', unique: true, where: 'id > 0' })],
      foreignKeys: [
        aForeignKey('notes', ['owner_id'], 'owners'),
        aForeignKey('notes', ['folder_id'], 'folders'),
      ],
    });
    const [f] = only(anIr({ tables: [t] }), 'soft-delete-without-index');
    expect(f?.hint).toBe('Index the common lookup of live rows (folder_id) with a partial index.');
    expect(f?.fix?.sql).toBe(
      'CREATE INDEX notes_folder_id_idx ON notes (folder_id) WHERE deleted_at IS NULL;',
    );
  });

  it('a unique key on more columns than the parent key does not make it unique', () => {
    const t = notes([aColumn('owner_id', 'integer'), ts('deleted_at')], {
      uniques: [{ name: 'u', nameExplicit: true, columns: ['owner_id', 'title'] }],
      foreignKeys: [aForeignKey('notes', ['owner_id'], 'owners')],
    });
    expect(only(anIr({ tables: [t] }), 'soft-delete-without-index')[0]?.hint).toBe(
      'Index the common lookup of live rows (owner_id) with a partial index.',
    );
  });

  it('quotes a camelCase marker in the filter', () => {
    const [f] = only(anIr({ tables: [soft(ts('deletedAt'))] }), 'soft-delete-without-index');
    expect(f?.message).toContain('queries that filter "deletedAt" IS NULL cannot');
  });
});

describe('orm-only-update-timestamp', () => {
  it('names the column and how the ORM refreshes it', () => {
    const t = notes([
      aColumn('updated_at', 'timestamptz', { onUpdate: { kind: 'orm', description: '@updatedAt' } }),
    ]);
    const [f] = only(anIr({ tables: [t] }), 'orm-only-update-timestamp');
    expect(f).toMatchObject({
      columns: ['updated_at'],
      message:
        'notes.updated_at is refreshed by the ORM (@updatedAt), not by the database; UPDATEs outside the ORM leave it unchanged.',
      hint: 'If other writers exist, add a BEFORE UPDATE trigger that sets updated_at = now(); the schema reference\'s "Triggers" section gives the SQL.',
    });
  });
});

describe('wide-table', () => {
  it('says how many columns', () => {
    const t = aTable('w', { columns: Array.from({ length: 31 }, (_, i) => aColumn(`c${i}`)) });
    expect(only(anIr({ tables: [t] }), 'wide-table')[0]?.message).toBe('w has 31 columns (more than 30).');
  });
});
