import type { Column } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { prismaMigrateDdl } from '../../test/helpers/prismaDdl.js';
import { datasource, once, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';

/**
 * Prisma's `@default(...)` -> the IR default, one row per kind of default, through Prisma's own
 * parser. Literal `sql` is what Prisma Migrate writes after DEFAULT (its DDL for the PostgreSQL
 * rows: `DEFAULT 2.50`, `DEFAULT '\x68656c6c6f'`, `DEFAULT ARRAY[1, 2]::INTEGER[]`); generator
 * functions Prisma Client runs (`uuid()`, `cuid()`...) are ORM defaults, never SQL.
 */
async function defaults(
  provider: string,
  fields: string,
  head = '',
): Promise<Record<string, Column['default']>> {
  const result = await schemaIr(`${datasource(provider)}\n${head}\nmodel T {\n${fields}\n}\n`);
  return Object.fromEntries(tableOf(result, 'T').columns.map((c) => [c.name, c.default]));
}

const ENUM = 'enum Role {\n  ADMIN @map("admin")\n  USER\n}\n';

describe('PostgreSQL: literals, functions and lists', () => {
  const d = once(() =>
    defaults(
      'postgresql',
      `  id Int @id @default(autoincrement())
  big BigInt @default(9007199254740993)
  dec Decimal @default(2.50)
  neg Float @default(-1000)
  one Float @default(1.0)
  int Int @default(42)
  bytes Bytes @default("aGVsbG8=")
  json Json @default("{\\"a\\": 1}")
  quote String @default("it's")
  yes Boolean @default(true)
  no Boolean @default(false)
  at DateTime @default(now())
  gen String @default(dbgenerated("gen_random_uuid()"))
  opaque String @default(dbgenerated())
  none String
  role Role @default(ADMIN)
  user Role @default(USER)
  ints Int[] @default([1, 2])
  roles Role[] @default([ADMIN, USER])
  flags Boolean[] @default([true, false])
  bigs BigInt[] @default([1])
  decs Decimal[] @default([1.5])
  words String[] @default(["a", "b's"])
  u1 String @default(uuid())
  u7 String @default(uuid(7))
  c1 String @default(cuid())
  c2 String @default(cuid(2))
  n1 String @default(nanoid())
  n10 String @default(nanoid(10))
  ul String @default(ulid())`,
      ENUM,
    ),
  );

  it.each<[string, Column['default']]>([
    ['id', { kind: 'sequence', style: 'serial' }],
    // BigInt beyond 2^53 stays text: a JavaScript number would round it
    ['big', { kind: 'literal', value: '9007199254740993', sql: '9007199254740993' }],
    ['dec', { kind: 'literal', value: 2.5, sql: '2.50' }],
    ['neg', { kind: 'literal', value: -1000, sql: '-1000' }],
    ['one', { kind: 'literal', value: 1, sql: '1.0' }],
    ['int', { kind: 'literal', value: 42, sql: '42' }],
    ['json', { kind: 'literal', value: '{"a": 1}', sql: `'{"a": 1}'` }],
    ['quote', { kind: 'literal', value: "it's", sql: "'it''s'" }],
    ['yes', { kind: 'literal', value: true, sql: 'true' }],
    ['no', { kind: 'literal', value: false, sql: 'false' }],
    ['at', { kind: 'sql', expression: 'CURRENT_TIMESTAMP' }],
    ['gen', { kind: 'sql', expression: 'gen_random_uuid()' }],
    // dbgenerated() without an expression: the database has a default ormdoc cannot know
    ['opaque', undefined],
    ['none', undefined],
    // an enum value's database name (@map), not its Prisma name
    ['role', { kind: 'literal', value: 'admin', sql: "'admin'" }],
    ['user', { kind: 'literal', value: 'USER', sql: "'USER'" }],
    ['ints', { kind: 'literal', value: [1, 2], sql: 'ARRAY[1, 2]::integer[]' }],
    ['roles', { kind: 'literal', value: ['admin', 'USER'], sql: `ARRAY['admin', 'USER']::"Role"[]` }],
    ['flags', { kind: 'literal', value: [true, false], sql: 'ARRAY[true, false]::boolean[]' }],
    ['bigs', { kind: 'literal', value: ['1'], sql: 'ARRAY[1]::bigint[]' }],
    ['decs', { kind: 'literal', value: [1.5], sql: 'ARRAY[1.5]::numeric(65,30)[]' }],
    ['words', { kind: 'literal', value: ['a', "b's"], sql: "ARRAY['a', 'b''s']::text[]" }],
    // Prisma's DMMF spells out the default version: uuid() is uuid(4), cuid() is cuid(1)
    ['u1', { kind: 'orm', generator: 'uuid', description: 'uuid(4)' }],
    ['u7', { kind: 'orm', generator: 'uuid', description: 'uuid(7)' }],
    ['c1', { kind: 'orm', generator: 'cuid', description: 'cuid(1)' }],
    ['c2', { kind: 'orm', generator: 'cuid2', description: 'cuid(2)' }],
    ['n1', { kind: 'orm', generator: 'nanoid', description: 'nanoid()' }],
    ['n10', { kind: 'orm', generator: 'nanoid', description: 'nanoid(10)' }],
    ['ul', { kind: 'orm', generator: 'ulid', description: 'ulid()' }],
  ])('%s', async (name, expected) => {
    expect((await d())[name]).toEqual(expected);
  });

  it("Bytes: the base64 Prisma is given, written as PostgreSQL's hex bytea literal", async () => {
    // Prisma Migrate: "c" BYTEA NOT NULL DEFAULT '\x68656c6c6f' ("hello")
    expect((await d()).bytes).toEqual({ kind: 'literal', value: 'aGVsbG8=', sql: "'\\x68656c6c6f'" });
  });
});

describe('autoincrement() and sequence(): the sequence style each connector creates', () => {
  it.each([
    ['postgresql', 'serial'], // SERIAL
    ['cockroachdb', 'serial'],
    ['mysql', 'auto-increment'], // AUTO_INCREMENT
    ['sqlite', 'auto-increment'], // INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT
    ['sqlserver', 'identity-by-default'], // IDENTITY(1,1)
  ])('%s: %s', async (provider, style) => {
    // CockroachDB accepts autoincrement() on BigInt only
    const type = provider === 'cockroachdb' ? 'BigInt' : 'Int';
    const d = await defaults(provider, `  id ${type} @id @default(autoincrement())\n  n Int`);
    expect(d.id).toEqual({ kind: 'sequence', style });
    expect(d.n).toBeUndefined();
  });

  it('cockroachdb: sequence() is a sequence too', async () => {
    const d = await defaults('cockroachdb', '  id BigInt @id @default(sequence())');
    expect(d.id).toEqual({ kind: 'sequence', style: 'serial' });
  });
});

describe('literals on the other connectors', () => {
  it('SQLite: Bytes as the hex text Prisma writes; numbers and strings as on PostgreSQL', async () => {
    const d = await defaults(
      'sqlite',
      '  id Int @id\n  bytes Bytes @default("aGVsbG8=")\n  dec Decimal @default(2.50)\n  s String @default("x")',
    );
    // Prisma Migrate: "bytes" BLOB NOT NULL DEFAULT '68656c6c6f'
    expect(d.bytes).toEqual({ kind: 'literal', value: 'aGVsbG8=', sql: "'68656c6c6f'" });
    expect(d.dec).toEqual({ kind: 'literal', value: 2.5, sql: '2.50' });
    expect(d.s).toEqual({ kind: 'literal', value: 'x', sql: "'x'" });
  });

  it('MySQL: an enum default is its database name', async () => {
    const d = await defaults('mysql', '  id Int @id\n  role Role @default(ADMIN)', ENUM);
    expect(d.role).toEqual({ kind: 'literal', value: 'admin', sql: "'admin'" });
  });
});

describe('@ignore fields: defaults read from the text (prisma-ast) map as the DMMF ones do', () => {
  const d = once(() =>
    defaults(
      'postgresql',
      `  id Int @id
  n Int @default(7) @ignore
  f Float @default(-2.5) @ignore
  b Boolean @default(true) @ignore
  s String @default("it's") @ignore
  role Role @default(ADMIN) @ignore
  at DateTime @default(now()) @ignore
  u String @default(uuid(7)) @ignore
  ints Int[] @default([3, 4]) @ignore`,
      ENUM,
    ),
  );
  it.each<[string, Column['default']]>([
    ['n', { kind: 'literal', value: 7, sql: '7' }],
    ['f', { kind: 'literal', value: -2.5, sql: '-2.5' }],
    ['b', { kind: 'literal', value: true, sql: 'true' }],
    ['s', { kind: 'literal', value: "it's", sql: "'it''s'" }],
    ['role', { kind: 'literal', value: 'admin', sql: "'admin'" }],
    ['at', { kind: 'sql', expression: 'CURRENT_TIMESTAMP' }],
    ['u', { kind: 'orm', generator: 'uuid', description: 'uuid(7)' }],
    ['ints', { kind: 'literal', value: [3, 4], sql: 'ARRAY[3, 4]::integer[]' }],
  ])('%s', async (name, expected) => {
    expect((await d())[name]).toEqual(expected);
  });
});

describe('Unsupported(...) fields keep a dbgenerated default', () => {
  it('the expression, as SQL', async () => {
    const result = await schemaIr(
      `${datasource('postgresql')}\nmodel T {\n  id Int @id\n  v Unsupported("tsvector")? @default(dbgenerated("to_tsvector('x')"))\n  w Unsupported("tsvector")?\n}\n`,
    );
    const t = tableOf(result, 'T');
    expect(t.columns.find((c) => c.name === 'v')?.default).toEqual({
      kind: 'sql',
      expression: "to_tsvector('x')",
    });
    expect(t.columns.find((c) => c.name === 'w')?.default).toBeUndefined();
  });
});

describe('every literal and SQL default is what Prisma Migrate writes after DEFAULT (its own DDL)', () => {
  const FIELDS = `  id Int @id @default(autoincrement())
  big BigInt @default(9007199254740993)
  dec Decimal @default(2.50)
  neg Float @default(-1000)
  int Int @default(42)
  bytes Bytes @default("aGVsbG8=")
  quote String @default("it's")
  yes Boolean @default(true)
  no Boolean @default(false)
  at DateTime @default(now())
  role Role @default(ADMIN)`;
  const PG_ONLY = `
  gen String @default(dbgenerated("gen_random_uuid()"))
  ints Int[] @default([1, 2])
  roles Role[] @default([ADMIN, USER])
  flags Boolean[] @default([true, false])
  bigs BigInt[] @default([1])
  words String[] @default(["a", "b's"])`;

  /** `"column" TYPE ... DEFAULT x` lines of Prisma's CREATE TABLE: column -> x. */
  const ddlDefaults = (ddl: string) =>
    Object.fromEntries(
      [...ddl.matchAll(/^\s+"(\w+)" [^\n]*? DEFAULT (.*?),?$/gm)].map((m) => [m[1]!, m[2]!]),
    );

  it.each([
    ['postgresql', 'postgres', FIELDS + PG_ONLY],
    ['sqlite', 'sqlite', FIELDS],
  ] as const)('%s', async (provider, engine, fields) => {
    const schema = `${datasource(provider)}\n${ENUM}\nmodel T {\n${fields}\n}\n`;
    const ddl = await prismaMigrateDdl([{ path: 'schema.prisma', content: schema }], engine);
    const expected = ddlDefaults(ddl);
    const result = await schemaIr(schema);
    const got = Object.fromEntries(
      tableOf(result, 'T').columns.flatMap((c) => {
        const d = c.default;
        if (d?.kind === 'literal') return [[c.name, d.sql]];
        if (d?.kind === 'sql') return [[c.name, d.expression]];
        return [];
      }),
    );
    // Prisma writes types in upper case (`::INTEGER[]`), ormdoc's normalised SQL types are lower case
    const lower = (o: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(o).map(([k, v]) => [k, v.replace(/::([\w" ]+)\[\]$/, (t) => t.toLowerCase())]),
      );
    expect(Object.keys(got).length).toBeGreaterThan(8);
    expect(lower(got)).toEqual(lower(expected));
  });
});
