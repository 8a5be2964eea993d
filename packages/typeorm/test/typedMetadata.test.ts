import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadTypeorm, loadTypeormMetadata } from '../src/index.js';
import { tmpProjects } from './helpers/tmpProject.js';

const project = tmpProjects();

// Each entity file is compiled on its own, but an imported type alias or enum must serialise as
// the project's own tsc build serialises it (String, Number), or TypeORM sees `Object` and refuses
// the column ("Data type Object is not supported").
const files = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true,
      strictPropertyInitialization: false,
      baseUrl: '.',
      paths: { '@shared/*': ['src/shared/*'] },
    },
  }),
  'src/shared/kinds.ts': `export type Kind = 'manual' | 'scheduled';`,
  'src/types.ts': `export type ExecutionState = 'new' | 'running' | 'done';
export type Priority = 1 | 2 | 3;
export enum Level { Low = 1, High = 2 }
export enum Color { Red = 'red', Blue = 'blue' }
export interface Settings { theme: string }`,
  'src/reexport.ts': `export type { ExecutionState as State } from './types';`,
  'src/team.entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Team { @PrimaryGeneratedColumn() id: number; }`,
  'src/execution.entity.ts': `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { type ExecutionState, Priority, Level, Color, Settings } from './types';
import type { State } from './reexport';
import type { Kind } from '@shared/kinds';
import { Team } from './team.entity';
@Entity()
export class Execution {
  @PrimaryGeneratedColumn() id: number;
  @Column() state: ExecutionState;
  @Column({ nullable: true }) previous: ExecutionState;
  @Column() priority: Priority;
  @Column() level: Level;
  @Column() color: Color;
  @Column() viaReexport: State;
  @Column() kind: Kind;
  @Column({ type: 'jsonb' }) settings: Settings;
  @ManyToOne(() => Team) team: Team;
}`,
};

describe('decorator metadata with type information', () => {
  test('imported type aliases and enums serialise as tsc emits them; interfaces and classes too', async () => {
    const cwd = project(files);
    const { ir } = await loadTypeorm({ cwd, entities: ['src/*.entity.ts'] });
    const execution = ir.tables.find((t) => t.name === 'execution');
    const types = Object.fromEntries(execution?.columns.map((c) => [c.name, c.type.sql]) ?? []);
    expect(types).toMatchObject({
      state: 'varchar',
      previous: 'varchar',
      priority: 'integer',
      level: 'integer',
      color: 'varchar',
      viaReexport: 'varchar',
      kind: 'varchar',
      settings: 'jsonb',
      teamId: 'integer',
    });
    const loaded = await loadTypeormMetadata({ cwd, entities: ['src/*.entity.ts'] });
    const target = loaded.entityMetadatas.find((m) => m.tableName === 'execution')?.target as {
      prototype: object;
    };
    const team = loaded.entityMetadatas.find((m) => m.tableName === 'team')?.target;
    const designType = (prop: string) => Reflect.getMetadata('design:type', target.prototype, prop);
    expect(designType('state')).toBe(String);
    expect(designType('priority')).toBe(Number);
    expect(designType('settings')).toBe(Object); // an interface: tsc emits Object too
    expect(designType('team')).toBe(team);
  });

  test('a second load reads the typed output from the cache, and an edited alias is seen', async () => {
    const cwd = project(files);
    const state = async () =>
      (await loadTypeorm({ cwd, entities: ['src/*.entity.ts'] })).ir.tables
        .find((t) => t.name === 'execution')
        ?.columns.find((c) => c.name === 'state')?.type.sql;
    expect(await state()).toBe('varchar');
    expect(await state()).toBe('varchar');
    const typesFile = `${cwd}/src/types.ts`;
    writeFileSync(typesFile, readFileSync(typesFile, 'utf8').replace(`'new' | 'running' | 'done'`, '1 | 2'));
    expect(await state()).toBe('integer');
  });
});
