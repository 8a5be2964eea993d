import type {
  AlterObjectSchemaStmt,
  DropRoleStmt,
  DropStmt,
  Node,
  ObjectWithArgs,
  RenameStmt,
} from '@pgsql/types';
import { fieldsOf, listItems, qualified, roleName, strings, tableRef } from './_nodes.js';
import { matchRoutines } from './_routine.js';
import { type MigrationState, relKey } from './_state.js';

/** DROP (of every modelled kind), DROP ROLE, and RENAME of tables, views, policies, triggers, functions, sequences, columns. */

/** `[schema, table, name]` of a DROP TRIGGER / DROP POLICY object. */
function onTable(object: Node): { table: { schema: string | null; name: string }; name: string } {
  const names = strings(listItems(object));
  return { table: qualified(names.slice(0, -1)), name: names[names.length - 1] ?? '' };
}

/** True when the statement dropped a kind ormdoc models (or a table, whose attachments go with it). */
export function drop(state: MigrationState, s: DropStmt): boolean {
  const cascade = s.behavior === 'DROP_CASCADE';
  for (const object of s.objects ?? []) {
    switch (s.removeType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
      case 'OBJECT_FOREIGN_TABLE':
        state.dropRelation(qualified(strings(listItems(object))));
        break;
      case 'OBJECT_SEQUENCE':
        state.sequences.delete(relKey(qualified(strings(listItems(object)))));
        break;
      case 'OBJECT_POLICY': {
        const { table, name } = onTable(object);
        state.policies.delete(`${relKey(table)}\u0000${name}`);
        break;
      }
      case 'OBJECT_TRIGGER': {
        const { table, name } = onTable(object);
        state.triggers.delete(`${relKey(table)}\u0000${name}`);
        break;
      }
      case 'OBJECT_FUNCTION':
      case 'OBJECT_PROCEDURE':
      case 'OBJECT_ROUTINE': {
        const o = fieldsOf<ObjectWithArgs>(object, 'ObjectWithArgs');
        if (!o) break;
        for (const key of matchRoutines(state, o)) {
          const r = state.routines.get(key)!;
          state.routines.delete(key);
          // DROP FUNCTION ... CASCADE drops the triggers that execute it.
          if (cascade)
            for (const [k, t] of [...state.triggers])
              if (relKey({ schema: t.function.schema, name: t.function.name }) === relKey(r))
                state.triggers.delete(k);
        }
        break;
      }
      case 'OBJECT_EXTENSION':
        for (const name of strings([object])) state.extensions.delete(name);
        break;
      case 'OBJECT_SCHEMA':
        if (cascade) for (const schema of strings([object])) dropSchema(state, schema);
        break;
      default:
        return false;
    }
  }
  return true;
}

/** DROP SCHEMA ... CASCADE: every object in it goes. */
function dropSchema(state: MigrationState, schema: string): void {
  const inSchema = (s: string | null) => (s ?? 'public') === schema;
  for (const v of [...state.views.values()]) if (inSchema(v.schema)) state.dropRelation(v);
  for (const map of [state.policies, state.triggers, state.rls, state.comments, state.checks] as const)
    for (const [k, v] of [...map] as Array<[string, { table: { schema: string | null } }]>)
      if (inSchema(v.table.schema)) map.delete(k);
  for (const map of [state.routines, state.sequences] as const)
    for (const [k, v] of [...map] as Array<[string, { schema: string | null }]>)
      if (inSchema(v.schema)) map.delete(k);
}

export function dropRole(state: MigrationState, s: DropRoleStmt): void {
  for (const r of s.roles ?? []) state.roles.delete(roleName(r));
}

/** True when the statement renamed something ormdoc models or tracks. */
export function rename(state: MigrationState, s: RenameStmt): boolean {
  const newname = s.newname ?? '';
  switch (s.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const from = tableRef(s.relation);
      state.moveRelation(from, { schema: from.schema, name: newname });
      return true;
    }
    case 'OBJECT_POLICY':
    case 'OBJECT_TRIGGER': {
      const map = s.renameType === 'OBJECT_POLICY' ? state.policies : state.triggers;
      const table = tableRef(s.relation);
      const key = `${relKey(table)}\u0000${s.subname ?? ''}`;
      const found = map.get(key);
      if (found) {
        map.delete(key);
        map.set(`${relKey(table)}\u0000${newname}`, { ...found, name: newname } as never);
      }
      return true;
    }
    case 'OBJECT_SEQUENCE': {
      const from = tableRef(s.relation);
      const seq = state.sequences.get(relKey(from));
      if (seq) {
        state.sequences.delete(relKey(from));
        state.sequences.set(relKey({ schema: from.schema, name: newname }), { ...seq, name: newname });
      }
      return true;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE': {
      const o = fieldsOf<ObjectWithArgs>(s.object, 'ObjectWithArgs');
      for (const key of o ? matchRoutines(state, o) : []) {
        const r = state.routines.get(key)!;
        state.routines.delete(key);
        state.routines.set(key.replace(relKey(r), relKey({ schema: r.schema, name: newname })), {
          ...r,
          name: newname,
        });
      }
      return true;
    }
    case 'OBJECT_COLUMN': {
      const table = tableRef(s.relation);
      const key = `${relKey(table)}\u0000${s.subname ?? ''}`;
      const comment = state.comments.get(key);
      if (comment) {
        state.comments.delete(key);
        state.comments.set(`${relKey(table)}\u0000${newname}`, { ...comment, column: newname });
      }
      for (const [k, t] of state.triggers)
        if (relKey(t.table) === relKey(table) && t.updateOf?.includes(s.subname ?? ''))
          state.triggers.set(k, { ...t, updateOf: t.updateOf.map((c) => (c === s.subname ? newname : c)) });
      return true;
    }
    case 'OBJECT_TABCONSTRAINT': {
      const table = tableRef(s.relation);
      const key = `${relKey(table)}\u0000${s.subname ?? ''}`;
      const check = state.checks.get(key);
      if (check) {
        state.checks.delete(key);
        state.checks.set(`${relKey(table)}\u0000${newname}`, {
          ...check,
          check: { ...check.check, name: newname },
        });
      }
      return true;
    }
    default:
      return false;
  }
}

/** ALTER TABLE / VIEW / SEQUENCE / FUNCTION ... SET SCHEMA; true when the kind is one ormdoc tracks. */
export function setSchema(state: MigrationState, s: AlterObjectSchemaStmt): boolean {
  const schema = s.newschema ?? null;
  switch (s.objectType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const from = tableRef(s.relation);
      state.moveRelation(from, { schema, name: from.name });
      return true;
    }
    case 'OBJECT_SEQUENCE': {
      const from = tableRef(s.relation);
      const seq = state.sequences.get(relKey(from));
      if (seq) {
        state.sequences.delete(relKey(from));
        state.sequences.set(relKey({ schema, name: from.name }), { ...seq, schema });
      }
      return true;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE': {
      const o = fieldsOf<ObjectWithArgs>(s.object, 'ObjectWithArgs');
      for (const key of o ? matchRoutines(state, o) : []) {
        const r = state.routines.get(key)!;
        state.routines.delete(key);
        state.routines.set(key.replace(relKey(r), relKey({ schema, name: r.name })), { ...r, schema });
      }
      return true;
    }
    default:
      return false;
  }
}
