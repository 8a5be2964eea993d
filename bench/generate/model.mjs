// The logical schema every generator writes: one seeded, deterministic description of N tables
// (10–15 columns each, foreign keys, indexes, unique keys, enums, comments, junction tables,
// self-relations), so the Prisma, Drizzle, TypeORM and SQLModel projects describe the same database.

/** mulberry32: a tiny seeded PRNG (same seed, same schema, on every machine). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const NOUNS = [
  'account',
  'invoice',
  'order',
  'product',
  'customer',
  'shipment',
  'payment',
  'warehouse',
  'supplier',
  'contract',
  'ticket',
  'project',
  'task',
  'document',
  'employee',
  'department',
  'campaign',
  'coupon',
  'subscription',
  'device',
  'sensor',
  'reading',
  'vehicle',
  'route',
  'booking',
  'room',
  'event',
  'venue',
  'course',
  'lesson',
  'student',
  'grade',
  'policy',
  'claim',
  'asset',
  'ledger',
  'budget',
  'report',
];
const ENUM_VALUES = ['draft', 'pending', 'active', 'paused', 'archived', 'cancelled', 'failed', 'done'];
const ACTIONS = ['cascade', 'restrict', 'set null'];

export const toCamel = (snake) => snake.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
export const toPascal = (snake) => {
  const c = toCamel(snake);
  return c.charAt(0).toUpperCase() + c.slice(1);
};

/**
 * Column kinds: serial | uuid (primary keys), int | bigint | varchar | text | bool | ts3 | numeric |
 * jsonb | enum. `fk` = { table, column, onDelete } where set. `default`: 'now' | 'true' | 'false' |
 * 'zero' | 'uuid' | { enumValue } | '{}' | null.
 */
function column(name, kind, extra = {}) {
  return {
    name,
    prop: toCamel(name),
    kind,
    length: undefined,
    nullable: false,
    primaryKey: false,
    unique: false,
    default: null,
    comment: null,
    enum: null,
    fk: null,
    ...extra,
  };
}

