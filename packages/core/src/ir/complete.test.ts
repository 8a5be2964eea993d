import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { OrmdocError } from '../errors.js';
import { aColumn, aForeignKey, anIr, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { completeIr, completerFor, firstDifference } from './complete.js';
import { Ir } from './schema.js';
import type { IrInput } from './types.js';
import { buildIr } from './validate.js';

/** completeIr gives what zod gives: same values, same key order, same `key: undefined` entries. */
function expectSameAsZod(input: unknown) {
  const before = JSON.stringify(input);
  const completed = completeIr(input as IrInput);
  expect(firstDifference(Ir.parse(input), completed)).toBeUndefined();
  expect(JSON.stringify(input)).toBe(before);
  return completed;
}

const column = { name: 'id', type: { sql: 'integer', category: 'integer' }, nullable: false };
const minimal = {
  irVersion: 1,
  dialect: 'postgresql',
  source: { orm: 'prisma' },
  tables: [{ schema: null, name: 't', columns: [column] }],
};

/** Every optional field of every object, keys in an order unlike the schema's, an unknown key everywhere. */
const everything = {
  extra: 1,
  relations: [
    {
      description: 'd',
      eager: true,
      ormOnDelete: 'CASCADE',
      ormCascade: ['insert', 'update'],
      through: { name: 'tu', schema: 'app', junk: 1 },
      foreignKey: 'fk',
      nullable: true,
      cardinality: 'many',
      to: { field: 'back', name: 'u', schema: 'app', junk: 2 },
      from: { field: 'us', name: 't', schema: 'app', junk: 3 },
      name: 'rel',
      junk: 4,
    },
  ],
  enums: [
    {
      source: { column: 2, line: 1, file: 'e.prisma', junk: 5 },
      tags: [{ value: 'v', name: 'pii', junk: 6 }],
      description: 'e',
      enforcedBy: 'orm',
      native: false,
      values: [{ description: 'x', codeName: 'A', name: 'a', junk: 7 }],
      codeName: 'Mood',
      name: 'mood',
      schema: 'app',
      junk: 8,
    },
  ],
  tables: [
    {
      source: { line: 3, file: 't.prisma' },
      implicit: false,
      ignoredByOrm: true,
      definition: 'select 1',
      checks: [{ expression: 'id > 0', nameExplicit: true, name: 'ck', junk: 9 }],
      foreignKeys: [
        {
          deferrable: 'initially-deferred',
          enforcedBy: 'orm',
          onUpdate: 'CASCADE',
          onDelete: 'SET NULL',
          references: { columns: ['id'], name: 'u', schema: 'app', junk: 10 },
          columns: ['id'],
          nameExplicit: true,
          name: 'fk',
          junk: 11,
        },
      ],
      indexes: [
        {
          nullsNotDistinct: true,
          include: ['m'],
          where: 'id > 1',
          method: 'btree',
          parts: [
            {
              collation: 'C',
              length: 10,
              opclass: 'text_ops',
              nulls: 'last',
              order: 'desc',
              column: 'id',
              junk: 12,
            },
            { expression: 'lower(m)' },
          ],
          unique: true,
          nameExplicit: true,
          name: 'ix',
          junk: 13,
        },
      ],
      uniques: [{ nullsNotDistinct: false, columns: ['id'], nameExplicit: true, name: 'uq', junk: 14 }],
      primaryKey: { columns: ['id'], nameExplicit: true, name: 'pk', junk: 15 },
      columns: [
        {
          source: { file: 't.prisma', line: 4 },
          ignoredByOrm: false,
          tags: [{ name: 'pii' }],
          description: 'c',
          collation: 'C',
          generated: { stored: true, expression: 'id + 1', junk: 16 },
          onUpdate: { description: '@updatedAt', kind: 'orm', junk: 17 },
          default: { sequenceName: 's', style: 'identity-always', kind: 'sequence', junk: 18 },
          nullable: false,
          type: {
            unsupported: false,
            enum: { name: 'mood', schema: 'app' },
            isArray: true,
            category: 'enum',
            orm: 'Mood',
            sql: 'app.mood[]',
            junk: 19,
          },
          codeName: 'Id',
          name: 'id',
          junk: 20,
        },
        {
          onUpdate: { expression: 'now()', kind: 'sql' },
          default: { expression: 'now()', kind: 'sql' },
          ...column,
          name: 'm',
        },
      ],
      tags: [],
      description: 't',
      codeName: 'T',
      name: 't',
      schema: 'app',
      kind: 'view',
      junk: 21,
    },
    { name: 'u', schema: 'app', columns: [column] },
  ],
  namespaces: ['app'],
  extensions: [{ name: 'citext', schema: 'app', junk: 23 }],
  source: { relationMode: 'prisma', files: ['a'], ormVersion: '7', orm: 'prisma', junk: 22 },
  dialect: 'postgresql',
  irVersion: 1,
};

const ARRAY_DEFAULTS = [
  'tags',
  'uniques',
  'indexes',
  'foreignKeys',
  'checks',
  'files',
  'namespaces',
  'enums',
  'relations',
  'extensions',
];

/** The IR with every field that only repeats its default removed, so completeIr has to fill them all in. */
function withoutDefaults(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDefaults);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const isDefault =
      (ARRAY_DEFAULTS.includes(k) && Array.isArray(v) && v.length === 0) ||
      (['isArray', 'nameExplicit', 'unique'].includes(k) && v === false) ||
      (k === 'native' && v === true) ||
      (k === 'kind' && v === 'table');
    if (!isDefault) out[k] = withoutDefaults(v);
  }
  return out;
}

