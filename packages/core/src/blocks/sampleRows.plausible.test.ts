import { describe, expect, it } from 'vitest';
import type { Column, Table } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr } from '../testing/exampleIr.js';
import { sampleRows } from './index.js';

/** Plausibility as data, beyond type validity: what a reader of the documents notices. */

const enumColumn = (name: string, enumName: string, overrides: Partial<Column> = {}): Column =>
  aColumn(name, enumName, {
    type: { sql: enumName, category: 'enum', isArray: false, enum: { schema: null, name: enumName } },
    ...overrides,
  });
const ts = (name: string, nullable = true) => aColumn(name, 'timestamptz(3)', { nullable });

describe('sample rows read like data of their own table', () => {
  const ir = exampleIr();
  const rows = sampleRows(ir, { rowsPerTable: 2 });

  it('never reuses a text value of one table in another (slugs, bios, bodies)', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const table of ir.tables) {
      const fkColumns = new Set(table.foreignKeys.flatMap((fk) => fk.columns));
      for (const col of table.columns) {
        if (col.type.category !== 'string' || fkColumns.has(col.name)) continue;
        for (const row of rows.get(table.name) ?? []) {
          const v = row[col.name];
          if (typeof v !== 'string') continue;
          const where = `${table.name}.${col.name}`;
          const first = seen.get(v);
          if (first && first.split('.')[0] !== table.name) clashes.push(`${v}: ${first} and ${where}`);
          else seen.set(v, where);
        }
      }
    }
    expect(clashes).toEqual([]);
    expect(rows.get('organizations')?.map((o) => o.slug)).toEqual(['acme-publishing', 'globex-media']);
    expect(rows.get('posts')?.map((p) => p.slug)).toEqual(['getting-started', 'release-notes']);
  });

  it('names things like real data, not "<Table> 1"', () => {
    const placeholders: string[] = [];
    for (const [table, list] of rows)
      for (const row of list)
        for (const [col, v] of Object.entries(row))
          if (typeof v === 'string' && /^[A-Za-z][a-z]*( [a-z]+)* \d+$/.test(v))
            placeholders.push(`${table}.${col} = ${v}`);
    expect(placeholders).toEqual([]);
    expect(rows.get('api_keys')?.[0]?.name).toBe('CI deploy key');
  });

  it('keeps a draft post unpublished and a published one published after it was created', () => {
    for (const post of rows.get('posts') ?? []) {
      if (post.status === 'draft') expect(post.published_at).toBeNull();
      if (post.status === 'published') expect(String(post.published_at) > String(post.created_at)).toBe(true);
      expect(post.deleted_at).toBeNull();
    }
    expect(rows.get('posts')?.map((p) => p.status)).toEqual(['draft', 'published']);
  });

  it('leaves every nullable timestamp NULL in some row, and sets later events after created_at', () => {
    for (const table of ir.tables)
      for (const col of table.columns.filter((c) => c.type.category === 'datetime' && c.nullable)) {
        const values = (rows.get(table.name) ?? []).map((r) => r[col.name]);
        expect(values, `${table.name}.${col.name}`).toContain(null);
      }
    for (const inv of rows.get('invitations') ?? []) {
      if (inv.accepted_at !== null) expect(String(inv.accepted_at) > String(inv.created_at)).toBe(true);
      expect(String(inv.expires_at) > String(inv.created_at)).toBe(true);
    }
  });

  it('invites people who are not already members, with the default role first', () => {
    const users = rows.get('users') ?? [];
    const members = (rows.get('memberships') ?? []).map((m) => ({
      org: m.organization_id,
      email: users.find((u) => u.id === m.user_id)?.email,
    }));
    for (const inv of rows.get('invitations') ?? [])
      expect(members.some((m) => m.org === inv.organization_id && m.email === inv.email)).toBe(false);
    expect(rows.get('invitations')?.[0]?.role).toBe('member');
  });

  it('puts a reply on the same post as the comment it answers', () => {
    const comments = sampleRows(ir, { rowsPerTable: 4 }).get('comments') ?? [];
    for (const c of comments.filter((x) => x.parent_id !== null)) {
      const parent = comments.find((p) => p.id === c.parent_id);
      expect(parent?.post_id).toBe(c.post_id);
    }
    expect(comments.filter((x) => x.parent_id !== null).length).toBeGreaterThan(0);
  });
});

describe('sample rows follow generic rules', () => {
  it('sets lifecycle timestamps exactly in the rows that reached that status', () => {
    const orders = aTable('orders', {
      columns: [
        aColumn('id', 'integer'),
        enumColumn('status', 'order_status'),
        ts('paid_at'),
        ts('shipped_at'),
        ts('cancelled_at'),
        ts('created_at', false),
      ],
      primaryKey: aPrimaryKey('orders', ['id']),
    });
    const ir = anIr({ tables: [orders], enums: [anEnum('order_status', ['pending', 'paid', 'shipped'])] });
    const rows = sampleRows(ir, { rowsPerTable: 3 }).get('orders') ?? [];
    expect(rows.map((r) => [r.status, r.paid_at !== null, r.shipped_at !== null])).toEqual([
      ['pending', false, false],
      ['paid', true, false],
      ['shipped', true, true],
    ]);
    expect(rows[0]?.cancelled_at).toBeNull();
  });

  it('copies a parent row’s other references into a self-referencing row, but not its author', () => {
    const users = aTable('users', {
      columns: [aColumn('id', 'integer'), aColumn('name', 'varchar(50)')],
      primaryKey: aPrimaryKey('users', ['id']),
    });
    const threads = aTable('threads', {
      columns: [aColumn('id', 'integer'), aColumn('title', 'varchar(80)')],
      primaryKey: aPrimaryKey('threads', ['id']),
    });
    const messages: Table = aTable('messages', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('thread_id', 'integer'),
        aColumn('author_id', 'integer'),
        aColumn('reply_to_id', 'integer', { nullable: true }),
        aColumn('body', 'text'),
      ],
      primaryKey: aPrimaryKey('messages', ['id']),
      foreignKeys: [
        aForeignKey('messages', ['thread_id'], 'threads'),
        aForeignKey('messages', ['author_id'], 'users'),
        aForeignKey('messages', ['reply_to_id'], 'messages'),
      ],
    });
    const rows =
      sampleRows(anIr({ tables: [users, threads, messages] }), { rowsPerTable: 3 }).get('messages') ?? [];
    const replies = rows.filter((r) => r.reply_to_id !== null);
    expect(replies.length).toBe(2);
    for (const r of replies) {
      const parent = rows.find((p) => p.id === r.reply_to_id);
      expect(r.thread_id).toBe(parent?.thread_id);
      expect(r.author_id).not.toBe(parent?.author_id);
    }
  });

  it('does not copy a reference when that would break a unique key', () => {
    const posts = aTable('posts', { primaryKey: aPrimaryKey('posts', ['id']) });
    const notes = aTable('notes', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('post_id', 'integer'),
        aColumn('parent_id', 'integer', { nullable: true }),
      ],
      primaryKey: aPrimaryKey('notes', ['id']),
      uniques: [{ name: 'notes_post_id_key', nameExplicit: false, columns: ['post_id'] }],
      foreignKeys: [aForeignKey('notes', ['post_id'], 'posts'), aForeignKey('notes', ['parent_id'], 'notes')],
    });
    const rows = sampleRows(anIr({ tables: [posts, notes] })).get('notes') ?? [];
    expect(new Set(rows.map((r) => r.post_id)).size).toBe(rows.length);
  });
});
