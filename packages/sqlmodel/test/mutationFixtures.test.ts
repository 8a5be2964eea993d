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
  ['export.objects.postgresql.json', 'objects.py', 'postgresql'],
  ['export.objects.mysql.json', 'objects.py', 'mysql'],
  ['export.objects.sqlite.json', 'objects.py', 'sqlite'],
];

/** Fields that depend on the interpreter that ran the export, not on the models. */
function withoutEnvironment(doc: Record<string, unknown>) {
  const { python: _p, sqlalchemyVersion: _s, sqlmodelVersion: _m, ...rest } = doc;
  return rest;
}

/**
 * The export without what each SQLAlchemy release reports its own way: the DDL text it renders
 * (how a default is spelled) and a type's `python_type` (JSONB's is `dict` in 1.4, `object` in 2.1).
 */
const VERSION_DEPENDENT = new Set(['ddl', 'pythonType']);

function withoutVersionDependent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVersionDependent);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !VERSION_DEPENDENT.has(key))
      .map(([key, v]) => [key, withoutVersionDependent(v)]),
  );
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
    // Byte for byte under the SQLAlchemy that made them (Debian's, the one `pnpm test` uses); under
    // the other stacks of the Python matrix, the same models, columns, keys and defaults, with the
    // DDL text and Python types as that release reports them.
    if (fresh.sqlalchemyVersion === committed.sqlalchemyVersion)
      expect(withoutEnvironment(fresh)).toEqual(withoutEnvironment(committed));
    else
      expect(withoutVersionDependent(withoutEnvironment(fresh))).toEqual(
        withoutVersionDependent(withoutEnvironment(committed)),
      );
  });
});
