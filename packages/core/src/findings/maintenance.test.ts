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
      columns: [
        aColumn('id', 'integer'),
        aColumn('name', 'text'),
        aColumn('color', 'text'),
        aColumn('rank', 'integer'),
      ],
      primaryKey: aPrimaryKey('tags', ['id']),
    });
    const settings = aTable('settings', {
      columns: [aColumn('id', 'integer'), aColumn('createdAt', ts)],
      primaryKey: aPrimaryKey('settings', ['id']),
    });
    const found = only(anIr({ tables: [tags, settings] }), 'missing-timestamps');
    // A table with a creation timestamp is left alone: many rows are rightly never updated.
    expect(found.map((f) => [f.table?.name, f.message])).toEqual([
      [
        'tags',
        'tags has no creation or update timestamp: when a row appeared cannot be answered from the data.',
      ],
    ]);
    // One camelCase column against none in snake_case: the suggestion follows it, quoted, in the schema's own type.
    expect(found[0]?.fix?.sql).toBe(
      'ALTER TABLE tags ADD COLUMN "createdAt" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;\nALTER TABLE tags ADD COLUMN "updatedAt" timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
    expect(found[0]?.fix?.orm).toBe(
      'createdAt DateTime @default(now())\nupdatedAt DateTime @default(now()) @updatedAt',
    );
  });

  it('follows the schema naming: snake_case columns get created_at, camelCase code names mapped to them get @map', () => {
    const snake = aTable('tags', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('tag_name', 'text', { codeName: 'tagName' }),
        aColumn('org_id', 'integer', { codeName: 'orgId' }),
        aColumn('sort_key', 'integer', { codeName: 'sortKey' }),
      ],
      primaryKey: aPrimaryKey('tags', ['id']),
    });
    const [f] = only(anIr({ tables: [snake] }), 'missing-timestamps');
    expect(f?.fix?.sql?.split('\n')[0]).toBe(
      'ALTER TABLE tags ADD COLUMN created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
    expect(f?.fix?.orm?.split('\n')[0]).toBe('createdAt DateTime @default(now()) @map("created_at")');
  });

  it.each([
    ['submittedAt', { kind: 'sql', expression: 'CURRENT_TIMESTAMP' }],
    ['insertedAt', undefined],
    ['createdOn', undefined],
    ['timestamp', { kind: 'sql', expression: 'now()' }],
    ['addedAt', { kind: 'orm', generator: 'now', description: 'now()' }],
  ] as const)('accepts %s as the creation timestamp', (name, def) => {
    const t = aTable('forms', {
      columns: [
        aColumn('id', 'integer'),
        aColumn(name, 'timestamp(3)', def ? { default: def } : {}),
        aColumn('updatedAt', 'timestamp(3)', { onUpdate: { kind: 'orm', description: '@updatedAt' } }),
      ],
      primaryKey: aPrimaryKey('forms', ['id']),
    });
    expect(only(anIr({ tables: [t] }), 'missing-timestamps')).toEqual([]);
  });

  it('a timestamp defaulting to now that is refreshed on update is not a creation timestamp', () => {
    const t = aTable('forms', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('title', 'text'),
        aColumn('body', 'text'),
        aColumn('touchedAt', 'timestamp(3)', {
          default: { kind: 'sql', expression: 'now()' },
          onUpdate: { kind: 'orm', description: '@updatedAt' },
        }),
      ],
      primaryKey: aPrimaryKey('forms', ['id']),
    });
    expect(only(anIr({ tables: [t] }), 'missing-timestamps').map((f) => f.message)).toEqual([
      'forms has no creation timestamp: when a row appeared cannot be answered from the data.',
    ]);
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
      columns: [
        aColumn('id', 'integer'),
        aColumn('kind', 'text'),
        aColumn('payload', 'jsonb'),
        aColumn('actor', 'text'),
      ],
      primaryKey: aPrimaryKey('events', ['id']),
    });
    const found = only(anIr({ tables: [bare] }), 'missing-timestamps');
    expect(found.map((f) => f.message)).toEqual([
      'events has no creation timestamp (its rows are appended, so the creation time is the one that matters): when a row appeared cannot be answered from the data.',
    ]);
    expect(found[0]?.fix?.sql).toBe(
      'ALTER TABLE events ADD COLUMN created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP;',
    );
  });

  it('ignores key-value and lookup tables (two columns besides the key) and stores of expiring rows', () => {
    const counter = aTable('Counter', {
      columns: [aColumn('id', 'text'), aColumn('value', 'integer')],
      primaryKey: aPrimaryKey('Counter', ['id']),
    });
    const ttl = aTable('jackson_ttl', {
      columns: [
        aColumn('key', 'text'),
        aColumn('value', 'text'),
        aColumn('owner', 'text'),
        aColumn('expiresAt', 'bigint'),
      ],
      primaryKey: aPrimaryKey('jackson_ttl', ['key']),
    });
    const token = aTable('VerificationToken', {
      columns: [
        aColumn('identifier', 'text'),
        aColumn('token', 'text'),
        aColumn('kind', 'text'),
        aColumn('expires', 'timestamp(3)'),
      ],
    });
    expect(only(anIr({ tables: [counter, ttl, token] }), 'missing-timestamps')).toEqual([]);
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

  it('reports deleted_at without any index; with no parent key, suggests an index on the marker, never the unique email', () => {
    const found = only(anIr({ tables: [users([])] }), 'soft-delete-without-index');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix?.sql).toBe('CREATE INDEX users_deleted_at_idx ON users (deleted_at);');
    expect(found[0]!.fix?.orm).toBe('@@index([deleted_at])');
  });

  it('suggests a partial index on the parent key, quoted where camelCase', () => {
    const posts = aTable('posts', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('authorId', 'integer'),
        aColumn('deletedAt', ts, { nullable: true }),
      ],
      primaryKey: aPrimaryKey('posts', ['id']),
      foreignKeys: [aForeignKey('posts', ['authorId'], 'users')],
    });
    const found = only(anIr({ tables: [users([]), posts] }), 'soft-delete-without-index').filter(
      (f) => f.table?.name === 'posts',
    );
    expect(found[0]!.fix?.sql).toBe(
      'CREATE INDEX "posts_authorId_idx" ON posts ("authorId") WHERE "deletedAt" IS NULL;',
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
