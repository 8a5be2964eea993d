import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExporter } from '../src/load/run.js';
import { formatJson } from './helpers/json.js';
import { FIXTURES, HAS_PYTHON, TEST_PYTHON } from './helpers/python.js';

/**
 * The converter's mutation tests (src/convert/*.mutation.test.ts) read SQLAlchemy exports
 * committed here, so that a mutant costs no Python start. They are SQLAlchemy's own answers for
 * test/fixtures/mutation/*.py; this test holds them to a fresh export.
 * Regenerate: ORMDOC_WRITE_FIXTURES=1 pnpm vitest run packages/sqlmodel/test/mutationFixtures.test.ts
 */
const MUTATION_DIR = path.join(FIXTURES, 'mutation');
const EXPORTS: Array<[file: string, target: string, dialect: 'postgresql' | 'mysql' | 'sqlite']> = [
  ['export.postgresql.json', 'models.py', 'postgresql'],
  ['export.mysql.json', 'models.py', 'mysql'],
  ['export.sqlite.json', 'models.py', 'sqlite'],
  ['export.postgresql-only.json', 'postgresql.py', 'postgresql'],
];

/** Fields that depend on the interpreter that ran the export, not on the models. */
function withoutEnvironment(doc: Record<string, unknown>) {
  const { python: _p, sqlalchemyVersion: _s, sqlmodelVersion: _m, ...rest } = doc;
  return rest;
}

describe.runIf(HAS_PYTHON)(`the mutation tests' exports are current (${TEST_PYTHON})`, () => {
  it.each(EXPORTS)('%s', async (file, target, dialect) => {
    const interpreter = { command: TEST_PYTHON, reason: 'the test interpreter (ORMDOC_TEST_PYTHON)' };
    const fresh = JSON.parse(
      await runExporter({ cwd: MUTATION_DIR, interpreter, target, dialect }),
    ) as Record<string, unknown>;
    const where = path.join(MUTATION_DIR, file);
    if (process.env.ORMDOC_WRITE_FIXTURES === '1') writeFileSync(where, formatJson(fresh));
    const committed = JSON.parse(readFileSync(where, 'utf8')) as Record<string, unknown>;
    expect(withoutEnvironment(fresh)).toEqual(withoutEnvironment(committed));
  });
});
