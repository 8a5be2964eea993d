import { requiredExtensions } from '../../ddl/extensions.js';
import { mentions } from '../../ddl/postgresObjects.js';
import { qualifiedName } from '../../ir/names.js';
import {
  objectsComplete,
  policiesOf,
  routineName,
  routineSignature,
  sameObject,
  triggersOf,
} from '../../ir/objects.js';
import type { Policy, Routine, SourceLocation, Table, TableRef, Trigger } from '../../ir/types.js';
import { baseTables, once, type RenderContext } from '../context.js';
import type { Doc } from '../doc.js';
import { bullets, code, escapeCell, escapeText, link, table } from '../markdown.js';
import { cappedBullets, cappedTable } from '../shared.js';
import { findingsLink } from './findingsHome.js';
import { tableLink } from './links.js';

/**
 * The objects beyond tables as document text: row-level security and policies, triggers,
 * functions, views, sequences, roles, extensions. Each says where the object was declared
 * (`file:line`). When the IR has none of a kind, the text says whether that is known (the
 * migrations or the database were read) or only what the ORM schema can tell.
 */

const isPostgres = (ctx: RenderContext) =>
  ctx.ir.dialect === 'postgresql' || ctx.ir.dialect === 'cockroachdb';

/** `file:line` as code, or '' when unknown. */
export function declaredAt(source: SourceLocation | undefined): string {
  return source ? code(`${source.file}${source.line ? `:${source.line}` : ''}`) : '';
}

/** Where the complete set of objects was read from: "the migrations", "the database", or both. */
function readFrom(ctx: RenderContext): string {
  const from = new Set(ctx.ir.source.objectsReadFrom ?? []);
  for (const o of [...ctx.ir.policies, ...ctx.ir.triggers, ...ctx.ir.routines, ...ctx.ir.sequences])
    if (o.declaredIn !== 'orm') from.add(o.declaredIn);
  const words = [...from].sort().map((f) => (f === 'migration' ? 'the migrations' : 'the database'));
  return words.join(' and ') || 'the schema';
}

/** What a reader is told when the IR has none of a kind: known to be none, or not knowable here. */
function noneOf(ctx: RenderContext, kind: string, ormCan: boolean): string {
  if (objectsComplete(ctx.ir)) {
    const from = readFrom(ctx);
    return `_${from[0]?.toUpperCase()}${from.slice(1)} ${from === 'the database' ? 'defines' : 'define'} no ${kind}._`;
  }
  const unread = ctx.ir.source.objectsUnread ?? [];
  if (unread.length > 0)
    return `_None found, but ${unread.length === 1 ? 'one migration' : `${unread.length} migrations`} could not be parsed in full (${unread.map((f) => code(f)).join(', ')}): ${kind} created there may be missing._`;
  return ormCan
    ? `_The ${ormLabel(ctx)} schema declares no ${kind}; ${kind} created in SQL migrations are not shown (ormdoc read no migrations)._`
    : `_The ${ormLabel(ctx)} schema cannot declare ${kind}, and ormdoc read no migrations or database, so ${kind} created in SQL are not shown._`;
}

const ormLabel = (ctx: RenderContext) =>
  ({
    prisma: 'Prisma',
    drizzle: 'Drizzle',
    typeorm: 'TypeORM',
    sqlmodel: 'SQLModel',
    sqlalchemy: 'SQLAlchemy',
  })[ctx.ir.source.orm];

/** SQLAlchemy can attach any DDL to a table's creation (`event.listen(table, 'after_create', DDL(...))`). */
const ddlEvents = (ctx: RenderContext) =>
  ctx.ir.source.orm === 'sqlalchemy' || ctx.ir.source.orm === 'sqlmodel';

const COMMANDS: Record<Policy['command'], string> = {
  all: 'ALL',
  select: 'SELECT',
  insert: 'INSERT',
  update: 'UPDATE',
  delete: 'DELETE',
};

