import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isOrmdocError, type OrmdocError } from '@ormdoc/core';
import { afterAll, describe, expect, test } from 'vitest';
import { detectTypeorm, loadTypeorm } from '../src/index.js';
import { TRANSPILE_CACHE_DIR } from '../src/load/transpileCache.js';

// Temporary projects live under this package so that `typeorm` resolves from them.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = mkdtempSync(path.join(here, '.ormdoc-tmp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function project(files: Record<string, string>): string {
  const dir = path.join(root, `p${n++}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function loadError(promise: Promise<unknown>): Promise<OrmdocError> {
  try {
    await promise;
  } catch (e) {
    if (isOrmdocError(e)) return e;
    throw e;
  }
  throw new Error('expected an OrmdocError');
}

const TSCONFIG = JSON.stringify({
  compilerOptions: { baseUrl: '.', paths: { '@models/*': ['src/models/*'] }, strict: true },
});

describe('loadTypeorm', () => {
  test('a DataSource whose driver package is not installed loads: the driver is never needed', async () => {
    // (pg is in this workspace now, for @ormdoc/database; better-sqlite3 is not.)
    expect(() => createRequire(path.join(here, 'x.js'))('better-sqlite3')).toThrow();
    const cwd = project({
      'src/db.ts': `import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class Gadget {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
}
export const AppDataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Gadget] });`,
    });
    const { ir } = await loadTypeorm({ cwd, dataSource: 'src/db.ts' });
    expect(ir.dialect).toBe('sqlite');
    expect(ir.tables.map((t) => t.name)).toEqual(['gadget']);
  });

  test('named DataSource export, tsconfig paths, ./x.js specifiers, circular imports, reflected types', async () => {
    const cwd = project({
      'tsconfig.json': TSCONFIG,
      'src/db.ts': `import { DataSource } from 'typeorm';
import { Team } from '@models/team.js';
import { Player } from '@models/player.js';
export const AppDataSource = new DataSource({ type: 'postgres', entities: [Team, Player] });`,
      'src/models/team.ts': `import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { Player } from './player.js';
@Entity()
export class Team {
  @PrimaryGeneratedColumn() id: number;
  @Column() name: string;
  @Column() founded: Date;
  @OneToMany(() => Player, (p) => p.team) players: Player[];
}`,
      'src/models/player.ts': `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Team } from './team.js';
@Entity()
export class Player {
  @PrimaryGeneratedColumn() id: number;
  @Column() active: boolean;
  @ManyToOne(() => Team, (t) => t.players) team: Team;
}`,
    });
    const { ir } = await loadTypeorm({ cwd, dataSource: 'src/db.ts' });
    expect(ir.source.files).toEqual(['src/db.ts', 'src/models/player.ts', 'src/models/team.ts']);
    const team = ir.tables.find((t) => t.name === 'team');
    expect(team?.columns.map((c) => [c.name, c.type.sql])).toEqual([
      ['id', 'integer'],
      ['name', 'varchar'],
      ['founded', 'timestamp'],
    ]);
    const player = ir.tables.find((t) => t.name === 'player');
    expect(player?.foreignKeys[0]).toMatchObject({
      columns: ['teamId'],
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });
    expect(ir.relations.find((r) => r.from.name === 'team')).toMatchObject({
      cardinality: 'many',
      to: { name: 'player', field: 'team' },
    });
  });

  test('default export of DataSource options with entity globs; autodetected data source', async () => {
    const cwd = project({
      'data-source.ts': `export default { type: 'postgres', entities: ['entity/*.ts'] };`,
      'entity/note.ts': `import { Column, Entity, PrimaryColumn } from 'typeorm';
@Entity('notes') export class Note { @PrimaryColumn('uuid') id: string; @Column({ type: 'text' }) body: string; }`,
    });
    expect(await detectTypeorm(cwd)).toEqual(['data-source.ts']);
    const { ir } = await loadTypeorm({ cwd });
    expect(ir.tables.map((t) => t.name)).toEqual(['notes']);
    expect(ir.tables[0]?.source).toEqual({ file: 'entity/note.ts', line: 2 });
  });

  test('a column without type and without decorator metadata names the entity and property', async () => {
    const cwd = project({
      'entities.cjs': `const { Entity, Column, PrimaryColumn } = require('typeorm');
