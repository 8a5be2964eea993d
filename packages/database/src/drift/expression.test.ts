import { describe, expect, it } from 'vitest';
import { expressionKey, typeKey } from './expression.js';

/** What an ORM writes and what PostgreSQL prints back for it must reduce to one key. */
describe('expressionKey: ORM spelling = PostgreSQL spelling', () => {
  it.each([
    ['"posts"."view_count" >= 0', '(view_count >= 0)', 'posts'],
    ['"view_count" >= 0', 'view_count >= 0', 'posts'],
    ['CURRENT_TIMESTAMP', 'now()', undefined],
    ["'{}'", "'{}'::jsonb", undefined],
    ["'member'", "'member'::member_role", undefined],
    ["'en'", "'en'::character varying", undefined],
    ["status IN ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'b'::text]))", undefined],
    ['deleted_at IS NULL', '(deleted_at IS NULL)', undefined],
    ['length(title) > 0', '(length(title) > 0)', undefined],
    ['-1', "'-1'::numeric", undefined], // documenso's Field.width (Decimal @default(-1))
    ['-1', '(-1)', undefined],
  ])('%s = %s', (orm, db, table) => {
    expect(expressionKey(orm, table)).toBe(expressionKey(db, table));
  });

  it.each([
    ['view_count >= 0', 'view_count > 0'],
    ["'a'", "'b'"],
    ["'A'::text", "'a'::text"],
    ['now()', "'2020-01-01'"],
  ])('%s != %s', (a, b) => {
    expect(expressionKey(a)).not.toBe(expressionKey(b));
  });

  it('casts inside a quoted literal are data, not casts', () => {
    expect(expressionKey("'a::text'")).toBe("'a::text'");
  });
});

describe('typeKey', () => {
  it.each([
    ['serial', 'integer'],
    ['bigserial', 'bigint'],
    ['"Role"', 'Role'],
    ['public.member_role', 'member_role'],
    ['timestamp(6)', 'timestamp'],
  ])('%s = %s', (a, b) => {
    expect(typeKey(a)).toBe(typeKey(b));
  });

  it('keeps lengths and precisions that differ', () => {
    expect(typeKey('varchar(50)')).not.toBe(typeKey('varchar(100)'));
    expect(typeKey('timestamptz(3)')).not.toBe(typeKey('timestamptz'));
  });
});
