import { describe, expect, it } from 'vitest';
import { categorizeSqlType, SQL_TYPE_CATEGORIES } from './sqltype.js';

describe('categorizeSqlType: one row per SQL type name', () => {
  it.each(Object.entries(SQL_TYPE_CATEGORIES))('%s -> %s', (type, category) => {
    expect(categorizeSqlType(type)).toBe(category);
    expect(categorizeSqlType(type.toUpperCase())).toBe(category);
    expect(categorizeSqlType(`${type}[]`)).toBe(category);
  });
});

describe('categorizeSqlType: parameters, qualifiers and names that only start like a known type', () => {
  it.each([
    // The bug: `interval` starts with `int`.
    ['interval', 'interval'],
    ['interval(6)', 'interval'],
    ['interval day to second', 'interval'],
    ['interval year to month', 'interval'],
    ['int4range', 'other'],
    ['int8range', 'other'],
    ['internal', 'other'],
    ['integer_list', 'other'],
    ['textual', 'other'],
    ['timetravel', 'other'],
    ['pathname', 'other'],
    ['pointer', 'other'],
    ['tsvector', 'other'],
    ['"Role"', 'other'],
    ['varchar(255)', 'string'],
    ['character varying(255)', 'string'],
    ['nvarchar(max)', 'string'],
    ['timestamp(3) with time zone', 'datetime'],
    ['TIMESTAMP(6) WITHOUT TIME ZONE', 'datetime'],
    ['time(3) with time zone', 'time'],
    ['numeric(10,2)', 'decimal'],
    ['decimal(10, 2) unsigned', 'decimal'],
    ['int unsigned', 'integer'],
    ['bigint unsigned', 'bigint'],
    ['tinyint(1)', 'integer'],
    ['double precision', 'float'],
    ['double(8,2)', 'float'],
    ['geometry(Point,4326)', 'geometry'],
    ['vector(1536)', 'vector'],
    ['integer[3]', 'integer'],
    ['bit', 'boolean'],
    ['bit(1)', 'boolean'],
    ['bit(8)', 'other'],
  ])('%s -> %s', (type, category) => {
    expect(categorizeSqlType(type)).toBe(category);
  });
});
