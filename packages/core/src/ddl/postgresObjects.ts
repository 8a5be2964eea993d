import { findTable } from '../ir/names.js';
import { routineSignature, sameObject } from '../ir/objects.js';
import type { Ir, Policy, Role, Routine, Sequence, Table, TableRef, Trigger } from '../ir/types.js';
import { commentLines, qualifiedIdent, quoteIdent, sqlString } from './identifiers.js';

/**
 * PostgreSQL DDL for the objects beyond tables: roles, sequences, functions and procedures,
 * triggers, row-level security and policies. `postgresDdl` places each group where what it needs
 * already exists (see the order there).
 */

const D = 'postgresql' as const;
const q = (name: string) => quoteIdent(D, name);
const routineIdent = (r: { schema: string | null; name: string }) =>
  r.schema === null ? q(r.name) : `${q(r.schema)}.${q(r.name)}`;

/** Role names PostgreSQL reads as keywords in `TO ...`: never quoted, never created. */
const ROLE_KEYWORDS = new Set(['public', 'current_user', 'session_user', 'current_role']);

/** A dollar-quoted string whose tag the text does not contain (`$$`, else `$ormdoc$`, `$ormdoc1$`...). */
export function dollarQuote(text: string): string {
  let tag = '$$';
  for (let n = 0; text.includes(tag) || (tag === '$$' && text.endsWith('$')); n++)
    tag = `$ormdoc${n === 0 ? '' : n}$`;
  return `${tag}${text}${tag}`;
}

/**
 * The roles the DDL creates, each only if missing (a `DO` block that checks pg_roles): declared
 * roles with their options, and roles the policies name without declaring (a platform's, such as
 * Supabase's `authenticated`, or one declared `.existing()`), created bare so the policies execute
 * on an empty database and left alone where they exist. drizzle-kit creates declared roles
 * unconditionally and skips existing ones; on a database that has them that would fail.
 */
export function createRoles(ir: Ir): string[] {
  const declared = new Map(ir.roles.map((r) => [r.name, r]));
  const named = new Set(
    ir.policies.flatMap((p) => p.roles).filter((r) => !ROLE_KEYWORDS.has(r.toLowerCase())),
  );
  const names = [...new Set([...declared.keys(), ...named])]
    .filter((n) => !ROLE_KEYWORDS.has(n.toLowerCase()))
    .sort();
  return names.map((name) => createRole(name, declared.get(name)));
}

function createRole(name: string, role: Role | undefined): string {
  const options = role && !role.existing && role.options.length ? ` WITH ${role.options.join(' ')}` : '';
  const note = !role
    ? commentLines(`${name}: named by a policy, not declared in the schema; created here only if missing`)
    : role.existing
      ? commentLines(`${name}: declared as existing; created here only if missing`)
      : [];
  return [
    ...note,
    `DO ${dollarQuote(`\nBEGIN\n  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${sqlString(D, name)}) THEN\n    CREATE ROLE ${q(name)}${options};\n  END IF;\nEND\n`)};`,
  ].join('\n');
}

/**
 * Sequences the schema declares, without those a serial or identity column creates itself (a
 * database's catalog lists `users_id_seq`, which `CREATE TABLE ... serial` makes anyway).
 */
export function declaredSequences(ir: Ir): Sequence[] {
  return ir.sequences.filter((s) => {
    if (!s.ownedBy) return true;
    const column = findTable(ir, s.ownedBy)?.columns.find((c) => c.name === s.ownedBy?.column);
    return column?.default?.kind !== 'sequence';
  });
}

/** `INCREMENT BY 1 MINVALUE … START WITH 10 CACHE 1 CYCLE`: the options a sequence sets, in CREATE SEQUENCE's order. */
function sequenceOptions(s: Sequence): string[] {
  const parts: string[] = [];
  if (s.increment) parts.push(`INCREMENT BY ${s.increment}`);
  if (s.minValue) parts.push(`MINVALUE ${s.minValue}`);
  if (s.maxValue) parts.push(`MAXVALUE ${s.maxValue}`);
  if (s.start) parts.push(`START WITH ${s.start}`);
  if (s.cache) parts.push(`CACHE ${s.cache}`);
  if (s.cycle) parts.push('CYCLE');
  return parts;
}

