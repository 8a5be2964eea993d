import { type Ir, renderDocuments, resolveConfig } from '@ormdoc/core';
import { aColumn, anIr, aPrimaryKey, aTable, exampleIr } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { describeNaming } from './facts.js';

const render = async (ir: Ir, config = resolveConfig({})) => {
  const { files } = await renderDocuments({ ir, config, cwd: process.cwd() });
  return (path: string) => files.find((f) => f.path === path)?.content ?? '';
};

/** A sentence not derived from the schema or the config is a counted TODO, never a guess. */
describe('no filler stated as fact', () => {
  it('says CI runs `ormdoc check` only when the config says so; otherwise it is a TODO', async () => {
    const without = (await render(exampleIr()))('architecture.md');
    const claims = without.split('\n').filter((l) => !l.includes('TODO(ormdoc)'));
    expect(claims.filter((l) => /CI runs/.test(l))).toEqual([]);
    expect(without).toContain('set `project.ci`');
    const ci = '`ormdoc check` runs in the pull-request workflow';
    const withCi = (await render(exampleIr(), resolveConfig({ project: { ci } })))('architecture.md');
    expect(withCi).toContain(ci);
    expect(withCi).not.toContain('set `project.ci`');
  });

  it('never calls the current schema the target ("As-To-Be") state; the to-be part is a TODO', async () => {
    const target = (await render(exampleIr()))('target-state.md');
    expect(target).not.toContain('As-To-Be');
    expect(target).toContain('describes the **current** schema');
    expect(target).toContain('Target (to-be) state: ');
  });

  it('does not name one client as the only access pattern; the pattern is a TODO', async () => {
    const target = (await render(exampleIr()))('target-state.md');
    expect(target).not.toContain('Prisma Client');
    expect(target).toMatch(/TODO\(ormdoc\):\*\* Pattern: .*set `project\.dataAccessLayer`/);
  });

  it('reports the dominant naming convention with its exceptions counted and named', () => {
    const names = [
      ...Array.from({ length: 40 }, (_, i) => ({ name: `fieldNumber${i}`, where: `Model${i % 5}` })),
      ...[
        'access_token',
        'refresh_token',
        'expires_at',
        'token_type',
        'id_token',
        'session_state',
        'provider_account_id',
        'oauth_token',
      ].map((name) => ({ name, where: 'Account' })),
    ];
    const text = describeNaming(names);
    expect(text).not.toMatch(/^mixed/);
    expect(text).toMatch(/^camelCase \(40 of 48\); 8 exceptions, in `Account`: `access_token`, /);
    expect(describeNaming(['a_b', 'c_d', 'eF', 'gH'])).toMatch(/^mixed/);
  });

  it('the architecture document names the exceptions of a camelCase schema', async () => {
    const ir = anIr({
      tables: [
        aTable('Account', {
          primaryKey: aPrimaryKey('Account', ['id']),
          columns: [aColumn('id', 'integer'), aColumn('userId', 'integer'), aColumn('access_token', 'text')],
        }),
        aTable('User', {
          primaryKey: aPrimaryKey('User', ['id']),
          columns: ['id', 'emailAddress', 'displayName', 'createdAt', 'updatedAt', 'lastSeenAt'].map((c) =>
            aColumn(c, 'text'),
          ),
        }),
      ],
    });
    const architecture = (await render(ir))('architecture.md');
    expect(architecture).toContain(
      'column names camelCase (8 of 9); 1 exception, in `Account`: `access_token`',
    );
  });
});
