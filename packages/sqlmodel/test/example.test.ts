import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { fromSqlmodelExport, loadSqlmodel } from '../src/index.js';
import { EXAMPLE_DIR, exportJson, HAS_PYTHON, sqlalchemyDdl, TEST_PYTHON } from './helpers/python.js';

const committed = JSON.parse(readFileSync(path.join(EXAMPLE_DIR, 'schema.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** Fields that depend on the interpreter that ran the export, not on the models. */
function withoutEnvironment(doc: Record<string, unknown>) {
  const { python: _p, sqlalchemyVersion: _s, sqlmodelVersion: _m, ...rest } = doc;
  return rest;
}

/**
 * Under another SQLAlchemy than the one schema.json was exported with, what the type object says
 * of itself differs by version: `typeRepr` (`UUID(as_uuid=True)` in 1.4 is `UUID()` in 2.x, where
 * as_uuid=True is the default) and `pythonType` (JSONB's is `dict` in 1.4 and 2.0, `object` in
 * 2.1); the IR reads neither's version-specific form. Everything else must be the same.
 */
function withoutTypeObjectFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypeObjectFields);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'typeRepr' && k !== 'pythonType')
        .map(([k, v]) => [k, withoutTypeObjectFields(v)]),
    );
  return value;
}

describe('examples/sqlmodel', () => {
  it('schema.json converts to the example IR (no Python needed)', async () => {
    const { ir, diagnostics } = await loadSqlmodel({ cwd: EXAMPLE_DIR, json: 'schema.json' });
    expect(diagnostics).toEqual([]);
    expect(ir.source).toMatchObject({ orm: 'sqlmodel', files: ['models.py'] });
    expect(ir.tables.map((t) => t.name).sort()).toEqual([
      'api_keys',
      'attachments',
      'audit_logs',
      'comments',
      'invitations',
      'memberships',
      'organizations',
      'post_tags',
      'posts',
      'tags',
      'user_profiles',
      'users',
    ]);
    const users = ir.tables.find((t) => t.name === 'users')!;
    expect(users).toMatchObject({ codeName: 'User', description: 'A person who can sign in.' });
    expect(users.source?.file).toBe('models.py');
    expect(users.source?.line).toBeGreaterThan(1);
    const id = users.columns.find((c) => c.name === 'id')!;
    expect(id.type.sql).toBe('integer');
    expect(id.default).toEqual({ kind: 'sequence', style: 'serial' });
    const email = users.columns.find((c) => c.name === 'email')!;
    expect(email).toMatchObject({ description: 'Login email address.', tags: [{ name: 'pii' }] });
    const updated = users.columns.find((c) => c.name === 'updated_at')!;
    expect(updated.type.sql).toBe('timestamptz(3)');
    expect(updated.default).toEqual({ kind: 'sql', expression: 'now()' });
    expect(updated.onUpdate).toEqual({ kind: 'orm', description: 'onupdate=now()' });
    const audit = ir.tables.find((t) => t.name === 'audit_logs')!;
    expect(audit.columns.find((c) => c.name === 'metadata')).toMatchObject({ codeName: 'metadata_' });
    expect(audit.columns[0]!.type.sql).toBe('bigint');
    const settings = ir.tables
      .find((t) => t.name === 'organizations')!
      .columns.find((c) => c.name === 'settings');
    expect(settings?.default).toEqual({ kind: 'literal', value: {}, sql: "'{}'" });
    const posts = ir.tables.find((t) => t.name === 'posts')!;
    expect(posts.columns.find((c) => c.name === 'status')).toMatchObject({
      type: { category: 'enum', enum: { schema: null, name: 'post_status' } },
      default: { kind: 'literal', value: 'draft' },
    });
    expect(posts.indexes.find((i) => i.name === 'ix_posts_status_published_at')?.parts).toEqual([
      { column: 'status' },
      { column: 'published_at', order: 'desc' },
    ]);
    expect(posts.checks).toEqual([
      { name: 'posts_view_count_check', nameExplicit: true, expression: 'view_count >= 0' },
    ]);
    expect(posts.uniques).toEqual([
      { name: 'posts_organization_id_slug_key', nameExplicit: false, columns: ['organization_id', 'slug'] },
    ]);
    expect(ir.enums.map((e) => [e.name, e.codeName, e.values.map((v) => v.name).join(',')])).toEqual([
      ['member_role', 'MemberRole', 'owner,admin,member'],
      ['post_status', 'PostStatus', 'draft,published,archived'],
    ]);
    const tagsRel = ir.relations.find((r) => r.from.name === 'posts' && r.from.field === 'tags');
    expect(tagsRel).toMatchObject({ cardinality: 'many', through: { schema: null, name: 'post_tags' } });
    const author = ir.relations.find((r) => r.from.name === 'posts' && r.from.field === 'author');
    expect(author).toMatchObject({ cardinality: 'one', nullable: true, foreignKey: 'posts_author_id_fkey' });
    const comments = ir.relations.find((r) => r.from.name === 'posts' && r.from.field === 'comments');
    expect(comments?.ormOnDelete).toBe('delete, delete-orphan');
  });

  describe.runIf(HAS_PYTHON)(`with ${TEST_PYTHON}`, () => {
    it('schema.json is current with models.py (re-export: see examples/sqlmodel/README.md)', async () => {
      const fresh = (await exportJson(EXAMPLE_DIR, 'models.py')) as Record<string, unknown>;
      if (fresh.sqlalchemyVersion === committed.sqlalchemyVersion)
        expect(withoutEnvironment(fresh)).toEqual(withoutEnvironment(committed));
      else
        expect(withoutTypeObjectFields(withoutEnvironment(fresh))).toEqual(
          withoutTypeObjectFields(withoutEnvironment(committed)),
        );
    });

    it("ormdoc's DDL creates the same PostgreSQL database as SQLAlchemy's create_all", async () => {
      const { ir } = fromSqlmodelExport(committed, { file: 'schema.json' });
      const db = await startPglite();
      const expected = await shapeOfDdl(db, await sqlalchemyDdl(EXAMPLE_DIR, 'models.py'));
      const actual = await shapeOfDdl(db, renderDdl(ir, { dialect: 'postgresql' }));
      expect(Object.keys(expected.tables)).toHaveLength(12);
      expect(compareShapes(expected, actual)).toEqual([]);
    });
  });
});
