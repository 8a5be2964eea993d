import { describe, expect, it } from 'vitest';
import { deriveRelationships } from '../relationships/derive.js';
import { exampleIr, kitchenSinkIr } from './exampleIr.js';

describe('exampleIr', () => {
  it('holds the 12 tables and 2 enums of examples/DOMAIN.md', () => {
    const ir = exampleIr();
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
    expect(ir.enums.map((e) => `${e.name}:${e.values.map((v) => v.name).join(',')}`)).toEqual([
      'member_role:owner,admin,member',
      'post_status:draft,published,archived',
    ]);
    const users = ir.tables.find((t) => t.name === 'users')!;
    expect(users.columns.find((c) => c.name === 'email')).toMatchObject({
      description: 'Login email address.',
      tags: [{ name: 'pii' }],
    });
    expect(users.indexes).toEqual([expect.objectContaining({ name: 'users_email_key', unique: true })]);
  });

  it('derives the junctions and the one-to-one of the domain', () => {
    const rels = deriveRelationships(exampleIr());
    const m2m = rels.filter((r) => r.kind === 'many-to-many').map((r) => r.id);
    expect(m2m.sort()).toEqual(['memberships', 'post_tags']);
    expect(rels.find((r) => r.id === 'user_profiles.user_profiles_user_id_fkey')?.kind).toBe('one-to-one');
  });

  it('the kitchen sink is a valid IR with two namespaces and views', () => {
    const ir = kitchenSinkIr();
    expect(ir.namespaces).toEqual(['billing']);
    expect(ir.tables.filter((t) => t.kind === 'view')).toHaveLength(2);
  });
});
