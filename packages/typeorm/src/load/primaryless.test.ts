import 'reflect-metadata';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { expect, test } from 'vitest';
import { entitiesWithoutPrimaryColumn } from './primaryless.js';

// Entities whose primary key an application adds at start-up (Vendure's id strategy): TypeORM
// 0.3.31 then crashes with a bare TypeError while building foreign keys (seen on Vendure); the
// error names the entities instead, from TypeORM's own metadata args storage.
abstract class WithId {
  @PrimaryGeneratedColumn({ type: 'integer' }) id: number;
}
abstract class WithoutId {
  @Column({ type: 'varchar', nullable: true }) createdBy: string;
}
@Entity('pl_inherited')
class Inherited extends WithId {
  @Column({ type: 'varchar' }) code: string;
}
@Entity('pl_channel')
class Channel extends WithoutId {
  @Column({ type: 'varchar' }) code: string;
}
@Entity('pl_asset')
class Asset {
  @Column({ type: 'varchar' }) name: string;
}

test('entities without a primary column, counting inherited columns', () => {
  expect(entitiesWithoutPrimaryColumn([Inherited, Channel, Asset, 'not an entity', WithId])).toEqual([
    'Asset',
    'Channel',
  ]);
});
