import { describe, expect, it } from 'vitest';
import { OrmdocError } from '../errors.js';
import { aColumn, aForeignKey, anEnum, anIr, aTable } from '../testing/builders.js';
import { canonicalizeIr } from './canonical.js';
import { parseDescription } from './description.js';
import { categorizeSqlType, normalizeSqlType } from './sqltype.js';
import { parseIr, validateIr } from './validate.js';

describe('validateIr', () => {
  it('accepts a minimal IR and fills defaults', () => {
    const { ir, diagnostics } = validateIr({
      irVersion: 1,
      dialect: 'postgresql',
      source: { orm: 'prisma' },
      tables: [
        {
          schema: null,
          name: 't',
          columns: [{ name: 'id', type: { sql: 'integer', category: 'integer' }, nullable: false }],
        },
      ],
    });
    expect(diagnostics).toEqual([]);
    expect(ir?.tables[0]).toMatchObject({ kind: 'table', uniques: [], indexes: [], tags: [] });
    expect(ir?.tables[0]?.columns[0]?.type.isArray).toBe(false);
  });

  it('reports structural problems with JSON paths', () => {
    const { ir, diagnostics } = validateIr({
      irVersion: 1,
      dialect: 'oracle',
      source: { orm: 'prisma' },
      tables: [{ name: '' }],
    });
    expect(ir).toBeUndefined();
    const paths = diagnostics.map((d) => d.path);
    expect(paths).toContain('dialect');
    expect(paths).toContain('tables[0].name');
    expect(paths).toContain('tables[0].schema');
  });

  it('reports dangling references: FK targets, columns, enums, duplicates', () => {
    const t = aTable('a', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('id', 'integer'),
        aColumn('m', '"mood"', {
          type: { sql: '"mood"', category: 'enum', isArray: false, enum: { schema: null, name: 'mood' } },
        }),
      ],
      primaryKey: { name: 'a_pkey', nameExplicit: false, columns: ['nope'] },
      foreignKeys: [aForeignKey('a', ['id'], 'missing')],
    });
    const { diagnostics } = validateIr(anIr({ tables: [t, aTable('a')] }));
    const messages = diagnostics.map((d) => `${d.path}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'tables[0].columns[1]: duplicate column id in a',
        'tables[0].columns[2].type.enum: unknown enum mood',
        'tables[0].primaryKey: unknown column nope in a',
        'tables[0].foreignKeys[0].references: foreign key a_id_fkey references unknown table missing',
        'tables[1]: duplicate table a (also tables[0])',
      ]),
    );
  });

  it('parseIr throws one OrmdocError with every problem', () => {
    expect(() => parseIr({})).toThrow(OrmdocError);
    try {
      parseIr({ irVersion: 2 });
    } catch (e) {
      expect((e as OrmdocError).code).toBe('IR_INVALID');
      expect((e as OrmdocError).details.length).toBeGreaterThan(1);
    }
  });

  it('enum references resolve when the enum exists', () => {
    const t = aTable('p', {
      columns: [
        aColumn('m', 'mood', {
          type: { sql: 'mood', category: 'enum', isArray: false, enum: { schema: null, name: 'mood' } },
        }),
      ],
    });
    expect(validateIr(anIr({ tables: [t], enums: [anEnum('mood', ['a'])] })).diagnostics).toEqual([]);
  });
});

describe('canonicalizeIr', () => {
  it('sorts tables (default schema first), enums and constraints; keeps column order', () => {
    const ir = canonicalizeIr(
      anIr({
        tables: [
          aTable('b', { columns: [aColumn('z'), aColumn('a')] }),
          aTable('a', { schema: 'x' }),
          aTable('a'),
        ],
        enums: [anEnum('z', ['1']), anEnum('a', ['1'])],
      }),
    );
    expect(ir.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['null.a', 'null.b', 'x.a']);
    expect(ir.tables[1]?.columns.map((c) => c.name)).toEqual(['z', 'a']);
    expect(ir.enums.map((e) => e.name)).toEqual(['a', 'z']);
    expect(ir.namespaces).toEqual(['x']);
  });
});

describe('parseDescription', () => {
  it('splits tags from text', () => {
    expect(parseDescription('Login email @pii @owner(identity team)')).toEqual({
      text: 'Login email',
      tags: [{ name: 'pii' }, { name: 'owner', value: 'identity team' }],
    });
    expect(parseDescription('@PII')).toEqual({ tags: [{ name: 'pii' }] });
    expect(parseDescription('write to a@b.com')).toEqual({ text: 'write to a@b.com', tags: [] });
    expect(parseDescription(undefined)).toEqual({ tags: [] });
  });
});

describe('categorizeSqlType', () => {
  it.each([
    ['bit', 'boolean'],
    ['bit(1)', 'boolean'],
    ['bit(8)', 'other'],
    ['varchar(20)[]', 'string'],
    ['timestamptz(3)', 'datetime'],
    ['bigserial', 'bigint'],
    ['numeric(10,2)', 'decimal'],
  ])('%s -> %s', (input, out) => {
    expect(categorizeSqlType(input)).toBe(out);
  });
});

describe('normalizeSqlType', () => {
  it.each([
    ['character varying(255)', 'varchar(255)'],
    ['VARCHAR(255)', 'varchar(255)'],
    ['timestamp(3) with time zone', 'timestamptz(3)'],
    ['timestamp (3)', 'timestamp(3)'],
    ['TIMESTAMP(3) WITHOUT TIME ZONE', 'timestamp(3)'],
    ['int4', 'integer'],
    ['DECIMAL(10, 2)', 'numeric(10,2)'],
    ['text[]', 'text[]'],
    ['integer[3]', 'integer[]'],
    ['"Role"', '"Role"'],
    ['double precision', 'double precision'],
  ])('%s -> %s', (input, out) => {
    expect(normalizeSqlType('postgresql', input)).toBe(out);
  });
});
