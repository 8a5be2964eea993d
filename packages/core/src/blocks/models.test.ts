import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isOrmdocError } from '../errors.js';
import type { Ir } from '../ir/types.js';
import { aColumn, anEnum, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { exampleIr, kitchenSinkIr } from '../testing/exampleIr.js';
import { modelDefinitions, typescriptInterfaces } from './index.js';

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
      expect(relations).toEqual(['author:authorId', 'parent:parentId', 'post:postId', 'parentComments:']);
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
