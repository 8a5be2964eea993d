import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isOrmdocError, type OrmdocError } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import {
  chooseInterpreter,
  DEFAULT_EXPORTER_TIMEOUT_MS,
  detectSqlmodel,
  loadSqlmodel,
  TIMEOUT_ENV,
  timeoutFromEnv,
} from '../src/index.js';
import { HAS_PYTHON, TEST_PYTHON } from './helpers/python.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ormdoc-sqlmodel-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function rejection(p: Promise<unknown>): Promise<OrmdocError> {
  try {
    await p;
  } catch (e) {
    if (isOrmdocError(e)) return e;
    throw e;
  }
  throw new Error('expected the promise to reject with an OrmdocError');
}

const MODELS = `from typing import Optional
from sqlmodel import Field, SQLModel


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True)
`;

describe('chooseInterpreter', () => {
  it('prefers the option, then $VIRTUAL_ENV, then .venv, then python3', () => {
    const venv = project({ 'bin/python3': '' });
    const cwd = project({ '.venv/bin/python3': '' });
    expect(chooseInterpreter(cwd, 'py/bin/python', {}).command).toBe(path.join(cwd, 'py/bin/python'));
    expect(chooseInterpreter(cwd, 'python3.12', {}).command).toBe('python3.12');
    expect(chooseInterpreter(cwd, undefined, { VIRTUAL_ENV: venv }).command).toBe(
      path.join(venv, 'bin/python3'),
    );
    expect(chooseInterpreter(cwd, undefined, {}).command).toBe(path.join(cwd, '.venv/bin/python3'));
    expect(chooseInterpreter(project({}), undefined, {})).toMatchObject({ command: 'python3' });
  });

  it("finds the environment the project's tool made: uv, poetry, venv/, a parent's .venv", () => {
    const uv = project({
      'pyproject.toml': '[project]\nname = "x"\n',
      'uv.lock': '',
      'envs/app/bin/python3': '',
    });
    expect(chooseInterpreter(uv, undefined, { UV_PROJECT_ENVIRONMENT: 'envs/app' })).toMatchObject({
      command: path.join(uv, 'envs/app/bin/python3'),
      reason: expect.stringContaining('UV_PROJECT_ENVIRONMENT'),
    });
    const plain = project({ 'venv/bin/python3': '' });
    expect(chooseInterpreter(plain, undefined, {}).command).toBe(path.join(plain, 'venv/bin/python3'));
    const mono = project({
      '.git/HEAD': '',
      '.venv/bin/python3': '',
      'pyproject.toml': '[tool.uv]\n',
      'backend/app/models.py': '',
    });
    expect(chooseInterpreter(path.join(mono, 'backend'), undefined, {})).toMatchObject({
      command: path.join(mono, '.venv/bin/python3'),
      reason: "uv's virtualenv ../.venv",
    });
    // poetry keeps its environments outside the project: ask poetry (a real executable on PATH)
    const poetryEnv = project({ 'bin/python3': '' });
    const bin = project({ poetry: `#!/bin/sh\n[ "$1 $2 $3" = "env info -p" ] && echo ${poetryEnv}\n` });
    chmodSync(path.join(bin, 'poetry'), 0o755);
    const poetry = project({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n' });
    expect(chooseInterpreter(poetry, undefined, { PATH: `${bin}:${process.env.PATH}` })).toMatchObject({
      command: path.join(poetryEnv, 'bin/python3'),
      reason: expect.stringContaining('poetry env info -p'),
    });
    expect(chooseInterpreter(poetry, undefined, { PATH: '/nonexistent' }).command).toBe('python3');
  });
});

describe('detectSqlmodel', () => {
  it('finds Python files that import SQLModel/SQLAlchemy and declare models, skipping virtualenvs', async () => {
    const dir = project({
      'app/models.py': MODELS,
      'app/util.py': 'import sqlalchemy\n',
      '.venv/lib/x.py': MODELS,
      'README.md': 'sqlmodel',
    });
    expect(await detectSqlmodel(dir)).toEqual(['app/models.py']);
    expect(await detectSqlmodel(project({ 'main.py': 'print(1)\n' }))).toEqual([]);
  });
});

describe('exporter time limit', () => {
  it(`defaults to ${DEFAULT_EXPORTER_TIMEOUT_MS / 60_000} minutes; ${TIMEOUT_ENV} sets it in seconds`, () => {
    expect(DEFAULT_EXPORTER_TIMEOUT_MS).toBe(600_000);
    expect(timeoutFromEnv({})).toBeUndefined();
    expect(timeoutFromEnv({ [TIMEOUT_ENV]: '1800' })).toBe(1_800_000);
    expect(timeoutFromEnv({ [TIMEOUT_ENV]: ' 2.5 ' })).toBe(2500);
    for (const bad of ['ten', '-1', '0']) {
      let error: unknown;
      try {
        timeoutFromEnv({ [TIMEOUT_ENV]: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });
});

describe('loadSqlmodel errors', () => {
  it('PYTHON_NOT_FOUND names the interpreter and --python', async () => {
    const e = await rejection(
      loadSqlmodel({
        cwd: project({ 'models.py': MODELS }),
        module: 'models',
        python: '/nonexistent/python9',
      }),
    );
    expect(e.code).toBe('PYTHON_NOT_FOUND');
    expect(e.message).toContain('/nonexistent/python9');
    expect(e.hint).toContain('--python');
  });

  it('EXPORT_INVALID for a saved export that is not JSON or has another formatVersion', async () => {
    const dir = project({
      'bad.json': '{ nope',
      'v2.json': JSON.stringify({ formatVersion: 2, tables: [] }),
    });
    const notJson = await rejection(loadSqlmodel({ cwd: dir, json: 'bad.json' }));
    expect(notJson).toMatchObject({ code: 'EXPORT_INVALID', file: 'bad.json' });
    const v2 = await rejection(loadSqlmodel({ cwd: dir, json: 'v2.json' }));
    expect(v2.code).toBe('EXPORT_INVALID');
    expect(v2.details).toEqual(['formatVersion: expected 1']);
    const missing = await rejection(loadSqlmodel({ cwd: dir, json: 'none.json' }));
    expect(missing.code).toBe('INPUT_NOT_FOUND');
  });

  describe.runIf(HAS_PYTHON)(`with ${TEST_PYTHON}`, () => {
    it('DEPENDENCY_MISSING when the interpreter has no SQLAlchemy (site-packages disabled)', async () => {
      const dir = project({ 'models.py': MODELS });
      const wrapper = path.join(dir, 'bare-python');
      writeFileSync(wrapper, `#!/bin/sh\nexec ${TEST_PYTHON} -S -s "$@"\n`);
      chmodSync(wrapper, 0o755);
      const e = await rejection(loadSqlmodel({ cwd: dir, module: 'models', python: wrapper }));
      expect(e.code).toBe('DEPENDENCY_MISSING');
      expect(e.message).toMatch(/SQLAlchemy is not installed/);
      expect(e.hint).toContain('--python');
    });

    it("MODULE_LOAD_FAILED carries the user's file, line and traceback", async () => {
      const dir = project({
        'app/__init__.py': '',
        'app/models.py': `${MODELS}\n\nraise RuntimeError("boom in models")\n`,
      });
      const e = await rejection(loadSqlmodel({ cwd: dir, module: 'app/models.py', python: TEST_PYTHON }));
      expect(e.code).toBe('MODULE_LOAD_FAILED');
      expect(e).toMatchObject({ file: 'app/models.py', line: 10 });
      expect(e.message).toContain('RuntimeError: boom in models');
      expect(e.details.join('\n')).toMatch(/app\/models\.py", line 10/);
    });

    it('DEPENDENCY_MISSING when the models import a package missing from that interpreter', async () => {
      const dir = project({ 'models.py': 'import alembic_not_here\nimport sqlmodel\n' });
      const e1 = await rejection(loadSqlmodel({ cwd: dir, module: 'models', python: TEST_PYTHON }));
      expect(e1.code).toBe('MODULE_LOAD_FAILED');
      const dir2 = project({ 'models.py': 'import pydantic\nimport geoalchemy2\n' });
      const e2 = await rejection(loadSqlmodel({ cwd: dir2, module: 'models', python: TEST_PYTHON }));
      expect(e2.code).toBe('DEPENDENCY_MISSING');
      expect(e2.message).toContain('geoalchemy2');
    });

    it('INPUT_NOT_FOUND for a missing attribute, INPUT_EMPTY when no MetaData exists', async () => {
      const dir = project({ 'models.py': MODELS, 'empty.py': 'X = 1\n' });
      const attr = await rejection(loadSqlmodel({ cwd: dir, module: 'models:Nope', python: TEST_PYTHON }));
      expect(attr.code).toBe('INPUT_NOT_FOUND');
      expect(attr.message).toContain('Nope');
      const empty = await rejection(loadSqlmodel({ cwd: dir, module: 'empty', python: TEST_PYTHON }));
      expect(empty.code).toBe('INPUT_EMPTY');
    });

    it('loads a module by dotted name or path with :attr, ignoring print() at import time', async () => {
      const dir = project({
        'pkg/__init__.py': '',
        'pkg/db.py': `print("connecting...")\nfrom sqlalchemy import Column, Integer, MetaData, String, Table\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\nother = MetaData()\nTable("x", other, Column("id", Integer, primary_key=True))\n\nclass Hero(Base):\n    __tablename__ = "heroes"\n    id = Column(Integer, primary_key=True)\n    name = Column("hero_name", String(50), comment="Public name. @pii")\n`,
      });
      const a = await loadSqlmodel({ cwd: dir, module: 'pkg.db:Base', python: TEST_PYTHON });
      expect(a.ir.source.orm).toBe('sqlalchemy');
      expect(a.ir.tables.map((t) => t.name)).toEqual(['heroes']);
      const hero = a.ir.tables[0]!;
      expect(hero).toMatchObject({ codeName: 'Hero', source: { file: 'pkg/db.py', line: 8 } });
      expect(hero.columns[1]).toMatchObject({
        name: 'hero_name',
        codeName: 'name',
        type: { sql: 'varchar(50)', category: 'string' },
        description: 'Public name.',
        tags: [{ name: 'pii' }],
      });
      const b = await loadSqlmodel({ cwd: dir, module: 'pkg/db.py:other', python: TEST_PYTHON });
      expect(b.ir.tables.map((t) => t.name)).toEqual(['x']);
      const ambiguous = await rejection(loadSqlmodel({ cwd: dir, module: 'pkg.db', python: TEST_PYTHON }));
      expect(ambiguous.code).toBe('INPUT_EMPTY');
      expect(ambiguous.message).toMatch(/several MetaData/);
    });

    it('stops an exporter that runs past timeoutMs: an OrmdocError naming the module, the limit and the way to raise it', async () => {
      const dir = project({
        'slow.py': `import os, time\nopen("pid", "w").write(str(os.getpid()))\ntime.sleep(60)\n${MODELS}`,
      });
      const started = Date.now();
      const e = await rejection(
        loadSqlmodel({ cwd: dir, module: 'slow.py', python: TEST_PYTHON, timeoutMs: 6000 }),
      );
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(e.code).toBe('MODULE_LOAD_FAILED');
      expect(e.message).toContain('slow.py');
      expect(e.message).toContain('6 s');
      expect(e.hint).toContain(`${TIMEOUT_ENV}=`);
      expect(e.hint).toContain('timeoutMs');
      // On a loaded machine the limit can pass before Python reaches slow.py (no pid file): stopped too.
      const pidFile = path.join(dir, 'pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8'));
        await new Promise((r) => setTimeout(r, 200));
        expect(() => process.kill(pid, 0)).toThrow(); // the Python process is gone
      }
    });

    it('finds the models module itself and uses SQLModel.metadata', async () => {
      const { ir } = await loadSqlmodel({ cwd: project({ 'models.py': MODELS }), python: TEST_PYTHON });
      expect(ir.source.orm).toBe('sqlmodel');
      const hero = ir.tables[0]!;
      expect(hero.name).toBe('hero');
      expect(hero.indexes).toEqual([
        { name: 'ix_hero_name', nameExplicit: false, unique: false, parts: [{ column: 'name' }] },
      ]);
    });
  });
});
