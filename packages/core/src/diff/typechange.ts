/**
 * How a column type change treats existing values: `widen` keeps every value and, on PostgreSQL,
 * rewrites nothing (varchar(50) → varchar(100), varchar → text, numeric(10,2) → numeric(12,2));
 * `narrow` may not fit every existing value (varchar(100) → varchar(50), bigint → integer,
 * text → integer); `rewrite` keeps the values but rebuilds the table (integer → bigint).
 */
export type TypeChange = 'widen' | 'narrow' | 'rewrite';

interface Parsed {
  base: string;
  args: number[];
  array: boolean;
}

const ALIASES: Record<string, string> = {
  'character varying': 'varchar',
  character: 'char',
  int: 'integer',
  int4: 'integer',
  int2: 'smallint',
  int8: 'bigint',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
  smallserial: 'smallint',
  decimal: 'numeric',
  float4: 'real',
  float8: 'double precision',
  float: 'double precision',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  bool: 'boolean',
};

function parse(sql: string): Parsed {
  let text = sql.trim().toLowerCase();
  const array = text.endsWith('[]');
  if (array) text = text.replace(/(\[\])+$/, '');
  const m = /^([a-z_ ]+?)\s*(?:\(([\d\s,]+)\))?(\s+[a-z ]+)?$/.exec(text);
  if (!m) return { base: text, args: [], array };
  const base = `${m[1]}${m[3] ?? ''}`.trim();
  const args = m[2] ? m[2].split(',').map((n) => Number(n.trim())) : [];
  return { base: ALIASES[base] ?? base, args, array };
}

const STRINGS = new Set([
  'varchar',
  'text',
  'char',
  'citext',
  'nvarchar',
  'tinytext',
  'mediumtext',
  'longtext',
  'string',
]);
const LADDERS = [
  ['tinyint', 'smallint', 'mediumint', 'integer', 'bigint'],
  ['real', 'double precision'],
  ['tinytext', 'text', 'mediumtext', 'longtext'],
];
/** Types whose length/precision can grow without a rewrite on PostgreSQL. */
const FREE_GROWTH = new Set([
  'varchar',
  'numeric',
  'timestamp',
  'timestamptz',
  'time',
  'bit varying',
  'varbinary',
]);

export function typeChange(beforeSql: string, afterSql: string): TypeChange {
  const a = parse(beforeSql);
  const b = parse(afterSql);
  if (a.array !== b.array) return 'rewrite';
  if (a.base === b.base) return sameBase(a, b);
  if (a.base === 'varchar' && (b.base === 'text' || b.base === 'citext')) return 'widen';
  if (STRINGS.has(a.base) && b.base === 'varchar' && b.args.length === 0) return 'widen';
  if (STRINGS.has(a.base) && !STRINGS.has(b.base)) return 'narrow';
  if (STRINGS.has(a.base) && b.args.length > 0) return 'narrow';
  for (const ladder of LADDERS) {
    const i = ladder.indexOf(a.base);
    const j = ladder.indexOf(b.base);
    if (i >= 0 && j >= 0) return j < i ? 'narrow' : 'rewrite';
  }
  return 'rewrite';
}

function sameBase(a: Parsed, b: Parsed): TypeChange {
  if (a.args.length === 0 && b.args.length === 0) return 'widen';
  if (b.args.length === 0) return FREE_GROWTH.has(a.base) ? 'widen' : 'rewrite'; // limit removed
  if (a.args.length === 0) return 'narrow'; // limit added
  if (a.base === 'numeric') {
    const [p1 = 0, s1 = 0] = a.args;
    const [p2 = 0, s2 = 0] = b.args;
    if (s2 < s1 || p2 - s2 < p1 - s1) return 'narrow';
    return s2 === s1 ? 'widen' : 'rewrite';
  }
  const [n1 = 0] = a.args;
  const [n2 = 0] = b.args;
  if (n2 < n1) return 'narrow';
  return FREE_GROWTH.has(a.base) ? 'widen' : 'rewrite';
}