export function createSequence(s: Sequence): string {
  return `${[`CREATE SEQUENCE ${routineIdent(s)}`, ...(s.dataType ? [`AS ${s.dataType}`] : []), ...sequenceOptions(s)].join(' ')};`;
}

/** The sequence the IR records for a serial or identity column (`ownedBy` that column), if any. */
export function columnSequence(ir: Ir, table: TableRef, column: string): Sequence | undefined {
  return ir.sequences.find((s) => s.ownedBy?.column === column && sameObject(s.ownedBy, table));
}

/** ` (SEQUENCE NAME s START WITH 10 …)` for an identity column whose sequence sets options; '' otherwise. */
export function identityOptions(s: Sequence | undefined): string {
  const options = s ? sequenceOptions(s) : [];
  return s && options.length ? ` (SEQUENCE NAME ${routineIdent(s)} ${options.join(' ')})` : '';
}

/**
 * The options of a serial column's sequence, which `serial` cannot take: `ALTER SEQUENCE … RESTART`
 * once the table has created it (RESTART makes a new START WITH the next value).
 */
export function serialSequenceOptions(ir: Ir): string[] {
  return ir.sequences.flatMap((s) => {
    if (!s.ownedBy) return [];
    const column = findTable(ir, s.ownedBy)?.columns.find((c) => c.name === s.ownedBy?.column);
    const d = column?.default;
    if (d?.kind !== 'sequence' || d.style !== 'serial') return [];
    const options = sequenceOptions(s);
    return options.length ? [`ALTER SEQUENCE ${routineIdent(s)} ${options.join(' ')} RESTART;`] : [];
  });
}

/** `ALTER SEQUENCE ... OWNED BY table.column`, once the table exists. */
export function sequenceOwnership(s: Sequence): string | undefined {
  if (!s.ownedBy) return undefined;
  return `ALTER SEQUENCE ${routineIdent(s)} OWNED BY ${qualifiedIdent(D, s.ownedBy)}.${q(s.ownedBy.column)};`;
}

/** A `SET name = value` clause: the value as SQL (`public, pg_temp`), `''` for an empty one. */
const setClause = ([name, value]: [string, string]) => `SET ${name} = ${value.trim() === '' ? "''" : value}`;

/** `CREATE FUNCTION` / `CREATE PROCEDURE` with its attributes and body; a comment when the body is unknown. */
export function createRoutine(r: Routine): string {
  if (r.body === undefined)
    return commentLines(`${r.kind} ${routineSignature(r)}: body unknown; not created here`).join('\n');
  const what = r.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
  const lines = [`CREATE ${what} ${routineIdent(r)}(${r.arguments})`];
  if (r.kind === 'function' && r.returns) lines.push(`RETURNS ${r.returns}`);
  lines.push(`LANGUAGE ${q(r.language)}`);
  if (r.kind === 'function' && r.volatility !== 'volatile') lines.push(r.volatility.toUpperCase());
  if (r.securityDefiner) lines.push('SECURITY DEFINER');
  for (const entry of Object.entries(r.config)) lines.push(setClause(entry));
  lines.push(`AS ${dollarQuote(r.body)};`);
  if (r.description)
    lines.push(`COMMENT ON ${what} ${routineIdent(r)}(${r.arguments}) IS ${sqlString(D, r.description)};`);
  return lines.join('\n');
}

/**
 * Does the routine's signature (arguments or return type) name a table or view of the schema? Its
 * row type exists only once the relation does, so it is created after the tables and views.
 */
export function usesRelationType(ir: Ir, r: Routine): boolean {
  const signature = `${r.arguments} ${r.returns ?? ''}`.toLowerCase();
  return ir.tables.some((t) => mentions(signature, t.name));
}

