import { TRIGGER_FUNCTION_EXTENSIONS } from '../../ddl/extensions.js';
import { qualifiedIdent, quoteIdent } from '../../ddl/identifiers.js';
import { findTable, qualifiedName } from '../../ir/names.js';
import {
  objectsComplete,
  policiesOf,
  routineName,
  routineSignature,
  routinesNamed,
  sameObject,
} from '../../ir/objects.js';
import type { Ir, Routine, Trigger } from '../../ir/types.js';
import { type At, defineRule } from '../_rule.js';
import type { Finding, RuleContext } from '../types.js';

/** Findings about the objects beyond tables: row-level security, policies, triggers, functions. */

const pg = (ir: Ir) => ir.dialect === 'postgresql' || ir.dialect === 'cockroachdb';

export const rlsWithoutPolicy = defineRule({
  id: 'rls-without-policy',
  title: 'Row-level security without a policy',
  category: 'security',
  severity: 'info',
  description:
    "A table with row-level security enabled and no policy: every query by a role other than the table's owner (or a role with BYPASSRLS) sees no rows, and its writes fail. Reported only when the policies are known: read from the migrations or the database, or declared in the same source as the RLS switch.",
  check(ctx: RuleContext, at: At): Finding[] {
    if (!pg(ctx.ir)) return [];
    const complete = objectsComplete(ctx.ir);
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      const rls = table.rls;
      if (!rls?.enabled || policiesOf(ctx.ir, table).length > 0) continue;
      // Without the migrations, policies may live there: only a source that declares both is sure.
      if (!complete && !ctx.ir.policies.some((p) => p.declaredIn === rls.declaredIn)) continue;
      const name = qualifiedName(table);
      out.push({
        ...at(table),
        message: `${name} has row-level security enabled${rls.forced ? ' and forced' : ''} but no policy: ${rls.forced ? 'every role, its owner included,' : 'every role but its owner (and BYPASSRLS roles)'} sees no rows of ${name} and cannot write to it.`,
        hint: `If only the owner or a BYPASSRLS role (such as Supabase's service_role) should use ${name}, say so in its description; otherwise add a policy for each role and command that needs access.`,
      });
    }
    return out;
  },
});

export const policyWithoutRls = defineRule({
  id: 'policy-without-rls',
  title: 'Policy on a table without row-level security',
  category: 'security',
  severity: 'warning',
  description:
    'A policy on a table whose row-level security is not enabled: PostgreSQL ignores the policy, so every role with a grant on the table sees and changes every row.',
  check(ctx: RuleContext, at: At): Finding[] {
    if (!pg(ctx.ir)) return [];
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.rls?.enabled) continue;
      const policies = policiesOf(ctx.ir, table);
      if (policies.length === 0) continue;
      const name = qualifiedName(table);
      const names = policies.map((p) => p.name).join(', ');
      out.push({
        ...at(table),
        message: `${name} has ${policies.length === 1 ? `the policy ${names}` : `${policies.length} policies (${names})`} but row-level security is not enabled on it: ${policies.length === 1 ? 'the policy has' : 'they have'} no effect, and every role with a grant on ${name} reaches every row.`,
        hint: `Enable row-level security on ${name}${ctx.ir.source.orm === 'drizzle' ? ' (in Drizzle: .enableRLS() on the table)' : ''}.`,
        fix: { sql: `ALTER TABLE ${qualifiedIdent('postgresql', table)} ENABLE ROW LEVEL SECURITY;` },
      });
    }
    return out;
  },
});

/** Tables the migration tools create for their own bookkeeping, which no schema declares. */
const MIGRATION_TOOL_TABLES = new Set(['_prisma_migrations', '__drizzle_migrations']);

export const policyOnMissingTable = defineRule({
  id: 'policy-on-missing-table',
  title: 'Policy on a table that does not exist',
  category: 'integrity',
  severity: 'error',
  description:
    'A policy names a table the schema does not have (a typo, or a table renamed or dropped later): CREATE POLICY fails on it, or the policy was dropped with the table.',
  check(ctx: RuleContext, at: At): Finding[] {
    const out: Finding[] = [];
    for (const p of ctx.ir.policies) {
      if (ctx.ir.tables.some((t) => sameObject(t, p.table)) || findTable(ctx.ir, p.table)) continue;
      // The migration tools' own tables exist without a model (Supabase's advisor has projects put RLS and policies on them).
      if (MIGRATION_TOOL_TABLES.has(p.table.name)) continue;
      const where = p.source ? ` (${p.source.file}${p.source.line ? `:${p.source.line}` : ''})` : '';
      out.push({
        ...at(p.table),
        message: `The policy ${p.name}${where} is on ${qualifiedName(p.table)}, which is not a table of the schema.`,
        hint: 'Point the policy at the table it is meant for, or drop it with the table it belonged to.',
      });
    }
    return out;
  },
});

/** The `search_path` setting a routine fixes, if any (`SET search_path = ...`). */
const fixedSearchPath = (r: Routine) =>
  Object.entries(r.config).find(([k]) => k.toLowerCase() === 'search_path')?.[1];

