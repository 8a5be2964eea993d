import type { Ir, Table } from '@ormdoc/core';
import {
  Check,
  Column,
  DataSource,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  ViewColumn,
  ViewEntity,
} from 'typeorm';
import { describe, expect, it } from 'vitest';
import { buildEntityMetadatas } from '../load/dataSource.js';
import type { TypeormDialect } from '../types.js';
import { fromTypeormMetadata } from './fromTypeormMetadata.js';

/**
 * Keys, uniques, indexes, checks, foreign keys and relations on real TypeORM entities (decorators,
 * TypeORM's own metadata build and naming strategy, no database).
 */
async function convert(dialect: TypeormDialect, entities: unknown[]) {
  const { dataSource } = await buildEntityMetadatas({ DataSource: DataSource as never, entities, dialect });
  const { ir, diagnostics } = fromTypeormMetadata({ dialect, entityMetadatas: dataSource.entityMetadatas });
  const table = (name: string): Table => {
    const t = ir.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  };
  return { ir, diagnostics, table };
}

describe('primary keys', () => {
  it("TypeORM's PK_<hash> name unless primaryKeyConstraintName; composite keys in order", async () => {
    @Entity({ name: 'a' })
    class A {
      @PrimaryColumn({ type: 'int' }) x!: number;
      @PrimaryColumn({ type: 'int' }) y!: number;
    }
    @Entity({ name: 'b' })
    class B {
      @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'b_key' }) id!: number;
    }
    const { table } = await convert('postgresql', [A, B]);
    expect(table('a').primaryKey).toMatchObject({ nameExplicit: false, columns: ['x', 'y'] });
    expect(table('a').primaryKey!.name).toMatch(/^PK_[0-9a-f]{27}$/);
    expect(table('b').primaryKey).toEqual({ name: 'b_key', nameExplicit: true, columns: ['id'] });
  });
});

describe('uniques, indexes, checks', () => {
  @Entity({ name: 'u' })
  @Unique('u_ab', ['a', 'b'])
  @Unique(['c'])
  @Index('u_a_idx', ['a'])
  @Index(['b'], { unique: true })
  @Index('u_partial', ['c'], { where: '"c" > 0' })
  @Check('u_c_positive', '"c" > 0')
  @Check('"a" <> "b"')
  class U {
    @PrimaryColumn({ type: 'int' }) id!: number;
    @Column({ type: 'int' }) a!: number;
    @Column({ type: 'int' }) b!: number;
    @Column({ type: 'int' }) c!: number;
    @Column({ type: 'int', unique: true }) d!: number;
  }

  it('uniques: named as given, else UQ_<hash>; unique columns too', async () => {
    const { table } = await convert('postgresql', [U]);
    const uniques = table('u').uniques;
    expect(uniques.find((u) => u.name === 'u_ab')).toEqual({
      name: 'u_ab',
      nameExplicit: true,
      columns: ['a', 'b'],
    });
    const unnamed = uniques.filter((u) => u.name !== 'u_ab');
    expect(unnamed.map((u) => [u.nameExplicit, u.columns]).sort()).toEqual([
      [false, ['c']],
      [false, ['d']],
    ]);
    for (const u of unnamed) expect(u.name).toMatch(/^UQ_[0-9a-f]{27}$/);
  });

  it('indexes: named or IDX_<hash>, unique, partial', async () => {
    const { table } = await convert('postgresql', [U]);
    const byName = new Map(table('u').indexes.map((i) => [i.name, i]));
    expect(byName.get('u_a_idx')).toEqual({
      name: 'u_a_idx',
      nameExplicit: true,
      unique: false,
      parts: [{ column: 'a' }],
    });
    expect(byName.get('u_partial')).toEqual({
      name: 'u_partial',
      nameExplicit: true,
      unique: false,
      parts: [{ column: 'c' }],
      where: '"c" > 0',
    });
    const unnamed = table('u').indexes.find((i) => !i.nameExplicit)!;
    expect(unnamed).toMatchObject({ unique: true, parts: [{ column: 'b' }] });
    expect(unnamed.name).toMatch(/^IDX_[0-9a-f]{26}$/);
    expect(unnamed.method).toBeUndefined();
  });

  it('checks as written; MySQL gets none (its driver creates no CHECK), with a note', async () => {
    const pgIr = await convert('postgresql', [U]);
    const checks = pgIr.table('u').checks;
    expect(checks.find((c) => c.name === 'u_c_positive')).toEqual({
      name: 'u_c_positive',
      nameExplicit: true,
      expression: '"c" > 0',
    });
    const unnamed = checks.find((c) => c.name !== 'u_c_positive')!;
    expect(unnamed).toMatchObject({ nameExplicit: false, expression: '"a" <> "b"' });
    expect(unnamed.name).toMatch(/^CHK_[0-9a-f]{26}$/);
    expect(pgIr.diagnostics).toEqual([]);
    const my = await convert('mysql', [U]);
    expect(my.table('u').checks).toEqual([]);
    expect(my.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'typeorm/check-not-created' }),
    ]);
  });

  it('index methods: spatial (gist; MySQL spatial), fulltext on MySQL only, synchronize: false left out', async () => {
    @Entity({ name: 'g' })
    @Index('g_sync', ['n'], { synchronize: false } as never) // (the typings allow synchronize only without columns)
    class G {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Index('g_ft', { fulltext: true }) @Column({ type: 'varchar', length: 10 }) n!: string;
      @Index('g_sp', { spatial: true }) @Column({ type: 'geometry' }) shape!: string;
    }
    const pgIr = await convert('postgresql', [G]);
    const pgBy = new Map(pgIr.table('g').indexes.map((i) => [i.name, i.method]));
    expect(pgBy.get('g_sp')).toBe('gist');
    expect(pgBy.get('g_ft')).toBeUndefined();
    expect(pgBy.has('g_sync')).toBe(false);
    expect(pgIr.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'typeorm/index-not-synchronized' }),
    ]);
    const my = await convert('mysql', [G]);
    const myBy = new Map(my.table('g').indexes.map((i) => [i.name, i.method]));
    expect(myBy.get('g_sp')).toBe('spatial');
    expect(myBy.get('g_ft')).toBe('fulltext');
  });
});

