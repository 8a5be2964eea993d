import type {
  AlterPolicyStmt,
  AlterSeqStmt,
  CreateExtensionStmt,
  CreatePolicyStmt,
  CreateRoleStmt,
  CreateSeqStmt,
  CreateTrigStmt,
  DefElem,
  Node,
} from '@pgsql/types';
import type { Policy, Role, Sequence, Trigger } from '../ir/types.js';
import { defBool, defElems, defText, fieldsOf, qualified, roleName, strings, tableRef } from './_nodes.js';
import { type MigrationState, relKey, type StatementContext } from './_state.js';

/** CREATE POLICY, ALTER POLICY; CREATE [OR REPLACE] TRIGGER; CREATE / ALTER SEQUENCE; CREATE EXTENSION; CREATE ROLE. */

const COMMANDS = new Set(['all', 'select', 'insert', 'update', 'delete']);

export function createPolicy(state: MigrationState, s: CreatePolicyStmt, ctx: StatementContext): void {
  const table = tableRef(s.table);
  const name = s.policy_name ?? '';
  const cmd = s.cmd_name ?? 'all';
  const policy: Policy = {
    table,
    name,
    command: (COMMANDS.has(cmd) ? cmd : 'all') as Policy['command'],
    roles: s.roles?.length ? s.roles.map(roleName) : ['public'],
    permissive: s.permissive ?? false,
    ...(s.qual ? { using: ctx.deparse(s.qual) } : {}),
    ...(s.with_check ? { withCheck: ctx.deparse(s.with_check) } : {}),
    declaredIn: 'migration',
    source: { file: ctx.file, line: ctx.line },
  };
  state.policies.set(`${relKey(table)}\u0000${name}`, policy);
}

export function alterPolicy(state: MigrationState, s: AlterPolicyStmt, ctx: StatementContext): void {
  const key = `${relKey(tableRef(s.table))}\u0000${s.policy_name ?? ''}`;
  const policy = state.policies.get(key);
  if (!policy) return;
  state.policies.set(key, {
    ...policy,
    ...(s.roles?.length ? { roles: s.roles.map(roleName) } : {}),
    ...(s.qual ? { using: ctx.deparse(s.qual) } : {}),
    ...(s.with_check ? { withCheck: ctx.deparse(s.with_check) } : {}),
  });
}

// Trigger timing and event bits, as PostgreSQL's pg_trigger.tgtype stores them.
const BEFORE = 1 << 1;
const INSTEAD = 1 << 6;
const EVENTS: Array<[bit: number, event: Trigger['events'][number]]> = [
  [1 << 2, 'insert'],
  [1 << 3, 'delete'],
  [1 << 4, 'update'],
  [1 << 5, 'truncate'],
];

export function createTrigger(state: MigrationState, s: CreateTrigStmt, ctx: StatementContext): void {
  const table = tableRef(s.relation);
  const name = s.trigname ?? '';
  const timing = s.timing ?? 0;
  const events = EVENTS.filter(([bit]) => ((s.events ?? 0) & bit) !== 0).map(([, e]) => e);
  const updateOf = strings(s.columns);
  const fn = qualified(strings(s.funcname));
  const trigger: Trigger = {
    table,
    name,
    timing: timing & INSTEAD ? 'instead of' : timing & BEFORE ? 'before' : 'after',
    events: events.length ? events : ['insert'],
    ...(updateOf.length ? { updateOf } : {}),
    forEach: s.row ? 'row' : 'statement',
    ...(s.whenClause ? { when: ctx.deparse(s.whenClause) } : {}),
    function: { schema: fn.schema, name: fn.name },
    arguments: strings(s.args),
    enabled: true,
    declaredIn: 'migration',
    source: { file: ctx.file, line: ctx.line },
  };
  state.triggers.set(`${relKey(table)}\u0000${name}`, trigger);
}

