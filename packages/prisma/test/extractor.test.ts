import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isOrmdocError, type Table } from '@ormdoc/core';
import { detectPrisma, fromPrismaSchema, loadPrisma } from '@ormdoc/prisma';
import { describe, expect, it } from 'vitest';
import { schemaExpression } from '../src/load/files.js';
import { fixturesDir } from './helpers/fixtures.js';

const table = (tables: Table[], name: string) => {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};

describe('what the DMMF omits, recovered from the schema text', async () => {
  const { ir, diagnostics } = await loadPrisma({ cwd: path.join(fixturesDir, 'omitted') });
  const docs = table(ir.tables, 'documents');

  it('keeps Unsupported(...) and @ignore columns in declaration order', () => {
    expect(docs.columns.map((c) => c.name).slice(0, 6)).toEqual([
      'id',
      'kind',
      'title',
      'search',
      'legacy_code',
      'labels',
    ]);
    const search = docs.columns.find((c) => c.name === 'search');
    expect(search?.type).toMatchObject({
      sql: 'tsvector',
      unsupported: true,
      orm: 'Unsupported("tsvector")',
    });
    expect(search?.nullable).toBe(true);
    expect(search?.description).toBe('Full-text vector maintained by a trigger.');
    const legacy = docs.columns.find((c) => c.name === 'legacy_code');
    expect(legacy).toMatchObject({ codeName: 'legacyCode', ignoredByOrm: true, type: { sql: 'smallint' } });
    expect(diagnostics.map((d) => d.code)).toContain('prisma/unsupported-column');
  });

  it('keeps @@ignore models, views, enum @@schema and FK names from @relation(map:)', () => {
    const legacy = table(ir.tables, 'legacy_imports');
    expect(legacy).toMatchObject({ schema: 'audit', ignoredByOrm: true, codeName: 'LegacyImport' });
    expect(legacy.primaryKey).toEqual({ name: 'legacy_imports_pk', nameExplicit: true, columns: ['id'] });
    expect(legacy.indexes.map((i) => i.name)).toEqual(['legacy_imports_batch_idx']);
    const view = table(ir.tables, 'owner_stats');
    expect(view.kind).toBe('view');
    expect(view.indexes).toEqual([]);
    expect(ir.enums[0]).toMatchObject({ schema: 'audit', name: 'doc_kind', codeName: 'DocKind' });
    expect(ir.enums[0]?.values).toEqual([
      { name: 'report', description: 'A long, formal document.' },
      { name: 'memo', description: 'A short note. @internal' },
    ]);
    expect(docs.columns.find((c) => c.name === 'kind')?.type).toMatchObject({
      sql: 'audit.doc_kind',
      category: 'enum',
      enum: { schema: 'audit', name: 'doc_kind' },
    });
    expect(docs.foreignKeys[0]).toMatchObject({
      name: 'document_owner_fk',
      nameExplicit: true,
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
    });
  });

  it('maps types, defaults and index options as Prisma Migrate creates them', () => {
    const col = (n: string) => docs.columns.find((c) => c.name === n);
    expect(col('labels')).toMatchObject({
      type: { sql: 'text[]', isArray: true },
      nullable: true,
      default: { kind: 'literal', value: [], sql: 'ARRAY[]::text[]' },
    });
    expect(col('payload')?.default).toEqual({ kind: 'literal', value: '{"a": 1}', sql: `'{"a": 1}'` });
    expect(col('amount')).toMatchObject({
      type: { sql: 'numeric(12,2)' },
      default: { value: 1.5, sql: '1.5' },
    });
    expect(col('created_at')).toMatchObject({
      type: { sql: 'timestamp(3)' },
      default: { kind: 'sql', expression: 'CURRENT_TIMESTAMP' },
    });
    const gin = docs.indexes.find((i) => i.name === 'documents_labels_idx');
    expect(gin).toMatchObject({ method: 'gin', parts: [{ column: 'labels', opclass: 'array_ops' }] });
    const sorted = docs.indexes.find((i) => i.name === 'documents_title_created_at_idx');
    expect(sorted?.parts).toEqual([{ column: 'title', order: 'desc' }, { column: 'created_at' }]);
    expect(docs.indexes.find((i) => i.unique)?.name).toBe(
      'documents_a_very_long_column_name_that_goes_on_and_on_and_o_key',
    );
  });

  it('records provenance and navigation relations', () => {
    expect(docs.source).toEqual({ file: 'schema.prisma', line: 23 });
    expect(ir.relations).toContainEqual(
      expect.objectContaining({
        from: { schema: 'public', name: 'documents', field: 'owner' },
        to: { schema: 'public', name: 'owners', field: 'documents' },
        cardinality: 'one',
        foreignKey: 'document_owner_fk',
      }),
    );
  });
});

