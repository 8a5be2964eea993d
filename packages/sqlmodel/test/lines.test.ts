import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORTER_PATH } from '../src/index.js';
import { formatJson } from './helpers/json.js';
import { FIXTURES, HAS_PYTHON, TEST_PYTHON } from './helpers/python.js';

const DIR = path.join(FIXTURES, 'lines');
const PYTHON_DIR = path.join(path.dirname(EXPORTER_PATH), 'src');
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: PYTHON_DIR };

/** compare.py: ClassLines against inspect.getsourcelines for every class of the modules. */
function compareWithInspect(...modules: string[]): string {
  return execFileSync(TEST_PYTHON, ['compare.py', ...modules], { cwd: DIR, env, encoding: 'utf8' });
}

function exporter(...args: string[]): string {
  return execFileSync(TEST_PYTHON, [EXPORTER_PATH, ...args], {
    cwd: DIR,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** 1-based number of the first line of fixtures/lines/<file> starting with `text` (after indentation). */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(path.join(DIR, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

describe.runIf(HAS_PYTHON)(`class lines, read once per file (${TEST_PYTHON})`, () => {
  it('gives every class the line inspect gives: decorated, nested, local, redefined, dynamic', () => {
    const out = compareWithInspect('shapes', 'flat', 'models').trim().split('\n');
    expect(out.filter((l) => !l.startsWith('skipped ')).at(-1)).toMatch(/^ok \d+ /);
  });

  it('reads a file of top-level classes without parsing it', () => {
    // flat.py has a nested and a dynamic class: those need the parse; its top-level classes alone do not
    const script = [
      'import flat',
      'from ormdoc_export.sources import ClassLines',
      'lines = ClassLines()',
      'print([lines.line(c, flat.__file__) for c in (flat.First, flat.Second, flat.Third, flat.Fourth)])',
      'print(any(f._tree is not None for f in lines._files.values()))',
    ].join('\n');
    const out = execFileSync(TEST_PYTHON, ['-c', script], { cwd: DIR, env, encoding: 'utf8' });
    const expected = ['First', 'Second', 'Third', 'Fourth'].map((n) => lineOf('flat.py', `class ${n}`));
    expect(out.trim().split('\n')).toEqual([`[${expected.join(', ')}]`, 'False']);
  });

  it('exports the file and line of each mapped class in a file of several', () => {
    const doc = JSON.parse(exporter('models.py')) as {
      tables: { name: string; className: string; file: string | null; line: number | null }[];
    };
    const where = Object.fromEntries(doc.tables.map((t) => [t.className, [t.file, t.line]]));
    expect(where).toEqual({
      Author: ['models.py', lineOf('models.py', 'class Author(')],
      Publisher: ['models.py', lineOf('models.py', 'class Publisher(')],
      Book: ['models.py', lineOf('models.py', '@audited')],
      Shelf: ['models.py', lineOf('models.py', 'class Shelf(')],
      Loan: ['models.py', lineOf('models.py', 'class Loan(')],
      Dynamic: ['models.py', null],
    });
  });
});

describe.runIf(HAS_PYTHON)('exporter output layout', () => {
  it('--compact is the same document on one line; without it the formatter layout is kept', () => {
    const pretty = exporter('models.py');
    const compact = exporter('models.py', '--compact');
    expect(JSON.parse(compact)).toEqual(JSON.parse(pretty));
    expect(compact.trimEnd()).not.toContain('\n');
    expect(compact).not.toMatch(/": |, "/);
    expect(pretty).toBe(formatJson(JSON.parse(pretty)));
  });
});
