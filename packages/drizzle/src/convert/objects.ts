import type { Diagnostic, Policy, Role, Sequence, Table } from '@ormdoc/core';
import type { CallSite, Declaration } from '../source/jsdoc.js';
import type { DzColumn, DzPolicy, DzRole, DzSequence } from '../types.js';
import type { DialectAdapter } from './adapter.js';
import type { Found } from './fromDrizzleTables.js';
import { convertPolicy, convertRole, type FoundPolicy, policyRoles, withRls } from './policies.js';
import { convertSequence, identitySequence } from './sequences.js';
import { tableIndex } from './tableIndex.js';

export interface ObjectsInput {
  adapter: DialectAdapter;
  /** Exported tables, policies, roles and sequences, as drizzle-kit collects them from the modules. */
  tables: Found[];
  policies: Found[];
  roles: Found[];
  sequences: Found[];
  /** The IR tables kept after the config's filters (views included). */
  irTables: Table[];
  declare(f: Found, dbName: string): Declaration | undefined;
  calls: CallSite[];
  diagnostics: Diagnostic[];
}

export interface Objects {
  tables: Table[];
  policies: Policy[];
  roles: Role[];
  sequences: Sequence[];
}

/**
 * What a drizzle PostgreSQL schema declares beyond tables, as drizzle-kit creates it: policies (in a
 * table's extra config, or exported and linked with `.link(table)`), row-level security (enabled by
 * `.enableRLS()` or by any policy), exported roles (`.existing()` ones are documented, not created),
 * exported sequences, and the sequences of identity columns whose options the schema gives.
 */
export function convertObjects(input: ObjectsInput): Objects {
  const a = input.adapter;
  // Stryker disable next-line StringLiteral: any separator keeps these keys apart (no name has the junk text)
  const key = (schema: string | null | undefined, name: string) => `${schema ?? ''}\u0000${name}`;
  const foundTable = new Map(input.tables.map((t) => [t.value, t]));
  const kept = tableIndex(input.irTables);
  const documented = (table: object) =>
    kept.get(a.tableSchema(table) ?? null, a.tableName(table)) !== undefined;

  const found: FoundPolicy[] = [];
  for (const t of input.tables)
    for (const policy of (a.tableConfig(t.value).policies ?? []) as DzPolicy[])
      found.push({ policy, table: t.value });
  for (const p of input.policies) {
    const policy = p.value as DzPolicy;
    const declaration = input.declare(p, policy.name);
    found.push({
      policy,
      table: policy._linkedTable,
      ...(declaration ? { declaration } : {}),
    });
  }

  const ctx = {
    adapter: a,
    diagnostics: input.diagnostics,
    // Stryker disable next-line MethodExpression,ConditionalExpression: the source index holds pgPolicy calls only (CALLEES)
    calls: input.calls.filter((c) => c.callee === 'pgPolicy'),
    tableCodeName: (table: object) => foundTable.get(table)?.codeName,
  };
  const policies: Policy[] = [];
  const policyTables = new Set<string>();
  const referenced = new Map<string, { role: DzRole; policy: string }>();
  for (const f of found) {
    // a policy on a table the config's filters leave out goes with it; one on a table the schema
    // does not export (Supabase's auth.users, say) is still created by drizzle-kit
    if (f.table && foundTable.has(f.table) && !documented(f.table)) continue;
    const policy = convertPolicy(f, ctx);
    if (!policy) continue;
    policies.push(policy);
    policyTables.add(key(policy.table.schema, policy.table.name));
    for (const role of policyRoles(f.policy.to, a.isRole).roles)
      if (!referenced.has(role.name)) referenced.set(role.name, { role, policy: policy.name });
  }

  const roles = new Map<string, Role>();
  for (const r of input.roles) {
    const role = r.value as DzRole;
    const decl = input.declare(r, role.name);
    if (!roles.has(role.name))
      roles.set(role.name, convertRole(role, decl ? { file: decl.file, line: decl.line } : undefined));
  }
  for (const [name, { role, policy }] of referenced) {
    if (roles.has(name)) continue;
    // Supabase's roles (drizzle-orm/supabase) and other `.existing()` roles: there already
    if (role._existing) roles.set(name, convertRole(role, undefined));
    else
      input.diagnostics.push({
        severity: 'warning',
        code: 'drizzle/role-not-exported',
        message: `Role "${name}" (used by policy "${policy}") is declared with pgRole but not exported; drizzle-kit does not create it, so its migration fails unless the role exists.`,
        hint: `Export the role from a schema file, or declare it with pgRole('${name}').existing() when the database already has it.`,
      });
  }

  const sequences: Sequence[] = [];
  for (const s of input.sequences) {
    const seq = s.value as DzSequence;
    const decl = seq.seqName ? input.declare(s, seq.seqName) : undefined;
    const converted = convertSequence(seq, decl ? { file: decl.file, line: decl.line } : undefined);
    if (converted && !sequences.some((x) => x.schema === converted.schema && x.name === converted.name))
      sequences.push(converted);
  }
  const byName = new Map(
    input.tables.map((f) => [key(a.tableSchema(f.value), a.tableName(f.value)), f.value]),
  );
  const tables = input.irTables.map((t) => {
    // Stryker disable next-line ConditionalExpression: views are never among the exported tables (one name, one table or view)
    if (t.kind !== 'table') return t;
    const value = byName.get(key(t.schema, t.name));
    // Stryker disable next-line ConditionalExpression: every IR table was converted from an exported table
    if (!value) return t;
    const cfg = a.tableConfig(value);
    for (const c of cfg.columns as DzColumn[]) {
      const column = a.columnName(c);
      const source = t.columns.find((x) => x.name === column)?.source ?? t.source;
      const seq = identitySequence(c, { schema: t.schema, table: t.name, column }, source);
      if (seq) sequences.push(seq);
    }
    return withRls(t, cfg.enableRLS === true, policyTables.has(key(t.schema, t.name)));
  });
  return { tables, policies, roles: [...roles.values()], sequences };
}
