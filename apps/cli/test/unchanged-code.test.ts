import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Linkable, makeProject, removeProject, runMain } from './_harness.js';

// The unchanged run for schemas that are code (issue 19): the extraction records the files the
// module loader loaded (and what decides which files it loads) in the stamp; when none changed,
// `generate` and `check` answer without running the project's code. Real drizzle-orm and
// drizzle-kit, in projects in the temp dir, run in process (the loaders' caches live on between
// runs, as in watch mode).

const REUSED = 'unchanged since the last run';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) removeProject(d);
});

interface Case {
  orm: string;
  files: Record<string, string>;
  link: Linkable[];
  /** Each change that must make the next run a full one: [what, file, edit, whether schema.json changes]. */
  changes: Array<[string, string, (text: string) => string, boolean]>;
  /** The file a new table goes into, matched by the schema glob but not imported by anything, and its text. */
  added: [string, string];
}

const DRIZZLE: Case = {
  orm: 'drizzle',
  files: {
    'package.json': JSON.stringify({ name: 'shop', private: true, type: 'module' }),
    'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';

export default defineConfig({ dialect: 'postgresql', schema: './src/db/schema/*.ts' });
`,
    // users.ts -> ../columns.ts -> ../../lib/names.ts: names.ts is two levels down.
    'src/lib/names.ts': `export const EMAIL_COLUMN = 'email';\n`,
    'src/db/columns.ts': `import { varchar } from 'drizzle-orm/pg-core';
import { EMAIL_COLUMN } from '../lib/names';

export const email = () => varchar(EMAIL_COLUMN, { length: 255 });
`,
    'src/db/schema/users.ts': `import { pgTable, serial } from 'drizzle-orm/pg-core';
import { email } from '../columns';

export const users = pgTable('users', { id: serial('id').primaryKey(), email: email().notNull() });
`,
    'src/db/schema/posts.ts': `import { integer, pgTable, serial } from 'drizzle-orm/pg-core';
import { users } from './users';

export const posts = pgTable('posts', {
  id: serial('id').primaryKey(),
  authorId: integer('author_id').references(() => users.id),
});
`,
  },
  link: ['drizzle-orm', 'drizzle-kit'],
  changes: [
    ['the schema file', 'src/db/schema/users.ts', (t) => t.replace("'users'", "'members'"), true],
    ['a file imported two levels down', 'src/lib/names.ts', (t) => t.replace("'email'", "'mail'"), true],
    ['package.json', 'package.json', (t) => t.replace('"shop"', '"store"'), false],
    ['the drizzle config', 'drizzle.config.ts', (t) => t.replace('schema/*.ts', 'schema/users.ts'), true],
  ],
  added: [
    'src/db/schema/tags.ts',
    `import { pgTable, serial } from 'drizzle-orm/pg-core';\n\nexport const tags = pgTable('tags', { id: serial('id').primaryKey() });\n`,
  ],
};

const TYPEORM: Case = {
  orm: 'typeorm',
  files: {
    'package.json': JSON.stringify({ name: 'shop', private: true }),
    // named: when the data source is found by looking, every folder of the project is an input
    'ormdoc.config.json': JSON.stringify({ source: { dataSource: 'src/data-source.ts' } }),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'CommonJS',
        strict: true,
        strictPropertyInitialization: false,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    }),
    'src/data-source.ts': `import 'reflect-metadata';
import { DataSource } from 'typeorm';

export const AppDataSource = new DataSource({ type: 'postgres', entities: ['src/entities/*.ts'] });
`,
    // User.ts -> ../columns.ts -> ../lib/names.ts: names.ts is two levels down.
    'src/lib/names.ts': `export const EMAIL_COLUMN = 'email';
`,
    'src/columns.ts': `import { EMAIL_COLUMN } from './lib/names';

export const emailColumn = { name: EMAIL_COLUMN, type: 'varchar' as const, length: 255 };
`,
    'src/entities/User.ts': `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { emailColumn } from '../columns';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(emailColumn)
  email: string;
}
`,
    'src/entities/Post.ts': `import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './User';

@Entity('posts')
export class Post {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => User)
  author: User;
}
`,
  },
  link: ['typeorm', 'reflect-metadata'],
  changes: [
    ['the schema file', 'src/entities/User.ts', (t) => t.replace("'users'", "'members'"), true],
    ['a file imported two levels down', 'src/lib/names.ts', (t) => t.replace("'email'", "'mail'"), true],
    ['package.json', 'package.json', (t) => t.replace('"shop"', '"store"'), false],
    [
      'the data source',
      'src/data-source.ts',
      (t) => t.replace('src/entities/*.ts', 'src/entities/User.ts'),
      true,
    ],
  ],
  added: [
    'src/entities/Tag.ts',
    `import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity('tags')\nexport class Tag {\n  @PrimaryGeneratedColumn()\n  id: number;\n}\n`,
  ],
};

/** Debian's interpreter with python3-sqlalchemy 1.4 (.ci/run installs it). */
const SQLMODEL: Case = {
  orm: 'sqlmodel',
  files: {
    'ormdoc.config.json': JSON.stringify({
      source: { orm: 'sqlmodel', module: 'app.models', python: '/usr/bin/python3' },
    }),
    'pyproject.toml': '[project]\nname = "shop"\n',
    '.env': '# settings the models read\n',
    'app/__init__.py': '',
    'app/lib/__init__.py': '',
    // models/user.py -> ../columns.py -> ../lib/names.py: names.py is two levels down.
    'app/lib/names.py': 'EMAIL_COLUMN = "email"\n',
    'app/columns.py': `from sqlalchemy import Column, String