/** `owner reads`: permissive, FOR ALL TO `authenticated`; USING `(…)`; WITH CHECK `(…)` — `file:line` */
export function policyItem(p: Policy): string {
  const parts = [
    `${code(p.name)}: ${p.permissive ? 'permissive' : '**restrictive**'}, ${code(`FOR ${COMMANDS[p.command]}`)} to ${p.roles.map(code).join(', ')}`,
  ];
  if (p.using) parts.push(`USING ${code(p.using)}`);
  if (p.withCheck) parts.push(`WITH CHECK ${code(p.withCheck)}`);
  const at = declaredAt(p.source);
  return `${parts.join('; ')}${at ? ` — ${at}` : ''}`;
}

function rlsState(t: Table): string {
  if (!t.rls?.enabled) return '**off**';
  return t.rls.forced ? 'enabled, forced' : 'enabled';
}

/** Tables with RLS on or with policies: the ones the RLS sections talk about. */
function rlsTables(ctx: RenderContext): Table[] {
  return baseTables(ctx).filter((t) => t.rls?.enabled || policiesOf(ctx.ir, t).length > 0);
}

/** The RLS facts in one paragraph, or undefined when the IR has none (the caller keeps its TODO). */
function rlsSummary(ctx: RenderContext): string | undefined {
  if (!isPostgres(ctx)) return undefined;
  const tables = baseTables(ctx);
  const on = tables.filter((t) => t.rls?.enabled);
  const forced = on.filter((t) => t.rls?.forced).length;
  // Policies on tables of the schema (one on a missing table is a finding, not a fact of the schema).
  const policies = tables.flatMap((t) => policiesOf(ctx.ir, t));
  if (on.length === 0 && policies.length === 0)
    return objectsComplete(ctx.ir)
      ? `No table has row-level security enabled and no policy is defined (read from ${readFrom(ctx)}): what a role may read and write is decided by its grants alone.`
      : undefined;
  const roles = [...new Set(policies.flatMap((p) => p.roles))].sort();
  const off = tables.filter((t) => !t.rls?.enabled);
  const flagged = ctx.findings.filter(
    (f) => f.ruleId === 'rls-without-policy' || f.ruleId === 'policy-without-rls',
  );
  return [
    `Row-level security is enabled on ${on.length} of ${tables.length} tables${forced ? ` (${forced} forced: the policies bind the table owner too)` : ''}, with ${policies.length} ${policies.length === 1 ? 'policy' : 'policies'}${roles.length ? ` for ${roles.map(code).join(', ')}` : ''}.`,
    off.length === 0
      ? ''
      : off.length <= 5
        ? `Without it, grants alone decide access to ${off.map((t) => code(qualifiedName(t))).join(', ')}.`
        : `On the other ${off.length} tables, grants alone decide access.`,
    flagged.length
      ? `${flagged.length} ${flagged.length === 1 ? 'table has' : 'tables have'} RLS without a policy or a policy without RLS: ${findingsLink('Findings › Security', 'security')}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The overview lists at most this many tables' policies; the schema reference lists them all. */
export const OVERVIEW_RLS_TABLES = 15;

/** The anchor of the schema reference's "Row-Level Security (RLS)" section. */
const RLS_ANCHOR = 'row-level-security-rls';

/** The overview's RLS section: the summary, then one row per table with its policies (the first few). */
export function rlsOverview(ctx: RenderContext): string | undefined {
  const summary = rlsSummary(ctx);
  if (summary === undefined) return undefined;
  const rows = rlsTables(ctx);
  if (rows.length === 0) return summary;
  const schema = ctx.documents.schema;
  const shown = schema ? rows.slice(0, OVERVIEW_RLS_TABLES) : rows;
  const more =
    shown.length < rows.length && schema
      ? `\n\n_… and ${rows.length - shown.length} more tables; every policy with its expressions: ${link('Row-Level Security', schema, RLS_ANCHOR)}._`
      : '';
  return `${summary}\n\n${table(
    ['Table', 'RLS', 'Policies'],
    shown.map((t) => [
      tableLink(ctx, t),
      rlsState(t),
      policiesOf(ctx.ir, t)
        .map((p) => `${code(p.name)} (${COMMANDS[p.command]}${p.permissive ? '' : ', restrictive'})`)
        .join(', ') || '_none_',
    ]),
  )}${more}`;
}

/** The schema reference's RLS section: the summary, then every policy with its expressions, by table. */
export function rlsReference(ctx: RenderContext, local = true): string | undefined {
  const summary = rlsSummary(ctx);
  if (summary === undefined) return undefined;
  const items = rlsTables(ctx).map((t) => {
    const at = declaredAt(t.rls?.source);
    const policies = policiesOf(ctx.ir, t).map((p) => `  - ${policyItem(p)}`);
    return [
      `${tableLink(ctx, t, { local })}: row-level security ${rlsState(t)}${at ? ` (${at})` : ''}${policies.length ? '' : '; no policy'}`,
      ...policies,
    ].join('\n');
  });
  const roles = rolesLine(ctx);
  return [summary, items.length ? cappedBullets(ctx, items, '') : '', roles].filter(Boolean).join('\n\n');
}

/** `**Roles:** `auditor` (NOLOGIN NOINHERIT), `authenticated` (exists already)`, or '' without roles. */
export function rolesLine(ctx: RenderContext): string {
  if (ctx.ir.roles.length === 0) return '';
  const roles = ctx.ir.roles.map((r) => {
    const notes = [r.existing ? 'exists already' : '', r.options.join(' ')].filter(Boolean).join(', ');
    const at = declaredAt(r.source);
    return `${code(r.name)}${notes ? ` (${escapeText(notes)})` : ''}${at ? ` — ${at}` : ''}`;
  });
  return `**Roles declared in the schema:** ${roles.join('; ')}.`;
}

const TIMING: Record<Trigger['timing'], string> = {
  before: 'BEFORE',
  after: 'AFTER',
  'instead of': 'INSTEAD OF',
};

/** `BEFORE UPDATE OF a, b` */
function triggerEvent(t: Trigger): string {
  const events = t.events
    .map((e) =>
      e === 'update' && t.updateOf?.length ? `UPDATE OF ${t.updateOf.join(', ')}` : e.toUpperCase(),
    )
    .join(' OR ');
  return `${TIMING[t.timing]} ${events}`;
}

/** `name`: BEFORE UPDATE, each row, when `…` → `fn()` (disabled) — `file:line` */
function triggerItem(t: Trigger): string {
  const when = t.when ? `, when ${code(t.when)}` : '';
  const args = t.arguments.length ? t.arguments.join(', ') : '';
  const at = declaredAt(t.source);
  return `${code(t.name)}: ${code(triggerEvent(t))}, each ${t.forEach}${when} → ${code(`${routineName(t.function)}(${args})`)}${t.enabled ? '' : ' **(disabled)**'}${at ? ` — ${at}` : ''}`;
}

/** A table's own RLS, policies and triggers, for its section of the schema reference (or its file). */
export function tableObjectLines(ctx: RenderContext, t: Table): string[] {
  const lines: string[] = [];
  const policies = policiesOf(ctx.ir, t);
  if (t.kind === 'table' && (t.rls?.enabled || policies.length)) {
    const at = declaredAt(t.rls?.source);
    const state = t.rls?.enabled
      ? `enabled${t.rls.forced ? ' and forced, so the owner is bound too' : ''}${at ? `; declared in ${at}` : ''}`
      : '**not enabled**: the policies below have no effect';
    lines.push(
      `**Row-Level Security:** ${state}.${policies.length ? '' : ' No policy: only the owner and BYPASSRLS roles reach its rows.'}`,
    );
    if (policies.length) lines.push(`**Policies:**\n${bullets(policies.map(policyItem), '')}`);
  }
  const triggers = triggersOf(ctx.ir, t);
  if (triggers.length) lines.push(`**Triggers:**\n${bullets(triggers.map(triggerItem), '')}`);
  return lines;
}

/** The schema reference's trigger list (one row per trigger), or what is known when there is none. */
export function triggersReference(ctx: RenderContext, local = true): string {
  if (!isPostgres(ctx)) return '_The schema source defines no database triggers._';
  if (ctx.ir.triggers.length === 0) return noneOf(ctx, 'triggers', ddlEvents(ctx));
  return cappedTable(
    ctx,
    ctx.ir.triggers,
    (shown) =>
      table(
        ['Trigger', 'Table', 'Fires', 'Function', 'Declared in'],
        shown.map((t) => [
          `${code(t.name)}${t.enabled ? '' : ' (disabled)'}`,
          tableLink(ctx, t.table, { local }),
          escapeCell(`${triggerEvent(t)}, each ${t.forEach}${t.when ? ` when ${t.when}` : ''}`),
          code(`${routineName(t.function)}(${t.arguments.join(', ')})`),
          declaredAt(t.source) || '—',
        ]),
      ),
    '',
  );
}

/** `stable, SECURITY DEFINER, search_path = public, pg_temp` */
function routineTraits(r: Routine): string {
  const config = Object.entries(r.config).map(([k, v]) => `${k} = ${v}`);
  return [r.volatility, r.securityDefiner ? '**SECURITY DEFINER**' : '', ...config]
    .filter(Boolean)
    .join(', ');
}

/** The functions and procedures: signature, result, language, traits, which triggers use it, where declared. */
export function functionsReference(ctx: RenderContext, local = true): string {
  if (!isPostgres(ctx)) return '_Not applicable: functions and procedures are PostgreSQL objects here._';
  if (ctx.ir.routines.length === 0) return noneOf(ctx, 'functions', ddlEvents(ctx));
  // What calls it: the triggers that execute it, the policies whose expressions call it.
  const usedBy = (r: Routine) => [
    ...ctx.ir.triggers
      .filter((t) => sameObject(t.function, r))
      .map((t) => `trigger ${code(t.name)} on ${code(qualifiedName(t.table))}`),
    ...ctx.ir.policies
      .filter((p) => [p.using, p.withCheck].some((e) => e !== undefined && calls(e, r.name)))
      .map((p) => `policy ${code(p.name)} on ${code(qualifiedName(p.table))}`),
  ];
  const body = cappedTable(
    ctx,
    ctx.ir.routines,
    (shown) =>
      table(
        ['Function', 'Returns', 'Language', 'Traits', 'Used by', 'Declared in'],
        shown.map((r) => [
          `${code(routineSignature(r))}${r.kind === 'procedure' ? ' (procedure)' : ''}${r.description ? `<br>${escapeCell(r.description)}` : ''}`,
          r.returns ? code(r.returns) : '—',
          escapeCell(r.language),
          escapeCell(routineTraits(r)) || '—',
          usedBy(r).join(', ') || '—',
          declaredAt(r.source) || '—',
        ]),
      ),
    '',
  );
  const schema = ctx.documents.schema;
  const ddl = local
    ? '[Initial Schema](#initial-schema)'
    : schema
      ? link('Initial Schema', schema, 'initial-schema')
      : 'DDL (`ormdoc inspect --format sql`)';
  return `${body}\n\nTheir bodies are in the ${ddl}.`;
}

/** Does an SQL expression call the function `name` (the name, as an identifier, then `(`)? */
function calls(sql: string, name: string): boolean {
  const lower = sql.toLowerCase();
  const bare = name.toLowerCase();
  for (let at = lower.indexOf(bare); at !== -1; at = lower.indexOf(bare, at + 1)) {
    const before = lower[at - 1] ?? ' ';
    if (/[a-z0-9_$]/.test(before)) continue;
    if (/^"?\s*\(/.test(lower.slice(at + bare.length))) return true;
  }
  return false;
}

/** The relations a view's definition reads (tables and views of the schema it names). */
function viewReads(ctx: RenderContext, v: Table): TableRef[] {
  const sql = v.definition ?? '';
  return ctx.tables.filter((t) => t !== v && mentions(sql, t.name));
}

/** Views and materialized views: kind, what each reads, where declared. Undefined without views. */
export function viewsReference(ctx: RenderContext): string | undefined {
  const views = ctx.tables.filter((t) => t.kind !== 'table');
  if (views.length === 0) return undefined;
  return cappedTable(
    ctx,
    views,
    (shown) =>
      table(
        ['View', 'Kind', 'Reads', 'Declared in'],
        shown.map((v) => [
          tableLink(ctx, v, { local: true }),
          v.kind === 'materialized-view' ? 'materialized (refresh with `REFRESH MATERIALIZED VIEW`)' : 'view',
          v.definition
            ? viewReads(ctx, v)
                .map((t) => tableLink(ctx, t, { local: true }))
                .join(', ') || '—'
            : '_definition unknown_',
          declaredAt(v.source) || '—',
        ]),
      ),
    '',
  );
}

/** Sequences: type, start, step, bounds, cycle, owner column. Undefined without sequences. */
export function sequencesReference(ctx: RenderContext): string | undefined {
  if (ctx.ir.sequences.length === 0) return undefined;
  return table(
    ['Sequence', 'Type', 'Start', 'Increment', 'Bounds', 'Owned by', 'Declared in'],
    ctx.ir.sequences.map((s) => [
      code(routineName(s)),
      escapeCell(s.dataType ?? 'bigint'),
      escapeCell(s.start ?? '1'),
      escapeCell(s.increment ?? '1'),
      escapeCell(
        s.minValue || s.maxValue
          ? `${s.minValue ?? 'default'} … ${s.maxValue ?? 'default'}${s.cycle ? ', cycles' : ''}`
          : `the type's range${s.cycle ? ', cycles' : ''}`,
      ),
      s.ownedBy ? code(`${qualifiedName(s.ownedBy)}.${s.ownedBy.column}`) : '—',
      declaredAt(s.source) || '—',
    ]),
  );
}

