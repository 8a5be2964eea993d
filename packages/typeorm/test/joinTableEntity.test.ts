import { PGlite } from '@electric-sql/pglite';
import { renderDdl } from '@ormdoc/core';
import { compareShapes } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromTypeormMetadata, loadTypeormMetadata } from '../src/index.js';
import { tmpProjects } from './helpers/tmpProject.js';
import { ddlShape, typeormShape } from './helpers/typeormShape.js';

const project = tmpProjects();

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
});
afterAll(async () => {
  await db?.close();
});

// A @ManyToMany whose @JoinTable names a table that an explicit entity also maps (with a payload
// column and its own foreign key actions): TypeORM creates one table.
const entities = `import { Column, CreateDateColumn, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
@Entity('tag') export class Tag { @PrimaryGeneratedColumn() id: number; @Column() name: string; }
@Entity('workflow')
export class Workflow {
  @PrimaryGeneratedColumn() id: number;
  @ManyToMany(() => Tag)
  @JoinTable({ name: 'workflows_tags', joinColumn: { name: 'workflowId' }, inverseJoinColumn: { name: 'tagId' } })
  tags: Tag[];
}
@Entity('workflows_tags')
export class WorkflowTag {
  @PrimaryColumn() workflowId: number;
  @PrimaryColumn() tagId: number;
  @CreateDateColumn() createdAt: Date;
  @ManyToOne(() => Workflow) @JoinColumn({ name: 'workflowId' }) workflow: Workflow;
  @ManyToOne(() => Tag, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'tagId' }) tag: Tag;
}`;

describe('an entity and a @JoinTable mapping the same table', () => {
  test('one table, the database TypeORM itself creates', async () => {
    const cwd = project({ 'entities.ts': entities });
    const loaded = await loadTypeormMetadata({ cwd, entities: ['entities.ts'] });
    const { ir, diagnostics } = fromTypeormMetadata({ ...loaded, driver: loaded.dataSource.driver, cwd });
    const junction = ir.tables.filter((t) => t.name === 'workflows_tags');
    expect(junction).toHaveLength(1);
    expect(junction[0]?.implicit).toBeUndefined();
    expect(junction[0]?.columns.map((c) => c.name)).toEqual(['workflowId', 'tagId', 'createdAt']);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'typeorm/table-mapped-twice', severity: 'info', file: 'entities.ts' }),
    );
    const expected = await typeormShape(db, loaded);
    const actual = await ddlShape(db, renderDdl(ir, { dialect: 'postgresql' }));
    expect(compareShapes(expected, actual)).toEqual([]);
  });
});
