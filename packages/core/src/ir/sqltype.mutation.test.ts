import { describe, expect, it } from 'vitest';
import { categorizeSqlType, normalizeSqlType, SQL_TYPE_CATEGORIES } from './sqltype.js';

/**
 * SQL type -> category, written out here rather than read from `SQL_TYPE_CATEGORIES` (a row test
 * that reads the table it checks passes whatever the table says). Grouped by what the type is.
 */
const EXPECTED: Record<string, string[]> = {
  string: [
    'varchar',
    'character varying',
    'char',
    'character',
    'bpchar',
    'text',
    'citext',
    'nvarchar',
    'nchar',
    'ntext',
    'tinytext',
    'mediumtext',
    'longtext',
    'string',
    'clob',
    'name',
    'xml',
  ],
  bigint: ['bigint', 'bigserial', 'int8', 'serial8'],
  integer: [
    'integer',
    'int',
    'int2',
    'int4',
    'smallint',
    'tinyint',
    'mediumint',
    'serial',
    'serial4',
    'smallserial',
    'serial2',
    'year',
  ],
  decimal: ['numeric', 'decimal', 'money', 'smallmoney'],
  float: ['real', 'float', 'float4', 'float8', 'double', 'double precision'],
  boolean: ['boolean', 'bool'],
  datetime: [
    'timestamp',
    'timestamptz',
    'timestamp with time zone',
    'timestamp without time zone',
    'datetime',
    'datetime2',
    'datetimeoffset',
    'smalldatetime',
  ],
  date: ['date'],
  time: ['time', 'timetz', 'time with time zone', 'time without time zone'],
  interval: ['interval'],
  json: ['json', 'jsonb'],
  uuid: ['uuid', 'uniqueidentifier'],
  binary: ['bytea', 'blob', 'tinyblob', 'mediumblob', 'longblob', 'binary', 'varbinary', 'image'],
  network: ['inet', 'cidr', 'macaddr', 'macaddr8'],
  geometry: ['geometry', 'geography', 'point', 'line', 'lseg', 'box', 'path', 'polygon', 'circle'],
  vector: ['vector', 'halfvec', 'sparsevec'],
};
const rows = Object.entries(EXPECTED).flatMap(([category, types]) =>
  types.map((t) => [t, category] as const),
);

describe('categorizeSqlType: one row per type name, the category stated here', () => {
  it.each(rows)('%s -> %s', (type, category) => {
    expect(categorizeSqlType(type)).toBe(category);
    expect(categorizeSqlType(`${type.toUpperCase()}[]`)).toBe(category);
    expect(categorizeSqlType(`  ${type} `)).toBe(category);
  });

  it('the table lists exactly these names (a new one needs its row here)', () => {
    expect(Object.keys(SQL_TYPE_CATEGORIES).sort()).toEqual(rows.map(([t]) => t).sort());
  });
});

describe('categorizeSqlType: what is stripped before the lookup', () => {
  it.each([
    ['varchar(255)[][]', 'string'],
    ['integer [3]', 'integer'],
    ['integer[3][4]', 'integer'],
    ['numeric ( 10 , 2 )', 'decimal'],
    ['timestamp(3)   with    time zone', 'datetime'],
    ['double   precision', 'float'],
    ['int(11) unsigned', 'integer'],
    ['int(11) zerofill', 'integer'],
    ['bigint(20) UNSIGNED', 'bigint'],
    // MySQL writes UNSIGNED before ZEROFILL; both go.
    ['int(10) unsigned zerofill', 'integer'],
    ['DECIMAL(10,2) UNSIGNED ZEROFILL', 'decimal'],
    ['interval hour', 'interval'],
    ['INTERVAL DAY TO SECOND(3)', 'interval'],
    // Only a trailing qualifier or array suffix goes; the same words elsewhere keep the name unknown.
    ['unsigned int', 'other'],
    ['int[] x', 'other'],
    ['double[] precision', 'other'],
    ['intervals', 'other'],
    ['text[]x', 'other'],
    ['', 'other'],
  ])('%s -> %s', (type, category) => {
    expect(categorizeSqlType(type)).toBe(category);
  });

  it.each([
    ['bit', 'boolean'],
    ['BIT', 'boolean'],
    ['bit(1)', 'boolean'],
    ['bit( 1 )', 'boolean'],
    ['bit (1)', 'boolean'],
    ['bit(1)[]', 'boolean'],
    ['  bit(1)  ', 'boolean'],
    ['bit(2)', 'other'],
    ['bit(10)', 'other'],
    ['bit varying', 'other'],
  ])('a bit string of one bit is a boolean, a longer one is not: %s -> %s', (type, category) => {
    expect(categorizeSqlType(type)).toBe(category);
  });
});

describe('normalizeSqlType: spacing and array suffixes', () => {
  it.each([
    ['double   precision', 'double precision'],
    ['numeric(  10  ,  2  )', 'numeric(10,2)'],
    ['numeric (10,2)', 'numeric(10,2)'],
    ['integer []', 'integer[]'],
    ['integer[10]', 'integer[]'],
    ['int4[3]', 'integer[]'],
    ['int4[][]', 'integer[][]'],
    ['int4 [2] [3]', 'integer[][]'],
  ])('%s -> %s', (input, out) => {
    expect(normalizeSqlType('postgresql', input)).toBe(out);
  });
});
