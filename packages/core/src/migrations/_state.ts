import type { Node } from '@pgsql/types';
import type {
  Extension,
  Policy,
  Role,
  Routine,
  RowLevelSecurity,
  Sequence,
  TableRef,
  Trigger,
} from '../ir/types.js';
import type { MigrationCheck, MigrationComment, MigrationObjects, MigrationView } from './types.js';

/** Where the statement being applied is, and the deparser. */
export interface StatementContext {
  file: string;
  line: number;
  /** SQL text of a node: one line, or laid out on several when `pretty` (view queries). */
  deparse(node: Node, pretty?: boolean): string;
}

/** Identity of a relation: an unqualified name is the default schema's (public). */
export function relKey(ref: { schema: string | null; name: string }): string {
  return `${ref.schema ?? 'public'}\u0000${ref.name}`;
}

/** Identity of a function: schema, name and the types of its input arguments. */
export function routineKey(schema: string | null, name: string, inputTypes: string): string {
  return `${relKey({ schema, name })}\u0000${inputTypes}`;
}

type Keyed<T> = Map<string, T>;

/**
 * The objects the statements applied so far leave in place. Later statements overwrite
 * (CREATE OR REPLACE, ALTER) or delete (DROP) entries by identity.
 */
export class MigrationState {
  readonly policies: Keyed<Policy> = new Map();
  readonly triggers: Keyed<Trigger> = new Map();
  readonly routines: Keyed<Routine & { inputTypes: string }> = new Map();
  readonly sequences: Keyed<Sequence> = new Map();
  readonly extensions: Keyed<Extension> = new Map();
  readonly roles: Keyed<Role> = new Map();
  readonly rls: Keyed<{ table: TableRef; rls: RowLevelSecurity }> = new Map();
  readonly views: Keyed<MigrationView> = new Map();
  readonly comments: Keyed<MigrationComment> = new Map();
  readonly checks: Keyed<MigrationCheck> = new Map();
  /** Statements the parser accepted that ormdoc does not model, by kind. */
  readonly unmodeled = new Map<string, number>();
  statements = 0;

  count(kind: string): void {
    this.unmodeled.set(kind, (this.unmodeled.get(kind) ?? 0) + 1);
  }

  /** The maps whose entries belong to a table (they go and move with it). */
  private tableBound(): Array<Keyed<{ table: TableRef }>> {
    return [this.policies, this.triggers, this.rls, this.comments, this.checks];
  }

  /** DROP TABLE / DROP VIEW: everything attached to the relation goes with it. */
  dropRelation(ref: TableRef): void {
    const key = relKey(ref);
    for (const map of this.tableBound())
      for (const [k, v] of [...map]) if (relKey(v.table) === key) map.delete(k);
    this.views.delete(key);
  }

  /** ALTER TABLE / VIEW ... RENAME TO, or SET SCHEMA: everything attached moves with it. */
  moveRelation(from: TableRef, to: TableRef): void {
    const key = relKey(from);
    for (const map of this.tableBound())
      for (const [k, v] of [...map]) {
        if (relKey(v.table) !== key) continue;
        map.delete(k);
        const moved = { ...v, table: { ...to } };
        map.set(k.replace(key, relKey(to)), moved);
      }
    const view = this.views.get(key);
    if (view) {
      this.views.delete(key);
      this.views.set(relKey(to), { ...view, schema: to.schema, name: to.name });
    }
  }

  result(): MigrationObjects {
    const values = <T>(m: Keyed<T>) => [...m.values()];
    return {
      policies: values(this.policies),
      roles: values(this.roles),
      triggers: values(this.triggers),
      routines: values(this.routines).map(({ inputTypes: _, ...r }) => r),
      sequences: values(this.sequences),
      extensions: values(this.extensions),
      rls: values(this.rls),
      views: values(this.views),
      comments: values(this.comments),
      checks: values(this.checks),
      statements: this.statements,
    };
  }
}
