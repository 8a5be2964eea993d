import { qualifiedName } from '../ir/names.js';
import type { Column, ColumnCategory, Ir, Table } from '../ir/types.js';
import { deriveRelationships, type Relationship } from '../relationships/derive.js';

/** Collects failures instead of throwing, so one run reports every mismatch of a case. */
export class Expectations {
  readonly failures: string[] = [];
  constructor(readonly ir: Ir) {}

  fail(message: string): void {
    this.failures.push(message);
  }

  table(name: string, schema: string | null = null): Table | undefined {
    const t = this.ir.tables.find((x) => x.name === name && (schema === null ? true : x.schema === schema));
    if (!t)
      this.fail(
        `missing table ${schema ? `${schema}.` : ''}${name}; have ${this.ir.tables.map(qualifiedName).join(', ')}`,
      );
    return t;
  }

  column(table: Table | undefined, name: string, expect: ColumnExpectation = {}): Column | undefined {
    if (!table) return undefined;
    const c = table.columns.find((x) => x.name === name);
    if (!c) {
      this.fail(`missing column ${table.name}.${name}; have ${table.columns.map((x) => x.name).join(', ')}`);
      return undefined;
    }
    const where = `${table.name}.${name}`;
    if (expect.sql !== undefined && c.type.sql !== expect.sql)
      this.fail(`${where}: type ${c.type.sql}, expected ${expect.sql}`);
    if (expect.category !== undefined && c.type.category !== expect.category)
      this.fail(`${where}: category ${c.type.category}, expected ${expect.category}`);
    if (expect.nullable !== undefined && c.nullable !== expect.nullable)
      this.fail(`${where}: nullable ${c.nullable}, expected ${expect.nullable}`);
    if (expect.defaultKind !== undefined && (c.default?.kind ?? 'none') !== expect.defaultKind)
      this.fail(`${where}: default ${JSON.stringify(c.default)}, expected kind ${expect.defaultKind}`);
    return c;
  }

  primaryKey(table: Table | undefined, columns: string[]): void {
    if (!table) return;
    const got = table.primaryKey?.columns ?? [];
    if (got.join(',') !== columns.join(','))
      this.fail(`${table.name}: primary key (${got.join(', ')}), expected (${columns.join(', ')})`);
  }

  /** A FK from `table(columns)` to `target(targetColumns)` with the given ON DELETE. */
  foreignKey(
    table: Table | undefined,
    columns: string[],
    target: { name: string; schema?: string | null; columns: string[] },
    onDelete?: string,
  ): void {
    if (!table) return;
    const fk = table.foreignKeys.find((f) => f.columns.join(',') === columns.join(','));
    if (!fk) {
      this.fail(`${table.name}: no foreign key on (${columns.join(', ')})`);
      return;
    }
    if (
      fk.references.name !== target.name ||
      (target.schema !== undefined && fk.references.schema !== target.schema)
    )
      this.fail(
        `${table.name}(${columns.join(', ')}): references ${qualifiedName(fk.references)}, expected ${target.schema ? `${target.schema}.` : ''}${target.name}`,
      );
    if (fk.references.columns.join(',') !== target.columns.join(','))
      this.fail(
        `${table.name}(${columns.join(', ')}): references columns (${fk.references.columns.join(', ')}), expected (${target.columns.join(', ')})`,
      );
    if (onDelete !== undefined && fk.onDelete !== onDelete)
      this.fail(`${table.name}(${columns.join(', ')}): ON DELETE ${fk.onDelete}, expected ${onDelete}`);
  }

  relationship(predicate: (r: Relationship) => boolean, description: string): Relationship | undefined {
    const rels = deriveRelationships(this.ir);
    const r = rels.find(predicate);
    if (!r)
      this.fail(
        `no relationship: ${description}; derived: ${rels.map((x) => `${x.kind} ${x.id}`).join('; ')}`,
      );
    return r;
  }
}

export interface ColumnExpectation {
  sql?: string;
  category?: ColumnCategory;
  nullable?: boolean;
  defaultKind?: 'sql' | 'literal' | 'sequence' | 'orm' | 'none';
}
