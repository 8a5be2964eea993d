import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Ir, Table } from '@ormdoc/core';
import {
  Check,
  ChildEntity,
  Column,
  DataSource,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  TableInheritance,
  Tree,
  TreeChildren,
  TreeParent,
  ViewColumn,
  ViewEntity,
} from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEntityMetadatas, type DataSourceLike } from '../load/dataSource.js';
import type { TypeormDialect } from '../types.js';
import { fromTypeormMetadata } from './fromTypeormMetadata.js';

/**
 * How fromTypeormMetadata puts tables together on real TypeORM metadata (decorators, TypeORM's own
 * metadata build, no database): which metadatas are tables, what is implicit, what a view keeps,
 * one table per name, the notes it gives. Shared entities are converted in `beforeAll`.
 */
async function build(dialect: TypeormDialect, entities: unknown[]): Promise<DataSourceLike> {
  return (await buildEntityMetadatas({ DataSource: DataSource as never, entities, dialect })).dataSource;
}
const tableOf = (ir: Ir, name: string, schema: string | null = null): Table => {
  const found = ir.tables.filter((t) => t.name === name && t.schema === schema);
  expect(found, `${schema ?? ''}.${name}`).toHaveLength(1);
  return found[0]!;
};

@Entity({ name: 'people', comment: 'People we know. @deprecated' })
class Person {
  @PrimaryGeneratedColumn() id!: number;
}

// Single-table inheritance: one table, the child's columns in it.
@Entity({ name: 'contents' })
@TableInheritance({ column: { type: 'varchar', name: 'kind' } })
class Content {
  @PrimaryGeneratedColumn() id!: number;
}
@ChildEntity('photo')
class Photo extends Content {
  @Column({ type: 'int', nullable: true }) width!: number | null;
}

// A closure table: TypeORM adds `<table>_closure`, which no entity declares.
@Entity({ name: 'nodes' })
@Tree('closure-table')
class TreeNode {
  @PrimaryGeneratedColumn() id!: number;
  @TreeChildren() children!: TreeNode[];
  @TreeParent() parent!: TreeNode;
}

// A view with a primary column (for repositories) and a relation: TypeORM creates neither key.
@ViewEntity({ name: 'person_view', expression: "SELECT id, id AS person_id, 'x' AS label FROM people" })
class PersonView {
  @PrimaryColumn({ type: 'int' }) id!: number;
  @ViewColumn() person_id!: number;
  @ViewColumn() label!: string;
  @ManyToOne(() => Person) @JoinColumn({ name: 'person_id' }) person!: Person;
}

// Two relations whose @JoinTable names one table (both sides of a many-to-many declared it).
@Entity({ name: 'cats' })
class Cat {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToMany(
    () => Dog,
    (d) => d.cats,
  )
  @JoinTable({ name: 'pals' })
  dogs!: Dog[];
}
@Entity({ name: 'dogs' })
class Dog {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToMany(
    () => Cat,
    (c) => c.dogs,
  )
  @JoinTable({ name: 'pals' })
  cats!: Cat[];
}

// One table name in two PostgreSQL schemas.
@Entity({ name: 'notes', schema: 'alpha' })
class AlphaNote {
  @PrimaryGeneratedColumn() id!: number;
}
@Entity({ name: 'notes', schema: 'beta' })
class BetaNote {
  @PrimaryGeneratedColumn() id!: number;
}

const shared = [Person, Content, Photo, TreeNode, PersonView, Cat, Dog, AlphaNote, BetaNote];
let ds: DataSourceLike;
let ir: Ir;
let diagnostics: Diagnostic[];
beforeAll(async () => {
  ds = await build('postgresql', shared);
  ({ ir, diagnostics } = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: ds.entityMetadatas }));
});

