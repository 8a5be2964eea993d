import { describe, expect, it } from 'vitest';
import { splitSqlIndexParts } from './sqlIndexParts.js';

/**
 * More forms of `sql` index fragments, one row each: [what, dialect, fragment, parts, needs
 * parentheses]. Odd fragments (keywords alone, a dangling dot) are in the table too: whatever a
 * fragment is, a part the database would read as a column is a column, and anything else is an
 * expression written as it stands.
 */
const columns = new Set(['name', 'a', 'b', 'a"b', '1']);

const ROWS: Array<[string, 'postgresql' | 'mysql' | 'sqlite', string, unknown[], boolean]> = [
  ['an empty fragment', 'postgresql', '', [], false],
  ['a trailing comma', 'postgresql', '"a",', [{ column: 'a' }], false],
  ['an unquoted column, folded to lower case', 'postgresql', 'NAME', [{ column: 'name' }], false],
  [
    'an unquoted column with an operator class',
    'postgresql',
    'name gin_trgm_ops',
    [{ column: 'name', opclass: 'gin_trgm_ops' }],
    false,
  ],
  [
    'a doubled quote in a quoted name',
    'postgresql',
    '"a""b" DESC',
    [{ column: 'a"b', order: 'desc' }],
    false,
  ],
  ['NULLS LAST after ASC is the default', 'postgresql', '"a" NULLS LAST', [{ column: 'a' }], false],
  [
    'a keyword ending a CASE is no operator class',
    'postgresql',
    'CASE WHEN "a" THEN 1 ELSE 0 END',
    [{ expression: 'CASE WHEN "a" THEN 1 ELSE 0 END' }],
    true,
  ],
  [
    'an operator class after END',
    'postgresql',
    'CASE WHEN "a" THEN 1 END int4_ops',
    [{ expression: 'CASE WHEN "a" THEN 1 END', opclass: 'int4_ops' }],
    true,
  ],
  [
    'an operator class after NULL',
    'postgresql',
    'coalesce("a", NULL) text_ops',
    [{ expression: 'coalesce("a", NULL)', opclass: 'text_ops' }],
    false,
  ],
  [
    'an operator class after a string',
    'postgresql',
    "'x' text_ops",
    [{ expression: "'x'", opclass: 'text_ops' }],
    true,
  ],
  [
    'an operator class after a number',
    'postgresql',
    '1 int4_ops',
    [{ expression: '1', opclass: 'int4_ops' }],
    true,
  ],
  [
    'an operator class after a subscript',
    'postgresql',
    '"a"[1] int4_ops',
    [{ expression: '"a"[1]', opclass: 'int4_ops' }],
    true,
  ],
  [
    'a two-word type after :: (bare) is no operator class',
    'postgresql',
    '"a"::double precision',
    [{ expression: '"a"::double precision' }],
    true,
  ],
  [
    'COLLATE with a quoted name, upper case',
    'postgresql',
    '"name" COLLATE "C"',
    [{ column: 'name', collation: 'C' }],
    false,
  ],
  ['COLLATE alone', 'postgresql', 'collate "C"', [{ expression: 'collate "C"' }], true],
  ['NULLS FIRST alone', 'postgresql', 'nulls first', [{ expression: 'nulls first' }], true],
  ['DESC alone', 'postgresql', 'desc', [{ expression: 'desc' }], true],
  ['FIRST without NULLS', 'postgresql', '"a" + first', [{ expression: '"a" + first' }], true],
  ['NULLS without FIRST or LAST', 'postgresql', '"a" nulls foo', [{ expression: '"a" nulls foo' }], true],
  ['ISNULL is no operand', 'postgresql', '"a" isnull foo', [{ expression: '"a" isnull foo' }], true],
  ['a string is no column', 'postgresql', "'a'", [{ expression: "'a'" }], true],
  ['a number alone is no column', 'postgresql', '1', [{ expression: '1' }], true],
  ['two parenthesised operands', 'postgresql', '("a") + ("b")', [{ expression: '("a") + ("b")' }], true],
  [
    'a schema-qualified function call',
    'postgresql',
    'public.lower("a")',
    [{ expression: 'public.lower("a")' }],
    false,
  ],
  ['a dangling dot', 'postgresql', '"a".', [{ expression: '"a".' }], true],
  ['a comma inside brackets', 'postgresql', 'ARRAY["a", "b"]', [{ expression: 'ARRAY["a", "b"]' }], true],
  [
    'a comma after a subscript',
    'postgresql',
    '"a"[1], "b"',
    [{ expression: '"a"[1]' }, { column: 'b' }],
    true,
  ],
  [
    'a parenthesis inside a string',
    'postgresql',
    'coalesce("a", \'(\'), "b"',
    [{ expression: 'coalesce("a", \'(\')' }, { column: 'b' }],
    false,
  ],
  [
    'a parenthesis inside a quoted name',
    'postgresql',
    'coalesce("a(", 1), "b"',
    [{ expression: 'coalesce("a(", 1)' }, { column: 'b' }],
    false,
  ],
  ['SQLite: no operator classes', 'sqlite', '"a" foo', [{ expression: '"a" foo' }], false],
  ['MySQL: no operator classes after a name', 'mysql', '`a` foo', [{ expression: '`a` foo' }], true],
  [
    'MySQL: double quotes are strings there, not names',
    'mysql',
    '`a` DESC, "b"',
    [{ column: 'a', order: 'desc' }, { expression: '"b"' }],
    true,
  ],
];

describe('splitSqlIndexParts, more forms', () => {
  it.each(ROWS)('%s (%s)', (_what, dialect, text, parts, needsParens) => {
    const out = splitSqlIndexParts(text, dialect, columns);
    expect(out.parts).toEqual(parts);
    expect(out.bare.length > 0).toBe(needsParens);
  });
});