describe('completeIr', () => {
  it('fills in every default zod declares', () => {
    const ir = expectSameAsZod({
      ...minimal,
      enums: [{ schema: null, name: 'e', values: [{ name: 'a' }] }],
      tables: [
        {
          schema: null,
          name: 't',
          columns: [column],
          indexes: [{ name: 'i', parts: [{ column: 'id' }] }],
          uniques: [{ name: 'u', columns: ['id'] }],
          foreignKeys: [
            {
              name: 'f',
              columns: ['id'],
              references: { schema: null, name: 't', columns: ['id'] },
              onDelete: 'CASCADE',
              onUpdate: 'NO ACTION',
              enforcedBy: 'database',
            },
          ],
          checks: [{ name: 'c', expression: 'id > 0' }],
          primaryKey: { name: 'p', columns: ['id'] },
        },
      ],
    });
    expect(ir.source.files).toEqual([]);
    expect(Object.keys(ir)).toEqual([
      'irVersion',
      'dialect',
      'source',
      'namespaces',
      'tables',
      'enums',
      'relations',
      'extensions',
      'policies',
      'roles',
      'triggers',
      'routines',
      'sequences',
    ]);
    const t = ir.tables[0];
    expect(t).toMatchObject({ kind: 'table', tags: [] });
    expect(t?.columns[0]).toMatchObject({ tags: [], type: { isArray: false } });
    expect(t?.indexes[0]).toMatchObject({ nameExplicit: false, unique: false });
    expect([t?.uniques[0], t?.foreignKeys[0], t?.checks[0], t?.primaryKey]).toMatchObject(
      Array(4).fill({ nameExplicit: false }),
    );
    expect(ir.enums[0]).toMatchObject({ native: true, tags: [] });
  });

  it('keeps every optional field, in the schema key order, and drops unknown keys', () => {
    const ir = expectSameAsZod(everything);
    expect(JSON.stringify(ir)).not.toContain('junk');
    expect(Object.keys(ir.tables[0] ?? {})[0]).toBe('kind');
  });

  it('keeps an optional key given as undefined, and gives a default key given as undefined its default', () => {
    const ir = expectSameAsZod({
      ...minimal,
      source: { orm: 'prisma', ormVersion: undefined, files: undefined, relationMode: undefined },
      enums: undefined,
      tables: [{ schema: null, name: 't', codeName: undefined, kind: undefined, columns: [column] }],
    });
    expect(Object.keys(ir.source)).toEqual(['orm', 'ormVersion', 'files', 'relationMode']);
    expect(ir.tables[0]).toHaveProperty('codeName', undefined);
    expect(ir.tables[0]?.kind).toBe('table');
    expect(ir.enums).toEqual([]);
  });

  it('handles every kind of column default and on-update, and every type of literal', () => {
    const defaults = [
      { kind: 'sql', expression: 'now()' },
      { kind: 'sequence', style: 'serial' },
      { description: 'uuid(4)', generator: 'uuid', kind: 'orm' },
      ...['a', 0, true, null, [1, { b: 2 }], { z: 1, a: [2], 1: 'x' }].map((value) => ({
        sql: 'x',
        value,
        kind: 'literal',
      })),
    ];
    const columns = defaults.map((d, i) => ({ ...column, name: `c${i}`, default: d }));
    const ir = expectSameAsZod({ ...minimal, tables: [{ schema: null, name: 't', columns }] });
    const first = ir.tables[0]?.columns[4]?.default;
    expect(first && Object.keys(first)).toEqual(['kind', 'value', 'sql']);
  });

  it('gives every IR its own objects: fresh defaults, nothing shared with the input', () => {
    const a = completeIr(minimal as IrInput);
    const b = completeIr(minimal as IrInput);
    expect(a.tables[0]?.tags).not.toBe(b.tables[0]?.tags);
    expect(a.tables[0]?.columns[0]?.type).not.toBe(minimal.tables[0]?.columns[0]?.type);
    const literal = { kind: 'literal' as const, value: [1], sql: "'{1}'" };
    const c = completeIr(
      anIr({ tables: [aTable('t', { columns: [aColumn('id', 'integer', { default: literal })] })] }),
    );
    expect(c.tables[0]?.columns[0]?.default).not.toBe(literal);
  });

  it('builds the fixtures and the four examples’ IRs as zod does, also with every default left out', () => {
    const examples = ['prisma', 'drizzle', 'typeorm', 'sqlmodel'].map((orm) =>
      JSON.parse(
        readFileSync(
          new URL(`../../../../examples/${orm}/docs/database/schema.json`, import.meta.url),
          'utf8',
        ),
      ),
    );
    for (const ir of [exampleIr(), kitchenSinkIr(), ...examples]) {
      expectSameAsZod(ir);
      const sparse = withoutDefaults(ir);
      expect(JSON.stringify(sparse).length).toBeLessThan(JSON.stringify(ir).length);
      expect(firstDifference(Ir.parse(ir), expectSameAsZod(sparse))).toBeUndefined();
    }
  });
});