/** Build the logical schema of `n` tables. */
export function buildModel(n, seed = 20250101) {
  const r = rng(seed ^ n);
  const enumCount = Math.max(2, Math.floor(n / 20));
  const enums = [];
  for (let e = 0; e < enumCount; e++) {
    const start = r.int(0, ENUM_VALUES.length - 3);
    const size = r.int(3, Math.min(5, ENUM_VALUES.length - start));
    const name = `${r.pick(NOUNS)}_status_${e}`;
    enums.push({
      name,
      typeName: toPascal(name),
      values: ENUM_VALUES.slice(start, start + size),
      comment: `Lifecycle state of a ${name.split('_')[0]} (set ${e}).`,
    });
  }

  const tables = [];
  const entities = [];
  const intEntities = [];
  for (let i = 0; i < n; i++) {
    const noun = NOUNS[i % NOUNS.length];
    const name = `${noun}s_${i}`;
    const junction = i % 12 === 11 && intEntities.length >= 2;
    const table = {
      index: i,
      name,
      className: toPascal(name),
      kind: junction ? 'junction' : 'entity',
      comment: junction
        ? `Links ${noun}s to their related records (table ${i}).`
        : `One ${noun} of the synthetic benchmark domain (table ${i}).`,
      columns: [],
      primaryKey: [],
      indexes: [],
      uniques: [],
    };
    if (junction) {
      const a = recentPick(r, intEntities, i);
      let b = recentPick(r, intEntities, i);
      while (b === a) b = r.pick(intEntities);
      const colA = `${singular(a.name)}_id`;
      const colB = `${singular(b.name)}_id`;
      table.columns.push(column(colA, 'int', { fk: { table: a.name, column: 'id', onDelete: 'cascade' } }));
      table.columns.push(column(colB, 'int', { fk: { table: b.name, column: 'id', onDelete: 'cascade' } }));
      table.columns.push(column('position', 'int', { default: 'zero' }));
      table.columns.push(
        column('role', 'varchar', { length: 50, default: null, comment: 'Role of the link.' }),
      );
      table.columns.push(column('weight', 'numeric', { nullable: true }));
      table.columns.push(column('is_primary', 'bool', { default: 'false' }));
      table.columns.push(column('note', 'varchar', { length: 200, nullable: true }));
      table.columns.push(column('metadata', 'jsonb', { default: '{}' }));
      table.columns.push(column('created_at', 'ts3', { default: 'now' }));
      table.columns.push(column('updated_at', 'ts3', { default: 'now' }));
      table.primaryKey = [colA, colB];
      table.indexes.push({ columns: [colB], unique: false });
      tables.push(table);
      continue;
    }
    const uuidPk = r.chance(0.2);
    table.columns.push(
      column('id', uuidPk ? 'uuid' : 'serial', { primaryKey: true, default: uuidPk ? 'uuid' : null }),
    );
    table.primaryKey = ['id'];
    // Foreign keys: 0–3 to earlier tables (mostly nearby, sometimes to the first "hub" tables).
    const fkCount = entities.length === 0 ? 0 : r.int(i < 3 ? 0 : 1, 3);
    const used = new Set();
    for (let f = 0; f < fkCount; f++) {
      const target = r.chance(0.25)
        ? entities[r.int(0, Math.min(9, entities.length - 1))]
        : recentPick(r, entities, i);
      if (!target || used.has(target.name)) continue;
      used.add(target.name);
      const nullable = r.chance(0.3);
      const onDelete = nullable ? 'set null' : r.pick(ACTIONS.slice(0, 2));
      const col = column(`${singular(target.name)}_id`, target.columns[0].kind === 'uuid' ? 'uuid' : 'int', {
        nullable,
        fk: { table: target.name, column: 'id', onDelete },
      });
      table.columns.push(col);
      // Most foreign keys get an index; every fourth does not (a finding for the analysis).
      if (r.chance(0.75)) table.indexes.push({ columns: [col.name], unique: false });
    }
    if (i > 0 && i % 15 === 7) {
      const self = column('parent_id', table.columns[0].kind === 'uuid' ? 'uuid' : 'int', {
        nullable: true,
        fk: { table: name, column: 'id', onDelete: 'set null' },
        comment: 'Parent record in the same table (a tree).',
      });
      table.columns.push(self);
      table.indexes.push({ columns: ['parent_id'], unique: false });
    }
    table.columns.push(column('name', 'varchar', { length: 200 }));
    table.columns.push(
      column('code', 'varchar', {
        length: 64,
        unique: true,
        comment: `Business key of the ${noun}, unique.`,
      }),
    );
    const e = r.pick(enums);
    table.columns.push(column('status', 'enum', { enum: e.name, default: { enumValue: e.values[0] } }));
    const optional = [
      () =>
        column('description', 'text', {
          nullable: true,
          comment: r.chance(0.5) ? 'Free text shown to users.' : null,
        }),
      () => column('is_active', 'bool', { default: 'true' }),
      () => column('amount', 'numeric', { nullable: true, comment: 'Amount in the account currency.' }),
      () => column('quantity', 'int', { default: 'zero' }),
      () => column('total_count', 'bigint', { nullable: true }),
      () => column('metadata', 'jsonb', { default: '{}' }),
      () =>
        column('contact_email', 'varchar', { length: 320, nullable: true, comment: 'Contact address. @pii' }),
      () => column('starts_at', 'ts3', { nullable: true }),
      () => column('ends_at', 'ts3', { nullable: true }),
      () => column('external_ref', 'varchar', { length: 100, nullable: true }),
    ];
    const target = r.int(10, 15) - 2; // created_at/updated_at come last
    let k = 0;
    while (table.columns.length < target && k < optional.length) {
      table.columns.push(optional[k]());
      k++;
    }
    table.columns.push(column('created_at', 'ts3', { default: 'now' }));
    table.columns.push(column('updated_at', 'ts3', { default: 'now' }));
    if (r.chance(0.5)) table.indexes.push({ columns: ['status', 'created_at'], unique: false });
    if (r.chance(0.2)) table.uniques.push(['name', 'created_at']);
    tables.push(table);
    entities.push(table);
    if (!uuidPk) intEntities.push(table);
  }
  return { n, enums, tables };
}

/** A random table among the last ~150 (tables refer mostly to nearby ones, like real modules). */
function recentPick(r, list, i) {
  let lo = list.length;
  while (lo > 0 && list[lo - 1].index >= i - 150) lo--;
  return lo < list.length ? list[r.int(lo, list.length - 1)] : r.pick(list);
}

export function singular(tableName) {
  // "invoices_42" -> "invoice_42"
  return tableName.replace(/s_(\d+)$/, '_$1');
}

/** Foreign keys of a table as { column, fk } (in column order). */
export const foreignKeys = (table) => table.columns.filter((c) => c.fk).map((c) => ({ column: c, fk: c.fk }));
