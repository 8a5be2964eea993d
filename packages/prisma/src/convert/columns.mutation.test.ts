import type { Column } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { datasource, once, schemaIr, tableOf } from '../../test/helpers/schemaIr.js';

/**
 * A Prisma field -> an IR column, through Prisma's own parser: the enum column type per dialect,
 * the ORM type as written, nullability (PostgreSQL's scalar lists have no NOT NULL), @map names,
 * @updatedAt, documentation, @ignore, Unsupported(...) fields and numeric defaults as written.
 */
const ENUMS = `enum Role {
  ADMIN @map("admin")
  USER
}

enum status {
  on
  off
}

enum Mapped {
  A
  @@map("mapped_kind")
}

enum myKind {
  X @map("it's")
}

enum kind_2 {
  Y
}
`;

const MODEL = `model T {
  id      Int      @id
  role    Role     @default(ADMIN)
  user    Role     @default(USER)
  mk      myKind
  k2      kind_2
  same    String   @map("same")
  st      status?
  m       Mapped
  roles   Role[]
  name    String   @map("full_name") @db.VarChar(40)
  price   Decimal  @db.Decimal(10, 2) @default(2.50)
  ratio   Float    @default(1.0)
  plain   String
  maybe   String?
  /// The payload. @pii
  data    Json
  /// [Settings] Shape of the settings.
  json    Json
  /// [NotAType] a string's annotation
  text    String
  /// [Ignored] an Int has no JSON type
  count   Int
  touched DateTime @updatedAt
  /// Old.
  old     Int      @ignore
  uid     String   @db.Uuid
  /// A vector.
  v       Unsupported("tsvector")?
  w       Unsupported("int4")[] @map("w_list")
  u       Unsupported("circle")
  g       Unsupported("point") @default(dbgenerated("point(0, 0)")) @map("g")
}
`;

async function columns(provider: string): Promise<Record<string, Column>> {
  let model = MODEL;
  // lists, Json, Unsupported(...) and @db.Uuid are PostgreSQL's here; @db.VarChar/@db.Decimal PostgreSQL's and MySQL's
  if (provider !== 'postgresql' && provider !== 'cockroachdb')
    model = model.replace(/^.*(\[\]|Json|Unsupported|Uuid).*\n/gm, '');
  if (provider !== 'postgresql' && provider !== 'mysql') model = model.replace(/ @db\.\w+\([^)]*\)/g, '');
  const result = await schemaIr(`${datasource(provider)}\n${ENUMS}\n${model}`);
  return Object.fromEntries(tableOf(result, 'T').columns.map((c) => [c.name, c]));
}

describe('enum columns: the type per dialect', () => {
  const all = once(async () => ({
    postgresql: await columns('postgresql'),
    cockroachdb: await columns('cockroachdb'),
    mysql: await columns('mysql'),
    sqlite: await columns('sqlite'),
  }));
  it.each([
    // PostgreSQL and CockroachDB: the enum type, quoted unless a plain lower-case identifier
    ['postgresql', 'role', '"Role"'],
    ['postgresql', 'st', 'status'],
    ['postgresql', 'm', 'mapped_kind'],
    ['postgresql', 'mk', '"myKind"'],
    ['postgresql', 'k2', 'kind_2'],
    ['cockroachdb', 'role', '"Role"'],
    ['cockroachdb', 'st', 'status'],
    // MySQL: an inline ENUM of the database names
    ['mysql', 'role', "enum('admin','USER')"],
    ['mysql', 'st', "enum('on','off')"],
    ['mysql', 'mk', "enum('it''s')"],
    // SQLite: text (Prisma rejects enums on SQL Server)
    ['sqlite', 'role', 'text'],
  ] as const)('%s %s: %s', async (dialect, name, sql) => {
    const c = (await all())[dialect][name]!;
    expect(c.type).toMatchObject({ sql, category: 'enum', isArray: false });
  });

  it("an enum default is the value's database name (@map)", async () => {
    for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
      const c = (await all())[dialect];
      expect(c.role!.default).toEqual({ kind: 'literal', value: 'admin', sql: "'admin'" });
      expect(c.user!.default).toEqual({ kind: 'literal', value: 'USER', sql: "'USER'" });
    }
  });

  it('multiSchema: an enum in a schema is schema-qualified', async () => {
    const r = await schemaIr(
      `${datasource('postgresql', '  schemas = ["public", "audit"]\n')}\nenum Kind {\n  A\n  @@schema("audit")\n}\nenum Plain {\n  B\n  @@schema("public")\n}\nmodel T {\n  id Int @id\n  k Kind\n  p Plain\n  @@schema("public")\n}\n`,
    );
    const t = tableOf(r, 'T');
    expect(t.columns.find((c) => c.name === 'k')!.type).toMatchObject({
      sql: 'audit."Kind"',
      enum: { schema: 'audit', name: 'Kind' },
    });
    expect(t.columns.find((c) => c.name === 'p')!.type).toMatchObject({
      sql: 'public."Plain"',
      enum: { schema: 'public', name: 'Plain' },
    });
  });

  it('the enum reference names the database enum', async () => {
    const { postgresql } = await all();
    expect(postgresql.role!.type.enum).toEqual({ schema: null, name: 'Role' });
    expect(postgresql.m!.type.enum).toEqual({ schema: null, name: 'mapped_kind' });
    expect(postgresql.plain!.type.enum).toBeUndefined();
    expect(postgresql.plain!.type.category).toBe('string');
  });

  it('an enum list is an array of the enum type (PostgreSQL)', async () => {
    const { postgresql } = await all();
    expect(postgresql.roles!.type).toMatchObject({
      sql: '"Role"[]',
      isArray: true,
      category: 'enum',
      orm: 'Role[]',
    });
  });
});