/** Does SQL text mention a name as an identifier (bare, any case, or quoted exactly)? */
export function mentions(sql: string, name: string): boolean {
  const lower = sql.toLowerCase();
  const bare = name.toLowerCase();
  const word = /[a-z0-9_$]/;
  for (let at = lower.indexOf(bare); at !== -1; at = lower.indexOf(bare, at + 1)) {
    const before = lower[at - 1] ?? ' ';
    const after = lower[at + bare.length] ?? ' ';
    if (!word.test(before) && !word.test(after) && before !== '"') return true;
  }
  return sql.includes(`"${name.replace(/"/g, '""')}"`);
}

/** A trigger argument as a string constant (`'updated_at'`); one already written as one stays so. */
const triggerArgument = (arg: string) => (/^'(?:[^']|'')*'$/.test(arg) ? arg : sqlString(D, arg));

export function createTrigger(t: Trigger): string {
  const events = t.events
    .map((e) =>
      e === 'update' && t.updateOf?.length ? `UPDATE OF ${t.updateOf.map(q).join(', ')}` : e.toUpperCase(),
    )
    .join(' OR ');
  const lines = [
    `CREATE TRIGGER ${q(t.name)} ${t.timing.toUpperCase()} ${events} ON ${qualifiedIdent(D, t.table)}`,
  ];
  lines.push(`FOR EACH ${t.forEach.toUpperCase()}`);
  if (t.when) lines.push(`WHEN (${t.when})`);
  lines.push(`EXECUTE FUNCTION ${routineIdent(t.function)}(${t.arguments.map(triggerArgument).join(', ')});`);
  const sql = lines.join('\n  ');
  return t.enabled ? sql : `${sql}\nALTER TABLE ${qualifiedIdent(D, t.table)} DISABLE TRIGGER ${q(t.name)};`;
}

/** `ALTER TABLE ... ENABLE [and FORCE] ROW LEVEL SECURITY` for each table that has it on. */
export function rowLevelSecurity(tables: Table[]): string[] {
  return tables
    .filter((t) => t.rls?.enabled)
    .map((t) => {
      const name = qualifiedIdent(D, t);
      const lines = [`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`];
      if (t.rls?.forced) lines.push(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`);
      return lines.join('\n');
    });
}

const roleName = (r: string) => (ROLE_KEYWORDS.has(r.toLowerCase()) ? r.toLowerCase() : q(r));

export function createPolicy(p: Policy): string {
  const lines = [`CREATE POLICY ${q(p.name)} ON ${qualifiedIdent(D, p.table)}`];
  if (!p.permissive) lines.push('AS RESTRICTIVE');
  lines.push(`FOR ${p.command.toUpperCase()}`);
  lines.push(`TO ${(p.roles.length ? p.roles : ['public']).map(roleName).join(', ')}`);
  if (p.using) lines.push(`USING (${p.using})`);
  if (p.withCheck) lines.push(`WITH CHECK (${p.withCheck})`);
  return `${lines.join('\n  ')};`;
}

/** Policies whose table is in the schema (one on a missing table is a finding, and would not execute). */
export function executablePolicies(ir: Ir): Policy[] {
  return ir.policies.filter((p) => ir.tables.some((t) => t.kind === 'table' && sameObject(t, p.table)));
}

/** Triggers whose table or view is in the schema. */
export function executableTriggers(ir: Ir): Trigger[] {
  return ir.triggers.filter((t) => ir.tables.some((x) => sameObject(x, t.table)));
}

/**
 * Views in the order they can be created: a view that mentions another view of the schema comes
 * after it; otherwise by name. A cycle (impossible in a real database) keeps the name order.
 */
export function viewsInDependencyOrder(views: Table[]): Table[] {
  const done = new Set<Table>();
  const visiting = new Set<Table>();
  const out: Table[] = [];
  const visit = (v: Table) => {
    if (done.has(v) || visiting.has(v)) return;
    visiting.add(v);
    for (const other of views)
      if (other !== v && v.definition && mentions(v.definition, other.name) && mentionsSchema(v, other))
        visit(other);
    visiting.delete(v);
    done.add(v);
    out.push(v);
  };
  for (const v of views) visit(v);
  return out;
}

/** A view in another schema is only a dependency when the definition names that schema too. */
const mentionsSchema = (v: Table, other: Table) =>
  other.schema === null || other.schema === v.schema || mentions(v.definition ?? '', other.schema);
