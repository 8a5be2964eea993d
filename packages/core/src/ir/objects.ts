import type { Ir, Policy, Routine, RoutineRef, Table, TableRef, Trigger } from './types.js';

/**
 * Lookups over the objects beyond tables (policies, triggers, routines), shared by the findings,
 * the documents and the DDL. On PostgreSQL an unqualified name and `public.name` are the same
 * object, so `null` and `'public'` compare equal here.
 */

const schemaOf = (schema: string | null) => schema ?? 'public';

/** Same table or routine, with `public` and the default schema (null) taken as one. */
export function sameObject(
  a: { schema: string | null; name: string },
  b: { schema: string | null; name: string },
) {
  return a.name === b.name && schemaOf(a.schema) === schemaOf(b.schema);
}

/**
 * Is every object beyond tables known? True when a source that holds them all was read (a
 * migrations folder or a live catalog: `source.objectsReadFrom`), or when some object says it came
 * from one (an extractor that reads migrations records where each object was declared). Without it
 * the IR holds only what the ORM schema declares, and an absent trigger may still exist; so too
 * when a migration file did not parse in full (`source.objectsUnread`) and no database was read.
 */
export function objectsComplete(ir: Ir): boolean {
  if (ir.source.objectsReadFrom?.includes('database')) return true;
  // A migration that did not parse in full may create what the IR lacks.
  if ((ir.source.objectsUnread?.length ?? 0) > 0) return false;
  if ((ir.source.objectsReadFrom?.length ?? 0) > 0) return true;
  const fromFull = (o: { declaredIn?: string }) =>
    o.declaredIn === 'migration' || o.declaredIn === 'database';
  return (
    ir.policies.some(fromFull) ||
    ir.triggers.some(fromFull) ||
    ir.routines.some(fromFull) ||
    ir.sequences.some(fromFull) ||
    ir.roles.some(fromFull) ||
    ir.tables.some((t) => t.rls !== undefined && fromFull(t.rls))
  );
}

const tableKey = (t: { schema: string | null; name: string }) => `${schemaOf(t.schema)}\u0000${t.name}`;

/**
 * Policies and triggers grouped by table, for the arrays pinned by `pinObjectLookups` (one render,
 * analysis or DDL build, through `withLookups`/`pinLookups`): asking for every table's policies then
 * costs one pass, not one per table. Nothing is kept after the pin, so an object replaced, added or
 * removed in place between two calls is seen by the next call.
 */
const pinnedGroups = new WeakMap<readonly unknown[], Map<string, unknown[]>>();