describe('foreign keys and relations', () => {
  @Entity({ name: 'authors' })
  class Author {
    @PrimaryGeneratedColumn() id!: number;
    @OneToMany(
      () => Book,
      (b) => b.author,
      { cascade: ['insert', 'update'], eager: false },
    )
    books!: Book[];
    @OneToOne(
      () => Profile,
      (p) => p.author,
    )
    profile!: Profile | null; // (a union: no forward reference in the emitted design type)
  }
  @Entity({ name: 'profiles' })
  class Profile {
    @PrimaryGeneratedColumn() id!: number;
    @OneToOne(
      () => Author,
      (a) => a.profile,
      { nullable: false, onDelete: 'CASCADE' },
    )
    @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'profiles_author' })
    author!: Author;
  }
  @Entity({ name: 'books' })
  class Book {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ type: 'int', nullable: false }) authorId!: number;
    @ManyToOne(
      () => Author,
      (a) => a.books,
      { onDelete: 'SET NULL', onUpdate: 'CASCADE', eager: true, orphanedRowAction: 'delete' },
    )
    @JoinColumn({ name: 'authorId' })
    author!: Author;
    @ManyToOne(() => Author, { onDelete: 'RESTRICT', deferrable: 'INITIALLY DEFERRED' }) editor!: Author;
    @ManyToOne(() => Author, { onDelete: 'SET DEFAULT', deferrable: 'INITIALLY IMMEDIATE' } as never)
    reviewer!: Author;
    @ManyToOne(() => Author, { onDelete: 'NO ACTION' }) translator!: Author;
    @ManyToMany(() => Tag, { cascade: ['remove', 'soft-remove', 'recover'] })
    @JoinTable({ name: 'book_tags' })
    tags!: Tag[];
  }
  @Entity({ name: 'tags' })
  class Tag {
    @PrimaryGeneratedColumn() id!: number;
  }
  const all = [Author, Profile, Book, Tag];

  it('referential actions, one row per action, and the default NO ACTION; deferrable', async () => {
    const { table } = await convert('postgresql', all);
    const fk = (column: string) => table('books').foreignKeys.find((f) => f.columns[0] === column)!;
    expect(fk('authorId')).toMatchObject({
      onDelete: 'SET NULL',
      onUpdate: 'CASCADE',
      references: { schema: null, name: 'authors', columns: ['id'] },
      enforcedBy: 'database',
      nameExplicit: false,
    });
    expect(fk('authorId').deferrable).toBeUndefined();
    expect(fk('editorId')).toMatchObject({
      onDelete: 'RESTRICT',
      onUpdate: 'NO ACTION',
      deferrable: 'initially-deferred',
    });
    expect(fk('reviewerId')).toMatchObject({ onDelete: 'SET DEFAULT', deferrable: 'initially-immediate' });
    expect(fk('translatorId')).toMatchObject({ onDelete: 'NO ACTION', onUpdate: 'NO ACTION' });
    expect(fk('authorId').name).toMatch(/^FK_[0-9a-f]{27}$/);
    expect(table('profiles').foreignKeys).toEqual([
      expect.objectContaining({
        name: 'profiles_author',
        nameExplicit: true,
        columns: ['author_id'],
        onDelete: 'CASCADE',
      }),
    ]);
  });

  it('the junction table of a @JoinTable is implicit, with its two foreign keys', async () => {
    const { table } = await convert('postgresql', all);
    expect(table('book_tags')).toMatchObject({ implicit: true });
    expect(
      table('book_tags')
        .foreignKeys.map((f) => f.references.name)
        .sort(),
    ).toEqual(['books', 'tags']);
    expect(table('books').implicit).toBeUndefined();
  });

  it('navigation relations: cardinality, back field, foreign key, nullability, cascade, eager, orphans', async () => {
    const { ir, table } = await convert('postgresql', all);
    const rel = (t: string, field: string) =>
      ir.relations.find((r) => r.from.name === t && r.from.field === field)!;
    const bookAuthorFk = table('books').foreignKeys.find((f) => f.columns[0] === 'authorId')!.name;
    expect(rel('books', 'author')).toEqual({
      from: { schema: null, name: 'books', field: 'author' },
      to: { schema: null, name: 'authors', field: 'books' },
      cardinality: 'one',
      nullable: false, // the @Column says NOT NULL, whatever the relation says
      foreignKey: bookAuthorFk,
      eager: true,
    });
    expect(rel('authors', 'books')).toEqual({
      from: { schema: null, name: 'authors', field: 'books' },
      to: { schema: null, name: 'books', field: 'author' },
      cardinality: 'many',
      foreignKey: bookAuthorFk,
      ormCascade: ['insert', 'update'],
      ormOnDelete: 'orphanedRowAction: delete', // declared on books.author
    });
    expect(rel('books', 'editor')).toMatchObject({
      cardinality: 'one',
      nullable: true,
      to: { name: 'authors' },
    });
    expect(rel('books', 'editor').to.field).toBeUndefined();
    expect(rel('books', 'tags')).toEqual({
      from: { schema: null, name: 'books', field: 'tags' },
      to: { schema: null, name: 'tags' },
      cardinality: 'many',
      through: { schema: null, name: 'book_tags' },
      ormCascade: ['remove', 'soft-remove', 'recover'],
    });
    expect(rel('profiles', 'author')).toMatchObject({
      cardinality: 'one',
      nullable: false,
      foreignKey: 'profiles_author',
    });
    expect(rel('authors', 'profile')).toMatchObject({
      cardinality: 'one',
      nullable: true,
      foreignKey: 'profiles_author',
    });
    expect(ir.relations.some((r) => r.from.name === 'book_tags')).toBe(false);
  });

  it("a one-to-many's orphanedRowAction other than nullify is an ORM-side delete", async () => {
    @Entity({ name: 'parents' })
    class Parent {
      @PrimaryGeneratedColumn() id!: number;
      @OneToMany(
        () => Kid,
        (k) => k.parent,
      )
      kids!: Kid[];
    }
    @Entity({ name: 'kids' })
    class Kid {
      @PrimaryGeneratedColumn() id!: number;
      @ManyToOne(
        () => Parent,
        (p) => p.kids,
        { orphanedRowAction: 'delete' },
      )
      parent!: Parent;
    }
    @Entity({ name: 'parents2' })
    class Parent2 {
      @PrimaryGeneratedColumn() id!: number;
      @OneToMany(
        () => Kid2,
        (k) => k.parent,
      )
      kids!: Kid2[];
    }
    @Entity({ name: 'kids2' })
    class Kid2 {
      @PrimaryGeneratedColumn() id!: number;
      @ManyToOne(
        () => Parent2,
        (p) => p.kids,
        { orphanedRowAction: 'nullify' },
      )
      parent!: Parent2;
    }
    const { ir } = await convert('postgresql', [Parent, Kid, Parent2, Kid2]);
    const rel = (t: string, field: string) =>
      ir.relations.find((r) => r.from.name === t && r.from.field === field)!;
    expect(rel('kids', 'parent').ormOnDelete).toBeUndefined(); // the one side: nothing of the orphans
    expect(rel('kids2', 'parent').ormOnDelete).toBeUndefined();
    expect(rel('parents2', 'kids').ormOnDelete).toBeUndefined();
    // Declared on the many-to-one side, it acts when the one-to-many collection is saved.
    expect(rel('parents', 'kids').ormOnDelete).toBe('orphanedRowAction: delete');
  });
});

