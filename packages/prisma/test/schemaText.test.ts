import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fromPrismaSchema, type SchemaText, stripDatasourceUrls } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { withoutBlockComments } from '../src/convert/comments.js';
import { fromDmmf } from '../src/convert/fromDmmf.js';
import { scanSchema } from '../src/convert/scan.js';
import { readSchemaText, readSchemaTextByAst } from '../src/convert/schemaText.js';
import { getConfig, getDatamodel } from '../src/convert/wasm.js';
import { prismaVersion } from '../src/load/index.js';

/**
 * The line scanner (`readSchemaText`) against the whole-file prisma-ast reader it replaces
 * (`readSchemaTextByAst`, still the fallback): the same IR for every schema of the repo, for the
 * benchmark's generated schema and for hand-written cases of everything the DMMF leaves out.
 */

type SchemaFile = { path: string; content: string };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** IR and diagnostics through each reader, and through the whole loader (`fromPrismaSchema`). */
async function bothReaders(files: SchemaFile[]) {
  const wasmFiles = files.map((f) => [f.path, stripDatasourceUrls(f.content)] as const);
  const config = await getConfig(wasmFiles);
  const datamodel = await getDatamodel(wasmFiles);
  const ormVersion = await prismaVersion(repoRoot);
  const convert = (text: SchemaText) =>
    fromDmmf({
      datamodel,
      provider: config.provider,
      schemas: config.schemas,
      text,
      files: files.map((f) => f.path),
      ...(ormVersion ? { ormVersion } : {}),
    });
  const fast = readSchemaText(files);
  const byAst = readSchemaTextByAst(files);
  const expected = convert(byAst);
  expect(convert(fast)).toStrictEqual(expected);
  expect(await fromPrismaSchema({ files, cwd: repoRoot })).toStrictEqual(expected);
  expectSameFacts(fast, byAst);
  return { fast, byAst, ir: expected.ir };
}

/** Blocks the scanner parsed are exactly prisma-ast's; header-only ones agree on what they hold. */
function expectSameFacts(fast: SchemaText, byAst: SchemaText): void {
  expect([...fast.blocks.keys()]).toEqual([...byAst.blocks.keys()]);
  for (const [name, block] of fast.blocks) {
    const ref = byAst.blocks.get(name);
    if (!block.headerOnly) {
      expect(block).toStrictEqual(ref);
      continue;
    }
    const { kind, file, line, documentation, ignored } = block;
    expect({ kind, file, line, documentation, ignored }).toStrictEqual({
      kind: ref?.kind,
      file: ref?.file,
      line: ref?.line,
      documentation: ref?.documentation,
      ignored: ref?.ignored,
    });
    for (const f of ref?.fields ?? []) {
      expect(
        f.ignored || f.unsupported !== undefined || f.relationMap !== undefined,
        `${name}.${f.name}`,
      ).toBe(false);
    }
  }
  expect(fast.enums).toStrictEqual(byAst.enums);
  expect([fast.relationMode, fast.provider, fast.schemas]).toStrictEqual([
    byAst.relationMode,
    byAst.provider,
    byAst.schemas,
  ]);
}

/** The `prisma/` folder of a fixture whose prisma.config.ts makes that folder the schema. */
function configFolder(file: string): string | undefined {
  for (let dir = path.dirname(file); dir.startsWith(repoRoot) && dir !== repoRoot; dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'prisma.config.ts'))) return path.join(dir, 'prisma');
  return undefined;
}

/** Every `.prisma` file under the repo's examples and fixtures; a `schema/` folder is one multi-file schema. */
function repoSchemas(): Array<{ name: string; files: SchemaFile[] }> {
  const found = [
    path.join(repoRoot, 'examples'),
    path.join(repoRoot, 'packages/prisma/test/fixtures'),
  ].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.prisma') && !f.split(path.sep).includes('node_modules'))
      .map((f) => path.join(dir, f)),
  );
  const groups = new Map<string, string[]>();
  // A Prisma 5 project's schema is valid only as its own version reads it (version.test.ts).
  for (const file of found.sort().filter((f) => !f.includes(`${path.sep}prisma5-`))) {
    const key =
      path.basename(path.dirname(file)) === 'schema' ? path.dirname(file) : (configFolder(file) ?? file);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return [...groups].map(([key, list]) => ({
    name: path.relative(repoRoot, key),
    files: list.map((f) => ({
      path: path.relative(repoRoot, f).split(path.sep).join('/'),
      content: readFileSync(f, 'utf8'),
    })),
  }));
}

