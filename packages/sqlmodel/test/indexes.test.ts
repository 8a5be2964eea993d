import path from 'node:path';
import { renderDdl } from '@ormdoc/core';
import { compareShapes, shapeOfDdl, shapeOfSqliteDdl, startPglite } from '@ormdoc/core/testing';
import { describe, expect, it } from 'vitest';
import { fromSqlmodelExport } from '../src/index.js';
import { runExporter } from '../src/load/run.js';
import { FIXTURES, HAS_PYTHON, TEST_PYTHON } from './helpers/python.js';

/**
 * Index parts as SQLAlchemy writes them: text() with ASC/DESC, NULLS and operator classes,
 * functions and ordered expressions. ormdoc's DDL must build the indexes SQLAlchemy's create_all
 * builds (PGlite, sql.js), on every stack of the matrix.
 */
const DIR = path.join(FIXTURES, 'indexes');
const interpreter = { command: TEST_PYTHON, reason: 'the test interpreter (ORMDOC_TEST_PYTHON)' };

async function exported(target: string, dialect: 'postgresql' | 'sqlite' | 'mysql') {
  const [json, ddl] = await Promise.all([
    runExporter({ cwd: DIR, interpreter, target, dialect }),
    runExporter({ cwd: DIR, interpreter, target, dialect, extraArgs: ['--ddl'] }),
  ]);
  return { ir: fromSqlmodelExport(JSON.parse(json), { file: target }).ir, sqlalchemyDdl: ddl };
}

describe.runIf(HAS_PYTHON)('index expressions (real SQLAlchemy)', () => {
  it('text("col DESC") is the column in descending order, not an expression', async () => {
    const { ir } = await exported('models.py:metadata', 'postgresql');
    const parts = Object.fromEntries(ir.tables[0]!.indexes.map((ix) => [ix.name, ix.parts]));
    expect(parts).toEqual({
      ix_posts_published_text: [{ column: 'published_on', order: 'desc' }],
      ix_posts_published_quoted: [{ column: 'published_on', order: 'asc' }],
      ix_posts_title_published: [{ column: 'title' }, { column: 'published_on', order: 'desc' }],
      ix_posts_lower_title_text: [{ expression: 'lower(title)' }],
      ix_posts_lower_title: [{ expression: 'lower(title)' }],
      ix_posts_lower_title_desc: [{ expression: 'lower(title)', order: 'desc' }],
      ix_posts_title_desc: [{ column: 'title', order: 'desc' }],
    });
  });

  it.each(['models.py:metadata', 'postgresql.py:metadata'])(
    'PostgreSQL: %s builds the indexes create_all builds',
    async (target) => {
      const { ir, sqlalchemyDdl } = await exported(target, 'postgresql');
      const db = await startPglite();
      const expected = await shapeOfDdl(db, sqlalchemyDdl);
      const actual = await shapeOfDdl(db, renderDdl(ir, { dialect: 'postgresql' }));
      expect(Object.keys(expected.tables)).toEqual(['public.posts']);
      expect(compareShapes(expected, actual)).toEqual([]);
    },
  );

  it('PostgreSQL: operator classes and NULLS of text() parts are kept', async () => {
    const { ir } = await exported('postgresql.py:metadata', 'postgresql');
    const parts = Object.fromEntries(ir.tables[0]!.indexes.map((ix) => [ix.name, ix.parts]));
    expect(parts).toEqual({
      ix_posts_published_nulls: [{ column: 'published_on', order: 'desc', nulls: 'last' }],
      ix_posts_slug_pattern: [{ column: 'slug', opclass: 'text_pattern_ops' }],
      ix_posts_slug_pattern_desc: [{ column: 'slug', order: 'desc', opclass: 'varchar_pattern_ops' }],
      ix_posts_title_ops: [{ column: 'title', opclass: 'varchar_pattern_ops' }],
    });
  });

  it('SQLite: the same indexes as create_all', async () => {
    const { ir, sqlalchemyDdl } = await exported('models.py:metadata', 'sqlite');
    const expected = await shapeOfSqliteDdl(sqlalchemyDdl);
    const actual = await shapeOfSqliteDdl(renderDdl(ir, { dialect: 'sqlite' }));
    expect(compareShapes(expected, actual)).toEqual([]);
  });

  it('MySQL: a text() column part is written as a column with its order, as SQLAlchemy writes it', async () => {
    const { ir, sqlalchemyDdl } = await exported('models.py:metadata', 'mysql');
    expect(sqlalchemyDdl).toContain('CREATE INDEX ix_posts_published_text ON posts (published_on DESC)');
    expect(renderDdl(ir, { dialect: 'mysql' })).toContain(
      'CREATE INDEX ix_posts_published_text ON posts (published_on DESC);',
    );
  });
});
