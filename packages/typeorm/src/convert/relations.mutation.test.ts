import type { Ir } from '@ormdoc/core';
import {
  ChildEntity,
  Column,
  DataSource,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  TableInheritance,
} from 'typeorm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEntityMetadatas } from '../load/dataSource.js';
import type { TypeormDialect } from '../types.js';
import { fromTypeormMetadata } from './fromTypeormMetadata.js';

/**
 * Navigation relations on real TypeORM metadata (decorators, TypeORM's own metadata build, no
 * database): each relation once per table and field, the nullability of a composite join, and
 * where TypeORM reads `orphanedRowAction`. The entities are converted in `beforeAll`, so that
 * every test here sees the same conversion.
 */
async function convert(dialect: TypeormDialect, entities: unknown[]): Promise<Ir> {
  const { dataSource } = await buildEntityMetadatas({ DataSource: DataSource as never, entities, dialect });
  return fromTypeormMetadata({ dialect, entityMetadatas: dataSource.entityMetadatas }).ir;
}
const relationsFrom = (ir: Ir, table: string, field: string, schema: string | null = null) =>
  ir.relations.filter((r) => r.from.schema === schema && r.from.name === table && r.from.field === field);

@Entity({ name: 'people' })
class Person {
  @PrimaryGeneratedColumn() id!: number;
}

// Single-table inheritance: the child's metadata repeats the parent's relations on the same table.
@Entity({ name: 'contents' })
@TableInheritance({ column: { type: 'varchar', name: 'kind' } })
class Content {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Person) author!: Person;
}
@ChildEntity('photo')
class Photo extends Content {
  @ManyToOne(() => Person) photographer!: Person;
}

// One table name in two PostgreSQL schemas, each with a relation of the same name.
@Entity({ name: 'notes', schema: 'alpha' })
class AlphaNote {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Person) owner!: Person;
}
@Entity({ name: 'notes', schema: 'beta' })
class BetaNote {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => Person) owner!: Person;
}

// A composite join: one join column declared NOT NULL, the other nullable.
@Entity({ name: 'rooms' })
class Room {
  @PrimaryColumn({ type: 'int' }) building!: number;
  @PrimaryColumn({ type: 'int' }) number!: number;
}
@Entity({ name: 'bookings' })
class Booking {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int', nullable: false }) roomBuilding!: number;
  @Column({ type: 'int', nullable: true }) roomNumber!: number | null;
  @ManyToOne(() => Room)
  @JoinColumn([
    { name: 'roomBuilding', referencedColumnName: 'building' },
    { name: 'roomNumber', referencedColumnName: 'number' },
  ])
  room!: Room;
  // Both join columns NOT NULL: the relation is required.
  @Column({ type: 'int', nullable: false }) spareBuilding!: number;
  @Column({ type: 'int', nullable: false }) spareNumber!: number;
  @ManyToOne(() => Room, { nullable: true })
  @JoinColumn([
    { name: 'spareBuilding', referencedColumnName: 'building' },
    { name: 'spareNumber', referencedColumnName: 'number' },
  ])
  spare!: Room;
}

// orphanedRowAction written on the one-to-many side, where TypeORM never reads it.
@Entity({ name: 'folders' })
class Folder {
  @PrimaryGeneratedColumn() id!: number;
  @OneToMany(
    () => Sheet,
    (s) => s.folder,
    { orphanedRowAction: 'delete' },
  )
  sheets!: Sheet[];
}
@Entity({ name: 'sheets' })
class Sheet {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(
    () => Folder,
    (f) => f.sheets,
  )
  folder!: Folder;
}

let ir: Ir;
beforeAll(async () => {
  ir = await convert('postgresql', [
    Person,
    Content,
    Photo,
    AlphaNote,
    BetaNote,
    Room,
    Booking,
    Folder,
    Sheet,
  ]);
});

describe('each relation once per table and field', () => {
  it("single-table inheritance: the parent's relations once, the child's own on the shared table", () => {
    expect(relationsFrom(ir, 'contents', 'author')).toHaveLength(1);
    expect(relationsFrom(ir, 'contents', 'photographer')).toHaveLength(1);
    expect(ir.relations.filter((r) => r.from.name === 'contents')).toHaveLength(2);
  });

  it('one table name in two schemas: a relation from each', () => {
    expect(relationsFrom(ir, 'notes', 'owner', 'alpha')).toHaveLength(1);
    expect(relationsFrom(ir, 'notes', 'owner', 'beta')).toHaveLength(1);
  });
});

describe('nullability of a composite join', () => {
  it('any nullable join column makes the relation optional (a NULL column leaves the key unchecked)', () => {
    expect(relationsFrom(ir, 'bookings', 'room')[0]?.nullable).toBe(true);
  });
  it('all join columns NOT NULL: required, whatever the relation option says', () => {
    expect(relationsFrom(ir, 'bookings', 'spare')[0]?.nullable).toBe(false);
  });
});

describe('orphanedRowAction', () => {
  it('on the one-to-many side it is not what TypeORM reads: no ORM-side delete on either side', () => {
    expect(relationsFrom(ir, 'folders', 'sheets')[0]?.ormOnDelete).toBeUndefined();
    expect(relationsFrom(ir, 'sheets', 'folder')[0]?.ormOnDelete).toBeUndefined();
    expect(relationsFrom(ir, 'sheets', 'folder')).toHaveLength(1);
  });
});