describe('which metadatas are tables', () => {
  it("single-table inheritance: the parent's table once, with the child's columns, and no note", () => {
    expect(
      tableOf(ir, 'contents')
        .columns.map((c) => c.name)
        .sort(),
    ).toEqual(['id', 'kind', 'width']);
    expect(diagnostics.filter((d) => d.message.includes('contents'))).toEqual([]);
  });

  it('a closure table is implicit, with no code name; the tree entity is not', () => {
    expect(tableOf(ir, 'nodes_closure')).toMatchObject({ implicit: true });
    expect(tableOf(ir, 'nodes_closure').codeName).toBeUndefined();
    expect(tableOf(ir, 'nodes').implicit).toBeUndefined();
    expect(tableOf(ir, 'nodes').codeName).toBe('TreeNode');
  });

  it('one table name in two schemas: two tables', () => {
    expect(tableOf(ir, 'notes', 'alpha').codeName).toBe('AlphaNote');
    expect(tableOf(ir, 'notes', 'beta').codeName).toBe('BetaNote');
  });

  it('no files given: none listed', () => {
    expect(ir.source.files).toEqual([]);
  });

  it("the entity's comment: description and tags", () => {
    expect(tableOf(ir, 'people')).toMatchObject({
      description: 'People we know.',
      tags: [{ name: 'deprecated' }],
    });
    expect(Object.keys(tableOf(ir, 'contents'))).not.toContain('description');
  });
});

describe('views', () => {
  it('a view keeps no primary key and no foreign key, even when its class declares them', () => {
    const view = tableOf(ir, 'person_view');
    expect(view.kind).toBe('view');
    expect(Object.keys(view)).not.toContain('primaryKey');
    expect(view.foreignKeys).toEqual([]);
    // a @ViewColumn has no type (the view's query decides it); a typed column keeps its type
    expect(view.columns.find((c) => c.name === 'label')!.type).toEqual({
      sql: 'unknown',
      orm: 'ViewColumn',
      category: 'other',
      isArray: false,
    });
    expect(view.columns.find((c) => c.name === 'id')!.type).toMatchObject({ sql: 'integer', orm: 'int' });
    // the relation is still one to navigate
    expect(ir.relations.filter((r) => r.from.name === 'person_view').map((r) => r.from.field)).toEqual([
      'person',
    ]);
  });

  it('an expression that throws: a warning naming the view, its class and the error; no definition', async () => {
    @ViewEntity({
      name: 'broken_view',
      expression: () => {
        throw new Error('no such table: ghosts');
      },
    })
    class BrokenView {
      @ViewColumn() id!: number;
    }
    const built = await build('postgresql', [BrokenView]);
    const out = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: built.entityMetadatas });
    expect(Object.keys(tableOf(out.ir, 'broken_view'))).not.toContain('definition');
    expect(out.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'typeorm/view-expression-failed',
        message: expect.stringContaining('broken_view (BrokenView)'),
        hint: expect.stringContaining('dataSource.createQueryBuilder()'),
      },
    ]);
    expect(out.diagnostics[0]!.message).toContain('no such table: ghosts');
  });

  it('an expression that gives no query builder: no definition and no warning', async () => {
    @ViewEntity({ name: 'empty_view', expression: (() => undefined) as never })
    class EmptyView {
      @ViewColumn() id!: number;
    }
    @ViewEntity({ name: 'odd_view', expression: (() => ({ sql: 'SELECT 1' })) as never })
    class OddView {
      @ViewColumn() id!: number;
    }
    const built = await build('postgresql', [EmptyView, OddView]);
    const out = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: built.entityMetadatas });
    for (const name of ['empty_view', 'odd_view']) {
      expect(tableOf(out.ir, name).kind).toBe('view');
      expect(Object.keys(tableOf(out.ir, name))).not.toContain('definition');
    }
    expect(out.diagnostics).toEqual([]);
  });

  it('a view without an expression (created elsewhere): no definition and no warning', async () => {
    @ViewEntity({ name: 'outside_view' })
    class OutsideView {
      @ViewColumn() id!: number;
    }
    const built = await build('postgresql', [OutsideView]);
    const out = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: built.entityMetadatas });
    expect(tableOf(out.ir, 'outside_view').kind).toBe('view');
    expect(Object.keys(tableOf(out.ir, 'outside_view'))).not.toContain('definition');
    expect(out.diagnostics).toEqual([]);
  });

  it('materialized only when materialized is true', async () => {
    @ViewEntity({ name: 'plain_view', expression: 'SELECT 1 AS id', materialized: false })
    class PlainView {
      @ViewColumn() id!: number;
    }
    const built = await build('postgresql', [PlainView]);
    const out = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: built.entityMetadatas });
    expect(tableOf(out.ir, 'plain_view')).toMatchObject({ kind: 'view', definition: 'SELECT 1 AS id' });
  });
});

