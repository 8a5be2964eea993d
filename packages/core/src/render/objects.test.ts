import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/resolve.js';
import { canonicalizeIr } from '../ir/canonical.js';
import type { Ir } from '../ir/types.js';
import { aColumn, anIr, aPolicy, aPrimaryKey, aRole, aTable } from '../testing/builders.js';
import { objectsIr } from '../testing/objectsIr.js';
import { parseRegions } from '../write/regions.js';
import { renderDocuments } from './index.js';
import { OVERVIEW_RLS_TABLES } from './parts/objects.js';

/**
 * The documents state the objects beyond tables as facts when the IR has them, say "none" when the
 * migrations (or the database) were read and hold none, and keep the counted TODO (or say what
 * ormdoc could not read) otherwise.
 */

async function render(ir: Ir, config: Record<string, unknown> = {}): Promise<Map<string, string>> {
  const result = await renderDocuments({
    ir: canonicalizeIr(ir),
    config: resolveConfig(config),
    cwd: process.cwd(),
  });
  return new Map(result.files.map((f) => [f.path, f.content]));
}

const region = (doc: string | undefined, id: string) =>
  (
    parseRegions(doc ?? '', 'doc.md').find((r) => r.kind === 'region' && r.id === id) as
      | { body?: string }
      | undefined
  )?.body?.trim() ?? '';

const RLS_TODO = 'Describe the row-level security strategy';

const plain = (source: Partial<Ir['source']> = {}, dialect: Ir['dialect'] = 'postgresql') =>
  anIr({
    dialect,
    source: { orm: 'prisma', files: ['prisma/schema.prisma'], ...source },
    tables: [
      aTable('users', {
        columns: [aColumn('id', 'integer'), aColumn('name', 'text')],
        primaryKey: aPrimaryKey('users', ['id']),
      }),
    ],
  });