class Thing {}
PrimaryColumn({ type: 'int' })(Thing.prototype, 'id');
Column()(Thing.prototype, 'label');
Entity()(Thing);
module.exports = { Thing };`,
    });
    const error = await loadError(loadTypeorm({ cwd, entities: ['entities.cjs'] }));
    expect(error.code).toBe('SCHEMA_INVALID');
    expect(error.message).toContain('Thing.label');
    expect(error.hint).toMatch(/explicit type.*emitDecoratorMetadata/);
    expect(error.file).toBe('entities.cjs');
  });

  test('an entity file that fails to load names the file', async () => {
    const cwd = project({
      'broken.entity.ts': `import { Entity } from 'typeorm';\n@Entity()\nexport class Broken {\n  id: number = (;\n}`,
      'throws.entity.ts': `throw new Error('boom at import');`,
    });
    const syntax = await loadError(loadTypeorm({ cwd, entities: ['broken.entity.ts'] }));
    expect(syntax.code).toBe('MODULE_LOAD_FAILED');
    expect(syntax.message).toContain('broken.entity.ts');
    expect(syntax.line).toBe(4);
    const runtime = await loadError(loadTypeorm({ cwd, entities: ['throws.entity.ts'] }));
    expect(runtime).toMatchObject({ code: 'MODULE_LOAD_FAILED', file: 'throws.entity.ts' });
    expect(runtime.message).toContain('boom at import');
  });

  test('no entities, no data source, missing files', async () => {
    const cwd = project({ 'data-source.ts': `export const nothing = 1;`, 'empty.ts': 'export {};' });
    expect((await loadError(loadTypeorm({ cwd, dataSource: 'data-source.ts' }))).code).toBe('INPUT_EMPTY');
    expect((await loadError(loadTypeorm({ cwd, entities: ['none/*.ts'] }))).code).toBe('INPUT_EMPTY');
    expect((await loadError(loadTypeorm({ cwd, entities: ['empty.ts'] }))).code).toBe('INPUT_EMPTY');
    expect((await loadError(loadTypeorm({ cwd, dataSource: 'missing.ts' }))).code).toBe('INPUT_NOT_FOUND');
    expect(await detectTypeorm(project({ 'index.ts': 'export {};' }))).toEqual([]);
  });

  test('dialect override reads the same entities as MySQL and SQLite', async () => {
    const cwd = project({
      'e.entity.ts': `import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
@Entity('things') export class Thing {
  @PrimaryGeneratedColumn() id: number;
  @Column({ length: 30 }) name: string;
  @Column({ type: 'simple-enum', enum: ['a', 'b'], default: 'a' }) kind: string;
  @UpdateDateColumn({ name: 'updated_at' }) updatedAt: Date;
}`,
    });
    const mysql = (await loadTypeorm({ cwd, entities: ['e.entity.ts'], dialect: 'mysql' })).ir;
    expect(mysql.dialect).toBe('mysql');
    const cols = mysql.tables[0]?.columns ?? [];
    expect(cols.map((c) => c.type.sql)).toEqual(['int', 'varchar(30)', "enum('a','b')", 'datetime(6)']);
    expect(cols[0]?.default).toEqual({ kind: 'sequence', style: 'auto-increment' });
    expect(cols[3]?.onUpdate).toEqual({ kind: 'sql', expression: 'CURRENT_TIMESTAMP(6)' });
    const sqlite = (await loadTypeorm({ cwd, entities: ['e.entity.ts'], dialect: 'sqlite' })).ir;
    expect(sqlite.dialect).toBe('sqlite');
    expect(sqlite.tables[0]?.columns[3]?.onUpdate?.kind).toBe('orm');
  });
});

describe('transpile cache', () => {
  test('a second load reuses the transpiled files, and an edited entity is transpiled again', async () => {
    const entity = (column: string) => `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class Note {
  @PrimaryGeneratedColumn() id: number;
  @Column() ${column}: string;
}`;
    const cwd = project({
      'src/db.ts': `import { DataSource } from 'typeorm';
import { Note } from './note.js';
export const AppDataSource = new DataSource({ type: 'postgres', entities: [Note] });`,
      'src/note.ts': entity('cache_probe_title'),
    });
    const columns = async () =>
      (await loadTypeorm({ cwd, dataSource: 'src/db.ts' })).ir.tables[0]?.columns.map((c) => c.name);
    expect(await columns()).toEqual(['id', 'cache_probe_title']);
    const entry = readdirSync(TRANSPILE_CACHE_DIR)
      .map((f) => path.join(TRANSPILE_CACHE_DIR, f))
      .find((f) => readFileSync(f, 'utf8').includes('cache_probe_title'));
    expect(entry).toBeDefined();
    const written = statSync(entry as string).mtimeMs;
    expect(await columns()).toEqual(['id', 'cache_probe_title']);
    expect(statSync(entry as string).mtimeMs).toBe(written); // read from the cache, not written again
    writeFileSync(path.join(cwd, 'src/note.ts'), entity('cache_probe_body'));
    expect(await columns()).toEqual(['id', 'cache_probe_body']);
  });
});

describe('data source options from the environment', () => {
  test('a DataSource whose type comes from an unset environment variable: the hint says so', async () => {
    const cwd = project({
      'src/data-source.ts': `import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: process.env.ORMDOC_TEST_UNSET_DB_TYPE as 'postgres', entities: [] });`,
    });
    const error = await loadError(loadTypeorm({ cwd, dataSource: 'src/data-source.ts' }));
    expect(error).toMatchObject({ code: 'MODULE_LOAD_FAILED', file: 'src/data-source.ts' });
    expect(error.message).toContain('has no `type`');
    expect(error.hint).toMatch(/environment variables.*--schema/);
  });
});