describe('one table mapped twice', () => {
  it('both sides of a many-to-many name one @JoinTable: one implicit table, a warning that names it as two join tables', () => {
    const pals = tableOf(ir, 'pals');
    expect(pals.implicit).toBe(true);
    expect(pals.columns.map((c) => c.name).sort()).toEqual(['catsId', 'dogsId']);
    const notes = diagnostics.filter((d) => d.code === 'typeorm/table-mapped-twice');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'warning' });
    expect(notes[0]!.message).toMatch(
      /^Table pals is the @JoinTable of two many-to-many relations that disagree on primary key \(/,
    );
    expect(notes[0]!.message).toContain('documented as the first declares it');
    expect(notes[0]!.hint).toContain('one side of a many-to-many');
  });

  it('the entity is the base whatever order the metadatas come in; items the junction adds are kept once', async () => {
    @Entity({ name: 'students' })
    class Student {
      @PrimaryGeneratedColumn() id!: number;
      @ManyToMany(() => Course) @JoinTable({ name: 'enrolments' }) courses!: Course[];
    }
    @Entity({ name: 'courses' })
    class Course {
      @PrimaryGeneratedColumn() id!: number;
    }
    @Entity({ name: 'enrolments', schema: 'school' })
    @Check('enrolments_grade', '"grade" > 0')
    class Enrolment {
      @PrimaryColumn({ type: 'int' }) studentsId!: number;
      @PrimaryColumn({ type: 'int' }) coursesId!: number;
      @Column({ type: 'int', nullable: true }) grade!: number | null;
    }
    @Entity({ name: 'students', schema: 'school' })
    class SchoolStudent {
      @PrimaryGeneratedColumn() id!: number;
      @ManyToMany(() => Course) @JoinTable({ name: 'enrolments', schema: 'school' }) courses!: Course[];
    }
    const built = await build('postgresql', [Student, Course, Enrolment, SchoolStudent]);
    const inOrder = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: built.entityMetadatas });
    const reversed = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: [...built.entityMetadatas].reverse(),
    });
    for (const out of [inOrder, reversed]) {
      const t = tableOf(out.ir, 'enrolments', 'school');
      expect(t.implicit).toBeUndefined();
      expect(t.codeName).toBe('Enrolment');
      expect(t.columns.map((c) => c.name)).toEqual(['studentsId', 'coursesId', 'grade']);
      expect(t.checks.map((c) => c.name)).toEqual(['enrolments_grade']);
      expect(t.foreignKeys.map((f) => f.references.name).sort()).toEqual(['courses', 'students']);
      expect(new Set(t.foreignKeys.map((f) => f.name)).size).toBe(2);
      // the public junction of Student is a table of its own
      expect(tableOf(out.ir, 'enrolments').implicit).toBe(true);
      const notes = out.diagnostics.filter((d) => d.code === 'typeorm/table-mapped-twice');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ severity: 'info' });
      expect(notes[0]!.message).toBe(
        'Table school.enrolments is mapped by an entity and by a @JoinTable; documented as one table, as TypeORM creates it.',
      );
      expect(notes[0]!.hint).toContain('two @ManyToOne');
    }
  });

  it('disagreeing only on nullability is a disagreement', async () => {
    @Entity({ name: 'authors' })
    class Author {
      @PrimaryGeneratedColumn() id!: number;
      @ManyToMany(() => Book) @JoinTable({ name: 'authorships' }) books!: Book[];
    }
    @Entity({ name: 'books' })
    class Book {
      @PrimaryGeneratedColumn() id!: number;
    }
    @Entity({ name: 'authorships' })
    class Authorship {
      @PrimaryColumn({ type: 'int' }) authorsId!: number;
      @PrimaryColumn({ type: 'int' }) booksId!: number;
    }
    const built = await build('postgresql', [Author, Book, Authorship]);
    const agreeing = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: built.entityMetadatas });
    expect(agreeing.diagnostics).toEqual([expect.objectContaining({ severity: 'info' })]);
    // the same entity with a nullable key column (as another build of it could declare)
    const metadatas = built.entityMetadatas.map((m) =>
      m.tableName === 'authorships' && m.tableType === 'regular'
        ? Object.assign(Object.create(Object.getPrototypeOf(m)), m, {
            columns: m.columns.map((c) =>
              c.databaseName === 'booksId'
                ? Object.assign(Object.create(Object.getPrototypeOf(c)), c, { isNullable: true })
                : c,
            ),
          })
        : m,
    );
    const out = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: metadatas,
      driver: built.driver,
    });
    expect(out.diagnostics).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(out.diagnostics[0]!.message).toContain('disagree on booksId;');
  });
});