describe('completerFor', () => {
  it('refuses what it cannot reproduce instead of guessing', () => {
    const refused: Array<[z.ZodType, RegExp]> = [
      [z.object({ a: z.string().transform((s) => s.length) }), /zod type "pipe" at x\.a /],
      [z.object({ a: z.string().trim() }), /rewrites the value .* at x\.a /],
      [z.looseObject({ a: z.string() }), /unknown keys .* at x /],
      [z.object({ a: z.union([z.string(), z.string().min(2)]) }), /two options of one JSON type .* at x\.a /],
      [z.object({ a: z.string().default('d').optional() }), /nested optional\/default .* at x\.a /],
    ];
    for (const [schema, message] of refused) expect(() => completerFor(schema, 'x')).toThrow(message);
  });

  it('follows nullable, records and plain unions like zod', () => {
    const schema = z.object({
      n: z.object({ b: z.boolean().default(true) }).nullable(),
      r: z.record(z.string(), z.object({ x: z.number().optional(), y: z.string().default('y') })),
      u: z.union([z.string(), z.array(z.object({ k: z.literal('k').default('k') }))]),
    });
    const input = { u: [{}, { k: 'k', z: 1 }], r: { b: { x: 1, q: 2 }, a: {} }, n: null };
    expect(firstDifference(schema.parse(input), completerFor(schema)(input))).toBeUndefined();
    const other = { ...input, n: {}, u: 's' };
    expect(firstDifference(schema.parse(other), completerFor(schema)(other))).toBeUndefined();
  });
});

describe('buildIr', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('throws IR_INVALID on a dangling foreign key, verified or not', () => {
    const input = anIr({ tables: [aTable('a', { foreignKeys: [aForeignKey('a', ['id'], 'missing')] })] });
    for (const flag of ['1', '']) {
      vi.stubEnv('ORMDOC_VERIFY_IR', flag);
      expect(() => buildIr(input)).toThrow(OrmdocError);
      expect(() => buildIr(input)).toThrow(
        expect.objectContaining({
          code: 'IR_INVALID',
          details: [
            'tables[0].foreignKeys[0].references: foreign key a_id_fkey references unknown table missing',
          ],
        }),
      );
    }
  });

  it('with ORMDOC_VERIFY_IR set, reports an input zod rejects; without it, does not run zod', () => {
    const input = { ...minimal, tables: [{ schema: null, name: '', columns: [column] }] } as IrInput;
    vi.stubEnv('ORMDOC_VERIFY_IR', '1');
    expect(() => buildIr(input)).toThrow(/ORMDOC_VERIFY_IR: The schema representation is invalid/);
    expect(() => buildIr(input)).toThrow(
      expect.objectContaining({
        code: 'IR_INVALID',
        details: ['tables[0].name: Too small: expected string to have >=1 characters'],
      }),
    );
    vi.stubEnv('ORMDOC_VERIFY_IR', '');
    expect(buildIr(input).tables[0]?.name).toBe('');
  });

  it('is verified against zod in the whole test suite (vitest.config.ts sets ORMDOC_VERIFY_IR)', () => {
    expect(process.env.ORMDOC_VERIFY_IR).toBe('1');
  });

  it('returns what parseIr would', () => {
    expect(firstDifference(Ir.parse(everything), buildIr(everything as IrInput))).toBeUndefined();
  });
});

describe('firstDifference', () => {
  it('names the first path where values, key order or undefined keys differ', () => {
    const zod = Ir.parse(everything);
    const same = JSON.parse(JSON.stringify(zod));
    expect(firstDifference(zod, same)).toBeUndefined();
    same.tables[0].columns[1].type.isArray = true;
    expect(firstDifference(zod, same)).toBe('tables[0].columns[1].type.isArray: false vs true');
    const { files, ...rest } = zod.source;
    const reordered = { ...zod, source: { files, ...rest } };
    expect(firstDifference(zod, reordered)).toBe('source: key #0 is "orm" vs "files"');
    const withUndefined = { ...zod, tables: [zod.tables[0], { ...zod.tables[1], codeName: undefined }] };
    expect(firstDifference(zod, withUndefined)).toMatch(/^tables\[1\]: key #\d+ is undefined vs "codeName"$/);
    expect(firstDifference(zod, { ...zod, enums: [{ ...zod.enums[0], description: undefined }] })).toBe(
      'enums[0].description: "e" vs undefined',
    );
    expect(firstDifference(zod, { ...zod, tables: [] })).toBe('tables: 2 item(s) vs 0');
  });
});
