import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiffReport } from '@ormdoc/core';
import { afterAll, describe, expect, it } from 'vitest';
import { commit, git, initRepo, write } from './_git.js';
import { LINKABLE, type Linkable, makeProject, ROOT, runMain } from './_harness.js';

/**
 * `ormdoc diff` re-extracting Drizzle, TypeORM and SQLModel schemas at the base revision when it
 * has no committed schema.json: the files at that revision are read from git into a temporary
 * folder that resolves the project's own dependencies, and the real extractor runs there.
 */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const run = (argv: string[], cwd: string) => runMain(argv, cwd, { CHECKPOINT_DISABLE: '1' });
const json = (stdout: string) => JSON.parse(stdout) as DiffReport;
const kinds = (r: DiffReport) =>
  r.changes.map((c) => `${c.kind} ${c.table ?? c.enum}${c.column ? `.${c.column}` : ''}`).sort();
const rules = (r: DiffReport) => [...new Set(r.risks.map((x) => x.rule))].sort();
const leftovers = () => readdirSync(tmpdir()).filter((f) => f.startsWith('ormdoc-rev-'));

/** A project with `files` committed on main (linked ORM packages ignored by git), on branch feature. */
function repo(files: Record<string, string>, link: Linkable[] = []): string {
  const dir = makeProject({ ...files, '.gitignore': 'node_modules\n' }, { link });
  dirs.push(dir);
  initRepo(dir);
  commit(dir, {}, 'v1');
  git(dir, 'checkout', '-q', '-b', 'feature');
  return dir;
}

const DRIZZLE_V1 = `import { index, integer, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial().primaryKey(),
  email: varchar({ length: 255 }).notNull(),
  nickname: text(),
  legacy: text(),
});

export const posts = pgTable('posts', {
  id: serial().primaryKey(),
  authorId: integer('author_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  title: text().notNull(),
});
`;

/** A dropped column, a narrowed type, a NOT NULL column without default, an index, an FK action, a new table. */
const DRIZZLE_V2 = DRIZZLE_V1.replace('  legacy: text(),\n', '  country: varchar({ length: 2 }).notNull(),\n')
  .replace('varchar({ length: 255 })', 'varchar({ length: 100 })')
  .replace("{ onDelete: 'cascade' })", "{ onDelete: 'restrict' })")
  .replace(
    '  title: text().notNull(),\n});',
    "  title: text().notNull(),\n}, (t) => [index('posts_author_idx').on(t.authorId)]);\n\nexport const tags = pgTable('tags', { id: serial().primaryKey() });",
  );

const drizzleFiles = (schema: string) => ({
  'src/db/schema.ts': schema,
  'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './src/db/schema.ts' };\n",
  'package.json': '{ "name": "shop", "type": "module" }\n',
});