describe('the line scanner reads what the whole-file prisma-ast parse read', () => {
  const schemas = repoSchemas();

  it('finds the repo schemas (fixtures and examples)', () => {
    expect(schemas.length).toBeGreaterThan(25);
    expect(schemas.map((s) => s.name)).toContain('examples/prisma/schema.prisma');
    expect(schemas.find((s) => s.name.endsWith('prisma6/prisma/schema'))?.files).toHaveLength(3);
  });

  it.each(schemas.map((s) => [s.name, s.files] as const))('%s', async (_name, files) => {
    for (const f of files) expect(scanSchema(withoutBlockComments(f.content)), f.path).toBeDefined(); // the fast path is taken
    await bothReaders(files);
  });

  it("the benchmark's generated schema (100 models)", async () => {
    const load = (file: string) => import(pathToFileURL(path.join(repoRoot, 'bench/generate', file)).href);
    const { buildModel } = (await load('model.mjs')) as { buildModel: (n: number) => unknown };
    const { prismaSchema } = (await load('prisma.mjs')) as { prismaSchema: (model: unknown) => string };
    const content = prismaSchema(buildModel(100));
    const { fast, ir } = await bothReaders([{ path: 'schema.prisma', content }]);
    expect(ir.tables).toHaveLength(100);
    // nothing in it needs prisma-ast: every model and enum is read from its header line
    expect([...fast.blocks.values()].every((b) => b.headerOnly)).toBe(true);
  });
});

const lineOf = (content: string, text: string) => content.split('\n').indexOf(text) + 1;
const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const VIEWS = 'generator client {\n  provider        = "prisma-client"\n  previewFeatures = ["views"]\n}\n';

const OMITTED = `${VIEWS}
${DATASOURCE}
/// Imported rows, hidden from Prisma Client. {not a block}
model LegacyImport {
  id    Int    @id(map: "legacy_pk")
  batch Int    @db.SmallInt
  note  String @default(dbgenerated("'{}'::text"))

  @@index([batch], map: "legacy_batch_idx")
  @@ignore
  @@map("legacy_imports")
}

model Doc {
  id      Int                     @id @default(autoincrement())
  /// Vector kept by a trigger. }
  search  Unsupported("tsvector")?
  old     Int?                    @ignore @map("old_code")
  meta    Json                    @default(dbgenerated("'{}'::jsonb")) // }
  ownerId Int?                    @map("owner_id")
  owner   Owner?                  @relation(fields: [ownerId], references: [id], map: "doc_owner_fk")
}

/// Owners. // }
model Owner {
  id   Int    @id
  // }
  /// The name { with braces }.
  name String @default("{ } // not a comment")
  docs Doc[]
  tags Tag[]
}

model Tag {
  id      Int   @id
  ownerId Int
  owner   Owner @relation(fields: [ownerId], references: [id], map: "tag_owner_fk")
}

/// Documents per owner.
view OwnerCount {
  ownerId Int @unique
  n       Int
}
`;

const ENUMS = `${DATASOURCE}
/// Status, with docs on its values.
enum Status {
  /// Just created.
  draft
  /// Live, on
  /// two lines.
  live @map("LIVE")
  // not a doc
  archived
}

/// A plain enum: the DMMF has it all.
enum Color {
  red
  green

  @@map("colour")
}

model Item {
  id     Int    @id
  status Status @default(draft)
  color  Color?
}
`;

const MULTI_SCHEMA = `datasource db {
  provider = "postgresql"
  schemas  = ["public", "audit"]
}

/// Audited kinds.
enum Kind {
  a
  b

  @@schema("audit")
}

model Thing {
  id   Int  @id
  kind Kind

  @@schema("public")
}
`;

/** Where prisma-ast attaches `///` docs (a blank line drops them, a whitespace-only line does not). */
const DOC_PLACEMENT = `datasource db {
  provider     = "postgresql" // the main database
  relationMode = "prisma"
}

/// Directly above.
// a plain comment between
/// Still the doc.
model A {
  id Int @id
  ds D[]
  /// Field doc
  // then a plain comment
  x  Int
  /// After a blank line

  y  Int
}

/// Lost: a blank line follows.

model B {
  id Int @id
}

/// Kept by prisma-ast: only whitespace on the next line.
\t
model C {
  id Int @id
}  

/// After a closing brace with trailing spaces.
model D {
  id  Int @id
  aId Int
  a   A   @relation(fields: [aId], references: [id])
}
`;

