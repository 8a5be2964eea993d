import type { Column, Enum, Table } from '@ormdoc/core';
import { canonicalizeIr, type Ir, parseIr } from '@ormdoc/core';
import { aColumn, anEnum, anIr } from '@ormdoc/core/testing';
import fc from 'fast-check';

/**
 * fast-check arbitraries for valid PostgreSQL IRs: unique table names (plain, reserved, unicode or
 * hostile), columns with types from a pool, primary keys, foreign keys between generated tables
 * with matching column types, indexes, enums, and comments with hostile text. Every IR goes
 * through `parseIr` (so an invalid one fails the property instead of slipping through).
 */

const FRAGMENTS = [
  '|',
  '`',
  '<script>',
  '</script>',
  '-->',
  '<!--',
  '\n',
  "'",
  '"',
  '\\',
  '[',
  ']',
  '#',
  '*',
  '_',
  '%',
  '&amp;',
  '😀',
  'ﷺ',
  'é',
  'e\u0301',
  '\t',
  '/',
  '..',
  ':',
];
const RESERVED = ['select', 'order', 'user', 'group', 'table', 'from', 'where', 'limit', 'check', 'default'];

/** A PostgreSQL identifier that survives unchanged (1..40 bytes, no NUL, not blank); `zz_` is kept for generated names. */
const fitsPostgres = (s: string) =>
  s.length > 0 && Buffer.byteLength(s) <= 40 && !s.includes('\0') && s.trim() !== '' && !s.startsWith('zz_');

/** Names: mostly plain, some reserved words, some made of hostile fragments, some random unicode. */
export const nameArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,14}$/) },
    { weight: 1, arbitrary: fc.constantFrom(...RESERVED) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.stringMatching(/^[a-zA-Z0-9]{1,4}$/)), {
          minLength: 1,
          maxLength: 6,
        })
        .map((parts) => parts.join('')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  )
  .filter(fitsPostgres);

/** Free text for comments: hostile fragments between words, newlines included. */
export const commentArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constant(' ')),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\0'));

/** Column types as PostgreSQL spells them. */
const TYPES = [
  'integer',
  'bigint',
  'text',
  'varchar(50)',
  'boolean',
  'timestamptz(3)',
  'timestamp(3)',
  'numeric(10,2)',
  'jsonb',
  'uuid',
  'date',
  'double precision',
  'text[]',
  'bytea',
];

interface Plan {
  tables: Array<{
    name: string;
    description?: string;
    columns: Array<{
      name: string;
      type: string;
      nullable: boolean;
      description?: string;
      enumIndex?: number;
    }>;
    pkSize: number;
    fks: Array<{ target: number; nullable: boolean }>;
    indexOn: number[];
  }>;
  enums: Array<{ name: string; values: string[] }>;
}

const enumValueArb = fc
  .oneof(fc.stringMatching(/^[a-z]{1,8}$/), nameArb)
  .filter((v) => Buffer.byteLength(v) <= 63);