/** `**Extensions:** `moddatetime` (declared), `pg_trgm` (for index x)`, or '' when none is needed. */
export function extensionsLine(ctx: RenderContext): string {
  if (ctx.ir.dialect !== 'postgresql') return '';
  // Four documents show this line: the schema is scanned once per render.
  const extensions = once(ctx, 'required-extensions', () => requiredExtensions(ctx.ir));
  if (extensions.length === 0) return '';
  const why = (reason: string) =>
    reason === 'declared' ? 'declared' : reason === 'inferred' ? 'installed by the ORM' : `for ${reason}`;
  return `**Extensions:** ${extensions.map((e) => `${code(e.name)}${e.schema ? ` in ${code(e.schema)}` : ''} (${escapeText(why(e.reason))})`).join(', ')}`;
}

/** The schema reference's section on functions, views, sequences (each only where it applies). */
export function databaseObjectsReference(ctx: RenderContext): string {
  if (!isPostgres(ctx)) return '';
  // Without functions, the section says something only when that is known (the Triggers section
  // already says what ormdoc could not read).
  const parts =
    ctx.ir.routines.length || objectsComplete(ctx.ir)
      ? [`## Functions and Procedures\n\n${functionsReference(ctx)}`]
      : [];
  const views = viewsReference(ctx);
  if (views)
    parts.push(
      `## Views\n\nEach view's columns and definition are in its section under [All Tables](#all-tables).\n\n${views}`,
    );
  const sequences = sequencesReference(ctx);
  if (sequences) parts.push(`## Sequences\n\n${sequences}`);
  return parts.join('\n\n');
}

/**
 * The RLS section of a document: the facts (and the person's configured strategy, when given) when
 * the schema says something about RLS; else the counted TODO, as for any fact only a person knows.
 */
export function rlsSection(ctx: RenderContext, doc: Doc, body: string | undefined): void {
  if (body === undefined) {
    doc.fact('rowLevelSecurity');
    return;
  }
  doc.region('row-level-security', body);
  if (ctx.config.project.rowLevelSecurity?.trim()) doc.fact('rowLevelSecurity');
}

/**
 * What the schema says about access control, for the architecture and design documents: the RLS
 * summary and the declared roles, with a link to every policy. Undefined when it says nothing (the
 * permission model stays a person's TODO either way: grants and connections are not in the schema).
 */
export function accessControlFacts(ctx: RenderContext): string | undefined {
  const summary = rlsSummary(ctx);
  const roles = rolesLine(ctx);
  if (summary === undefined && !roles) return undefined;
  const schema = ctx.documents.schema;
  const where =
    schema && rlsTables(ctx).length
      ? `Every policy with its expressions: ${link('Row-Level Security', schema, RLS_ANCHOR)}.`
      : '';
  return [summary, roles, where].filter(Boolean).join('\n\n');
}
