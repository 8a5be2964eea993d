import { type Ir, qualifiedName } from '@ormdoc/core';
import type { DriftChange } from './report.js';

/** The object kinds beyond tables drift compares by presence (and RLS by its switch). */
export type ObjectChangeKind =
  | 'policy-added'
  | 'policy-dropped'
  | 'rls-changed'
  | 'trigger-added'
  | 'trigger-dropped'
  | 'routine-added'
  | 'routine-dropped';

const schemaOf = (s: string | null) => (s === 'public' ? null : s);
const ref = (r: { schema: string | null; name: string }) =>
  qualifiedName({ schema: schemaOf(r.schema), name: r.name });

/**
 * Policies, triggers and routines only in one of the two IRs (by table and name; routines by
 * schema and name, since argument lists are spelt differently by a migration and by the catalog),
 * and tables whose row-level security is switched otherwise. "added" is only in the ORM's schema.
 */
export function diffObjects(db: Ir, orm: Ir): DriftChange[] {
  const out: DriftChange[] = [];
  const pair = <T>(
    a: readonly T[],
    b: readonly T[],
    key: (x: T) => string,
    change: (x: T, side: 'added' | 'dropped') => DriftChange,
  ) => {
    const inDb = new Set(a.map(key));
    const inOrm = new Set(b.map(key));
    for (const x of b) if (!inDb.has(key(x))) out.push(change(x, 'added'));
    for (const x of a) if (!inOrm.has(key(x))) out.push(change(x, 'dropped'));
  };
  pair(
    db.policies,
    orm.policies,
    (p) => `${ref(p.table)}\u0000${p.name}`,
    (p, side) => ({
      kind: `policy-${side}`,
      table: ref(p.table),
      name: p.name,
      [side === 'added' ? 'after' : 'before']:
        `${p.command} TO ${p.roles.join(', ')}${p.using ? ` USING (${p.using})` : ''}`,
    }),
  );
  pair(
    db.triggers,
    orm.triggers,
    (t) => `${ref(t.table)}\u0000${t.name}`,
    (t, side) => ({
      kind: `trigger-${side}`,
      table: ref(t.table),
      name: t.name,
      [side === 'added' ? 'after' : 'before']: `${t.timing} ${t.events.join(' or ')} → ${ref(t.function)}()`,
    }),
  );
  pair(
    db.routines,
    orm.routines,
    (r) => ref(r),
    (r, side) => ({
      kind: `routine-${side}`,
      name: ref(r),
      [side === 'added' ? 'after' : 'before']: `${r.kind} ${ref(r)}(${r.arguments})`,
    }),
  );
  const dbTables = new Map(db.tables.map((t) => [ref(t), t]));
  for (const t of orm.tables) {
    const other = dbTables.get(ref(t));
    if (!other || t.kind !== 'table') continue;
    const rls = (x: typeof t) =>
      x.rls?.enabled ? (x.rls.forced ? 'enabled, forced' : 'enabled') : 'disabled';
    if (rls(t) !== rls(other))
      out.push({ kind: 'rls-changed', table: ref(t), before: rls(other), after: rls(t) });
  }
  return out;
}
