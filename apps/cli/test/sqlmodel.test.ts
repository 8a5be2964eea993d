import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareShapes, shapeOfDdl, startPglite } from '@ormdoc/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

/** What the SQLModel exporter writes for a Team/Hero model pair (no Python needed to read it). */
const EXPORT = {
  formatVersion: 1,
  dialect: 'postgresql',
  tables: [
    {
      schema: null,
      name: 'team',
      className: 'Team',
      file: 'app/models.py',
      line: 4,
      columns: [
        { name: 'id', type: 'SERIAL', nullable: false, primaryKey: true },
        { name: 'name', type: 'VARCHAR', nullable: false, primaryKey: false },
      ],
      primaryKey: { name: 'team_pkey', nameSource: 'database', columns: ['id'] },
      indexes: [
        { name: 'ix_team_name', nameSource: 'convention', unique: true, parts: [{ column: 'name' }] },
      ],
    },
    {
      schema: null,
      name: 'hero',
      className: 'Hero',
      file: 'app/models.py',
      line: 9,
      columns: [
        { name: 'id', type: 'SERIAL', nullable: false, primaryKey: true },
        { name: 'name', type: 'VARCHAR', nullable: false, primaryKey: false },
        { name: 'team_id', type: 'INTEGER', nullable: true, primaryKey: false },
      ],
      primaryKey: { name: 'hero_pkey', nameSource: 'database', columns: ['id'] },
      foreignKeys: [
        {
          name: 'hero_team_id_fkey',
          nameSource: 'database',
          columns: ['team_id'],
          referredSchema: null,
          referredTable: 'team',
          referredColumns: ['id'],
          ondelete: 'SET NULL',
        },
      ],
    },
  ],
};

/** What SQLAlchemy's `metadata.create_all` emits for those models on PostgreSQL. */
const SQLALCHEMY_DDL = `
CREATE TABLE team (id SERIAL NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (id));
CREATE UNIQUE INDEX ix_team_name ON team (name);
CREATE TABLE hero (id SERIAL NOT NULL, name VARCHAR NOT NULL, team_id INTEGER, PRIMARY KEY (id),
  FOREIGN KEY(team_id) REFERENCES team (id) ON DELETE SET NULL);
`;

const projects: string[] = [];
const project = () => {
  const dir = makeProject({ 'schema.json': JSON.stringify(EXPORT, null, 2) });
  projects.push(dir);
  return dir;
};

let db: Awaited<ReturnType<typeof startPglite>>;
beforeAll(async () => {
  ensureBuilt();
  db = await startPglite();
});
afterAll(async () => {
  await db?.close();
  for (const dir of projects) removeProject(dir);
});

