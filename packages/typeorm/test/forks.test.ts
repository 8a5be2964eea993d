import { PGlite } from '@electric-sql/pglite';
import { renderDdl } from '@ormdoc/core';
import { compareShapes } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromTypeormMetadata, loadTypeorm, loadTypeormMetadata } from '../src/index.js';
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

// @n8n/typeorm (a fork under another name) creates its driver in initialize(), not in the
// DataSource constructor; `typeorm` is installed beside it here, as in some monorepos.
const n8nProject = () =>
  project({
    'src/db.ts': `import { DataSource } from '@n8n/typeorm';
import { Workflow } from './workflow';
import { Tag } from './tag';
export const dataSource = new DataSource({ type: 'postgres', entities: [Workflow, Tag] });`,
    'src/tag.ts': `import { Column, Entity, PrimaryGeneratedColumn } from '@n8n/typeorm';
@Entity() export class Tag { @PrimaryGeneratedColumn() id: number; @Column({ length: 24, unique: true }) name: string; }`,
    'src/workflow.ts': `import { Column, Entity, JoinTable, ManyToMany, PrimaryColumn } from '@n8n/typeorm';
import { Tag } from './tag';
@Entity()
export class Workflow {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ length: 128 }) name: string;
  @Column({ type: 'json', nullable: true }) settings: object | null;
  @ManyToMany(() => Tag) @JoinTable({ name: 'workflows_tags' }) tags: Tag[];
}`,
  });

describe('forks of TypeORM', () => {
  test('@n8n/typeorm: the driver is created as initialize() creates it, without a connection', async () => {
    const cwd = n8nProject();
    const { ir } = await loadTypeorm({ cwd, dataSource: 'src/db.ts' });
    expect(ir.source.ormVersion).toBe('0.11.0');
    expect(ir.tables.map((t) => t.name).sort()).toEqual(['tag', 'workflow', 'workflows_tags']);
    expect(ir.tables.find((t) => t.name === 'workflow')?.columns.map((c) => c.type.sql)).toEqual([
      'varchar(36)',
      'varchar(128)',
      'json',
    ]);
  });

  test('@n8n/typeorm: ormdoc DDL builds the database the fork itself synchronises', async () => {
    const cwd = n8nProject();
    const loaded = await loadTypeormMetadata({ cwd, dataSource: 'src/db.ts' });
    const { ir } = fromTypeormMetadata({ ...loaded, driver: loaded.dataSource.driver, cwd });
    const expected = await typeormShape(db, loaded);
    const actual = await ddlShape(db, renderDdl(ir, { dialect: 'postgresql' }));
    expect(compareShapes(expected, actual)).toEqual([]);
  });
});