describe('Drizzle: the base re-extracted from the files at that revision', () => {
  it('diffs the working tree against main without committed documents, and classifies every change', async () => {
    const dir = repo(drizzleFiles(DRIZZLE_V1), ['drizzle-orm', 'drizzle-kit']);
    write(dir, { 'src/db/schema.ts': DRIZZLE_V2 });
    const before = leftovers();
    const { code, stdout, stderr } = await run(['diff', '--format', 'json', '--fail-on', 'destructive'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = json(stdout);
    expect(kinds(report)).toEqual([
      'column-added users.country',
      'column-dropped users.legacy',
      'column-type-changed users.email',
      'foreign-key-action-changed posts',
      'index-added posts',
      'table-added tags',
    ]);
    expect(rules(report)).toEqual(['BC102', 'DS102', 'MF101', 'MF105', 'PG101', 'PG102']);
    expect(leftovers()).toEqual(before);
    expect(git(dir, 'status', '--porcelain')).toBe('M src/db/schema.ts');
  });

  it('a project in a subfolder of the repository resolves its own node_modules (a package only it has)', async () => {
    // The schema names its table through a package installed in packages/db/node_modules only.
    const schema = (text: string) =>
      `import { USERS } from 'shop-names';\n${text.replace("pgTable('users'", 'pgTable(USERS')}`;
    const files = Object.fromEntries(
      Object.entries(drizzleFiles(schema(DRIZZLE_V1))).map(([path, text]) => [`packages/db/${path}`, text]),
    );
    const dir = repo({ ...files, 'README.md': 'monorepo\n' });
    const modules = join(dir, 'packages/db/node_modules');
    for (const pkg of ['drizzle-orm', 'drizzle-kit'] as const) {
      mkdirSync(modules, { recursive: true });
      symlinkSync(join(ROOT, LINKABLE[pkg]), join(modules, pkg), 'dir');
    }
    write(modules, {
      'shop-names/package.json': '{ "name": "shop-names", "type": "module", "main": "index.js" }\n',
      'shop-names/index.js': "export const USERS = 'members';\n",
    });
    write(dir, { 'packages/db/src/db/schema.ts': schema(DRIZZLE_V2) });
    const { code, stdout, stderr } = await run(['diff', '--cwd', 'packages/db', '--format', 'json'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(kinds(json(stdout))).toContain('column-dropped members.legacy');
  });

  it('a base whose schema no longer loads: exit 1 naming the revision, nothing left behind', async () => {
    const broken = DRIZZLE_V1.replace(
      "from 'drizzle-orm/pg-core';",
      "from 'drizzle-orm/pg-core';\nimport { gone } from './gone';\ngone();",
    );
    const dir = repo(drizzleFiles(broken), ['drizzle-orm', 'drizzle-kit']);
    write(dir, { 'src/db/schema.ts': DRIZZLE_V1 });
    const before = leftovers();
    const { code, stdout, stderr } = await run(['diff'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/The drizzle schema at merge-base\(HEAD, main\) \([0-9a-f]{7}\) no longer loads/);
    expect(stderr).toContain('--base');
    expect(stderr).not.toContain('ormdoc-rev-');
    expect(leftovers()).toEqual(before);
    expect(git(dir, 'status', '--porcelain')).toBe('M src/db/schema.ts');
  });
});

const TYPEORM_TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'CommonJS',
    moduleResolution: 'Node10',
    strict: true,
    strictPropertyInitialization: false,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
  },
  include: ['src'],
});

const ENTITIES_V1 = `import { Column, Entity, ManyToOne, JoinColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum Role {
  ADMIN = 'admin',
  MEMBER = 'member',
  GUEST = 'guest',
}

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 120 })
  name: string;

  @Column({ type: 'enum', enum: Role, default: Role.MEMBER })
  role: Role;

  @Column({ nullable: true, comment: 'Old billing code' })
  billing: string;
}

@Entity('invoices')
export class Invoice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  total: number;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;
}
`;

/** An enum value dropped, a column dropped, a unique added, a default changed, a nullability change, an FK action. */
const ENTITIES_V2 = ENTITIES_V1.replace("  GUEST = 'guest',\n", '')
  .replace("  @Column({ nullable: true, comment: 'Old billing code' })\n  billing: string;\n", '')
  .replace('  @Column({ length: 120 })', '  @Column({ length: 120, unique: true })')
  .replace("@Column('int')", "@Column('int', { default: 0 })")
  .replace("{ onDelete: 'CASCADE' }", "{ onDelete: 'SET NULL' }");

describe('TypeORM: the base re-extracted from the entity files at that revision', () => {
  it('diffs two commits (--base/--head) without committed documents', async () => {
    const dir = repo(
      {
        'package.json': '{ "name": "billing", "private": true }\n',
        'tsconfig.json': TYPEORM_TSCONFIG,
        'src/entities.ts': ENTITIES_V1,
        'ormdoc.config.json': JSON.stringify({ source: { orm: 'typeorm', entities: ['src/entities.ts'] } }),
      },
      ['typeorm', 'reflect-metadata'],
    );
    const head = commit(dir, { 'src/entities.ts': ENTITIES_V2 }, 'v2');
    const { code, stdout, stderr } = await run(
      ['diff', '--base', 'main', '--head', head, '--format', 'json', '--fail-on', 'any'],
      dir,
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = json(stdout);
    expect(kinds(report)).toEqual(
      [
        'column-default-changed invoices.total',
        'column-dropped accounts.billing',
        'enum-value-dropped accounts_role_enum',
        'foreign-key-action-changed invoices',
        'unique-added accounts',
      ].sort(),
    );
    expect(rules(report)).toEqual(expect.arrayContaining(['BC102', 'DS102', 'DS103', 'MF103']));
  });
});

const MODELS_V1 = `from typing import Optional

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    motto: Optional[str] = None


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    age: Optional[int] = None
    team_id: Optional[int] = Field(default=None, foreign_key="team.id")
`;

/** A column dropped, a NOT NULL column added without default, a new table, an index dropped. */
const MODELS_V2 = MODELS_V1.replace('    motto: Optional[str] = None\n', '')
  .replace('name: str = Field(index=True)', 'name: str')
  .replace('    age: Optional[int] = None\n', '    age: Optional[int] = None\n    power: int\n')
  .concat(
    '\n\nclass Mission(SQLModel, table=True):\n    id: Optional[int] = Field(default=None, primary_key=True)\n',
  );

describe('SQLModel: the base re-extracted by running the models module at that revision', () => {
  it('diffs the working tree with the Python module of main, run by the project interpreter', async () => {
    const dir = repo({
      'app/__init__.py': '',
      'app/models.py': MODELS_V1,
      'ormdoc.config.json': JSON.stringify({
        source: { orm: 'sqlmodel', module: 'app.models', python: '/usr/bin/python3' },
      }),
    });
    write(dir, { 'app/models.py': MODELS_V2 });
    const { code, stdout, stderr } = await run(
      ['diff', '--format', 'json', '--fail-on', 'data-dependent'],
      dir,
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = json(stdout);
    expect(kinds(report)).toEqual([
      'column-added hero.power',
      'column-dropped team.motto',
      'index-dropped team',
      'table-added mission',
    ]);
    expect(rules(report)).toEqual(expect.arrayContaining(['DS102', 'MF101']));
  });
});
