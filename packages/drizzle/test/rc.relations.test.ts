import path from 'node:path';
import type { NavigationRelation } from '@ormdoc/core';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { PACKAGE_DIR } from './_kit.js';
import { RC_DIR } from './_rc.js';

/** drizzle 1.0 `defineRelations()` -> IR navigation relations, on the RC conformance fixtures. */
async function relationsOf(fixture: string): Promise<NavigationRelation[]> {
  const file = path.join(RC_DIR, 'conformance', fixture);
  const { ir, diagnostics } = await loadDrizzle({
    cwd: PACKAGE_DIR,
    schema: path.relative(PACKAGE_DIR, file),
    dialect: 'postgresql',
  });
  expect(diagnostics).toEqual([]);
  return ir.relations;
}

describe('defineRelations() (drizzle-orm 1.0 RC)', () => {
  it('reads one-to-one from both sides, with optional and the foreign key', async () => {
    expect(await relationsOf('one-to-one.ts')).toEqual([
      {
        from: { schema: null, name: 'profiles', field: 'user' },
        to: { schema: null, name: 'users', field: 'profile' },
        cardinality: 'one',
        nullable: false,
        foreignKey: 'profiles_user_id_users_id_fkey',
      },
      {
        from: { schema: null, name: 'users', field: 'profile' },
        to: { schema: null, name: 'profiles', field: 'user' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'profiles_user_id_users_id_fkey',
      },
    ]);
  });

  it('pairs a self-relation through its alias, the many side reversed by drizzle', async () => {
    const rels = await relationsOf('self-relation.ts');
    expect(rels).toEqual([
      {
        name: 'management',
        from: { schema: null, name: 'employees', field: 'manager' },
        to: { schema: null, name: 'employees', field: 'reports' },
        cardinality: 'one',
        nullable: true,
        foreignKey: 'employees_manager_id_employees_id_fkey',
      },
      {
        name: 'management',
        from: { schema: null, name: 'employees', field: 'reports' },
        to: { schema: null, name: 'employees', field: 'manager' },
        cardinality: 'many',
        foreignKey: 'employees_manager_id_employees_id_fkey',
      },
    ]);
  });

  it('keeps the junction of a many-to-many declared with .through()', async () => {
    const rels = await relationsOf('implicit-many-to-many.ts');
    expect(rels).toEqual([
      {
        from: { schema: null, name: 'posts', field: 'tags' },
        to: { schema: null, name: 'tags', field: 'posts' },
        cardinality: 'many',
        through: { schema: null, name: 'posts_to_tags' },
      },
      {
        from: { schema: null, name: 'tags', field: 'posts' },
        to: { schema: null, name: 'posts', field: 'tags' },
        cardinality: 'many',
        through: { schema: null, name: 'posts_to_tags' },
      },
    ]);
  });

  it('has no navigation relations when the schema defines none', async () => {
    expect(await relationsOf('one-to-many.ts')).toEqual([]);
  });
});
