import { type Dialect, isOrmdocError } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { datasource, once, PROVIDERS, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';
import { dialectOf } from './fromDmmf.js';

/**
 * The whole-schema facts fromDmmf puts together, through Prisma's own parser: the dialect, enums
 * (native types on PostgreSQL/CockroachDB, plain text checked by Prisma Client on SQLite and SQL
 * Server), tables' names and documentation, SQLite's INTEGER PRIMARY KEY, the source block.
 */

describe('dialectOf: datasource provider -> dialect', () => {
  it.each([
    ['postgresql', 'postgresql'],
    ['postgres', 'postgresql'],
    ['mysql', 'mysql'],
    ['sqlite', 'sqlite'],
    ['sqlserver', 'sqlserver'],
    ['cockroachdb', 'cockroachdb'],
  ])('%s -> %s', (provider, dialect) => {
    expect(dialectOf(provider)).toBe(dialect);
  });

  it('mongodb (and anything else): UNSUPPORTED, naming the provider and the ones that are', () => {
    let caught: unknown;
    try {
      dialectOf('mongodb');
    } catch (e) {
      caught = e;
    }
    expect(isOrmdocError(caught) && caught.code).toBe('UNSUPPORTED');
    expect((caught as Error).message).toContain('"mongodb"');
    expect(isOrmdocError(caught) && caught.hint).toMatch(
      /postgresql, mysql, sqlite, sqlserver or cockroachdb/,
    );
  });
});

const ENUM_SCHEMA = `
/// Who may do what
/// @internal
enum Role {
  /// may do everything
  ADMIN @map("admin")
  USER
  @@map("roles")
}

enum Plain {
  A
}

/// People
model User {
  id    Int   @id
  role  Role  @default(ADMIN)
  plain Plain
  @@map("users")
}

model Same {
  id Int @id
}
`;

const byDialect = once(async () => {
  const out = new Map<Dialect, Awaited<ReturnType<typeof schemaIr>>>();
  for (const [dialect, provider] of Object.entries(PROVIDERS) as [Dialect, string][]) {
    if (dialect === 'sqlserver') continue; // Prisma refuses enums on SQL Server (below)
    out.set(dialect, await schemaIr(`${datasource(provider)}${ENUM_SCHEMA}`));
  }
  return out;
});

describe('enums, per dialect', () => {
  it.each([
    ['postgresql', true, undefined],
    ['cockroachdb', true, undefined],
    ['mysql', false, undefined],
    ['sqlite', false, 'orm'],
  ] as const)('%s: native %s, enforced by %s', async (dialect, native, enforcedBy) => {
    const r = (await byDialect()).get(dialect)!;
    for (const e of r.ir.enums) {
      expect(e.native).toBe(native);
      expect(e.enforcedBy).toBe(enforcedBy);
    }
    expect(r.ir.enums.map((e) => e.name)).toEqual(['Plain', 'roles']);
  });

  it('SQL Server: Prisma refuses enums (so no enum is ever converted there)', async () => {
    await expect(schemaIr(`${datasource('sqlserver')}${ENUM_SCHEMA}`)).rejects.toThrow(
      /does not support enums/,
    );
  });

  it('the database name, the Prisma name as codeName, value names and their documentation', async () => {
    const roles = (await byDialect()).get('postgresql')!.ir.enums.find((e) => e.name === 'roles')!;
    expect(roles.codeName).toBe('Role');
    expect(roles.description).toBe('Who may do what');
    expect(roles.tags.length).toBeGreaterThan(0);
    expect(roles.values).toEqual([
      { name: 'admin', codeName: 'ADMIN', description: 'may do everything' },
      { name: 'USER' },
    ]);
    const line = `${datasource('postgresql')}${ENUM_SCHEMA}`.split('\n').indexOf('enum Role {') + 1;
    expect(roles.source).toEqual({ file: 'schema.prisma', line });
    const plain = (await byDialect()).get('postgresql')!.ir.enums.find((e) => e.name === 'Plain')!;
    expect(plain.codeName).toBeUndefined();
    expect(plain.description).toBeUndefined();
    expect(plain.tags).toEqual([]);
  });
});

describe('tables', () => {
  it('the database name, the Prisma name as codeName only when they differ, the documentation', async () => {
    const r = (await byDialect()).get('postgresql')!;
    const users = tableOf(r, 'users');
    expect(users.codeName).toBe('User');
    expect(users.description).toBe('People');
    const same = tableOf(r, 'Same');
    expect(same.codeName).toBeUndefined();
    expect(same.description).toBeUndefined();
    expect(r.ir.source).toEqual({ orm: 'prisma', files: ['schema.prisma'], relationMode: 'foreignKeys' });
  });
});

describe("SQLite: a single Int @id is Prisma's INTEGER PRIMARY KEY AUTOINCREMENT", () => {
  const r = once(() =>
    schemaIr(`${datasource('sqlite')}
model One {
  id Int @id
}
model Big {
  id BigInt @id
}
model Two {
  a Int
  b Int
  @@id([a, b])
}
model Text {
  id String @id
}
model Given {
  id Int @id @default(7)
}
model Other {
  id Int @default(1)
  k  Int @unique
  @@id([id])
}
`),
  );
  it.each([
    ['One', 'id', { kind: 'sequence', style: 'auto-increment' }],
    ['Big', 'id', undefined], // bigint: no rowid alias
    ['Two', 'a', undefined], // composite key
    ['Two', 'b', undefined],
    ['Text', 'id', undefined],
    ['Given', 'id', { kind: 'literal', value: 7, sql: '7' }], // its own default stays
    ['Other', 'k', undefined], // not the key
  ])('%s.%s', async (table, column, expected) => {
    expect(tableOf(await r(), table).columns.find((c) => c.name === column)?.default).toEqual(expected);
  });

  it('not on the other dialects', async () => {
    const pg = await schemaIr(`${datasource('postgresql')}\nmodel One {
  id Int @id
}\n`);
    expect(tableOf(pg, 'One').columns[0]?.default).toBeUndefined();
  });
});

describe('datasource extensions (the postgresqlExtensions preview feature)', () => {
  const schema = (provider: string, extensions: string) =>
    `generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["postgresqlExtensions"]\n}\n${datasource(provider, extensions)}\nmodel T {\n  id BigInt @id\n}\n`;

  it('PostgreSQL: recorded, sorted by name', async () => {
    const r = await schemaIr(schema('postgresql', '  extensions = [pg_trgm, citext]\n'));
    expect(r.ir.extensions.map((e) => e.name)).toEqual(['citext', 'pg_trgm']);
  });

  it('names, map:, schema: and version:, and where they are declared', async () => {
    const text = schema(
      'postgresql',
      '  extensions = [vector(schema: "extensions", version: "0.5.0"), uuidOssp(map: "uuid-ossp"), pg_trgm, citext(version: "1.6")]\n',
    );
    const r = await schemaIr(text);
    const source = { file: 'schema.prisma', line: text.split('\n').indexOf('datasource db {') + 1 };
    expect(r.ir.extensions).toEqual([
      { name: 'citext', version: '1.6', origin: 'declared', source },
      { name: 'pg_trgm', origin: 'declared', source },
      { name: 'uuid-ossp', origin: 'declared', source },
      { name: 'vector', schema: 'extensions', version: '0.5.0', origin: 'declared', source },
    ]);
  });

  it('none declared: none recorded', async () => {
    const r = await schemaIr(schema('postgresql', ''));
    expect(r.ir.extensions).toEqual([]);
  });

  it('Prisma accepts them on PostgreSQL only', async () => {
    await expect(schemaIr(schema('cockroachdb', '  extensions = [pg_trgm]\n'))).rejects.toThrow(
      /Property not known: "extensions"/,
    );
  });
});

describe('Unsupported("type") fields: columns the DMMF leaves out, each with an info diagnostic', () => {
  const SCHEMA = `${datasource('postgresql')}
model U {
  id Int @id
  /// the search vector
  v  Unsupported("tsvector")? @map("search_v") @default(dbgenerated("to_tsvector('x')"))
  w  Unsupported("circle")[]
  z  Unsupported("point")
  @@map("us")
}
`;
  const r = once(() => schemaIr(SCHEMA));
  const lineOf = (text: string) => SCHEMA.split('\n').findIndex((l) => l.trimStart().startsWith(text)) + 1;

  it('the columns, in declaration order, with @map, nullability, list, default and documentation', async () => {
    const t = tableOf(await r(), 'us');
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'search_v', 'w', 'z']);
    expect(t.columns[1]).toEqual({
      name: 'search_v',
      codeName: 'v',
      type: {
        sql: 'tsvector',
        orm: 'Unsupported("tsvector")',
        category: 'other',
        isArray: false,
        unsupported: true,
      },
      nullable: true,
      default: { kind: 'sql', expression: "to_tsvector('x')" },
      description: 'the search vector',
      tags: [],
    });
    expect(t.columns[2]).toMatchObject({ type: { sql: 'circle[]', isArray: true }, nullable: false });
    expect(t.columns[2]?.default).toBeUndefined();
    expect(t.columns[2]?.ignoredByOrm).toBeUndefined();
    expect(t.columns[3]).toMatchObject({ name: 'z', nullable: false });
    expect(t.columns[3]?.ignoredByOrm).toBeUndefined();
  });

  it('one info per field, naming model, field and type, at its file and line', async () => {
    const infos = (await r()).diagnostics.filter((d) => d.code === 'prisma/unsupported-column');
    expect(infos).toEqual(
      (
        [
          ['v', 'tsvector'],
          ['w', 'circle'],
          ['z', 'point'],
        ] as const
      ).map(([field, type]) => ({
        severity: 'info',
        code: 'prisma/unsupported-column',
        message: `U.${field} is Unsupported("${type}"): Prisma Client cannot read or write it.`,
        file: 'schema.prisma',
        line: lineOf(`${field}  Unsupported`),
      })),
    );
  });
});