describe('documents of a schema with policies, triggers, functions, views, sequences, roles, extensions', () => {
  it('the overview and the schema reference state the RLS facts instead of the TODO', async () => {
    const docs = await render(objectsIr());
    for (const file of ['overview.md', 'schema.md']) {
      const rls = region(docs.get(file), 'row-level-security');
      expect(rls, file).toContain('Row-level security is enabled on 3 of 4 tables (1 forced');
      expect(rls, file).toContain('with 7 policies for `anon`, `auditor`, `authenticated`, `public`');
      expect(rls, file).toContain('grants alone decide access to `tags`');
      expect(docs.get(file), file).not.toContain(RLS_TODO);
    }
    const reference = region(docs.get('schema.md'), 'row-level-security');
    expect(reference).toContain(
      '`own profile`: permissive, `FOR UPDATE` to `authenticated`; USING `(id = auth_uid())`; WITH CHECK `(id = auth_uid())` — `src/db/schema.ts:15`',
    );
    expect(reference).toContain('`no archived`: **restrictive**, `FOR SELECT` to `anon`, `authenticated`');
    expect(reference).toContain(
      '[`audit_log`](#audit_log-table): row-level security enabled (`supabase/migrations/0003_rls.sql:3`); no policy',
    );
    expect(reference).toContain('**Roles declared in the schema:** `auditor` (NOLOGIN NOINHERIT)');
  });

  it("a policy on a table the schema lacks (Prisma's _prisma_migrations) is not counted as the schema's", async () => {
    const base = objectsIr();
    const ir = { ...base, policies: [...base.policies, aPolicy('_prisma_migrations', 'service only')] };
    const rls = region((await render(ir)).get('overview.md'), 'row-level-security');
    expect(rls).toContain('with 7 policies');
    expect(rls).not.toContain('_prisma_migrations');
  });

  it('the Triggers section lists each trigger, and the updated_at columns a trigger maintains', async () => {
    const triggers = region((await render(objectsIr())).get('schema.md'), 'triggers');
    expect(triggers).toContain(
      '| `documents_audit` | [`documents`](#documents-table) | AFTER INSERT OR UPDATE OF title, body OR DELETE, each row | `log_change()` | `supabase/migrations/0002_functions.sql:44` |',
    );
    expect(triggers).toContain('| `tags_audit` (disabled) |');
    expect(triggers).toContain(
      'kept current for every writer by a trigger: `documents.updated_at` (`documents_touch`)',
    );
    // No "a trigger that would keep ... current" suggestion: every such column has one.
    expect(triggers).not.toContain('CREATE TRIGGER');
  });

  it('a column only a trigger refreshes is said to be refreshed by the database', async () => {
    const base = objectsIr();
    const ir = {
      ...base,
      tables: base.tables.map((t) =>
        t.name === 'profiles' ? { ...t, columns: t.columns.map(({ onUpdate: _, ...c }) => c) } : t,
      ),
    };
    const triggers = region((await render(ir)).get('schema.md'), 'triggers');
    expect(triggers).toContain(
      'Refreshed on every update by a trigger in the database: `profiles.updated_at` (`profiles_touch`).',
    );
    expect(triggers).not.toContain('`profiles.updated_at` (`profiles_touch`), ');
  });

  it('functions, views and sequences have their own sections with where each was declared', async () => {
    const objects = region((await render(objectsIr())).get('schema.md'), 'database-objects');
    expect(objects).toContain('## Functions and Procedures');
    expect(objects).toContain(
      '| `log_change()` | `trigger` | plpgsql | volatile, **SECURITY DEFINER**, search_path = public, pg_temp | trigger `documents_audit` on `documents`, trigger `tags_audit` on `tags` |',
    );
    expect(objects).toContain('policy `own profile` on `profiles`');
    expect(objects).toContain(
      '| [`active_authors`](#active_authors-view) | view | [`recent_documents`](#recent_documents-view) |',
    );
    expect(objects).toContain(
      '| `invoice_numbers` | integer | 1 | 1 | default … 999999, cycles | `documents.invoice_number` |',
    );
  });

  it('each table file (per-table layout) shows its RLS, policies and triggers; a materialized view its definition', async () => {
    const docs = await render(objectsIr(), { output: { layout: 'per-table' } });
    const documents = docs.get('tables/documents.md') ?? '';
    expect(documents).toContain('**Row-Level Security:** enabled and forced, so the owner is bound too');
    expect(documents).toContain(
      '| `updated_at` | `timestamp(3) with time zone` | NOT NULL | `now()` | Refreshed on update by the ORM ($onUpdate(() =&gt; new Date())) and by the trigger `documents_touch` |',
    );
    expect(documents).toContain('- `insert own`: permissive, `FOR INSERT` to `authenticated`');
    expect(documents).toContain(
      '- `documents_touch`: `BEFORE UPDATE`, each row, when `old.* IS DISTINCT FROM new.*` → `touch_updated_at()`',
    );
    expect(docs.get('tables/tags.md')).toContain(
      '**Row-Level Security:** **not enabled**: the policies below have no effect.',
    );
    expect(docs.get('tables/audit_log.md')).toContain(
      'No policy: only the owner and BYPASSRLS roles reach its rows.',
    );
    expect(docs.get('tables/document_counts.md')).toContain('**Definition:**\n```sql\n SELECT owner_id,');
    expect(docs.get('tables/recent_documents.md')).not.toContain('Row-Level Security');
  });

  it('the technology stack names the extensions; access control states the RLS facts beside its TODO', async () => {
    const docs = await render(objectsIr());
    expect(region(docs.get('schema.md'), 'database-overview')).toContain(
      '**Extensions:** `moddatetime` (declared)',
    );
    expect(region(docs.get('architecture.md'), 'technology-stack')).toContain(
      '- **Extensions:** `moddatetime` (declared)',
    );
    for (const file of ['architecture.md', 'design.md']) {
      expect(region(docs.get(file), 'access-control'), file).toContain(
        'Row-level security is enabled on 3 of 4 tables',
      );
      expect(docs.get(file), file).toContain('Describe the permission model');
    }
  });

  it("a configured RLS strategy is shown beside the schema's facts", async () => {
    const docs = await render(objectsIr(), {
      project: { rowLevelSecurity: 'Supabase: clients use anon keys.' },
    });
    expect(region(docs.get('overview.md'), 'fact:rowLevelSecurity')).toBe('Supabase: clients use anon keys.');
    expect(region(docs.get('overview.md'), 'row-level-security')).toContain('Row-level security is enabled');
  });
});

describe('a Supabase-sized schema: 40 tables with RLS and 120 policies', () => {
  const names = Array.from({ length: 40 }, (_, i) => `t${String(i).padStart(2, '0')}`);
  const ir = anIr({
    source: { orm: 'drizzle', files: ['schema.ts'] },
    roles: [aRole('authenticated', { existing: true, declaredIn: 'orm' })],
    tables: names.map((n) =>
      aTable(n, {
        primaryKey: aPrimaryKey(n, ['id']),
        rls: { enabled: true, forced: false, declaredIn: 'orm' },
      }),
    ),
    policies: names.flatMap((n) =>
      (['select', 'insert', 'update'] as const).map((command) =>
        aPolicy(n, `${n}_${command}`, {
          command,
          roles: ['authenticated'],
          using: 'true',
          declaredIn: 'orm',
        }),
      ),
    ),
  });

  it('the overview shows the first tables and links to the reference, which lists every policy', async () => {
    const docs = await render(ir);
    const overview = region(docs.get('overview.md'), 'row-level-security');
    expect(overview).toContain('enabled on 40 of 40 tables, with 120 policies for `authenticated`');
    expect(overview.split('\n').filter((l) => l.startsWith('| [`t'))).toHaveLength(OVERVIEW_RLS_TABLES);
    expect(overview).toContain(
      '… and 25 more tables; every policy with its expressions: [Row-Level Security](schema.md#row-level-security-rls)',
    );
    const reference = region(docs.get('schema.md'), 'row-level-security');
    expect(reference.split('\n').filter((l) => l.startsWith('  - `t'))).toHaveLength(120);
    // The link target exists: the heading of that section.
    expect(docs.get('schema.md')).toContain('### Row-Level Security (RLS)');
  });
});

