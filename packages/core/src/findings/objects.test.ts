import { describe, expect, it } from 'vitest';
import type { Ir, Table } from '../ir/types.js';
import { aColumn, anIr, aPolicy, aPrimaryKey, aRoutine, aTable, aTrigger } from '../testing/builders.js';
import { analyze } from './index.js';
import { argumentTypes } from './rules/objects.js';

const found = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);

const docs = (overrides: Partial<Table> = {}) =>
  aTable('docs', {
    columns: [aColumn('id', 'integer'), aColumn('owner', 'text'), aColumn('updated_at', 'timestamp(3)')],
    primaryKey: aPrimaryKey('docs', ['id']),
    ...overrides,
  });
const rls = (declaredIn: 'orm' | 'migration' = 'migration', forced = false) => ({
  rls: { enabled: true, forced, declaredIn },
});
const complete = { source: { orm: 'prisma' as const, files: [], objectsReadFrom: ['migration' as const] } };

describe('rls-without-policy', () => {
  it.each<[string, Partial<Ir>, number]>([
    ['RLS enabled in a migration, no policy anywhere', { tables: [docs(rls())] }, 1],
    ['RLS enabled and forced, no policy', { tables: [docs(rls('migration', true))] }, 1],
    [
      'RLS enabled with a policy on the table',
      { tables: [docs(rls())], policies: [aPolicy('docs', 'p')] },
      0,
    ],
    [
      'a policy on another table only',
      { tables: [docs(rls()), aTable('other', rls())], policies: [aPolicy('other', 'p')] },
      1,
    ],
    ['RLS not enabled, no policy', { tables: [docs()] }, 0],
    [
      'RLS in the ORM, no migrations read, no ORM policy at all: policies may be in unread SQL',
      { tables: [docs(rls('orm'))] },
      0,
    ],
    [
      'RLS in the ORM, the ORM declares policies elsewhere: policies live in the ORM',
      {
        tables: [docs(rls('orm')), aTable('other', rls('orm'))],
        policies: [aPolicy('other', 'p', { declaredIn: 'orm' })],
      },
      1,
    ],
    ['RLS in the ORM, migrations read (objectsReadFrom)', { ...complete, tables: [docs(rls('orm'))] }, 1],
    ['a MySQL schema', { dialect: 'mysql', tables: [docs(rls())] }, 0],
  ])('%s → %i', (_what, ir, n) => {
    expect(found(anIr(ir), 'rls-without-policy')).toHaveLength(n);
  });

  it('names the table and says that non-owners see no rows; forced includes the owner', () => {
    const [plain] = found(anIr({ tables: [docs(rls())] }), 'rls-without-policy');
    expect(plain?.message).toContain('docs has row-level security enabled but no policy');
    expect(plain?.message).toContain('every role but its owner');
    const [forced] = found(anIr({ tables: [docs(rls('migration', true))] }), 'rls-without-policy');
    expect(forced?.message).toContain('its owner included');
  });
});

describe('policy-without-rls', () => {
  it.each<[string, Partial<Ir>, number]>([
    ['a policy, RLS never enabled', { tables: [docs()], policies: [aPolicy('docs', 'p')] }, 1],
    [
      'a policy, RLS switched off (enabled: false)',
      { tables: [docs({ rls: { enabled: false, forced: false } })], policies: [aPolicy('docs', 'p')] },
      1,
    ],
    ['a policy, RLS enabled', { tables: [docs(rls())], policies: [aPolicy('docs', 'p')] }, 0],
    [
      'a policy on public.docs, the table in the default schema with RLS',
      {
        tables: [docs(rls())],
        policies: [aPolicy('docs', 'p', { table: { schema: 'public', name: 'docs' } })],
      },
      0,
    ],
    [
      'two policies, one finding for the table',
      { tables: [docs()], policies: [aPolicy('docs', 'a'), aPolicy('docs', 'b')] },
      1,
    ],
    ['no policy', { tables: [docs()] }, 0],
  ])('%s → %i', (_what, ir, n) => {
    expect(found(anIr(ir), 'policy-without-rls')).toHaveLength(n);
  });

  it('gives the ALTER TABLE that enables RLS', () => {
    const [f] = found(anIr({ tables: [docs()], policies: [aPolicy('docs', 'p')] }), 'policy-without-rls');
    expect(f?.fix?.sql).toBe('ALTER TABLE docs ENABLE ROW LEVEL SECURITY;');
    expect(f?.message).toContain('the policy p');
  });
});

