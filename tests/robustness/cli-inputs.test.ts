import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectUserError, listFiles, project, removeProjects } from './_cli.js';

/**
 * Issue 10, bad-input matrix (inputs): each row runs the built CLI on a throwaway project holding
 * the bad input and asserts what the user sees: exit 1, the file (and line:col where known), the
 * fix, no stack trace unless --verbose (checked by `expectUserError` on every row), nothing written.
 */

beforeAll(() => ensureBuilt());
afterAll(() => removeProjects());

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const noDocs = (dir: string) => expect(listFiles(`${dir}/docs`)).toEqual([]);

describe('Prisma input', () => {
  it('two Prisma files map two models to the same table: Prisma’s error names the second file and line', async () => {
    const dir = project({
      'prisma/schema/a.prisma': `${DATASOURCE}model User {\n  id Int @id\n  @@map("users")\n}\n`,
      'prisma/schema/b.prisma': 'model Person {\n  id Int @id @map("pid")\n  @@map("users")\n}\n',
    });
    const err = await expectUserError(['generate'], dir, { verbose: true });
    expect(err).toMatch(/prisma\/schema\/b\.prisma:3/);
    expect(err).toMatch(/another model or view with this name exists: "User"/);
    noDocs(dir);
  });
});

describe('missing or empty input', () => {
  it('an empty folder: says no ORM schema was found and how to point at one', async () => {
    const dir = project({ 'README.md': '# nothing here\n' });
    const err = await expectUserError(['generate'], dir, { verbose: true });
    expect(err).toMatch(/No ORM schema found in /);
    expect(err).toMatch(/hint: .*--orm prisma\|drizzle\|typeorm\|sqlmodel/);
    noDocs(dir);
  });

  it('--schema names a file that does not exist: the path is named', async () => {
    const dir = project({ 'README.md': '' });
    const err = await expectUserError(['generate', '--orm', 'prisma', '--schema', 'db/missing.prisma'], dir);
    expect(err).toContain('db/missing.prisma');
    expect(err).toMatch(/hint: Check the schema path/);
    noDocs(dir);
  });

  it('an empty schema.prisma: names the file and says what to add', async () => {
    const dir = project({ 'prisma/schema.prisma': '' });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/^ {2}at prisma\/schema\.prisma$/m);
    expect(err).toMatch(/hint: Add `datasource db \{ provider = "postgresql" \}`/);
    noDocs(dir);
  });

  it('an empty exporter JSON file: names it and says it is not JSON', async () => {
    const dir = project({ 'schema.json': '' });
    const err = await expectUserError(['generate', '--orm', 'sqlmodel', '--json', 'schema.json'], dir);
    expect(err).toMatch(/schema\.json is not JSON/);
    expect(err).toMatch(/hint: Re-export it with ormdoc_export\.py/);
    noDocs(dir);
  });
});

const DRIZZLE_CONFIG = "export default { dialect: 'postgresql', schema: './src/schema.ts' };\n";
const USERS = "export const users = pgTable('users', { id: integer('id').primaryKey() });\n";