describe('views', () => {
  it('a view entity: kind, definition from a string or a query builder, no keys', async () => {
    @Entity({ name: 'items' })
    class Item {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    @ViewEntity({ name: 'item_ids', expression: '  SELECT id FROM items  ' })
    class ItemIds {
      @ViewColumn() id!: number;
    }
    @ViewEntity({
      name: 'item_mat',
      materialized: true,
      expression: (ds: DataSource) => ds.createQueryBuilder().select('i.id', 'id').from(Item, 'i'),
    })
    class ItemMat {
      @ViewColumn() id!: number;
    }
    const { table } = await convert('postgresql', [Item, ItemIds, ItemMat]);
    expect(table('item_ids')).toMatchObject({
      kind: 'view',
      definition: 'SELECT id FROM items',
      foreignKeys: [],
    });
    expect(table('item_ids').primaryKey).toBeUndefined();
    expect(table('item_ids').columns[0]!.type).toMatchObject({ sql: 'unknown', orm: 'ViewColumn' });
    expect(table('item_mat').kind).toBe('materialized-view');
    expect(table('item_mat').definition).toBe('SELECT "i"."id" AS "id" FROM "items" "i"');
  });
});

describe('code names', () => {
  it('the class name when it differs from the table name', async () => {
    @Entity({ name: 'people' })
    class Person {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    @Entity()
    class thing {
      @PrimaryColumn({ type: 'int' }) id!: number;
    }
    const { table } = await convert('postgresql', [Person, thing]);
    expect(table('people').codeName).toBe('Person');
    expect(table('thing').codeName).toBeUndefined();
  });
});

export type { Ir };

describe('edge cases of keys and actions', () => {
  it('referential actions written in lower case are the same actions (the database reads any case)', async () => {
    @Entity({ name: 'lc_parents' })
    class LcParent {
      @PrimaryGeneratedColumn() id!: number;
    }
    @Entity({ name: 'lc_children' })
    class LcChild {
      @PrimaryGeneratedColumn() id!: number;
      @ManyToOne(() => LcParent, { onDelete: 'cascade', onUpdate: 'set null' } as never) parent!: LcParent;
    }
    const { table } = await convert('postgresql', [LcParent, LcChild]);
    expect(table('lc_children').foreignKeys[0]).toMatchObject({ onDelete: 'CASCADE', onUpdate: 'SET NULL' });
  });

  it('an index left out for synchronize: false is named, with its table, in the note and its hint', async () => {
    @Entity({ name: 'h' })
    @Index('h_manual', ['n'], { synchronize: false } as never)
    class H {
      @PrimaryColumn({ type: 'int' }) id!: number;
      @Column({ type: 'int' }) n!: number;
    }
    const { diagnostics } = await convert('postgresql', [H]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain('h_manual');
    expect(diagnostics[0]!.message).toContain(' h ');
    expect(diagnostics[0]!.message).toContain('synchronize: false');
    expect(diagnostics[0]!.hint).toMatch(/synchronize/);
  });
});
