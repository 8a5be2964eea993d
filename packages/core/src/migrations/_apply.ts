import type { Node } from '@pgsql/types';
import { comment } from './_comment.js';
import { drop, dropRole, rename, setSchema } from './_drop.js';
import { fieldsOf, kindOf, roleName } from './_nodes.js';
import {
  alterPolicy,
  alterSequence,
  createExtension,
  createPolicy,
  createRole,
  createSequence,
  createTrigger,
  roleOptions,
} from './_objects.js';
import { alterTable, createMaterializedView, createTable, createView } from './_relations.js';
import { alterFunction, createFunction } from './_routine.js';
import type { MigrationState, StatementContext } from './_state.js';

/**
 * Statements about what the ORM schema itself declares (tables, columns, indexes, keys, enum
 * types, schemas): read from the ORM, so not counted as unmodelled when they are not.
 */
const ORM_COVERED = new Set([
  'CreateStmt',
  'IndexStmt',
  'AlterTableStmt',
  'CreateEnumStmt',
  'AlterEnumStmt',
  'CreateSchemaStmt',
  'CompositeTypeStmt',
  'DropStmt',
  'RenameStmt',
]);

/** Transaction control changes no schema object; it is neither modelled nor counted. */
const NO_OBJECT = new Set(['TransactionStmt']);

/** A readable name for an unmodelled statement kind: `GrantStmt` -> `GRANT`, `DoStmt` -> `DO`. */
function label(kind: string, node: Node): string {
  const f = (node as unknown as Record<string, Record<string, unknown>>)[kind] ?? {};
  switch (kind) {
    case 'GrantStmt':
      return f.is_grant ? 'GRANT' : 'REVOKE';
    case 'GrantRoleStmt':
      return f.is_grant ? 'GRANT role' : 'REVOKE role';
    case 'DoStmt':
      return 'DO';
    case 'CommentStmt':
      return `COMMENT ON ${String(f.objtype ?? '').replace('OBJECT_', '')}`;
    case 'CreateTableAsStmt':
      return 'CREATE TABLE AS';
    case 'VariableSetStmt':
      return 'SET';
    default:
      return kind
        .replace(/Stmt$/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
  }
}

/** Apply one parsed statement to the state. */
export function applyStatement(state: MigrationState, node: Node, ctx: StatementContext): void {
  state.statements++;
  const kind = kindOf(node);
  const f = fieldsOf<never>(node, kind) as never;
  let modelled = true;
  switch (kind) {
    case 'CreatePolicyStmt':
      createPolicy(state, f, ctx);
      break;
    case 'AlterPolicyStmt':
      alterPolicy(state, f, ctx);
      break;
    case 'CreateTrigStmt':
      createTrigger(state, f, ctx);
      break;
    case 'CreateFunctionStmt':
      createFunction(state, f, ctx);
      break;
    case 'AlterFunctionStmt':
      alterFunction(state, f, ctx);
      break;
    case 'ViewStmt':
      createView(state, f, ctx);
      break;
    case 'CreateTableAsStmt':
      modelled = createMaterializedView(state, f, ctx);
      break;
    case 'CreateSeqStmt':
      createSequence(state, f, ctx);
      break;
    case 'AlterSeqStmt':
      alterSequence(state, f, ctx);
      break;
    case 'CreateExtensionStmt':
      createExtension(state, f, ctx);
      break;
    case 'CreateRoleStmt':
      createRole(state, f, ctx);
      break;
    case 'AlterRoleStmt': {
      const s = f as { role?: Node; options?: Node[] };
      const name = s.role ? roleName(s.role) : '';
      const role = state.roles.get(name);
      if (role)
        state.roles.set(name, { ...role, options: [...role.options, ...roleOptions(s.options, false)] });
      break;
    }
    case 'DropRoleStmt':
      dropRole(state, f);
      break;
    case 'CreateStmt':
      createTable(state, f, ctx);
      break;
    case 'AlterTableStmt':
      alterTable(state, f, ctx);
      break;
    case 'DropStmt':
      modelled = drop(state, f);
      break;
    case 'RenameStmt':
      modelled = rename(state, f);
      break;
    case 'CommentStmt':
      modelled = comment(state, f, ctx);
      break;
    case 'AlterObjectSchemaStmt':
      modelled = setSchema(state, f);
      break;
    default:
      modelled = false;
  }
  if (!modelled && !ORM_COVERED.has(kind) && !NO_OBJECT.has(kind)) state.count(label(kind, node));
}