describe('custom templates: {{ormdoc:row-level-security}}, {{ormdoc:triggers}}, {{ormdoc:functions}}', () => {
  const template =
    '# Security\n\n{{ormdoc:row-level-security}}\n\n{{ormdoc:triggers}}\n\n{{ormdoc:functions}}\n';
  async function custom(ir: Ir): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-objects-'));
    await writeFile(path.join(dir, 'security.md'), template);
    const result = await renderDocuments({
      ir: canonicalizeIr(ir),
      config: resolveConfig({ output: { templates: ['schema', { path: 'security.md' }] } }),
      cwd: dir,
    });
    return result.files.find((f) => f.path === 'security.md')?.content ?? '';
  }

  it('give the same facts as the schema reference, linking into it', async () => {
    const doc = await custom(objectsIr());
    expect(region(doc, 'row-level-security')).toContain(
      '[`documents`](schema.md#documents-table): row-level security enabled, forced',
    );
    expect(region(doc, 'triggers')).toContain(
      '| `profiles_touch` | [`profiles`](schema.md#profiles-table) |',
    );
    expect(region(doc, 'functions')).toContain(
      'Their bodies are in the [Initial Schema](schema.md#initial-schema).',
    );
  });

  it('without RLS facts, the row-level-security directive is the counted TODO', async () => {
    const doc = await custom(plain());
    expect(doc).toContain(RLS_TODO);
    expect(region(doc, 'row-level-security')).toBe('');
  });
});

describe('documents of a schema with none of these objects', () => {
  it.each<[string, Ir, { rls: string | 'todo'; triggers: string; functions?: string }]>([
    [
      'Prisma, migrations not read: the TODO stays; triggers may exist unseen',
      plain(),
      {
        rls: 'todo',
        triggers:
          'The Prisma schema cannot declare triggers, and ormdoc read no migrations or database, so triggers created in SQL are not shown.',
      },
    ],
    [
      'SQLAlchemy, migrations not read: its schema could declare them (DDL events)',
      plain({ orm: 'sqlalchemy' }),
      {
        rls: 'todo',
        triggers:
          'The SQLAlchemy schema declares no triggers; triggers created in SQL migrations are not shown',
      },
    ],
    [
      'migrations read: known to be none',
      plain({ objectsReadFrom: ['migration'] }),
      {
        rls: 'No table has row-level security enabled and no policy is defined (read from the migrations)',
        triggers: '_The migrations define no triggers._',
        functions: '_The migrations define no functions._',
      },
    ],
    [
      'migrations read, one not in full: not known to be none, and the file is named',
      plain({ objectsReadFrom: ['migration'], objectsUnread: ['prisma/migrations/2_x/migration.sql'] }),
      {
        rls: 'todo',
        triggers:
          '_None found, but one migration could not be parsed in full (`prisma/migrations/2_x/migration.sql`): triggers created there may be missing._',
      },
    ],
    [
      'a live database read: known to be none',
      plain({ objectsReadFrom: ['database'] }),
      {
        rls: 'read from the database',
        triggers: '_The database defines no triggers._',
        functions: 'no functions',
      },
    ],
  ])('%s', async (_what, ir, want) => {
    const docs = await render(ir);
    const overview = docs.get('overview.md') ?? '';
    if (want.rls === 'todo') {
      expect(overview).toContain(RLS_TODO);
      expect(region(overview, 'row-level-security')).toBe('');
    } else {
      expect(overview).not.toContain(RLS_TODO);
      expect(region(overview, 'row-level-security')).toContain(want.rls);
    }
    const schema = docs.get('schema.md') ?? '';
    expect(region(schema, 'triggers')).toContain(want.triggers);
    if (want.functions) expect(region(schema, 'database-objects')).toContain(want.functions);
    else expect(schema).not.toContain('## Functions and Procedures');
  });

  it('MySQL: the RLS TODO stays and there is no functions section', async () => {
    const docs = await render(plain({ objectsReadFrom: ['migration'] }, 'mysql'));
    expect(docs.get('overview.md')).toContain(RLS_TODO);
    expect(docs.get('schema.md')).not.toContain('## Functions and Procedures');
  });
});
