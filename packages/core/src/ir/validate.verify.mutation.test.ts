import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOrmdocError } from '../errors.js';
import { aColumn, anIr, aTable } from '../testing/builders.js';
import type { IrInput } from './types.js';
import { buildIr, columnOf, jsonPath, parseIr, validateIr, zodIssuesToDiagnostics } from './validate.js';

/**
 * What the IR's errors say (code, message, hint, the file when there is one), and when `buildIr`
 * asks zod as well: `ORMDOC_VERIFY_IR` set to anything but empty or `0`.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

/** An input zod rejects (an empty table name) and completeIr does not look at. */
const zodRejects = () =>
  ({
    irVersion: 1,
    dialect: 'postgresql',
    source: { orm: 'prisma' },
    tables: [
      {
        schema: null,
        name: '',
        columns: [{ name: 'id', type: { sql: 'integer', category: 'integer' }, nullable: false }],
      },
    ],
  }) as unknown as IrInput;

function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isOrmdocError(error)) return error;
    throw error;
  }
  throw new Error('expected an OrmdocError');
}

describe('ORMDOC_VERIFY_IR', () => {
  it.each(['1', 'true', 'yes'])(
    '%s: zod parses the input too, and its rejection names the variable',
    (flag) => {
      vi.stubEnv('ORMDOC_VERIFY_IR', flag);
      const error = thrown(() => buildIr(zodRejects()));
      expect(error.code).toBe('IR_INVALID');
      expect(error.message).toBe('ORMDOC_VERIFY_IR: The schema representation is invalid (1 problem(s)).');
    },
  );

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['0', '0'],
  ])('%s: zod is not asked', (_, flag) => {
    vi.stubEnv('ORMDOC_VERIFY_IR', flag as string);
    if (flag === undefined) delete process.env.ORMDOC_VERIFY_IR;
    expect(buildIr(zodRejects()).tables[0]?.name).toBe('');
  });
});

describe('the errors and their codes', () => {
  it('a structural problem is ir/invalid, with its path', () => {
    const { ir, diagnostics } = validateIr({ irVersion: 1 });
    expect(ir).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.code).toBe('ir/invalid');
      expect(d.severity).toBe('error');
      expect(d).not.toHaveProperty('file');
    }
  });

  it('a reference problem is ir/reference', () => {
    const bad = aTable('t', { uniques: [{ name: 'u', nameExplicit: true, columns: ['nope'] }] });
    expect(validateIr(anIr({ tables: [bad] })).diagnostics).toEqual([
      {
        severity: 'error',
        code: 'ir/reference',
        message: 'unknown column nope in t',
        path: 'tables[0].uniques[0]',
      },
    ]);
  });

  it('parseIr: IR_INVALID with the count, every problem in the details, and a hint that it is an extractor bug', () => {
    const bad = aTable('t', {
      uniques: [
        { name: 'u', nameExplicit: true, columns: ['nope'] },
        { name: 'v', nameExplicit: true, columns: ['gone'] },
      ],
    });
    const error = thrown(() => parseIr(anIr({ tables: [bad] })));
    expect(error.message).toBe('The schema representation is invalid (2 problem(s)).');
    expect(error.details).toEqual([
      'tables[0].uniques[0]: unknown column nope in t',
      'tables[0].uniques[1]: unknown column gone in t',
    ]);
    expect(error.hint).toMatch(/bug in the extractor/);
  });

  it('zodIssuesToDiagnostics names the file when given one', () => {
    const issue = { code: 'custom', message: 'm', path: ['tables', 0], input: 1 } as never;
    expect(zodIssuesToDiagnostics([issue], 'c', 'ir.json')).toEqual([
      { severity: 'error', code: 'c', message: 'm', path: 'tables[0]', file: 'ir.json' },
    ]);
    expect(zodIssuesToDiagnostics([issue], 'c')).toEqual([
      { severity: 'error', code: 'c', message: 'm', path: 'tables[0]' },
    ]);
  });
});

describe('jsonPath and columnOf', () => {
  it('a symbol in a path is shown quoted, as any other non-identifier key', () => {
    expect(jsonPath(['a', Symbol('s')])).toBe('a["Symbol(s)"]');
  });

  it('columnOf finds a column by its database name', () => {
    const t = aTable('t', { columns: [aColumn('id', 'integer'), aColumn('email')] });
    expect(columnOf(t, 'email')?.name).toBe('email');
    expect(columnOf(t, 'id')?.type.sql).toBe('integer');
    expect(columnOf(t, 'nope')).toBeUndefined();
  });
});
