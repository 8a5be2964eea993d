import type { Ir } from '../ir/types.js';
import {
  aColumn,
  aForeignKey,
  anIr,
  aPolicy,
  aPrimaryKey,
  aRole,
  aRoutine,
  aSequence,
  aTable,
  aTrigger,
} from './builders.js';

/**
 * A Supabase-style schema with every kind of object beyond tables, as a migrations folder would
 * declare it: roles (one declared as existing, one only named by a policy), sequences, SQL and
 * PL/pgSQL functions (one SECURITY DEFINER without search_path, one returning a table's rows), a
 * procedure, triggers (BEFORE/AFTER, UPDATE OF, WHEN, statement-level, disabled, an extension's
 * function), row-level security (enabled, forced, enabled without a policy), policies (permissive
 * and restrictive, each command, several roles), a view that reads another view, a materialized
 * view. Policy and WHEN expressions are written as PostgreSQL prints them back (`pg_get_expr`), so
 * tests compare them with the catalog as they are.
 */
export function objectsIr(): Ir {
  const m = (file: string, line: number) => ({ file: `supabase/migrations/${file}`, line });
  const updatedAt = aColumn('updated_at', 'timestamp(3) with time zone', {
    default: { kind: 'sql', expression: 'now()' },
    onUpdate: { kind: 'orm', description: '$onUpdate(() => new Date())' },
  });
  return anIr({
    source: { orm: 'drizzle', files: ['src/db/schema.ts'], objectsReadFrom: ['migration'] },
    extensions: [{ name: 'moddatetime', origin: 'declared', source: m('0001_init.sql', 1) }],
    roles: [
      aRole('authenticated', {
        existing: true,
        declaredIn: 'orm',
        source: { file: 'src/db/schema.ts', line: 3 },
      }),
      aRole('auditor', { options: ['NOLOGIN', 'NOINHERIT'], source: m('0001_init.sql', 3) }),
    ],
    sequences: [
      aSequence('document_ids', {
        dataType: 'bigint',
        start: '1000',
        increment: '1',
        cache: '10',
        source: m('0001_init.sql', 5),
      }),
      aSequence('invoice_numbers', {
        dataType: 'integer',
        start: '1',
        increment: '1',
        maxValue: '999999',
        cycle: true,
        ownedBy: { schema: null, name: 'documents', column: 'invoice_number' },
        source: m('0001_init.sql', 6),
      }),
      // The sequences a serial and an identity column create, with options the columns cannot say.
      aSequence('tags_id_seq', {
        dataType: 'integer',
        start: '50',
        increment: '5',
        ownedBy: { schema: null, name: 'tags', column: 'id' },
      }),
      aSequence('audit_log_id_seq', {
        dataType: 'bigint',
        start: '7',
        cache: '20',
        ownedBy: { schema: null, name: 'audit_log', column: 'id' },
      }),
    ],
    routines: [
      aRoutine('auth_uid', {
        returns: 'uuid',
        language: 'sql',
        volatility: 'stable',
        body: "\n  SELECT nullif(current_setting('request.jwt.claim.sub', true), '')::uuid\n",
        description: 'The id of the signed-in user, from the request JWT.',
        source: m('0002_functions.sql', 1),
      }),
      aRoutine('touch_updated_at', {
        body: '\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n',
        source: m('0002_functions.sql', 8),
      }),
      aRoutine('log_change', {
        securityDefiner: true,
        config: { search_path: 'public, pg_temp' },
        body: "\nBEGIN\n  INSERT INTO audit_log (table_name, op) VALUES (TG_TABLE_NAME, TG_OP);\n  RETURN NULL; -- 'AFTER' triggers ignore it\nEND;\n",
        source: m('0002_functions.sql', 16),
      }),
      aRoutine('documents_of', {
        arguments: 'owner uuid',
        returns: 'SETOF documents',
        language: 'sql',
        volatility: 'stable',
        securityDefiner: true,
        body: '\n  SELECT * FROM documents WHERE owner_id = owner\n',
        source: m('0002_functions.sql', 24),
      }),
      aRoutine('archive_old', {
        kind: 'procedure',
        arguments: 'days integer DEFAULT 30',
        returns: undefined,
        body: '\nBEGIN\n  UPDATE documents SET archived = true WHERE updated_at < now() - make_interval(days => days);\nEND;\n',
        source: m('0002_functions.sql', 30),
      }),
    ],
    tables: [
      aTable('profiles', {
        columns: [aColumn('id', 'uuid'), aColumn('username', 'text'), updatedAt],
        primaryKey: aPrimaryKey('profiles', ['id']),
        rls: {
          enabled: true,
          forced: false,
          declaredIn: 'orm',
          source: { file: 'src/db/schema.ts', line: 10 },
        },
        source: { file: 'src/db/schema.ts', line: 10 },
      }),
      aTable('documents', {
        columns: [
          aColumn('id', 'bigint', {
            default: { kind: 'sql', expression: "nextval('document_ids'::regclass)" },
          }),
          aColumn('owner_id', 'uuid'),
          aColumn('title', 'text'),
          aColumn('body', 'text'),
          aColumn('archived', 'boolean', { default: { kind: 'literal', value: false, sql: 'false' } }),
          aColumn('invoice_number', 'integer', { nullable: true }),
          updatedAt,
        ],
        primaryKey: aPrimaryKey('documents', ['id']),
        foreignKeys: [aForeignKey('documents', ['owner_id'], 'profiles')],
        rls: { enabled: true, forced: true, declaredIn: 'migration', source: m('0003_rls.sql', 1) },
      }),
      aTable('audit_log', {
        columns: [
          aColumn('id', 'bigint', { default: { kind: 'sequence', style: 'identity-always' } }),
          aColumn('table_name', 'text'),
          aColumn('op', 'text'),
          aColumn('at', 'timestamp(3) with time zone', { default: { kind: 'sql', expression: 'now()' } }),
        ],
        primaryKey: aPrimaryKey('audit_log', ['id']),
        rls: { enabled: true, forced: false, declaredIn: 'migration', source: m('0003_rls.sql', 3) },
      }),
      aTable('tags', {
        columns: [
          aColumn('id', 'integer', { default: { kind: 'sequence', style: 'serial' } }),
          aColumn('name', 'text'),
          updatedAt,
        ],
        primaryKey: aPrimaryKey('tags', ['id']),
      }),
      aTable('active_authors', {
        kind: 'view',
        columns: [aColumn('owner_id', 'uuid', { nullable: true })],
        definition: ' SELECT DISTINCT owner_id\n   FROM recent_documents;',
        source: m('0004_views.sql', 6),
      }),
      aTable('recent_documents', {
        kind: 'view',
        columns: [
          aColumn('id', 'bigint', { nullable: true }),
          aColumn('owner_id', 'uuid', { nullable: true }),
          aColumn('title', 'text', { nullable: true }),
        ],
        definition: ' SELECT id,\n    owner_id,\n    title\n   FROM documents\n  WHERE (NOT archived);',
        source: m('0004_views.sql', 1),
      }),
      aTable('document_counts', {
        kind: 'materialized-view',
        columns: [
          aColumn('owner_id', 'uuid', { nullable: true }),
          aColumn('n', 'bigint', { nullable: true }),
        ],
        definition: ' SELECT owner_id,\n    count(*) AS n\n   FROM documents\n  GROUP BY owner_id;',
        source: m('0004_views.sql', 10),
      }),
    ],
    triggers: [
      aTrigger('profiles', 'profiles_touch', 'touch_updated_at', { source: m('0002_functions.sql', 40) }),
      aTrigger('documents', 'documents_touch', 'touch_updated_at', {
        when: 'old.* IS DISTINCT FROM new.*',
        source: m('0002_functions.sql', 41),
      }),
      aTrigger('documents', 'documents_audit', 'log_change', {
        timing: 'after',
        events: ['insert', 'update', 'delete'],
        updateOf: ['title', 'body'],
        source: m('0002_functions.sql', 44),
      }),
      aTrigger('tags', 'tags_audit', 'log_change', {
        timing: 'after',
        events: ['truncate'],
        forEach: 'statement',
        enabled: false,
        source: m('0002_functions.sql', 48),
      }),
      aTrigger('tags', 'tags_touch', 'moddatetime', {
        arguments: ['updated_at'],
        source: m('0002_functions.sql', 50),
      }),
    ],
    policies: [
      aPolicy('profiles', 'profiles are public', {
        command: 'select',
        using: 'true',
        declaredIn: 'orm',
        source: { file: 'src/db/schema.ts', line: 14 },
      }),
      aPolicy('profiles', 'own profile', {
        command: 'update',
        roles: ['authenticated'],
        using: '(id = auth_uid())',
        withCheck: '(id = auth_uid())',
        declaredIn: 'orm',
        source: { file: 'src/db/schema.ts', line: 15 },
      }),
      aPolicy('documents', 'owner reads and writes', {
        roles: ['authenticated', 'auditor'],
        using: '(owner_id = auth_uid())',
        source: m('0003_rls.sql', 5),
      }),
      aPolicy('documents', 'insert own', {
        command: 'insert',
        roles: ['authenticated'],
        withCheck: '(owner_id = auth_uid())',
        source: m('0003_rls.sql', 8),
      }),
      aPolicy('documents', 'no archived', {
        command: 'select',
        permissive: false,
        roles: ['anon', 'authenticated'],
        using: '(NOT archived)',
        source: m('0003_rls.sql', 10),
      }),
      aPolicy('documents', 'nobody deletes', {
        command: 'delete',
        using: 'false',
        source: m('0003_rls.sql', 12),
      }),
      aPolicy('tags', 'tags are public', { command: 'select', using: 'true', source: m('0003_rls.sql', 14) }),
    ],
  });
}