from app.lib.names import EMAIL_COLUMN


def email_column():
    return Column(EMAIL_COLUMN, String(255), nullable=False)
`,
    // a package whose __init__ imports no model: the exporter imports the modules that declare one
    'app/models/__init__.py': '# The models.\n',
    'app/models/base.py': `from sqlalchemy.orm import declarative_base

Base = declarative_base()
`,
    'app/models/user.py': `from sqlalchemy import Column, Integer

from app.columns import email_column
from app.models.base import Base


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = email_column()
`,
    'app/models/post.py': `from sqlalchemy import Column, ForeignKey, Integer

from app.models.base import Base


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    author_id = Column(Integer, ForeignKey("users.id"))
`,
  },
  link: [],
  changes: [
    [
      'the schema file',
      'app/models/user.py',
      (t) => t.replace('email = email_column()', 'email = email_column()\n    age = Column(Integer)'),
      true,
    ],
    ['a file imported two levels down', 'app/lib/names.py', (t) => t.replace('"email"', '"mail"'), true],
    ['pyproject.toml', 'pyproject.toml', (t) => t.replace('"shop"', '"store"'), false],
    // (the ormdoc config is in the stamp's salt: see unchanged.test.ts, 'another config')
    ['.env, which the exporter reads', '.env', (t) => `${t}APP_NAME=shop\n`, false],
  ],
  added: [
    'app/models/tag.py',
    `from sqlalchemy import Column, Integer

from app.models.base import Base


class Tag(Base):
    __tablename__ = "tags"
    id = Column(Integer, primary_key=True)
`,
  ],
};

const CASES = [DRIZZLE, TYPEORM, SQLMODEL];

/** A file no load reads, in a folder no load lists. */
const NOTES = 'notes/todo.md';

function project(c: Case): string {
  const dir = makeProject({ ...c.files, [NOTES]: 'notes\n' }, { link: c.link });
  dirs.push(dir);
  return dir;
}

const generate = (cwd: string, ...args: string[]) => runMain(['generate', '--verbose', ...args], cwd);
const schemaJson = (cwd: string) => readFileSync(join(cwd, 'docs/database/schema.json'), 'utf8');
const stamp = (cwd: string) => JSON.parse(readFileSync(join(cwd, 'docs/database/.ormdoc-stamp'), 'utf8'));

describe.each(CASES)('$orm: an unchanged project is answered without running its code', (c) => {
  it('generate and check reuse the stamp, which names the files the loader loaded', async () => {
    const cwd = project(c);
    const first = await generate(cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toContain(REUSED);
    const paths: string[] = stamp(cwd).inputs.entries.map(([p]: [string]) => p);
    // (the ormdoc config is in the stamp's salt instead)
    for (const file of Object.keys(c.files))
      if (!file.startsWith('ormdoc.config')) expect(paths).toContain(file);
    // A package is represented by its package.json, not by its files.
    expect(paths.some((p) => /node_modules\/.*\.(c?js|mjs)$/.test(p))).toBe(false);
    const docs = schemaJson(cwd);

    const again = await generate(cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(REUSED);
    expect(again.stdout).toMatch(/0 written, \d+ unchanged/);
    expect(schemaJson(cwd)).toBe(docs);
    const checked = await runMain(['check', '--verbose'], cwd);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain(REUSED);

    const full = await generate(cwd, '--full');
    expect(full.code).toBe(0);
    expect(full.stderr).not.toContain(REUSED);
    expect(schemaJson(cwd)).toBe(docs);
  });

  it.each(c.changes)(
    'a change to %s makes the next run a full one, and the one after unchanged',
    async (_what, file, edit, changesSchema) => {
      const cwd = project(c);
      expect((await generate(cwd)).code).toBe(0);
      const before = schemaJson(cwd);
      const path = join(cwd, file);
      writeFileSync(path, edit(readFileSync(path, 'utf8')));
      const next = await generate(cwd);
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).not.toContain(REUSED);
      const after = await generate(cwd);
      expect(after.stderr).toContain(REUSED);
      // the full run saw the edit
      if (changesSchema) expect(schemaJson(cwd)).not.toBe(before);
    },
  );

  it('a new file the schema glob matches makes the next run a full one', async () => {
    const cwd = project(c);
    expect((await generate(cwd)).code).toBe(0);
    const [file, text] = c.added;
    writeFileSync(join(cwd, file), text);
    const next = await generate(cwd);
    expect(next.stderr).not.toContain(REUSED);
    expect(schemaJson(cwd)).toContain('"tags"');
    expect((await generate(cwd)).stderr).toContain(REUSED);
  });

  it('a file outside the schema and its imports changes nothing', async () => {
    const cwd = project(c);
    expect((await generate(cwd)).code).toBe(0);
    appendFileSync(join(cwd, NOTES), 'more\n');
    expect((await generate(cwd)).stderr).toContain(REUSED);
  });
});

describe('typeorm: a data source found by looking', () => {
  it('makes every folder of the project an input: a new file anywhere makes the next run a full one', async () => {
    const { 'ormdoc.config.json': _named, ...files } = TYPEORM.files;
    const cwd = makeProject(files, { link: TYPEORM.link });
    dirs.push(cwd);
    expect((await generate(cwd)).code).toBe(0);
    expect((await generate(cwd)).stderr).toContain(REUSED);
    // a second data source here would change what is found (and be an error): any new file counts
    writeFileSync(join(cwd, 'src/lib/extra.ts'), 'export const x = 1;\n');
    expect((await generate(cwd)).stderr).not.toContain(REUSED);
    expect((await generate(cwd)).stderr).toContain(REUSED);
  });
});
