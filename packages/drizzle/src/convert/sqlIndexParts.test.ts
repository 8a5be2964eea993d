import { describe, expect, it } from 'vitest';
import { splitSqlIndexParts } from './sqlIndexParts.js';

const columns = new Set(['name', 'email', 'a', 'b', 'Mixed']);

/** One row per form of `sql` index fragment: [dialect, fragment as drizzle renders it, parts, needs parentheses]. */
const ROWS: Array<[string, 'postgresql' | 'mysql' | 'sqlite', string, unknown[], boolean]> = [
  [
    'column + operator class',
    'postgresql',
    '"name" gin_trgm_ops',
    [{ column: 'name', opclass: 'gin_trgm_ops' }],
    false,
  ],
  [
    'schema-qualified operator class',
    'postgresql',
    '"name" public.gin_trgm_ops',
    [{ column: 'name', opclass: 'public.gin_trgm_ops' }],
    false,
  ],
  ['function call', 'postgresql', 'lower("email")', [{ expression: 'lower("email")' }], false],
  [
    'function call + operator class',
    'postgresql',
    'lower("name") gin_trgm_ops',
    [{ expression: 'lower("name")', opclass: 'gin_trgm_ops' }],
    false,
  ],
  ['column DESC', 'postgresql', '"a" DESC', [{ column: 'a', order: 'desc' }], false],
  ['column ASC (the default)', 'postgresql', '"a" asc', [{ column: 'a' }], false],
  ['column NULLS FIRST', 'postgresql', '"a" NULLS FIRST', [{ column: 'a', nulls: 'first' }], false],
  [
    'DESC NULLS FIRST (the default for DESC)',
    'postgresql',
    '"a" DESC NULLS FIRST',
    [{ column: 'a', order: 'desc' }],
    false,
  ],
  [
    'DESC NULLS LAST',
    'postgresql',
    '"a" desc nulls last',
    [{ column: 'a', order: 'desc', nulls: 'last' }],
    false,
  ],
  [
    'everything',
    'postgresql',
    '"name" COLLATE "C" text_pattern_ops DESC NULLS FIRST',
    [{ column: 'name', collation: 'C', opclass: 'text_pattern_ops', order: 'desc' }],
    false,
  ],
  [
    'several parts',
    'postgresql',
    '"name" gin_trgm_ops, "email" gin_trgm_ops',
    [
      { column: 'name', opclass: 'gin_trgm_ops' },
      { column: 'email', opclass: 'gin_trgm_ops' },
    ],
    false,
  ],
  [
    'comma inside a call or a string',
    'postgresql',
    'coalesce("a", \',\'), "b"',
    [{ expression: 'coalesce("a", \',\')' }, { column: 'b' }],
    false,
  ],
  ['parenthesised expression', 'postgresql', '("a" + "b")', [{ expression: '"a" + "b"' }], false],
  [
    'parenthesised cast + operator class',
    'postgresql',
    '("name"::varchar) varchar_pattern_ops',
    [{ expression: '"name"::varchar', opclass: 'varchar_pattern_ops' }],
    false,
  ],
  ['bare operator expression', 'postgresql', '"a" + "b"', [{ expression: '"a" + "b"' }], true],
  [
    'IS NOT NULL is no operator class',
    'postgresql',
    '("a" IS NOT NULL)',
    [{ expression: '"a" IS NOT NULL' }],
    false,
  ],
  [
    'two-word type after :: is no operator class',
    'postgresql',
    '("a"::double precision)',
    [{ expression: '"a"::double precision' }],
    false,
  ],
  ['quoted column with capitals', 'postgresql', '"Mixed" DESC', [{ column: 'Mixed', order: 'desc' }], false],
  ['unknown quoted name stays an expression', 'postgresql', '"other"', [{ expression: '"other"' }], true],
  ['MySQL column DESC', 'mysql', '`a` DESC', [{ column: 'a', order: 'desc' }], false],
  [
    'MySQL function call needs parentheses',
    'mysql',
    'lower(`name`)',
    [{ expression: 'lower(`name`)' }],
    true,
  ],
  ['MySQL parenthesised expression', 'mysql', '(lower(`name`))', [{ expression: 'lower(`name`)' }], false],
  ['MySQL: no operator classes', 'mysql', '`a` + 1', [{ expression: '`a` + 1' }], true],
  ['SQLite expression (any is fine)', 'sqlite', '"a" + "b"', [{ expression: '"a" + "b"' }], false],
  [
    'SQLite collation',
    'sqlite',
    '"name" COLLATE NOCASE DESC',
    [{ column: 'name', collation: 'NOCASE', order: 'desc' }],
    false,
  ],
];

describe('splitSqlIndexParts: an sql index fragment as the database reads it', () => {
  it.each(ROWS)('%s (%s: %s)', (_what, dialect, text, parts, needsParens) => {
    const out = splitSqlIndexParts(text, dialect, columns);
    expect(out.parts).toEqual(parts);
    expect(out.bare.length > 0).toBe(needsParens);
  });
});