const planArb: fc.Arbitrary<Plan> = fc
  .uniqueArray(nameArb, { minLength: 1, maxLength: 9, selector: (n) => n })
  .chain((names) => {
    const tableNames = names.slice(0, Math.max(1, names.length - 2));
    const enumNames = names.slice(tableNames.length); // distinct from tables: they share pg_type
    const enums = fc.tuple(
      ...enumNames.map((name) =>
        fc
          .uniqueArray(enumValueArb, { minLength: 1, maxLength: 4, selector: (v) => v })
          .map((values) => ({ name, values })),
      ),
    );
    const column = (enumCount: number) =>
      fc.record(
        {
          type: fc.constantFrom(...TYPES),
          nullable: fc.boolean(),
          description: commentArb,
          enumIndex: enumCount > 0 ? fc.nat(enumCount - 1) : fc.constant(undefined),
        },
        { requiredKeys: ['type', 'nullable'] },
      );
    const table = (name: string, index: number) =>
      fc.record(
        {
          name: fc.constant(name),
          description: commentArb,
          columns: fc.uniqueArray(fc.tuple(nameArb, column(enumNames.length)), {
            minLength: 1,
            maxLength: 6,
            selector: ([n]) => n,
          }),
          pkSize: fc.nat(2),
          fks: fc.array(fc.record({ target: fc.nat(index), nullable: fc.boolean() }), { maxLength: 2 }),
          indexOn: fc.array(fc.nat(5), { maxLength: 2 }),
        },
        { requiredKeys: ['name', 'columns', 'pkSize', 'fks', 'indexOn'] },
      );
    return fc.record({ tables: fc.tuple(...tableNames.map(table)), enums });
  })
  .map((p) => ({
    enums: p.enums,
    tables: p.tables.map((t) => ({
      ...t,
      columns: t.columns.map(([name, c]) => ({ name, ...c })),
    })),
  })) as fc.Arbitrary<Plan>;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Turn a plan into an IR: PK columns first, FK columns typed like the target's PK. */
function build(plan: Plan): Ir {
  const enums: Enum[] = plan.enums.map((e) => anEnum(e.name, e.values));
  const tables: Table[] = [];
  plan.tables.forEach((t, ti) => {
    const columns: Column[] = t.columns.map((c) => {
      const e = c.enumIndex === undefined ? undefined : plan.enums[c.enumIndex];
      const base = aColumn(c.name, c.type, {
        nullable: c.nullable,
        ...(c.description ? { description: c.description } : {}),
      });
      return e
        ? {
            ...base,
            type: {
              sql: quoteIdent(e.name),
              category: 'enum',
              isArray: false,
              enum: { schema: null, name: e.name },
            },
          }
        : base;
    });
    const pkColumns = columns
      .slice(0, Math.min(t.pkSize, columns.length))
      .filter((c) => c.type.category !== 'json' && !c.type.isArray);
    for (const c of pkColumns) c.nullable = false;
    const table: Table = {
      kind: 'table',
      schema: null,
      name: t.name,
      tags: [],
      columns,
      uniques: [],
      indexes: [],
      foreignKeys: [],
      checks: [],
      ...(t.description ? { description: t.description } : {}),
      ...(pkColumns.length > 0
        ? { primaryKey: { name: `zz_pk_${ti}`, nameExplicit: true, columns: pkColumns.map((c) => c.name) } }
        : {}),
    };
    t.fks.forEach((fk, k) => {
      const target = fk.target === ti ? table : tables[fk.target];
      const targetPk = target?.primaryKey?.columns;
      if (!target || !targetPk) return;
      const fkColumns = targetPk.map((pkName, n) => {
        const pkCol = target.columns.find((c) => c.name === pkName)!;
        const column: Column = { ...pkCol, name: `zz_fk${k}_${n}`, nullable: fk.nullable, tags: [] };
        delete column.description;
        return column;
      });
      table.columns.push(...fkColumns);
      table.foreignKeys.push({
        name: `zz_fk_${ti}_${k}`,
        nameExplicit: true,
        columns: fkColumns.map((c) => c.name),
        references: { schema: null, name: target.name, columns: [...targetPk] },
        onDelete: fk.nullable ? 'SET NULL' : 'CASCADE',
        onUpdate: 'NO ACTION',
        enforcedBy: 'database',
      });
    });
    [...new Set(t.indexOn)].forEach((ci, k) => {
      const col = table.columns[ci % table.columns.length]!;
      if (col.type.category === 'json' || col.type.isArray) return; // no btree opclass for these
      table.indexes.push({
        name: `zz_ix_${ti}_${k}`,
        nameExplicit: true,
        unique: false,
        parts: [{ column: col.name }],
      });
    });
    tables.push(table);
  });
  return canonicalizeIr(parseIr(anIr({ tables, enums })));
}

/** A valid PostgreSQL IR (validated by parseIr). */
export const irArb: fc.Arbitrary<Ir> = planArb.map(build);
