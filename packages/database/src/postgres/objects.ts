import type { IrInput } from '@ormdoc/core';
import type { CatalogRows, RelationRow, TriggerRow } from './rows.js';
import type { SchemaOf } from './tables.js';

/** Enums, policies, triggers, routines, sequences and extensions of a catalog read (declaredIn 'database'). */
export function objectsOf(
  rows: CatalogRows,
  schemaOf: SchemaOf,
): Pick<IrInput, 'enums' | 'policies' | 'triggers' | 'routines' | 'sequences' | 'extensions'> {
  const relations = new Map(rows.relations.map((r) => [r.rel, r]));
  const ref = (rel: string) => {
    const r = relations.get(rel) as RelationRow;
    return { schema: schemaOf(r.schema), name: r.name };
  };
  return {
    enums: rows.enums.map((e) => ({
      schema: schemaOf(e.schema),
      name: e.name,
      values: e.values.map((name) => ({ name })),
      ...(e.comment ? { description: e.comment } : {}),
    })),
    policies: rows.policies.map((p) => ({
      table: ref(p.rel),
      name: p.name,
      command: POLICY_COMMANDS[p.command],
      roles: p.roles.length > 0 ? p.roles : ['public'],
      permissive: p.permissive,
      ...(p.using ? { using: p.using } : {}),
      ...(p.with_check ? { withCheck: p.with_check } : {}),
      declaredIn: 'database' as const,
    })),
    triggers: rows.triggers.map((t) => triggerOf(t, ref(t.rel), schemaOf)),
    routines: rows.routines.map((r) => ({
      schema: schemaOf(r.schema),
      name: r.name,
      kind: r.kind === 'p' ? ('procedure' as const) : ('function' as const),
      arguments: r.arguments,
      ...(r.result ? { returns: r.result } : {}),
      language: r.language,
      volatility: VOLATILITY[r.volatility],
      securityDefiner: r.security_definer,
      config: Object.fromEntries(
        (r.config ?? []).map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]),
      ),
      ...(r.body !== null ? { body: r.body } : {}),
      ...(r.comment ? { description: r.comment } : {}),
      declaredIn: 'database' as const,
    })),
    sequences: rows.sequences.map((s) => ({
      schema: schemaOf(s.schema),
      name: s.name,
      dataType: s.data_type,
      start: s.start,
      increment: s.increment,
      minValue: s.min_value,
      maxValue: s.max_value,
      cache: s.cache,
      cycle: s.cycle,
      declaredIn: 'database' as const,
    })),
    extensions: rows.extensions.map((e) => ({ name: e.name, schema: e.schema, version: e.version })),
  };
}

const POLICY_COMMANDS = { r: 'select', a: 'insert', w: 'update', d: 'delete', '*': 'all' } as const;
const VOLATILITY = { i: 'immutable', s: 'stable', v: 'volatile' } as const;

/** tgtype bits: 1 ROW, 2 BEFORE, 4 INSERT, 8 DELETE, 16 UPDATE, 32 TRUNCATE, 64 INSTEAD OF. */
function triggerOf(t: TriggerRow, table: { schema: string | null; name: string }, schemaOf: SchemaOf) {
  const bit = (b: number) => (t.type & b) !== 0;
  const events = (
    [
      [4, 'insert'],
      [16, 'update'],
      [8, 'delete'],
      [32, 'truncate'],
    ] as const
  )
    .filter(([b]) => bit(b))
    .map(([, e]) => e);
  const when = /\bWHEN \((.*)\) EXECUTE (?:FUNCTION|PROCEDURE)\b/s.exec(t.def)?.[1];
  // encode(tgargs, 'escape') writes each argument followed by \000.
  const args = t.arg_count > 0 && t.args ? t.args.split('\\000').slice(0, t.arg_count) : [];
  return {
    table,
    name: t.name,
    timing: bit(64) ? ('instead of' as const) : bit(2) ? ('before' as const) : ('after' as const),
    events: events.length > 0 ? events : (['insert'] as const).slice(),
    ...(t.update_of.length > 0 ? { updateOf: t.update_of } : {}),
    forEach: bit(1) ? ('row' as const) : ('statement' as const),
    ...(when ? { when } : {}),
    function: { schema: schemaOf(t.function_schema), name: t.function_name },
    arguments: args,
    enabled: t.enabled !== 'D',
    declaredIn: 'database' as const,
  };
}