describe('loading', () => {
  it('reads a Prisma 6 multi-file schema folder (with url/directUrl) from the default location', async () => {
    const cwd = path.join(fixturesDir, 'prisma6');
    const { ir } = await loadPrisma({ cwd });
    expect(ir.source.files).toEqual([
      'prisma/schema/post.prisma',
      'prisma/schema/schema.prisma',
      'prisma/schema/user.prisma',
    ]);
    const user = table(ir.tables, 'User');
    expect(user.source).toEqual({ file: 'prisma/schema/user.prisma', line: 2 });
    expect(user.columns[0]?.default).toEqual({ kind: 'orm', generator: 'uuid', description: 'uuid(4)' });
    const junction = table(ir.tables, '_PostToTag');
    expect(junction).toMatchObject({ implicit: true, primaryKey: { name: '_PostToTag_AB_pkey' } });
    expect(junction.foreignKeys.map((f) => [f.columns[0], f.references.name])).toEqual([
      ['A', 'Post'],
      ['B', 'Tag'],
    ]);
    expect(table(ir.tables, 'Post').foreignKeys[0]).toMatchObject({
      onDelete: 'RESTRICT',
      onUpdate: 'CASCADE',
    });
    expect(ir.relations.find((r) => r.from.field === 'tags')?.through).toEqual({
      schema: null,
      name: '_PostToTag',
    });
    expect(await detectPrisma(cwd)).toEqual(['prisma/schema']);
  });

  it('marks relationMode = "prisma" foreign keys as enforced by the ORM', async () => {
    const { ir } = await loadPrisma({ cwd: path.join(fixturesDir, 'relation-mode') });
    expect(ir.source.relationMode).toBe('prisma');
    expect(table(ir.tables, 'Member').foreignKeys[0]).toMatchObject({
      enforcedBy: 'orm',
      onDelete: 'CASCADE',
    });
  });

  it('follows the schema path of prisma.config.ts', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-'));
    await mkdir(path.join(cwd, 'db'));
    await writeFile(
      path.join(cwd, 'prisma.config.ts'),
      `import { defineConfig } from 'prisma/config';\nexport default defineConfig({ schema: 'db/main.prisma' });\n`,
    );
    await writeFile(
      path.join(cwd, 'db/main.prisma'),
      'datasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id Int @id @default(autoincrement())\n  at DateTime @default(now())\n}\n',
    );
    const { ir } = await loadPrisma({ cwd });
    expect(ir.dialect).toBe('sqlite');
    expect(ir.source.files).toEqual(['db/main.prisma']);
    expect(table(ir.tables, 'A').columns.map((c) => [c.type.sql, c.default?.kind])).toEqual([
      ['integer', 'sequence'],
      ['datetime', 'sql'],
    ]);
    expect(await detectPrisma(cwd)).toEqual(['prisma.config.ts', 'db/main.prisma']);
  });

  it('reports a missing schema with the paths searched', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-'));
    const error = await loadPrisma({ cwd }).catch((e: unknown) => e);
    expect(isOrmdocError(error) && error.code).toBe('INPUT_NOT_FOUND');
    expect((error as Error).message).toContain('prisma/schema.prisma, schema.prisma, prisma/schema');
    expect(await detectPrisma(cwd)).toEqual([]);
  });

  it("turns Prisma's validation error into SCHEMA_INVALID with file, line and column", async () => {
    const content = 'datasource db {\n  provider = "postgresql"\n}\n\nmodel A {\n  id Intx @id\n}\n';
    const error = await fromPrismaSchema({
      files: [{ path: 'prisma/schema.prisma', content }],
      cwd: '/',
    }).catch((e: unknown) => e);
    expect(isOrmdocError(error) && error.code).toBe('SCHEMA_INVALID');
    expect(error).toMatchObject({ file: 'prisma/schema.prisma', line: 6, column: 6 });
    expect((error as Error).message).toContain(
      'Prisma rejected the schema at prisma/schema.prisma:6:6 (P1012)',
    );
    expect((error as Error).message).toContain('Intx');
  });
});

