import type { Diagnostic } from '@ormdoc/core';
import type { EntityMetadataLike } from '../types.js';

/** What the IR keeps of a `@ViewEntity`: its kind and the SQL TypeORM creates it with. */
export interface ViewFacts {
  kind: 'view' | 'materialized-view';
  definition?: string;
}

type QueryBuilderLike = { getQuery(): string };

/**
 * A view entity as TypeORM's schema builder creates it: `materialized: true` makes a materialized
 * view (PostgreSQL); the definition is the `expression` string, or the SQL of the query builder the
 * `expression` function returns for the DataSource (`expression(dataSource).getQuery()`, as
 * TypeORM's query runner calls it). A function that throws is reported, and the view kept
 * without a definition.
 */
export function viewFacts(entity: EntityMetadataLike, diagnostics: Diagnostic[]): ViewFacts {
  // Stryker disable next-line OptionalChaining: TypeORM's metadata always carries its table args
  const materialized = entity.tableMetadataArgs?.materialized === true;
  const facts: ViewFacts = { kind: materialized ? 'materialized-view' : 'view' };
  const { expression } = entity;
  if (typeof expression === 'string') facts.definition = expression.trim();
  else if (typeof expression === 'function') {
    try {
      const qb = (expression as (ds: unknown) => unknown)(entity.connection) as
        | Partial<QueryBuilderLike>
        | undefined;
      // Stryker disable next-line MethodExpression: TypeORM's getQuery() trims its SQL itself (the trim is for other builders)
      if (qb && typeof qb.getQuery === 'function') facts.definition = qb.getQuery().trim();
    } catch (e) {
      diagnostics.push({
        severity: 'warning',
        code: 'typeorm/view-expression-failed',
        message: `The expression of view ${entity.tableName} (${entity.targetName}) threw while building its SQL: ${(e as Error).message}; the view is documented without its definition.`,
        hint: 'Make the expression depend only on the DataSource it is given (dataSource.createQueryBuilder()...), or give it as an SQL string.',
      });
    }
  }
  return facts;
}
