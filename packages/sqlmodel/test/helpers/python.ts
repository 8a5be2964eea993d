import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExporter } from '../../src/load/run.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const CONFORMANCE_DIR = path.join(FIXTURES, 'conformance');
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../../examples/sqlmodel/', import.meta.url));

/** Debian's interpreter (SQLAlchemy 1.4 + SQLModel 0.0.8) unless ORMDOC_TEST_PYTHON says otherwise. */
export const TEST_PYTHON = process.env.ORMDOC_TEST_PYTHON ?? '/usr/bin/python3';

function probe(): string | undefined {
  try {
    return execFileSync(TEST_PYTHON, ['-c', 'import sqlalchemy; print(sqlalchemy.__version__)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** SQLAlchemy's version in the test interpreter; throws under CI when it is missing (never a silent skip). */
export const SQLALCHEMY_VERSION = probe();
if (!SQLALCHEMY_VERSION && process.env.CI)
  throw new Error(
    `SQLAlchemy is not importable by ${TEST_PYTHON}: install python3-sqlalchemy python3-sqlmodel (Debian) or set ORMDOC_TEST_PYTHON.`,
  );
export const HAS_PYTHON = Boolean(SQLALCHEMY_VERSION);

/**
 * Versions of packages importable by the test interpreter (`sqlalchemy`, `sqlmodel`,
 * `flask_sqlalchemy`): [major, minor, patch], or undefined when not installed.
 */
export function installedVersion(module: string): number[] | undefined {
  if (!HAS_PYTHON) return undefined;
  try {
    const out = execFileSync(TEST_PYTHON, ['-c', `import ${module}; print(${module}.__version__)`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out.split('.').map((p) => Number.parseInt(p, 10) || 0);
  } catch {
    return undefined;
  }
}

/** The matrix stack running the tests (.ci/python-matrix.sh sets ORMDOC_TEST_STACK), if any. */
export const TEST_STACK = process.env.ORMDOC_TEST_STACK;

const interpreter = { command: TEST_PYTHON, reason: 'the test interpreter (ORMDOC_TEST_PYTHON)' };

/** Run the shipped exporter on a target from `cwd`: the JSON document. */
export async function exportJson(cwd: string, target: string): Promise<unknown> {
  return JSON.parse(await runExporter({ cwd, interpreter, target }));
}

/** SQLAlchemy's own DDL for the target (what metadata.create_all emits on PostgreSQL). */
export function sqlalchemyDdl(cwd: string, target: string): Promise<string> {
  return runExporter({ cwd, interpreter, target, extraArgs: ['--ddl'] });
}
