import { qualifiedName, tableSortKey } from '../ir/names.js';
import type { Column, Enum, Ir, Table } from '../ir/types.js';
import { diffConstraints } from './constraints.js';
import { columnText, defaultText, nullText, tagsText } from './describe.js';
import type { SchemaChange } from './schema.js';

/**
 * Every difference between two IRs, in a stable order (tables by schema then name, then enums).
 * Tables, views, enums and columns are matched by their database names (schema-qualified); a
 * dropped column and an added one of the same SQL type and nullability in the same table are one
 * probable rename (`guess: true`). Pure: reads both IRs, changes neither.
 */
export function diffIr(before: Ir, after: Ir): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const old = new Map(before.tables.map((t) => [tableSortKey(t), t]));
  const now = new Map(after.tables.map((t) => [tableSortKey(t), t]));
  for (const key of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(key);
    const b = now.get(key);
    if (a && b && isView(a) === isView(b)) changes.push(...diffTable(a, b));
    else {
      if (a)
        changes.push({
          kind: isView(a) ? 'view-dropped' : 'table-dropped',
          table: qualifiedName(a),
          before: columnList(a),
        });
      if (b)
        changes.push({
          kind: isView(b) ? 'view-added' : 'table-added',
          table: qualifiedName(b),
          after: columnList(b),
        });
    }
  }
  changes.push(...diffEnums(before.enums, after.enums));
  return changes;
}

const isView = (t: Table) => t.kind !== 'table';
const columnList = (t: Table) => `(${t.columns.map((c) => c.name).join(', ')})`;

function diffTable(a: Table, b: Table): SchemaChange[] {
  const table = qualifiedName(b);
  const out: SchemaChange[] = [];
  if (isView(b)) {
    if ((a.definition ?? '') !== (b.definition ?? ''))
      out.push({
        kind: 'view-changed',
        table,
        before: a.definition ?? '(unknown)',
        after: b.definition ?? '(unknown)',
      });
  } else {
    out.push(...diffColumns(table, a.columns, b.columns));
    const old = new Set(a.columns.map((c) => c.name));
    const empty = new Set(
      b.columns.filter((c) => !old.has(c.name) && c.nullable && !hasDefault(c)).map((c) => c.name),
    );
    out.push(...diffConstraints(table, a, b, empty));
  }
  out.push(...notes(table, undefined, a, b));
  return out;
}

function diffColumns(table: string, before: Column[], after: Column[]): SchemaChange[] {
  const out: SchemaChange[] = [];
  const old = new Map(before.map((c) => [c.name, c]));
  const now = new Map(after.map((c) => [c.name, c]));
  const dropped = before.filter((c) => !now.has(c.name));
  const added = after.filter((c) => !old.has(c.name));
  // Probable renames: a dropped column paired with the first added one of the same SQL type and
  // nullability (a looser guess would hide a real drop, which is destructive, behind a rename).
  const renamed = new Map<string, Column>();
  const taken = new Set<string>();
  for (const d of dropped) {
    const match = added.find(
      (c) =>
        !taken.has(c.name) &&
        c.type.sql === d.type.sql &&
        c.type.isArray === d.type.isArray &&
        c.nullable === d.nullable,
    );
    if (!match) continue;
    taken.add(match.name);
    renamed.set(d.name, match);
  }
  for (const d of dropped) {
    const to = renamed.get(d.name);
    if (to)
      out.push({
        kind: 'column-renamed',
        table,
        column: to.name,
        before: d.name,
        after: to.name,
        guess: true,
      });
    else out.push({ kind: 'column-dropped', table, column: d.name, before: columnText(d) });
  }
  for (const c of added) {
    if (taken.has(c.name)) continue;
    out.push({
      kind: 'column-added',
      table,
      column: c.name,
      after: columnText(c),
      existingTable: true,
      hasDefault: hasDefault(c),
      nullable: c.nullable,
    });
  }
  for (const b of after) {
    const a = old.get(b.name);
    if (a) out.push(...diffColumn(table, a, b));
  }
  return out;
}

/** A default, a generated expression or a sequence fills existing rows. */
const hasDefault = (c: Column) =>
  (c.default !== undefined && c.default.kind !== 'orm') || c.generated !== undefined;

function diffColumn(table: string, a: Column, b: Column): SchemaChange[] {
  const out: SchemaChange[] = [];
  const column = b.name;
  const typeA = `${a.type.sql}`;
  const typeB = `${b.type.sql}`;
  if (typeA !== typeB) out.push({ kind: 'column-type-changed', table, column, before: typeA, after: typeB });
  if (a.nullable !== b.nullable)
    out.push({
      kind: 'column-nullability-changed',
      table,
      column,
      before: nullText(a),
      after: nullText(b),
      existingTable: true,
      hasDefault: hasDefault(b),
      nullable: b.nullable,
    });
  if (defaultText(a.default) !== defaultText(b.default))
    out.push({
      kind: 'column-default-changed',
      table,
      column,
      before: defaultText(a.default),
      after: defaultText(b.default),
    });
  out.push(...notes(table, column, a, b));
  return out;
}

/** Description and tag changes of a table, column or enum. */
function notes(
  table: string | undefined,
  column: string | undefined,
  a: { description?: string; tags: Table['tags'] },
  b: { description?: string; tags: Table['tags'] },
  extra: Partial<SchemaChange> = {},
): SchemaChange[] {
  const out: SchemaChange[] = [];
  const where = { ...(table ? { table } : {}), ...(column ? { column } : {}), ...extra };
  if ((a.description ?? '') !== (b.description ?? ''))
    out.push({
      kind: 'description-changed',
      ...where,
      before: a.description ?? '(none)',
      after: b.description ?? '(none)',
    });
  if (tagsText(a.tags) !== tagsText(b.tags))
    out.push({ kind: 'tags-changed', ...where, before: tagsText(a.tags), after: tagsText(b.tags) });
  return out;
}

function diffEnums(before: Enum[], after: Enum[]): SchemaChange[] {
  const out: SchemaChange[] = [];
  const old = new Map(before.map((e) => [tableSortKey(e), e]));
  const now = new Map(after.map((e) => [tableSortKey(e), e]));
  for (const key of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(key);
    const b = now.get(key);
    const name = qualifiedName((a ?? b) as Enum);
    const values = (e: Enum) => e.values.map((v) => v.name).join(', ');
    if (!a || !b) {
      if (a) out.push({ kind: 'enum-dropped', enum: name, name, before: values(a) });
      if (b) out.push({ kind: 'enum-added', enum: name, name, after: values(b) });
      continue;
    }
    const oldValues = new Set(a.values.map((v) => v.name));
    const newValues = new Set(b.values.map((v) => v.name));
    for (const v of a.values)
      if (!newValues.has(v.name))
        out.push({
          kind: 'enum-value-dropped',
          enum: name,
          name: v.name,
          before: values(a),
          after: values(b),
        });
    for (const v of b.values)
      if (!oldValues.has(v.name))
        out.push({ kind: 'enum-value-added', enum: name, name: v.name, before: values(a), after: values(b) });
    const enforcedA = a.enforcedBy ?? 'database';
    const enforcedB = b.enforcedBy ?? 'database';
    if (enforcedA !== enforcedB)
      out.push({ kind: 'enforcement-changed', enum: name, name, before: enforcedA, after: enforcedB });
    out.push(...notes(undefined, undefined, a, b, { enum: name, name }));
  }
  return out;
}