describe('notes on schemas and checks', () => {
  it("mysql: a schema note for each entity that names one, none for the tables TypeORM adds to it; '' is no schema", async () => {
    @Entity({ name: 'branches', schema: 'app' })
    @Tree('closure-table')
    class Branch {
      @PrimaryGeneratedColumn() id!: number;
      @TreeChildren() children!: Branch[];
      @TreeParent() parent!: Branch;
      @ManyToMany(() => Leaf) @JoinTable({ name: 'branch_leaves' }) leaves!: Leaf[];
    }
    @Entity({ name: 'leaves', schema: '' })
    class Leaf {
      @PrimaryGeneratedColumn() id!: number;
    }
    const built = await build('mysql', [Branch, Leaf]);
    const out = fromTypeormMetadata({ dialect: 'mysql', entityMetadatas: built.entityMetadatas });
    expect(out.diagnostics.map((d) => [d.code, d.message.split(':')[0]])).toEqual([
      ['typeorm/schema-ignored', 'branches'],
    ]);
  });

  it('mysql: the note on left-out checks names the table', async () => {
    @Entity({ name: 'prices' })
    @Check('"amount" > 0')
    class Price {
      @PrimaryGeneratedColumn() id!: number;
      @Column({ type: 'int' }) amount!: number;
    }
    const built = await build('mysql', [Price]);
    const out = fromTypeormMetadata({ dialect: 'mysql', entityMetadatas: built.entityMetadatas });
    expect(out.diagnostics).toHaveLength(1);
    expect(out.diagnostics[0]!.message).toMatch(/^Checks on prices are left out/);
    expect(out.diagnostics[0]!.hint).toContain('migration');
  });
});

describe('inputs fromTypeormMetadata falls back on', () => {
  const dir = mkdtempSync(path.join(process.cwd(), '.ormdoc-tmp-typeorm-assembly-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without cwd, paths are relative to the process directory', async () => {
    const file = path.join(dir, 'person.ts');
    writeFileSync(file, 'export class Person {}\n');
    const out = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: ds.entityMetadatas,
      entityFiles: new Map([[Person, file]]),
      files: [file],
    });
    const relative = path.relative(process.cwd(), file).split(path.sep).join('/');
    expect(tableOf(out.ir, 'people').source).toEqual({ file: relative, line: 1 });
    expect(out.ir.source.files).toEqual([relative]);
  });

  it("the naming strategy given wins over the DataSource's; without either, PostgreSQL's <table>_pkey", () => {
    const naming = { primaryKeyName: (table: string) => `pk_of_${table}` };
    const named = fromTypeormMetadata({
      dialect: 'postgresql',
      entityMetadatas: ds.entityMetadatas,
      namingStrategy: naming as never,
    });
    expect(tableOf(named.ir, 'people').primaryKey!.name).toBe('pk_of_people');
    const bare = ds.entityMetadatas.map((m) => ({ ...m })); // without `connection` (a getter)
    const out = fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: bare, driver: ds.driver });
    expect(tableOf(out.ir, 'people').primaryKey).toEqual({
      name: 'people_pkey',
      nameExplicit: false,
      columns: ['id'],
    });
  });

  it('no entity metadata: INPUT_EMPTY, a message saying so', () => {
    expect(() => fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: [] })).toThrow(
      expect.objectContaining({
        code: 'INPUT_EMPTY',
        message: expect.stringContaining('No TypeORM entity metadata'),
      }),
    );
  });

  it('no driver: UNSUPPORTED, a message saying what is missing', () => {
    const bare = ds.entityMetadatas.map((m) => ({ ...m }));
    expect(() => fromTypeormMetadata({ dialect: 'postgresql', entityMetadatas: bare })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED', message: expect.stringContaining('no driver') }),
    );
  });
});