describe('hand-written cases: everything the DMMF leaves out', () => {
  it('@@ignore model, @ignore and Unsupported fields, @relation(map:), view, braces in comments and strings', async () => {
    const { fast, ir } = await bothReaders([{ path: 'schema.prisma', content: OMITTED }]);
    expect(fast.blocks.get('Owner')?.headerOnly).toBe(true);
    expect(fast.blocks.get('Doc')?.fields.map((f) => f.name)).toContain('search');
    expect(fast.blocks.get('OwnerCount')?.kind).toBe('view');
    expect(ir.tables.find((t) => t.name === 'legacy_imports')?.ignoredByOrm).toBe(true);
    expect(ir.tables.find((t) => t.name === 'Doc')?.foreignKeys[0]?.name).toBe('doc_owner_fk');
    expect(ir.tables.find((t) => t.name === 'Tag')?.foreignKeys[0]?.name).toBe('tag_owner_fk');
    expect(ir.tables.find((t) => t.name === 'Doc')?.source).toEqual({
      file: 'schema.prisma',
      line: lineOf(OMITTED, 'model Doc {'),
    });
  });

  it('enum value docs; a plain enum is read from its header', async () => {
    const { fast, ir } = await bothReaders([{ path: 'schema.prisma', content: ENUMS }]);
    expect(fast.enums.get('Status')?.valueDocs.get('live')).toBe('Live, on\ntwo lines.');
    expect(fast.enums.get('Color')).toEqual({
      schema: null,
      file: 'schema.prisma',
      line: lineOf(ENUMS, 'enum Color {'),
      valueDocs: new Map(),
    });
    expect(ir.enums.find((e) => e.name === 'Status')?.values[0]).toEqual({
      name: 'draft',
      description: 'Just created.',
    });
  });

  it('enum @@schema', async () => {
    const { ir } = await bothReaders([{ path: 'schema.prisma', content: MULTI_SCHEMA }]);
    expect(ir.enums[0]).toMatchObject({ schema: 'audit', name: 'Kind' });
  });

  it('`///` placement, relationMode, a datasource line with a comment, trailing spaces after `}`', async () => {
    const { fast, ir } = await bothReaders([{ path: 'schema.prisma', content: DOC_PLACEMENT }]);
    expect([...fast.blocks.values()].map((b) => [b.name, b.documentation, b.headerOnly ?? false])).toEqual([
      ['A', 'Directly above.\nStill the doc.', false],
      ['B', undefined, true],
      ['C', 'Kept by prisma-ast: only whitespace on the next line.', true],
      ['D', 'After a closing brace with trailing spaces.', true],
    ]);
    expect(ir.tables.find((t) => t.name === 'C')?.description).toBe(
      'Kept by prisma-ast: only whitespace on the next line.',
    );
    expect(ir.source.relationMode).toBe('prisma');
  });

  it('CRLF line ends', async () => {
    for (const content of [OMITTED, ENUMS, DOC_PLACEMENT]) {
      const crlf = content.replace(/\n/g, '\r\n');
      expect(scanSchema(crlf)).toBeDefined();
      await bothReaders([{ path: 'schema.prisma', content: crlf }]);
    }
  });

  it('a multi-file schema', async () => {
    const files = [
      { path: 'prisma/schema/a.prisma', content: OMITTED.replace(`${VIEWS}\n${DATASOURCE}`, '') },
      { path: 'prisma/schema/b.prisma', content: ENUMS.replace(DATASOURCE, '') },
      { path: 'prisma/schema/schema.prisma', content: `${VIEWS}\n${DATASOURCE}` },
    ];
    const { ir } = await bothReaders(files);
    expect(ir.tables.find((t) => t.name === 'Item')?.source).toEqual({
      file: 'prisma/schema/b.prisma',
      line: lineOf(files[1]!.content, 'model Item {'),
    });
  });

  it('falls back to the whole-file parse where the scanner gives up (and prisma-ast too, here)', async () => {
    for (const content of [
      `${DATASOURCE}\nmodel A { \n  id Int @id\n}\n`, // prisma-ast needs the line break right after `{`
      `${DATASOURCE}\nmodel A {\n  id Int @id\n} // done\n`,
    ]) {
      expect(scanSchema(content)).toBeUndefined();
      await bothReaders([{ path: 'schema.prisma', content }]);
    }
  });
});

describe('get_config on the datasource and generator blocks only', () => {
  const invalid = {
    'a type error (get_datamodel)': `${DATASOURCE}\nmodel A {\n  id Intx @id\n}\n`,
    'a syntax error in a model (get_config)': `${DATASOURCE}\nmodel A {\n  id Int @id\n  ???\n}\n`,
    'a block never closed': `${DATASOURCE}\nmodel A {\n  id Int @id\n`,
    'no datasource': 'model A {\n  id Int @id\n}\n',
    'an unknown provider': 'datasource db {\n  provider = "foo"\n}\n',
    'an unknown datasource property': 'datasource db {\n  provider = "postgresql"\n  foo = 1\n}\n',
    'a generator without provider': `${DATASOURCE}generator x {\n  foo = "bar"\n}\n`,
    'an unknown preview feature': `${DATASOURCE}generator c {\n  provider = "prisma-client"\n  previewFeatures = ["fooBar"]\n}\n`,
    'two datasources': `${DATASOURCE}datasource two {\n  provider = "mysql"\n}\n`,
  };

  it.each(Object.entries(invalid))(
    '%s: the same error as reading the whole schema first',
    async (_name, content) => {
      const wasmFiles = [['prisma/schema.prisma', content]] as const;
      const before = await getConfig(wasmFiles)
        .then(() => getDatamodel(wasmFiles))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const now = await fromPrismaSchema({
        files: [{ path: 'prisma/schema.prisma', content }],
        cwd: repoRoot,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(before).toBeInstanceOf(Error);
      expect(now).toStrictEqual(before);
      expect({ ...(now as object), message: (now as Error).message }).toStrictEqual({
        ...(before as object),
        message: (before as Error).message,
      });
    },
  );
});
