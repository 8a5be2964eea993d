import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anIndex, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);
const ts = 'timestamptz(3)';

describe('orm-only-update-timestamp', () => {
  it('reports columns the ORM refreshes and ignores database-side ones', () => {
    const t = aTable('posts', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('updated_at', ts, { onUpdate: { kind: 'orm', description: '@updatedAt' } }),
        aColumn('touched_at', ts, { onUpdate: { kind: 'sql', expression: 'CURRENT_TIMESTAMP' } }),
      ],
      primaryKey: aPrimaryKey('posts', ['id']),
    });
    const found = only(anIr({ tables: [t] }), 'orm-only-update-timestamp');
    expect(found.map((f) => f.columns)).toEqual([['updated_at']]);
    expect(found[0]!.message).toContain('posts.updated_at is refreshed by the ORM (@updatedAt)');
    // The section the documents actually have.
    expect(found[0]!.hint).toContain('"Triggers" section');
  });
});

describe('missing-timestamps', () => {
  it('reports tables without created/updated columns, naming what is missing', () => {
    const tags = aTable('tags', {
      columns: [aColumn('id', 'integer'), aColumn('name', 'text')],
      primaryKey: aPrimaryKey('tags', ['id']),
    });
    const settings = aTable('settings', {
      columns: [aColumn('id', 'integer'), aColumn('createdAt', ts)],
      primaryKey: aPrimaryKey('settings', ['id']),
    });
    const found = only(anIr({ tables: [tags, settings] }), 'missing-timestamps');
    expect(found.map((f) => [f.table?.name, f.message])).toEqual([
      [
        'settings',
        'settings has no updated_at-like column (rows are never expected to change, or changes leave no trace).',
      ],
      ['tags', 'tags has no created_at or updated_at-like column.'],
    ]);
    expect(found[1]?.fix?.sql).toBe(
      'ALTER TABLE tags ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();\nALTER TABLE tags ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();',
    );
  });

  it('expects only created_at on append-only tables (audit, log, event, history, or described so)', () => {
    const withCreated = (name: string, description?: string) =>
      aTable(name, {
        columns: [aColumn('id', 'integer'), aColumn('created_at', ts)],
        primaryKey: aPrimaryKey(name, ['id']),
        ...(description ? { description } : {}),
      });
    const tables = [
      withCreated('audit_logs'),
      withCreated('login_events'),
      withCreated('price_history'),
      withCreated('entries', 'Append-only ledger of payments.'),
    ];
    expect(only(anIr({ tables }), 'missing-timestamps')).toEqual([]);
    const bare = aTable('events', {
      columns: [aColumn('id', 'integer')],
      primaryKey: aPrimaryKey('events', ['id']),
    });
    const found = only(anIr({ tables: [bare] }), 'missing-timestamps');
    expect(found.map((f) => f.message)).toEqual([
      'events has no created_at-like column (its rows are appended, so created_at is the one that matters).',
    ]);
    expect(found[0]?.fix?.sql).toBe(
      'ALTER TABLE events ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
    );
  });

  it('ignores tables with both, and pure junction tables', () => {
    const full = aTable('posts', {
      columns: [aColumn('id', 'integer'), aColumn('created_at', ts), aColumn('modified_at', ts)],
      primaryKey: aPrimaryKey('posts', ['id']),
    });
    const tags = aTable('tags', {
      columns: [aColumn('id', 'integer'), aColumn('created_at', ts), aColumn('updated_at', ts)],
      primaryKey: aPrimaryKey('tags', ['id']),
    });
    const junction = aTable('post_tags', {
      columns: [aColumn('post_id', 'integer'), aColumn('tag_id', 'integer')],
      primaryKey: aPrimaryKey('post_tags', ['post_id', 'tag_id']),
      foreignKeys: [
        aForeignKey('post_tags', ['post_id'], 'posts'),
        aForeignKey('post_tags', ['tag_id'], 'tags'),
      ],
    });
    expect(only(anIr({ tables: [full, tags, junction] }), 'missing-timestamps')).toEqual([]);
  });
});

describe('wide-table', () => {
  const wide = (n: number) =>
    aTable('wide', {
      columns: Array.from({ length: n }, (_, i) => aColumn(i === 0 ? 'id' : `c${i}`, 'integer')),
      primaryKey: aPrimaryKey('wide', ['id']),
    });
  it('reports tables with more than 30 columns', () => {
    const found = only(anIr({ tables: [wide(31)] }), 'wide-table');
    expect(found.map((f) => f.message)).toEqual(['wide has 31 columns (more than 30).']);
  });
  it('ignores tables with 30 columns', () => {
    expect(only(anIr({ tables: [wide(30)] }), 'wide-table')).toEqual([]);
  });
});

describe('soft-delete-without-index', () => {
  const users = (indexes: ReturnType<typeof anIndex>[]) =>
    aTable('users', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('email', 'varchar(320)'),
        aColumn('deleted_at', ts, { nullable: true }),
      ],
      primaryKey: aPrimaryKey('users', ['id']),
      indexes: [anIndex('users', ['email'], { unique: true, name: 'users_email_key' }), ...indexes],
    });

  it('reports deleted_at without any index and suggests a partial index on a lookup key', () => {
    const found = only(anIr({ tables: [users([])] }), 'soft-delete-without-index');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix?.sql).toBe(
      'CREATE INDEX users_email_idx ON users (email) WHERE deleted_at IS NULL;',
    );
    // Prisma cannot declare a partial index: no ORM code is offered.
    expect(found[0]!.fix?.orm).toBeUndefined();
  });

  it('accepts a partial index filtering on it or an index containing it', () => {
    const partial = anIndex('users', ['email'], { name: 'live', where: '(deleted_at IS NULL)' });
    const plain = anIndex('users', ['email', 'deleted_at'], { name: 'p' });
    expect(only(anIr({ tables: [users([partial])] }), 'soft-delete-without-index')).toEqual([]);
    expect(only(anIr({ tables: [users([plain])] }), 'soft-delete-without-index')).toEqual([]);
  });
});

describe('analyze options and order', () => {
  it('skips disabled rules and orders by table then rule', () => {
    const b = aTable('b', { columns: [aColumn('id', 'integer'), aColumn('email', 'text')] });
    const a = aTable('a', { columns: [aColumn('id', 'integer'), aColumn('payload', 'jsonb')] });
    const found = analyze(anIr({ tables: [b, a] }), { disable: ['missing-timestamps'] });
    expect(found.map((f) => `${f.table?.name}:${f.ruleId}`)).toEqual([
      'a:table-without-primary-key',
      'a:json-without-check',
      'b:table-without-primary-key',
      'b:pii-column',
    ]);
  });
});