describe('Drizzle modules', () => {
  it('a schema module that throws on import: the user’s file:line:col and message, not ormdoc’s stack', async () => {
    const dir = project(
      {
        'drizzle.config.ts': DRIZZLE_CONFIG,
        'src/schema.ts': `import { integer, pgTable } from 'drizzle-orm/pg-core';\n${USERS}throw new Error('DATABASE_URL is not set');\n`,
      },
      ['drizzle-orm'],
    );
    const err = await expectUserError(['generate'], dir, { verbose: true });
    expect(err).toContain('DATABASE_URL is not set');
    expect(err).toMatch(/^ {2}at src\/schema\.ts:3:7$/m);
    expect(err).not.toMatch(/packages\/drizzle|node_modules|jiti/);
    expect(err).toMatch(/hint: Fix the error in src\/schema\.ts:3/);
    noDocs(dir);
  });

  it('a schema module importing a package that is not installed: names the package and the import line', async () => {
    const dir = project(
      {
        'drizzle.config.ts': DRIZZLE_CONFIG,
        'src/schema.ts': [
          "import { integer, pgTable, text } from 'drizzle-orm/pg-core';",
          "import { nanoid } from 'nanoid-not-installed';",
          "export const users = pgTable('users', { id: integer('id').primaryKey(), slug: text('slug').$defaultFn(() => nanoid()) });",
          '',
        ].join('\n'),
      },
      ['drizzle-orm'],
    );
    const err = await expectUserError(['generate'], dir);
    expect(err).toContain("Cannot find module 'nanoid-not-installed'");
    expect(err).toMatch(/^ {2}at src\/schema\.ts:2:\d+$/m);
    expect(err).toMatch(/hint: Install "nanoid-not-installed" in the project/);
    noDocs(dir);
  });

  it('a schema module with a syntax error: names the file and line', async () => {
    const dir = project(
      {
        'drizzle.config.ts': DRIZZLE_CONFIG,
        'src/schema.ts': `import { integer, pgTable } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: integer('id').primaryKey()\n`,
      },
      ['drizzle-orm'],
    );
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/src\/schema\.ts:3/);
    expect(err).toMatch(/hint: Fix the error in src\/schema\.ts/);
    noDocs(dir);
  });
});

const ENTITY_IMPORTS = "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n";
const TYPEORM_PKGS = ['typeorm', 'reflect-metadata'] as const;

describe('TypeORM entities', () => {
  it('an entity file that throws while loading: names the file and the error', async () => {
    const dir = project(
      {
        'src/entities/user.entity.ts': `${ENTITY_IMPORTS}const region = process.env.ORMDOC_TEST_REGION!.toLowerCase();\n@Entity()\nexport class User {\n  @PrimaryGeneratedColumn() id!: number;\n  @Column() name!: string;\n}\n`,
      },
      [...TYPEORM_PKGS],
    );
    const err = await expectUserError(['generate'], dir, { verbose: true });
    expect(err).toMatch(/Cannot load src\/entities\/user\.entity\.ts: Cannot read properties of undefined/);
    expect(err).toMatch(/hint: Make sure the file runs on its own/);
    noDocs(dir);
  });

  it('an entity without type metadata: names the column and says to give it a type or enable emitDecoratorMetadata', async () => {
    // Plain JavaScript has no decorator metadata: `@Column()` without a type cannot be typed.
    const dir = project(
      {
        'src/entities/user.entity.js': [
          "const { Column, Entity, PrimaryGeneratedColumn } = require('typeorm');",
          'class User {}',
          "PrimaryGeneratedColumn()(User.prototype, 'id');",
          "Column()(User.prototype, 'name');",
          'Entity()(User);',
          'module.exports = { User };',
          '',
        ].join('\n'),
      },
      [...TYPEORM_PKGS],
    );
    const err = await expectUserError(
      ['generate', '--orm', 'typeorm', '--schema', 'src/entities/user.entity.js'],
      dir,
    );
    expect(err).toMatch(
      /TypeORM cannot tell the type of User\.name \(loaded from src\/entities\/user\.entity\.js\)/,
    );
    expect(err).toMatch(/hint: Give the column an explicit type .*emitDecoratorMetadata/);
    noDocs(dir);
  });

  it('an entity importing a package that is not installed: names the module and the file', async () => {
    const dir = project(
      {
        'src/entities/user.entity.ts': `${ENTITY_IMPORTS}import { slugify } from 'slugify-not-installed';\n@Entity()\nexport class User {\n  @PrimaryGeneratedColumn() id!: number;\n  @Column({ default: slugify('x') }) name!: string;\n}\n`,
      },
      [...TYPEORM_PKGS],
    );
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(
      /Cannot load src\/entities\/user\.entity\.ts: module slugify-not-installed was not found/,
    );
    expect(err).toMatch(/hint: Install the project dependencies/);
    noDocs(dir);
  });
});