describe('ormdoc with a SQLModel export JSON (auto-detected schema.json)', () => {
  it('inspect prints the IR and DDL that matches what SQLAlchemy creates (PGlite)', async () => {
    const dir = project();
    const json = runCli(['inspect'], { cwd: dir });
    expect(json.code).toBe(0);
    const ir = JSON.parse(json.stdout) as { source: { orm: string }; tables: Array<{ name: string }> };
    expect(ir.source.orm).toBe('sqlalchemy'); // no sqlmodelVersion in the export: plain SQLAlchemy
    expect(ir.tables.map((t) => t.name).sort()).toEqual(['hero', 'team']);

    const sql = runCli(['inspect', '--format', 'sql'], { cwd: dir });
    expect(sql.code).toBe(0);
    // SQLAlchemy lets PostgreSQL name the primary and foreign keys: compare without names.
    const diff = compareShapes(await shapeOfDdl(db, SQLALCHEMY_DDL), await shapeOfDdl(db, sql.stdout), {
      ignoreNames: true,
    });
    expect(diff).toEqual([]);
  });

  it('init writes a config pointing at the JSON; generate then writes the documents', () => {
    const dir = project();
    const init = runCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    const config = readFileSync(join(dir, 'ormdoc.config.ts'), 'utf8');
    expect(config).toContain("orm: 'sqlmodel',");
    expect(config).toMatch(/^ {4}json: 'schema\.json',$/m);
    const gen = runCli(['generate', '--template', 'schema'], { cwd: dir });
    expect(gen.code).toBe(0);
    expect(gen.stdout).toMatch(/2 tables/);
    expect(readFileSync(join(dir, 'docs/database/schema.md'), 'utf8')).toContain('hero');
    expect(existsSync(join(dir, 'docs/database/overview.md'))).toBe(false);
  });

  it('reports an invalid export JSON as a user error naming the JSON path', () => {
    const dir = makeProject({
      'export.json': JSON.stringify({ formatVersion: 1, dialect: 'oracle', tables: [] }),
    });
    projects.push(dir);
    const run = runCli(['inspect', '--orm', 'sqlmodel', '--json', 'export.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toMatch(/dialect/);
  });
});

/** Debian's interpreter (python3-sqlalchemy 1.4, python3-sqlmodel 0.0.8; .ci/run installs them). */
const PYTHON = '/usr/bin/python3';

const MODELS_PY = `from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    age: Optional[int] = None
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")
`;

/** SQLAlchemy's own DDL for models.py on PostgreSQL (what `metadata.create_all` emits). */
const CREATE_ALL_SQL = `
import importlib.util
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel
spec = importlib.util.spec_from_file_location("models", "models.py")
spec.loader.exec_module(importlib.util.module_from_spec(spec))
for table in SQLModel.metadata.sorted_tables:
    print(str(CreateTable(table).compile(dialect=postgresql.dialect())).strip() + ";")
    for index in table.indexes:
        print(str(CreateIndex(index).compile(dialect=postgresql.dialect())) + ";")
`;

describe('ormdoc with live SQLModel models (runs the Python exporter)', () => {
  it('generate --module models.py --python /usr/bin/python3 writes the documents', () => {
    const dir = makeProject({ 'models.py': MODELS_PY });
    projects.push(dir);
    const run = runCli(['generate', '--module', 'models.py', '--python', PYTHON, '--template', 'schema'], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/documents in docs\/database: \d+ written, 0 unchanged, 2 tables/);
    const schema = readFileSync(join(dir, 'docs/database/schema.md'), 'utf8');
    expect(schema).toContain('team_id');
    expect(schema).toContain('Hero');
    expect(
      runCli(['check', '--module', 'models.py', '--python', PYTHON, '--template', 'schema'], { cwd: dir })
        .code,
    ).toBe(0);
  });

  it('inspect --format sql creates the database SQLAlchemy create_all creates (PGlite)', async () => {
    const dir = makeProject({ 'models.py': MODELS_PY });
    projects.push(dir);
    const python = spawnSync(PYTHON, ['-c', CREATE_ALL_SQL], { cwd: dir, encoding: 'utf8' });
    expect(python.status, python.stderr).toBe(0);
    const run = runCli(['inspect', '--format', 'sql', '--module', 'models.py', '--python', PYTHON], {
      cwd: dir,
    });
    expect(run.code, run.stderr).toBe(0);
    // SQLAlchemy lets PostgreSQL name the primary and foreign keys: compare without names.
    const diff = compareShapes(await shapeOfDdl(db, python.stdout), await shapeOfDdl(db, run.stdout), {
      ignoreNames: true,
    });
    expect(diff).toEqual([]);
  });

  it('--python /nonexistent: exit 1 naming the interpreter and how to choose another', () => {
    const dir = makeProject({ 'models.py': MODELS_PY });
    projects.push(dir);
    const run = runCli(['generate', '--module', 'models.py', '--python', '/nonexistent'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: The Python interpreter \/nonexistent was not found/m);
    expect(run.stderr).toMatch(/^hint: .*--python/m);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });
});