describe('generator directives in /// comments', async () => {
  const { ir } = await loadPrisma({ cwd: path.join(fixturesDir, 'directives') });
  const team = table(ir.tables, 'Team');
  const column = (name: string) => team.columns.find((c) => c.name === name);

  it('are kept out of descriptions; ormdoc tags stay tags', () => {
    expect(team.description).toBe('A team of users.');
    expect(team.tags).toEqual([{ name: 'namespace', value: 'accounts' }]);
    expect(column('name')?.description).toBeUndefined();
    expect(column('slug')?.description).toBe(
      'The `recipientId @unique` constraint keeps one row per recipient.',
    );
    expect(column('email')).toMatchObject({ description: 'Contact address.', tags: [{ name: 'pii' }] });
  });

  it('prisma-json-types-generator annotations become the json-type tag', () => {
    expect(column('settings')).toMatchObject({
      description: 'Preferences shared by the team.',
      tags: [{ name: 'json-type', value: 'TeamSettings' }],
    });
    expect(column('labels')?.tags).toEqual([{ name: 'json-type', value: 'string[]' }]);
    expect(column('labels')?.description).toBeUndefined();
  });
});

describe('prisma.config.ts', () => {
  it.each([
    ['schema: "prisma/schema"', 'prisma/schema'],
    ["schema: path.join(__dirname, 'prisma')", 'prisma'],
    ['schema: path.resolve(import.meta.dirname, "prisma", "schema")', 'prisma/schema'],
    ['schema: join(process.cwd(), `db`, `schema.prisma`)', 'db/schema.prisma'],
    ['schema: env("SCHEMA")', undefined],
    ['schema: path.join(__dirname, folder)', undefined],
  ])('%s -> %s', (expression, schema) => {
    expect(schemaExpression(`export default defineConfig({ ${expression}, migrations: {} })`)).toBe(schema);
  });

  it('a schema folder given as path.join(__dirname, "prisma") reads every file of the folder', async () => {
    const { ir } = await loadPrisma({ cwd: path.join(fixturesDir, 'config-folder') });
    expect(ir.tables.map((t) => t.name)).toEqual(['Post', 'User']);
    expect(ir.source.files).toEqual([
      'prisma/models/post.prisma',
      'prisma/models/user.prisma',
      'prisma/schema.prisma',
    ]);
  });
});

describe('block comments (/* */), which Prisma accepts', () => {
  it('keep the text facts of the file: views, @ignore fields, source lines', async () => {
    const { ir, diagnostics } = await loadPrisma({ cwd: path.join(fixturesDir, 'block-comments') });
    expect(ir.tables.map((t) => [t.name, t.kind, t.source?.line])).toEqual([
      ['Note', 'table', 13],
      ['NoteView', 'view', 21],
    ]);
    expect(table(ir.tables, 'Note').columns.map((c) => [c.name, c.ignoredByOrm ?? false])).toEqual([
      ['id', false],
      ['body', false],
      ['legacy', true],
    ]);
    expect(table(ir.tables, 'Note').description).toBe(
      'A block comment, which Prisma accepts: the model below keeps its text facts.',
    );
    expect(table(ir.tables, 'NoteView').description).toBe('Reads notes.');
    expect(diagnostics.map((d) => d.code)).not.toContain('prisma/text-unreadable');
  });
});