const MODELS_PY = 'from sqlmodel import Field, SQLModel\nimport does_not_exist\n';

describe('SQLModel / SQLAlchemy through Python', () => {
  it('Python missing (--python /nonexistent/python): says the interpreter was not found', async () => {
    const dir = project({ 'models.py': MODELS_PY });
    const err = await expectUserError(
      ['generate', '--orm', 'sqlmodel', '--module', 'models.py', '--python', '/nonexistent/python'],
      dir,
    );
    expect(err).toMatch(/The Python interpreter \/nonexistent\/python was not found/);
    expect(err).toMatch(/hint: .*--python path\/to\/venv\/bin\/python/);
    noDocs(dir);
  });

  it('SQLAlchemy missing (pyenv python3 first on PATH): names the interpreter and the pip command', async () => {
    // Precondition of this row: the python3 on PATH has no SQLAlchemy.
    expect(spawnSync('python3', ['-c', 'import sqlalchemy']).status).not.toBe(0);
    const dir = project({ 'models.py': MODELS_PY });
    const err = await expectUserError(['generate', '--orm', 'sqlmodel', '--module', 'models.py'], dir);
    expect(err).toMatch(/SQLAlchemy is not installed for the Python interpreter \S+python3/);
    expect(err).toMatch(/hint: Install it in that environment \(`\S+ -m pip install sqlalchemy`/);
    noDocs(dir);
  });

  it('the module fails to import (Debian python3 with SQLAlchemy 1.4): names models.py:2 and the Python error', async () => {
    expect(spawnSync('/usr/bin/python3', ['-c', 'import sqlalchemy']).status).toBe(0);
    const dir = project({ 'models.py': MODELS_PY });
    const err = await expectUserError(
      ['generate', '--orm', 'sqlmodel', '--module', 'models.py', '--python', '/usr/bin/python3'],
      dir,
      { verbose: true },
    );
    expect(err).toMatch(
      /Importing models\.py failed \(models\.py:2\): ModuleNotFoundError: No module named 'does_not_exist'/,
    );
    expect(err).toMatch(/^ {2}at models\.py:2$/m);
    expect(err).toMatch(
      /hint: does_not_exist is not installed for \/usr\/bin\/python3: install the project's dependencies/,
    );
    noDocs(dir);
  });
});

/** The shipped example export, as a starting point for broken ones. */
const exampleExport = () =>
  JSON.parse(readFileSync(new URL('../../examples/sqlmodel/schema.json', import.meta.url), 'utf8'));

describe('exporter JSON', () => {
  it('wrong formatVersion: says which version was found and which is read, and how to re-export', async () => {
    const json = exampleExport();
    json.formatVersion = 2;
    const dir = project({ 'schema.json': JSON.stringify(json) });
    const err = await expectUserError(['generate', '--orm', 'sqlmodel', '--json', 'schema.json'], dir);
    expect(err).toMatch(
      /schema\.json has formatVersion 2; this version of @ormdoc\/sqlmodel reads formatVersion 1/,
    );
    expect(err).toMatch(/hint: Re-export it with the ormdoc_export\.py/);
    noDocs(dir);
  });

  it('a wrong value deep inside: names its JSON path', async () => {
    const json = exampleExport();
    json.tables[1].columns[2].nullable = 'yes';
    const dir = project({ 'schema.json': JSON.stringify(json) });
    const err = await expectUserError(['generate', '--orm', 'sqlmodel', '--json', 'schema.json'], dir, {
      verbose: true,
    });
    expect(err).toMatch(/first at tables\[1\]\.columns\[2\]\.nullable: .*expected boolean, received string/);
    noDocs(dir);
  });

  it('truncated JSON: says it is not JSON', async () => {
    const dir = project({ 'schema.json': '{"formatVersion": 1, "tables": [' });
    const err = await expectUserError(['generate', '--orm', 'sqlmodel', '--json', 'schema.json'], dir);
    expect(err).toMatch(/schema\.json is not JSON: /);
    noDocs(dir);
  });
});
