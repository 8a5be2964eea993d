import type { Dialect } from '@ormdoc/core';

const PG_MAX = 63;

/**
 * PostgreSQL's makeObjectName: `name1_name2_label`, shortening the longer of name1/name2 until the
 * whole fits in 63 bytes (what PostgreSQL names an unnamed constraint or index).
 */
export function makeObjectName(name1: string, name2: string, label: string): string {
  const overhead = label.length + 1 + (name2 ? 1 : 0);
  const avail = PG_MAX - overhead;
  let n1 = name1.length;
  let n2 = name2.length;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  return [name1.slice(0, n1), name2 ? name2.slice(0, n2) : undefined, label]
    .filter((p) => p !== undefined)
    .join('_');
}

export type ConstraintKind = 'pkey' | 'key' | 'fkey' | 'check' | 'idx';

/**
 * Names the database gives constraints SQLAlchemy leaves unnamed. PostgreSQL's rules are followed
 * exactly (with numeric suffixes on collisions inside one table). MySQL/MariaDB: the primary key is
 * `PRIMARY`, an unnamed key is named after its first column (`col`, then `col_2`, `col_3`... on
 * collisions), unnamed foreign keys `{table}_ibfk_{n}`, unnamed checks `{table}_chk_{n}` (MySQL 8).
 */
export class DefaultNamer {
  private readonly used = new Set<string>();
  private mysqlCounters = new Map<string, number>();

  constructor(
    private readonly dialect: Dialect,
    private readonly table: string,
  ) {}

  /** Record a name that is already taken in this table (explicit or convention names). */
  reserve(name: string): void {
    this.used.add(name);
  }

  name(kind: ConstraintKind, columns: string[]): string {
    if (this.dialect === 'mysql') return this.mysqlName(kind, columns);
    const name2 = kind === 'pkey' ? '' : columns.join('_');
    let name = makeObjectName(this.table, name2, kind);
    for (let i = 1; this.used.has(name); i++) name = makeObjectName(this.table, name2, `${kind}${i}`);
    this.used.add(name);
    return name;
  }

  /** MySQL's make_unique_key_name: the name, else `name_2`, `name_3`... (never `PRIMARY`). */
  uniqueKeyName(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name) || name.toUpperCase() === 'PRIMARY'; i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  private mysqlName(kind: ConstraintKind, columns: string[]): string {
    const next = (label: string) => {
      const n = (this.mysqlCounters.get(label) ?? 0) + 1;
      this.mysqlCounters.set(label, n);
      return `${this.table}_${label}_${n}`;
    };
    switch (kind) {
      case 'pkey':
        return 'PRIMARY';
      case 'key':
      case 'idx':
        return this.uniqueKeyName(columns[0] ?? `${this.table}_key`);
      case 'fkey':
        return next('ibfk');
      case 'check':
        return next('chk');
    }
  }
}
