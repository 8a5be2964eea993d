import type { Diagnostic, Policy, Role, SourceLocation, Table } from '@ormdoc/core';
import type { CallSite, Declaration } from '../source/jsdoc.js';
import type { DzPolicy, DzRole } from '../types.js';
import type { DialectAdapter } from './adapter.js';

/** A policy value and where the schema holds it: in a table's extra config, or linked to one. */
export interface FoundPolicy {
  policy: DzPolicy;
  /** The table whose extra config lists it; linked policies: their `_linkedTable`. */
  table: object | undefined;
  declaration?: Declaration;
}

export interface PolicyContext {
  adapter: DialectAdapter;
  diagnostics: Diagnostic[];
  /** `pgPolicy('name', ...)` call sites of the schema files. */
  calls: CallSite[];
  /** The code name (export) of a table value, for finding its inline policies' call sites. */
  tableCodeName(table: object): string | undefined;
}

/** The SQL keywords drizzle-kit writes for a role's options (`CREATE ROLE "admin" WITH CREATEDB ...`). */
export function roleOptions(role: DzRole): string[] {
  const options: string[] = [];
  if (role.createDb) options.push('CREATEDB');
  if (role.createRole) options.push('CREATEROLE');
  if (role.inherit === false) options.push('NOINHERIT');
  return options;
}

export function convertRole(role: DzRole, source: SourceLocation | undefined): Role {
  return {
    name: role.name,
    options: roleOptions(role),
    ...(role._existing ? { existing: true } : {}),
    declaredIn: 'orm',
    ...(source ? { source } : {}),
  };
}

/** Role names of a policy's `to` (a name, a `pgRole`, or a list of them), sorted as drizzle-kit does; none: public. */
export function policyRoles(
  to: unknown,
  isRole: (v: unknown) => boolean,
): { names: string[]; roles: DzRole[] } {
  const names: string[] = [];
  const roles: DzRole[] = [];
  // (undefined or null: no string and no role, so public)
  for (const item of Array.isArray(to) ? to : [to]) {
    if (typeof item === 'string') names.push(item);
    else if (isRole(item)) {
      names.push((item as DzRole).name);
      roles.push(item as DzRole);
    }
  }
  return { names: names.length > 0 ? names.sort() : ['public'], roles };
}

/**
 * A drizzle policy -> the IR. USING / WITH CHECK are drizzle's SQL as drizzle-kit renders it; a
 * parameter (a JS value in `eq(t.col, 'x')`) is written inline as a literal, where drizzle-kit would
 * write `$1`, with a warning.
 */
export function convertPolicy(found: FoundPolicy, ctx: PolicyContext): Policy | undefined {
  const { policy } = found;
  const a = ctx.adapter;
  const source = policySource(found, ctx);
  if (!found.table) {
    ctx.diagnostics.push({
      severity: 'warning',
      code: 'drizzle/policy-not-linked',
      message: `Policy "${policy.name}" is neither in a table's extra config nor linked to a table; drizzle-kit skips it, and so does ormdoc.`,
      ...(source ? { file: source.file, ...(source.line ? { line: source.line } : {}) } : {}),
      hint: 'Add it to the table (pgTable(name, columns, (t) => [pgPolicy(...)])) or call .link(table) on it.',
    });
    return undefined;
  }
  const table = { schema: a.tableSchema(found.table) ?? null, name: a.tableName(found.table) };
  const expression = (what: 'USING' | 'WITH CHECK', value: unknown): string | undefined => {
    if (!a.isSql(value)) return undefined;
    const { sql, hadParams } = a.inlineSql(value);
    if (hadParams)
      ctx.diagnostics.push({
        severity: 'warning',
        code: 'drizzle/policy-parameter',
        message: `The ${what} expression of policy "${policy.name}" on ${table.name} has a parameter (a JavaScript value); drizzle-kit writes it as a placeholder ($1) that PostgreSQL rejects. ormdoc documents it with the value inline: ${sql}`,
        ...(source ? { file: source.file, ...(source.line ? { line: source.line } : {}) } : {}),
        hint: "Write the value into the SQL text itself (sql`status = 'active'`), so drizzle-kit's migration executes.",
      });
    return sql;
  };
  const using = expression('USING', policy.using);
  const withCheck = expression('WITH CHECK', policy.withCheck);
  return {
    table,
    name: policy.name,
    command: policy.for ?? 'all',
    roles: policyRoles(policy.to, a.isRole).names,
    permissive: policy.as !== 'restrictive',
    ...(using !== undefined ? { using } : {}),
    ...(withCheck !== undefined ? { withCheck } : {}),
    declaredIn: 'orm',
    ...(source ? { source } : {}),
  };
}

/**
 * Where a policy is written: its own const, else the `pgPolicy('name'` call inside its table's
 * declaration, else the only call of that name in the schema.
 */
function policySource(found: FoundPolicy, ctx: PolicyContext): SourceLocation | undefined {
  const d = found.declaration;
  if (d) return { file: d.file, line: d.line };
  const named = ctx.calls.filter((c) => c.name === found.policy.name);
  const owner = found.table ? ctx.tableCodeName(found.table) : undefined;
  const call =
    (owner !== undefined ? named.find((c) => c.within === owner) : undefined) ??
    (named.length === 1 ? named[0] : undefined);
  return call ? { file: call.file, line: call.line } : undefined;
}

/** Row-level security as drizzle-kit sets it: `.enableRLS()`, or any policy on the table. */
export function withRls(table: Table, enableRLS: boolean, hasPolicies: boolean): Table {
  if (!enableRLS && !hasPolicies) return table;
  return {
    ...table,
    rls: {
      enabled: true,
      forced: false,
      declaredIn: 'orm',
      ...(table.source ? { source: table.source } : {}),
    },
  };
}
