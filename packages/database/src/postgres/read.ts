import * as q from './queries.js';
import type { CatalogRows, ServerRow } from './rows.js';
import type { Query } from './session.js';

/**
 * Every catalog query of an introspection, in one session: one query per catalog. `schemas`
 * restricts the schemas read (all user schemas when absent); it is a bound parameter, never SQL.
 */
export async function readCatalog(
  query: Query,
  schemas: readonly string[] | undefined,
): Promise<CatalogRows> {
  const params = [schemas && schemas.length > 0 ? [...schemas] : null];
  const [server] = await query<ServerRow>(q.SERVER_QUERY);
  return {
    server: server ?? { version: 'unknown', database: '', default_schema: 'public' },
    relations: await query(q.RELATIONS_QUERY, params),
    columns: await query(q.COLUMNS_QUERY, params),
    constraints: await query(q.CONSTRAINTS_QUERY, params),
    indexes: await query(q.INDEXES_QUERY, params),
    enums: await query(q.ENUMS_QUERY, params),
    policies: await query(q.POLICIES_QUERY, params),
    triggers: await query(q.TRIGGERS_QUERY, params),
    routines: await query(q.ROUTINES_QUERY, params),
    sequences: await query(q.SEQUENCES_QUERY, params),
    extensions: await query(q.EXTENSIONS_QUERY),
  };
}
