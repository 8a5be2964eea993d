import type { Table } from '../ir/types.js';
import { checkText, fkActions, fkTarget, indexText, keyText } from './describe.js';
import type { SchemaChange } from './schema.js';

/**
 * Key, index, foreign key and check changes of a table present before and after. Uniques, indexes
 * and foreign keys are matched by what they are (columns, parts, target), so a constraint whose
 * only change is its name is one `constraint-renamed`, not a drop and an add; checks by name.
 */
export function diffConstraints(
  table: string,
  a: Table,
  b: Table,
  emptyColumns: ReadonlySet<string> = new Set(),
): SchemaChange[] {
  // Rules on columns that are new and hold only NULLs cannot be broken by existing rows.
  const fresh = (columns: readonly (string | undefined)[]) =>
    columns.length > 0 && columns.every((c) => c !== undefined && emptyColumns.has(c))
      ? { newEmptyColumns: true }
      : {};
  const out: SchemaChange[] = [];
  const at = { table, existingTable: true };
  const pa = a.primaryKey;
  const pb = b.primaryKey;
  if (pa && !pb) out.push({ kind: 'primary-key-dropped', ...at, name: pa.name, before: keyText(pa) });
  else if (!pa && pb) out.push({ kind: 'primary-key-added', ...at, name: pb.name, after: keyText(pb) });
  else if (pa && pb && keyText(pa) !== keyText(pb))
    out.push({ kind: 'primary-key-changed', ...at, name: pb.name, before: keyText(pa), after: keyText(pb) });

  out.push(
    ...matched(a.uniques, b.uniques, keyText, (u) => u.name, {
      dropped: (u) => ({ kind: 'unique-dropped', ...at, name: u.name, before: keyText(u) }),
      added: (u) => ({ kind: 'unique-added', ...at, name: u.name, after: keyText(u), ...fresh(u.columns) }),
    }),
    ...matched(a.indexes, b.indexes, indexText, (i) => i.name, {
      dropped: (i) => ({ kind: 'index-dropped', ...at, name: i.name, before: indexText(i) }),
      added: (i) => ({
        kind: 'index-added',
        ...at,
        name: i.name,
        after: indexText(i),
        ...fresh(i.parts.map((p) => p.column)),
      }),
    }),
    ...matched(a.foreignKeys, b.foreignKeys, fkTarget, (f) => f.name, {
      dropped: (f) => ({
        kind: 'foreign-key-dropped',
        ...at,
        name: f.name,
        before: `${fkTarget(f)} ${fkActions(f)}`,
      }),
      added: (f) => ({
        kind: 'foreign-key-added',
        ...at,
        name: f.name,
        after: `${fkTarget(f)} ${fkActions(f)}${f.enforcedBy === 'orm' ? ' (ORM only)' : ''}`,
        ...fresh(f.columns),
      }),
      same: (x, y) => {
        const changes: SchemaChange[] = [];
        if (fkActions(x) !== fkActions(y))
          changes.push({
            kind: 'foreign-key-action-changed',
            ...at,
            name: y.name,
            before: fkActions(x),
            after: fkActions(y),
          });
        if (x.enforcedBy !== y.enforcedBy)
          changes.push({
            kind: 'enforcement-changed',
            ...at,
            name: y.name,
            before: x.enforcedBy,
            after: y.enforcedBy,
          });
        return changes;
      },
    }),
  );

  const oldChecks = new Map(a.checks.map((c) => [c.name, c]));
  const newChecks = new Map(b.checks.map((c) => [c.name, c]));
  for (const c of a.checks) {
    const now = newChecks.get(c.name);
    if (!now) out.push({ kind: 'check-dropped', ...at, name: c.name, before: checkText(c) });
    else if (checkText(now) !== checkText(c))
      out.push({ kind: 'check-changed', ...at, name: c.name, before: checkText(c), after: checkText(now) });
  }
  for (const c of b.checks)
    if (!oldChecks.has(c.name)) out.push({ kind: 'check-added', ...at, name: c.name, after: checkText(c) });
  return out;
}

interface Handlers<T> {
  dropped: (x: T) => SchemaChange;
  added: (x: T) => SchemaChange;
  same?: (before: T, after: T) => SchemaChange[];
}

/** Pair items by their definition text; report drops, adds, renames and (via `same`) other changes. */
function matched<T>(
  before: readonly T[],
  after: readonly T[],
  text: (x: T) => string,
  name: (x: T) => string,
  on: Handlers<T>,
): SchemaChange[] {
  const out: SchemaChange[] = [];
  const pool = new Map<string, T[]>();
  for (const x of after) pool.set(text(x), [...(pool.get(text(x)) ?? []), x]);
  const kept = new Set<T>();
  for (const x of before) {
    const candidates = pool.get(text(x)) ?? [];
    const y = candidates.find((c) => name(c) === name(x)) ?? candidates[0];
    if (!y) {
      out.push(on.dropped(x));
      continue;
    }
    candidates.splice(candidates.indexOf(y), 1);
    kept.add(y);
    if (name(x) !== name(y)) {
      const first = on.added(y);
      out.push({
        kind: 'constraint-renamed',
        table: first.table,
        name: name(y),
        before: name(x),
        after: name(y),
      });
    }
    if (on.same) out.push(...on.same(x, y));
  }
  for (const y of after) if (!kept.has(y)) out.push(on.added(y));
  return out;
}