/** The sequence options of CREATE / ALTER SEQUENCE onto `seq` (NO MINVALUE and friends clear them). */
function sequenceOptions(
  seq: Sequence,
  options: readonly Node[] | undefined,
  ctx: StatementContext,
): Sequence {
  const out: Sequence = { ...seq };
  const set = (field: 'start' | 'increment' | 'minValue' | 'maxValue' | 'cache', d: DefElem) => {
    const v = defText(d);
    if (v === undefined) delete out[field];
    else out[field] = v;
  };
  for (const d of defElems(options)) {
    switch (d.defname) {
      case 'as':
        if (d.arg) out.dataType = ctx.deparse(d.arg);
        break;
      case 'start':
        set('start', d);
        break;
      case 'increment':
        set('increment', d);
        break;
      case 'minvalue':
        set('minValue', d);
        break;
      case 'maxvalue':
        set('maxValue', d);
        break;
      case 'cache':
        set('cache', d);
        break;
      case 'cycle':
        out.cycle = defBool(d);
        break;
      case 'owned_by': {
        const names = strings(fieldsOf<{ items?: Node[] }>(d.arg, 'List')?.items);
        if (names.length === 1 && names[0] === 'none') delete out.ownedBy;
        else if (names.length >= 2) {
          const t = qualified(names.slice(0, -1));
          out.ownedBy = { schema: t.schema, name: t.name, column: names[names.length - 1]! };
        }
        break;
      }
    }
  }
  return out;
}

export function createSequence(state: MigrationState, s: CreateSeqStmt, ctx: StatementContext): void {
  const ref = tableRef(s.sequence);
  const key = relKey(ref);
  if (s.if_not_exists && state.sequences.has(key)) return;
  const base: Sequence = {
    schema: ref.schema,
    name: ref.name,
    cycle: false,
    declaredIn: 'migration',
    source: { file: ctx.file, line: ctx.line },
  };
  state.sequences.set(key, sequenceOptions(base, s.options, ctx));
}

export function alterSequence(state: MigrationState, s: AlterSeqStmt, ctx: StatementContext): void {
  const key = relKey(tableRef(s.sequence));
  const seq = state.sequences.get(key);
  if (seq) state.sequences.set(key, sequenceOptions(seq, s.options, ctx));
}

export function createExtension(state: MigrationState, s: CreateExtensionStmt, ctx: StatementContext): void {
  const name = s.extname ?? '';
  if (s.if_not_exists && state.extensions.has(name)) return;
  const opts = defElems(s.options);
  const schema = opts.find((d) => d.defname === 'schema');
  const version = opts.find((d) => d.defname === 'new_version');
  state.extensions.set(name, {
    name,
    ...(schema ? { schema: defText(schema) ?? '' } : {}),
    ...(version ? { version: defText(version) ?? '' } : {}),
    origin: 'declared',
    source: { file: ctx.file, line: ctx.line },
  });
}

/** Role options as the SQL keywords that set them (a password is never recorded). */
const ROLE_FLAGS: Record<string, [yes: string, no: string]> = {
  superuser: ['SUPERUSER', 'NOSUPERUSER'],
  createdb: ['CREATEDB', 'NOCREATEDB'],
  createrole: ['CREATEROLE', 'NOCREATEROLE'],
  inherit: ['INHERIT', 'NOINHERIT'],
  canlogin: ['LOGIN', 'NOLOGIN'],
  isreplication: ['REPLICATION', 'NOREPLICATION'],
  bypassrls: ['BYPASSRLS', 'NOBYPASSRLS'],
};

export function roleOptions(options: readonly Node[] | undefined, user: boolean): string[] {
  const out: string[] = [];
  const elems = defElems(options);
  if (user && !elems.some((d) => d.defname === 'canlogin')) out.push('LOGIN');
  for (const d of elems) {
    const flag = ROLE_FLAGS[d.defname ?? ''];
    if (flag) out.push(defBool(d) ? flag[0] : flag[1]);
    else if (d.defname === 'connectionlimit') out.push(`CONNECTION LIMIT ${defText(d) ?? '-1'}`);
    else if (d.defname === 'validUntil') out.push(`VALID UNTIL '${defText(d) ?? ''}'`);
  }
  return out;
}

export function createRole(state: MigrationState, s: CreateRoleStmt, ctx: StatementContext): void {
  const name = s.role ?? '';
  const role: Role = {
    name,
    options: roleOptions(s.options, s.stmt_type === 'ROLESTMT_USER'),
    declaredIn: 'migration',
    source: { file: ctx.file, line: ctx.line },
  };
  state.roles.set(name, role);
}
