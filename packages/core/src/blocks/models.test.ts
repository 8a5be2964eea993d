import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isOrmdocError } from '../errors.js';
import type { Ir } from '../ir/types.js';
import { aColumn, aForeignKey, anEnum, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { modelDefinitions, tableInterface, typescriptInterfaces } from './index.js';

/** Type-check TypeScript source on its own (no lib), returning every diagnostic as text. */
function typeErrors(source: string): string[] {
  const fileName = 'models.ts';
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    noLib: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  // A minimal global lib: the interfaces reference only these.
  const lib =
    'interface Array<T> { length: number } interface Boolean {} interface Function {} interface IArguments {} interface Number {} interface Object {} interface RegExp {} interface String {} interface CallableFunction {} interface NewableFunction {} interface Date {} interface Uint8Array {} interface BigInt {}';
  const files: Record<string, string> = { [fileName]: source, 'lib.d.ts': lib };
  host.getSourceFile = (name, version) => {
    const text = files[name];
    return text === undefined ? undefined : ts.createSourceFile(name, text, version);
  };
  host.fileExists = (name) => name in files;
  const program = ts.createProgram([fileName, 'lib.d.ts'], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('typescriptInterfaces', () => {
  it('type-checks for the example and the kitchen sink', () => {
    expect(typeErrors(typescriptInterfaces(exampleIr()))).toEqual([]);
    expect(typeErrors(typescriptInterfaces(kitchenSinkIr()))).toEqual([]);
  });

  it('uses code names, | null, enum unions and JSDoc', () => {
    const out = typescriptInterfaces(exampleIr());
    expect(out).toContain('export type MemberRole = "owner" | "admin" | "member";');
    expect(out).toContain('/** A person who can sign in. */\nexport interface User {');
    expect(out).toContain('  displayName: string;');
    expect(out).toContain('  deletedAt: Date | null;');
    expect(out).toContain('  status: PostStatus;');
    expect(out).toContain('  /**\n   * Login email address.\n   * @pii\n   */\n  email: string;');
  });

  it('gives one table’s interface alone with tableInterface, whatever the enums look like', () => {
    const ir = exampleIr();
    // An enum documented over several paragraphs must not shift what belongs to the table.
    const enums = ir.enums.map((e) => ({ ...e, description: `${e.description ?? ''}\n\nSecond paragraph.` }));
    const posts = ir.tables.find((t) => t.name === 'posts');
    if (!posts) throw new Error('posts missing');
    const iface = tableInterface({ ...ir, enums }, posts);
    expect(
      iface.startsWith('/** An article published inside an organization. */\nexport interface Post {'),
    ).toBe(true);
    expect(iface.endsWith('}')).toBe(true);
    expect(iface).not.toContain('export type');
    expect(typescriptInterfaces({ ...ir, enums })).toContain(iface);
  });

  it('quotes names that are not identifiers and escapes comment ends', () => {
    const ir: Ir = anIr({
      tables: [
        aTable('odd', {
          description: 'ends */ here',
          columns: [aColumn('we"ird', 'integer', { nullable: true }), aColumn('tags', 'text[]')],
          primaryKey: aPrimaryKey('odd', ['we"ird']),
        }),
      ],
    });
    const out = typescriptInterfaces(ir);
    expect(out).toContain('  "we\\"ird": number | null;');
    expect(out).toContain('  tags: string[];');
    expect(typeErrors(out)).toEqual([]);
  });
});

describe('modelDefinitions', () => {
  it('gives the TypeScript interfaces for typescript', () => {
    expect(modelDefinitions(exampleIr(), 'typescript')).toBe(typescriptInterfaces(exampleIr()));
  });

  it('rejects an unknown language with an OrmdocError', () => {
    try {
      modelDefinitions(exampleIr(), 'cobol' as never);
      expect.unreachable();
    } catch (e) {
      expect(isOrmdocError(e) && e.code).toBe('UNSUPPORTED');
    }
  });

  it('writes SQLAlchemy 2.0 classes with Mapped types, ForeignKey and relationship pairs', () => {
    const py = modelDefinitions(exampleIr(), 'sqlalchemy');
    expect(py).toContain('class Comment(Base):');
    expect(py).toContain(
      "    parent_id: Mapped[Optional[int]] = mapped_column(sa.Integer(), sa.ForeignKey('comments.id', name='comments_parent_id_fkey', ondelete='CASCADE'), nullable=True)",
    );
    expect(py).toContain(
      "    author: Mapped['User'] = relationship('User', back_populates='comments', foreign_keys='[Comment.author_id]')",
    );
    expect(py).toContain(
      "    comments: Mapped[List['Comment']] = relationship('Comment', back_populates='author', foreign_keys='[Comment.author_id]')",
    );
    expect(py).toContain(
      "    status: Mapped[PostStatus] = mapped_column(sa.Enum(PostStatus, name='post_status'",
    );
  });

  describe('prisma', () => {
    // The Prisma schema engine (WASM) the @ormdoc/prisma package depends on validates the rendition.
    const require = createRequire(new URL('../../../prisma/package.json', import.meta.url));
    const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };
    const dmmf = (schema: string) =>
      JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schema }))) as {
        datamodel: {
          models: Array<{
            name: string;
            dbName: string | null;
            fields: Array<{ name: string; kind: string; relationFromFields?: string[] }>;
          }>;
        };
      };

    it('is a valid schema.prisma for the example and the kitchen sink', () => {
      expect(() => dmmf(modelDefinitions(exampleIr(), 'prisma'))).not.toThrow();
      expect(() => dmmf(modelDefinitions(kitchenSinkIr(), 'prisma'))).not.toThrow();
    });

    it('maps every table and keeps the relations', () => {
      const { datamodel } = dmmf(modelDefinitions(exampleIr(), 'prisma'));
      expect(datamodel.models.map((m) => m.dbName ?? m.name).sort()).toEqual(
        exampleIr()
          .tables.map((t) => t.name)
          .sort(),
      );
      const comment = datamodel.models.find((m) => m.name === 'Comment');
      const relations = comment?.fields
        .filter((f) => f.kind === 'object')
        .map((f) => `${f.name}:${f.relationFromFields?.join(',') ?? ''}`);
      expect(relations).toEqual(['author:authorId', 'parent:parentId', 'post:postId', 'replies:']);
      const user = datamodel.models.find((m) => m.name === 'User');
      expect(user?.fields.filter((f) => f.kind === 'object').map((f) => f.name)).toEqual([
        'apiKeys',
        'auditLogs',
        'comments',
        'invitations',
        'memberships',
        'posts',
        'userProfile',
      ]);
    });

    it('names back-relations after the child table, disambiguating only clashing pairs', () => {
      const users = aTable('users', { primaryKey: aPrimaryKey('users', ['id']) });
      const fkCol = (name: string) => aColumn(name, 'integer', { nullable: true });
      const posts = aTable('posts', {
        columns: [aColumn('id', 'integer'), fkCol('author_id'), fkCol('editor_id'), fkCol('creator_id')],
        primaryKey: aPrimaryKey('posts', ['id']),
        foreignKeys: ['author_id', 'editor_id', 'creator_id'].map((c) => aForeignKey('posts', [c], 'users')),
      });
      const reviews = aTable('reviews', {
        columns: [aColumn('id', 'integer'), fkCol('user_id'), fkCol('reviewer_id')],
        primaryKey: aPrimaryKey('reviews', ['id']),
        foreignKeys: ['user_id', 'reviewer_id'].map((c) => aForeignKey('reviews', [c], 'users')),
      });
      const categories = aTable('categories', {
        columns: [aColumn('id', 'integer'), fkCol('parent_id')],
        primaryKey: aPrimaryKey('categories', ['id']),
        foreignKeys: [aForeignKey('categories', ['parent_id'], 'categories')],
      });
      const { datamodel } = dmmf(
        modelDefinitions(anIr({ tables: [users, posts, reviews, categories] }), 'prisma'),
      );
      const objects = (model: string) =>
        datamodel.models
          .find((m) => m.name === model)
          ?.fields.filter((f) => f.kind === 'object')
          .map((f) => f.name);
      expect(objects('User')).toEqual([
        'authoredPosts',
        'editedPosts',
        'createdPosts',
        'reviews',
        'reviewedReviews',
      ]);
      expect(objects('Category')).toEqual(['parent', 'children']);
    });

    it('declares enums, maps and native types', () => {
      const ir = anIr({
        enums: [anEnum('member_role', ['owner', 'member'])],
        tables: [
          aTable('people', {
            columns: [
              aColumn('id', 'uuid', { default: { kind: 'sql', expression: 'gen_random_uuid()' } }),
              aColumn('full_name', 'varchar(80)', { codeName: 'fullName' }),
              aColumn('role', 'member_role', {
                type: {
                  sql: 'member_role',
                  category: 'enum',
                  isArray: false,
                  enum: { schema: null, name: 'member_role' },
                },
                default: { kind: 'literal', value: 'member', sql: "'member'" },
              }),
            ],
            primaryKey: aPrimaryKey('people', ['id']),
          }),
        ],
      });
      const out = modelDefinitions(ir, 'prisma');
      expect(out).toContain('enum MemberRole {\n  owner\n  member\n\n  @@map("member_role")\n}');
      expect(out).toMatch(/fullName +String +@map\("full_name"\) @db\.VarChar\(80\)/);
      expect(out).toMatch(/role +MemberRole +@default\(member\)/);
      expect(out).toContain('@@map("people")');
      expect(() => dmmf(out)).not.toThrow();
    });
  });
});