describe('policy-on-missing-table', () => {
  it.each<[string, Partial<Ir>, number]>([
    ['a policy on a table the schema lacks', { tables: [docs()], policies: [aPolicy('doc', 'p')] }, 1],
    ['a policy on an existing table', { tables: [docs(rls())], policies: [aPolicy('docs', 'p')] }, 0],
    [
      "a policy on Prisma's _prisma_migrations (Supabase's advisor asks for RLS there)",
      { tables: [docs()], policies: [aPolicy('_prisma_migrations', 'p')] },
      0,
    ],
    [
      "a policy on drizzle-kit's __drizzle_migrations",
      { tables: [docs()], policies: [aPolicy('__drizzle_migrations', 'p')] },
      0,
    ],
    [
      'a policy on auth.docs when only docs exists',
      {
        tables: [docs(rls())],
        policies: [aPolicy('docs', 'p', { table: { schema: 'auth', name: 'docs' } })],
      },
      1,
    ],
  ])('%s → %i', (_what, ir, n) => {
    expect(found(anIr(ir), 'policy-on-missing-table')).toHaveLength(n);
  });

  it('names the policy, its source line and the missing table', () => {
    const [f] = found(
      anIr({ tables: [docs()], policies: [aPolicy('doc', 'p', { source: { file: 'm/1.sql', line: 4 } })] }),
      'policy-on-missing-table',
    );
    expect(f?.message).toBe('The policy p (m/1.sql:4) is on doc, which is not a table of the schema.');
    expect(f?.severity).toBe('error');
  });
});

describe('security-definer-search-path', () => {
  it.each<[string, Partial<Ir>, number]>([
    ['SECURITY DEFINER, no SET', { routines: [aRoutine('f', { securityDefiner: true })] }, 1],
    [
      'SECURITY DEFINER with SET search_path',
      { routines: [aRoutine('f', { securityDefiner: true, config: { search_path: "''" } })] },
      0,
    ],
    [
      'SECURITY DEFINER with SET SEARCH_PATH (any case)',
      { routines: [aRoutine('f', { securityDefiner: true, config: { SEARCH_PATH: 'public' } })] },
      0,
    ],
    [
      'SECURITY DEFINER with another SET only',
      { routines: [aRoutine('f', { securityDefiner: true, config: { work_mem: '64MB' } })] },
      1,
    ],
    ['SECURITY INVOKER (the default)', { routines: [aRoutine('f')] }, 0],
  ])('%s → %i', (_what, ir, n) => {
    expect(found(anIr(ir), 'security-definer-search-path')).toHaveLength(n);
  });

  it('fixes the search_path with an ALTER FUNCTION that names the argument types without defaults', () => {
    const [f] = found(
      anIr({
        routines: [
          aRoutine('is_member', {
            schema: 'app',
            securityDefiner: true,
            arguments: "org uuid, role text DEFAULT 'member'",
            returns: 'boolean',
          }),
        ],
      }),
      'security-definer-search-path',
    );
    expect(f?.table).toBeUndefined();
    expect(f?.fix?.sql).toBe(
      'ALTER FUNCTION app.is_member(org uuid, role text) SET search_path = app, pg_temp;',
    );
  });

  it.each([
    ['', ''],
    ['a integer', 'a integer'],
    ['a integer = 1, b numeric(10, 2) DEFAULT 0', 'a integer, b numeric(10, 2)'],
    ['OUT total bigint, VARIADIC xs text[]', 'OUT total bigint, VARIADIC xs text[]'],
    ['"odd, name" text default \'x, y\'', '"odd, name" text'],
  ])('argumentTypes(%j) = %j', (args, expected) => {
    expect(argumentTypes(args)).toBe(expected);
  });
});

describe('trigger-function-missing', () => {
  const trig = (fn: string, schema: string | null = null) =>
    aTrigger('docs', 't', fn, { function: { schema, name: fn } });
  it.each<[string, Partial<Ir>, number]>([
    [
      'the function is not among the routines (migrations read)',
      { ...complete, tables: [docs()], triggers: [trig('touch')] },
      1,
    ],
    [
      'the function is defined',
      { tables: [docs()], triggers: [trig('touch')], routines: [aRoutine('touch')] },
      0,
    ],
    [
      'public.touch defined, the trigger calls touch',
      { tables: [docs()], triggers: [trig('touch')], routines: [aRoutine('touch', { schema: 'public' })] },
      0,
    ],
    [
      'the routines are not known (ORM only, nothing from migrations)',
      { tables: [docs()], triggers: [aTrigger('docs', 't', 'touch', { declaredIn: 'orm' })] },
      0,
    ],
    [
      'a built-in trigger function',
      { ...complete, tables: [docs()], triggers: [trig('suppress_redundant_updates_trigger')] },
      0,
    ],
    ['a pg_catalog function', { ...complete, tables: [docs()], triggers: [trig('f', 'pg_catalog')] }, 0],
    [
      'moddatetime with the moddatetime extension declared',
      {
        ...complete,
        tables: [docs()],
        triggers: [trig('moddatetime')],
        extensions: [{ name: 'moddatetime', origin: 'declared' }],
      },
      0,
    ],
    [
      'moddatetime without the extension',
      { ...complete, tables: [docs()], triggers: [trig('moddatetime')] },
      1,
    ],
    [
      "a function in an extension's schema",
      {
        ...complete,
        tables: [docs()],
        triggers: [trig('f', 'extensions')],
        extensions: [{ name: 'x', schema: 'extensions', origin: 'declared' }],
      },
      0,
    ],
    [
      'a function in a schema the sources never mention (supabase_functions)',
      { ...complete, tables: [docs()], triggers: [trig('http_request', 'supabase_functions')] },
      0,
    ],
    [
      'a function in a schema the sources use',
      { ...complete, namespaces: ['app'], tables: [docs()], triggers: [trig('touch', 'app')] },
      1,
    ],
  ])('%s → %i', (_what, ir, n) => {
    expect(found(anIr(ir), 'trigger-function-missing')).toHaveLength(n);
  });

  it('points at the extension when the function comes from one', () => {
    const [f] = found(
      anIr({ ...complete, tables: [docs()], triggers: [trig('moddatetime')] }),
      'trigger-function-missing',
    );
    expect(f?.fix?.sql).toBe('CREATE EXTENSION IF NOT EXISTS moddatetime;');
  });
});