function groupByTable(items: readonly { table: TableRef }[]): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  for (const item of items) {
    const key = tableKey(item.table);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Group `ir`'s policies and triggers by table once and answer `policiesOf`/`triggersOf` from the
 * groups until `release()`. Nothing may replace, add or remove policies or triggers meanwhile. A
 * pin of arrays already pinned reuses the outer groups and releases nothing.
 */
export function pinObjectLookups(ir: Partial<Pick<Ir, 'policies' | 'triggers'>>): { release: () => void } {
  const arrays = [ir.policies, ir.triggers].filter(
    (a): a is Policy[] | Trigger[] => a !== undefined && !pinnedGroups.has(a),
  );
  for (const a of arrays) pinnedGroups.set(a, groupByTable(a));
  return {
    release: () => {
      for (const a of arrays) pinnedGroups.delete(a);
    },
  };
}

function onTable<T extends { table: TableRef }>(items: readonly T[], table: TableRef): T[] {
  const groups = pinnedGroups.get(items);
  if (groups) return (groups.get(tableKey(table)) as T[] | undefined) ?? [];
  return items.filter((item) => sameObject(item.table, table));
}

/** The policies on one table, in IR order (by name). */
export function policiesOf(ir: Ir, table: TableRef): Policy[] {
  return onTable(ir.policies, table);
}

/** The triggers on one table, in IR order (by name). */
export function triggersOf(ir: Ir, table: TableRef): Trigger[] {
  return onTable(ir.triggers, table);
}

/** The routines a reference names (several when overloaded). */
export function routinesNamed(ir: Ir, ref: RoutineRef): Routine[] {
  return ir.routines.filter((r) => sameObject(r, ref));
}

/** `schema.name`, or `name` in the default schema. */
export function routineName(ref: RoutineRef): string {
  return ref.schema === null ? ref.name : `${ref.schema}.${ref.name}`;
}

/** `name(arguments)`: how documents and findings name a routine. */
export function routineSignature(r: Routine): string {
  return `${routineName(r)}(${r.arguments})`;
}

/**
 * The body without comments and string literals (their text is not code): `--` to the end of the
 * line, `/* *\/` and `'...'` replaced by one space, so a word inside them cannot look like a
 * statement. Dollar-quoted strings inside a body are rare in trigger functions and kept as they are.
 */
function codeOf(body: string): string {
  let out = '';
  // Stryker disable next-line EqualityOperator: one step past the end appends `undefined` after the last character, which completes no `NEW.x :=`
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '-' && body[i + 1] === '-') {
      const end = body.indexOf('\n', i);
      i = end === -1 ? body.length : end - 1;
      // Stryker disable next-line StringLiteral: the newline that ends a line comment is kept, and it separates the words as the space does
      out += ' ';
    } else if (c === '/' && body[i + 1] === '*') {
      const end = body.indexOf('*/', i + 2);
      i = end === -1 ? body.length : end + 1;
      out += ' ';
    } else if (c === "'") {
      let j = i + 1;
      // Stryker disable next-line EqualityOperator: `j <= length` stops at the end too (reading undefined there is no quote)
      while (j < body.length && !(body[j] === "'" && body[j + 1] !== "'")) j += body[j] === "'" ? 2 : 1;
      i = j;
      // Stryker disable next-line StringLiteral: what replaces a string is never part of `NEW.x :=` and no statement start (`;`, a keyword) either way
      out += "''";
    } else out += c;
  }
  return out;
}

/** A column name as PL/pgSQL reads it: unquoted names fold to lower case, quoted ones are exact. */
const identifier = (raw: string) =>
  // Stryker disable next-line MethodExpression: the pattern's quoted names start and end with `"`, its plain ones have none
  raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();

/**
 * The columns a trigger function's body assigns to `NEW` as a statement of its own (`NEW.col :=
 * expr;` or `NEW."col" = expr;` at the start of a statement: after `BEGIN`, `;`, `THEN`, `ELSE` or
 * `LOOP`), so `IF NEW.col = OLD.col THEN` (a comparison) does not count.
 */
export function assignedNewColumns(body: string): Set<string> {
  const out = new Set<string>();
  const text = codeOf(body);
  const statement =
    /(?:^|;|\bbegin\b|\bthen\b|\belse\b|\bloop\b)\s*new\s*\.\s*("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)\s*:?=(?!=)/gi;
  // Stryker disable next-line ConditionalExpression: the name group is not optional, so it is always set
  for (const m of text.matchAll(statement)) if (m[1]) out.add(identifier(m[1]));
  return out;
}

/**
 * The trigger that keeps a column current on every UPDATE, if any: a BEFORE UPDATE, FOR EACH ROW
 * trigger on the table (not limited to `UPDATE OF` some columns) whose function either assigns
 * `NEW.<column>` in its body, or is the `moddatetime` extension's function given that column.
 * A function whose body is unknown (defined elsewhere) does not count: nothing says what it does.
 */
export function triggerMaintaining(ir: Ir, table: Table, column: string): Trigger | undefined {
  return triggersOf(ir, table).find((t) => {
    if (t.timing !== 'before' || t.forEach !== 'row' || !t.events.includes('update') || t.updateOf?.length)
      return false;
    if (!t.enabled) return false;
    if (t.function.name === 'moddatetime' && t.arguments.map(unquote).includes(column)) return true;
    return routinesNamed(ir, t.function).some(
      (r) => r.body !== undefined && assignedNewColumns(r.body).has(column),
    );
  });
}

/** A trigger argument as given: `'updated_at'` or `updated_at`. */
const unquote = (arg: string) =>
  // Stryker disable next-line LogicalOperator,MethodExpression,StringLiteral: a trigger argument is quoted at both ends or at neither
  arg.startsWith("'") && arg.endsWith("'") ? arg.slice(1, -1).replace(/''/g, "'") : arg;