/**
 * The argument list as ALTER FUNCTION takes it: modes, names and types, without defaults
 * (`user_id uuid, n integer DEFAULT 1` → `user_id uuid, n integer`).
 */
export function argumentTypes(args: string): string {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i <= args.length; i++) {
    const c = args[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ',' && depth === 0) || i === args.length) {
      parts.push(args.slice(start, i));
      start = i + 1;
    }
  }
  return parts
    .map((p) => p.replace(/\s+(?:default\b|=)[\s\S]*$/i, '').trim())
    .filter((p) => p !== '')
    .join(', ');
}

const DEFINER = {
  id: 'security-definer-search-path',
  category: 'security',
  severity: 'warning',
} as const;

export const securityDefinerSearchPath = defineRule({
  ...DEFINER,
  title: 'SECURITY DEFINER function without a fixed search_path',
  description:
    "A function that runs with its owner's rights (SECURITY DEFINER) and takes the caller's search_path: a caller who can create a function, operator or table in a schema on that path can make it run their code with the owner's rights. PostgreSQL's documentation asks for SET search_path on every such function.",
  check(ctx: RuleContext): Finding[] {
    if (!pg(ctx.ir)) return [];
    return ctx.ir.routines
      .filter((r) => r.securityDefiner && fixedSearchPath(r) === undefined)
      .map((r) => {
        const schema = r.schema ?? 'public';
        const what = r.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
        const name =
          r.schema === null
            ? quoteIdent('postgresql', r.name)
            : `${quoteIdent('postgresql', r.schema)}.${quoteIdent('postgresql', r.name)}`;
        const where = r.source ? ` (${r.source.file}${r.source.line ? `:${r.source.line}` : ''})` : '';
        return {
          ruleId: DEFINER.id,
          severity: DEFINER.severity,
          category: DEFINER.category,
          message: `The ${r.kind} ${routineSignature(r)}${where} is SECURITY DEFINER without SET search_path: it resolves unqualified names with the caller's search_path, with its owner's rights.`,
          hint: `Fix its search_path to trusted schemas, pg_temp last, and schema-qualify what it calls.`,
          fix: {
            sql: `ALTER ${what} ${name}(${argumentTypes(r.arguments)}) SET search_path = ${quoteIdent('postgresql', schema)}, pg_temp;`,
          },
        } satisfies Finding;
      });
  },
});

/** Trigger functions PostgreSQL itself provides (pg_catalog). */
const BUILT_IN_TRIGGER_FUNCTIONS = new Set([
  'suppress_redundant_updates_trigger',
  'tsvector_update_trigger',
  'tsvector_update_trigger_column',
]);

/**
 * Is the trigger's function one the IR cannot be expected to hold? Built-ins, functions in
 * `pg_catalog`, in an extension's schema, or in a schema the source never mentions (another
 * application's, a platform's such as Supabase's): those are created outside these sources.
 */
function definedElsewhere(ir: Ir, t: Trigger): boolean {
  const schema = t.function.schema;
  if (schema === 'pg_catalog' || (schema === null && BUILT_IN_TRIGGER_FUNCTIONS.has(t.function.name)))
    return true;
  if (schema !== null && schema !== 'public') {
    if (ir.extensions.some((e) => e.schema === schema)) return true;
    const known = ir.namespaces.includes(schema) || ir.routines.some((r) => r.schema === schema);
    if (!known) return true;
  }
  const extension = TRIGGER_FUNCTION_EXTENSIONS[t.function.name];
  return extension !== undefined && ir.extensions.some((e) => e.name === extension);
}

export const triggerFunctionMissing = defineRule({
  id: 'trigger-function-missing',
  title: 'Trigger whose function is not defined',
  category: 'integrity',
  severity: 'warning',
  description:
    "A trigger executes a function that none of the schema's sources defines. Reported only when every function is known (the migrations or the database were read), and not for built-in functions, functions of a declared extension or functions in schemas the sources never mention.",
  check(ctx: RuleContext, at: At): Finding[] {
    if (!pg(ctx.ir) || !objectsComplete(ctx.ir)) return [];
    const out: Finding[] = [];
    for (const t of ctx.ir.triggers) {
      if (routinesNamed(ctx.ir, t.function).length > 0 || definedElsewhere(ctx.ir, t)) continue;
      const extension = TRIGGER_FUNCTION_EXTENSIONS[t.function.name];
      out.push({
        ...at(t.table),
        message: `The trigger ${t.name} on ${qualifiedName(t.table)} executes ${routineName(t.function)}(), which no migration defines: creating the trigger fails, or the function was created by hand and is not under version control.`,
        hint: extension
          ? `${t.function.name}() comes from the ${extension} extension: create the extension in a migration.`
          : `Add the CREATE FUNCTION ${routineName(t.function)}() to a migration before the trigger.`,
        ...(extension
          ? { fix: { sql: `CREATE EXTENSION IF NOT EXISTS ${quoteIdent('postgresql', extension)};` } }
          : {}),
      });
    }
    return out;
  },
});