describe('orm-only-update-timestamp disappears where a trigger maintains the column', () => {
  const orm = { kind: 'orm' as const, description: '@updatedAt' };
  const table = docs({
    columns: [aColumn('id', 'integer'), aColumn('updated_at', 'timestamp(3)', { onUpdate: orm })],
  });
  const body = (line: string) => `\nBEGIN\n  ${line}\n  RETURN NEW;\nEND;\n`;
  it.each<[string, Partial<Ir>, number]>([
    ['no trigger', {}, 1],
    [
      'BEFORE UPDATE, NEW.updated_at := now()',
      {
        triggers: [aTrigger('docs', 't', 'touch')],
        routines: [aRoutine('touch', { body: body('NEW.updated_at := now();') })],
      },
      0,
    ],
    [
      'BEFORE UPDATE, new.UPDATED_AT = now() (unquoted folds)',
      {
        triggers: [aTrigger('docs', 't', 'touch')],
        routines: [aRoutine('touch', { body: body('new.UPDATED_AT = now();') })],
      },
      0,
    ],
    [
      'the function assigns another column',
      {
        triggers: [aTrigger('docs', 't', 'touch')],
        routines: [aRoutine('touch', { body: body('NEW.changed_at := now();') })],
      },
      1,
    ],
    [
      'the body only compares NEW.updated_at',
      {
        triggers: [aTrigger('docs', 't', 'touch')],
        routines: [
          aRoutine('touch', {
            body: body("IF NEW.updated_at = OLD.updated_at THEN RAISE NOTICE 'same'; END IF;"),
          }),
        ],
      },
      1,
    ],
    [
      'the assignment is in a comment',
      {
        triggers: [aTrigger('docs', 't', 'touch')],
        routines: [aRoutine('touch', { body: body('-- NEW.updated_at := now();') })],
      },
      1,
    ],
    [
      'an AFTER UPDATE trigger (cannot change NEW)',
      {
        triggers: [aTrigger('docs', 't', 'touch', { timing: 'after' })],
        routines: [aRoutine('touch', { body: body('NEW.updated_at := now();') })],
      },
      1,
    ],
    [
      'a BEFORE INSERT trigger only',
      {
        triggers: [aTrigger('docs', 't', 'touch', { events: ['insert'] })],
        routines: [aRoutine('touch', { body: body('NEW.updated_at := now();') })],
      },
      1,
    ],
    [
      'BEFORE UPDATE OF title only',
      {
        triggers: [aTrigger('docs', 't', 'touch', { updateOf: ['title'] })],
        routines: [aRoutine('touch', { body: body('NEW.updated_at := now();') })],
      },
      1,
    ],
    [
      'FOR EACH STATEMENT',
      {
        triggers: [aTrigger('docs', 't', 'touch', { forEach: 'statement' })],
        routines: [aRoutine('touch', { body: body('NEW.updated_at := now();') })],
      },
      1,
    ],
    [
      'the trigger is on another table',
      {
        triggers: [aTrigger('other', 't', 'touch')],
        routines: [aRoutine('touch', { body: body('NEW.updated_at := now();') })],
      },
      1,
    ],
    [
      'the function body is unknown',
      { triggers: [aTrigger('docs', 't', 'touch')], routines: [aRoutine('touch', { body: undefined })] },
      1,
    ],
    [
      'moddatetime(updated_at)',
      { triggers: [aTrigger('docs', 't', 'moddatetime', { arguments: ['updated_at'] })] },
      0,
    ],
    ['moddatetime(other)', { triggers: [aTrigger('docs', 't', 'moddatetime', { arguments: ['other'] })] }, 1],
  ])('%s → %i', (_what, ir, n) => {
    expect(found(anIr({ tables: [table], ...ir }), 'orm-only-update-timestamp')).toHaveLength(n);
  });

  it('a quoted camelCase column is matched exactly', () => {
    const camel = docs({
      columns: [aColumn('id', 'integer'), aColumn('updatedAt', 'timestamp(3)', { onUpdate: orm })],
    });
    const ir = (line: string) =>
      anIr({
        tables: [camel],
        triggers: [aTrigger('docs', 't', 'touch')],
        routines: [aRoutine('touch', { body: body(line) })],
      });
    expect(found(ir('NEW."updatedAt" = now();'), 'orm-only-update-timestamp')).toHaveLength(0);
    expect(found(ir('NEW.updatedAt = now();'), 'orm-only-update-timestamp')).toHaveLength(1);
  });
});