describe('a column: names, nullability, ORM type, documentation', () => {
  const pg = once(() => columns('postgresql'));
  const my = once(() => columns('mysql'));

  it('@map: the database name, the Prisma name as codeName', async () => {
    const c = await pg();
    expect(c.full_name!.codeName).toBe('name');
    expect(c.plain!.codeName).toBeUndefined();
    expect(c.same!.codeName).toBeUndefined(); // @map to its own name
    expect(c.name).toBeUndefined();
  });

  it('the ORM type as written: type, [] and @db.X(args)', async () => {
    const c = await pg();
    expect(c.full_name!.type.orm).toBe('String @db.VarChar(40)');
    expect(c.price!.type.orm).toBe('Decimal @db.Decimal(10, 2)');
    expect(c.plain!.type.orm).toBe('String');
    expect(c.roles!.type.orm).toBe('Role[]');
    expect(c.uid!.type.orm).toBe('String @db.Uuid');
  });

  it('nullable: optional fields; PostgreSQL scalar lists (Prisma writes no NOT NULL)', async () => {
    const c = await pg();
    expect(c.maybe!.nullable).toBe(true);
    expect(c.st!.nullable).toBe(true);
    expect(c.plain!.nullable).toBe(false);
    expect(c.roles!.nullable).toBe(true);
    expect((await my()).plain!.nullable).toBe(false);
    expect((await columns('cockroachdb')).roles!.nullable).toBe(true);
  });

  it('numeric defaults as the schema writes them (Prisma Migrate: DEFAULT 2.50, DEFAULT 1.0)', async () => {
    const c = await pg();
    expect(c.price!.default).toEqual({ kind: 'literal', value: 2.5, sql: '2.50' });
    expect(c.ratio!.default).toEqual({ kind: 'literal', value: 1, sql: '1.0' });
  });

  it('@updatedAt: refreshed by the ORM', async () => {
    const c = await pg();
    expect(c.touched!.onUpdate).toEqual({ kind: 'orm', description: '@updatedAt' });
    expect(c.plain!.onUpdate).toBeUndefined();
  });

  it('/// documentation: description and tags; a leading [Type] on Json and String fields only', async () => {
    const c = await pg();
    expect(c.data!.description).toBe('The payload.');
    expect(c.data!.tags.map((t) => t.name)).toContain('pii');
    expect(c.json!.tags).toContainEqual({ name: 'json-type', value: 'Settings' });
    expect(c.json!.description).toBe('Shape of the settings.');
    expect(c.text!.tags).toContainEqual({ name: 'json-type', value: 'NotAType' });
    expect(c.count!.tags).not.toContainEqual(expect.objectContaining({ name: 'json-type' }));
    expect(c.count!.description).toBe('[Ignored] an Int has no JSON type');
    expect(c.plain!.description).toBeUndefined();
  });

  it('@ignore: the column exists, ignored by the ORM', async () => {
    const c = await pg();
    expect(c.old!.ignoredByOrm).toBe(true);
    expect(c.old!.description).toBe('Old.');
    expect(c.plain!.ignoredByOrm).toBeUndefined();
  });
});

describe('Unsupported("type") fields', () => {
  const pg = once(() => columns('postgresql'));
  it('the SQL type as given, marked unsupported, with nullability, list, @map and documentation', async () => {
    const c = await pg();
    expect(c.v).toEqual({
      name: 'v',
      type: {
        sql: 'tsvector',
        orm: 'Unsupported("tsvector")',
        category: 'other',
        isArray: false,
        unsupported: true,
      },
      nullable: true,
      description: 'A vector.',
      tags: [],
    });
    expect(c.w_list).toEqual({
      name: 'w_list',
      codeName: 'w',
      type: {
        sql: 'integer[]',
        orm: 'Unsupported("int4")',
        category: 'integer',
        isArray: true,
        unsupported: true,
      },
      nullable: false,
      tags: [],
    });
    expect(c.u!.nullable).toBe(false);
    expect(c.u!.default).toBeUndefined();
    expect(c.g).toMatchObject({ default: { kind: 'sql', expression: 'point(0, 0)' } });
    expect(c.g!.codeName).toBeUndefined();
  });
});
