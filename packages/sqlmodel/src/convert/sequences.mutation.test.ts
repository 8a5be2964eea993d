import { describe, expect, it } from 'vitest';
import { exportDoc, exportIr, lazyIr } from '../../test/helpers/mutationExports.js';
import { fromSqlmodelExport } from './toIr.js';

/**
 * SQLAlchemy Sequence -> IR sequence, one row per sequence of test/fixtures/mutation/objects.py:
 * what the code gives, and for the rest PostgreSQL's CREATE SEQUENCE defaults (AS bigint,
 * INCREMENT 1, MINVALUE 1 and MAXVALUE the type's maximum ascending, MINVALUE the type's minimum
 * and MAXVALUE -1 descending, START at MINVALUE ascending and MAXVALUE descending, CACHE 1).
 */
const pg = lazyIr('objects.postgresql');
const seq = (name: string) => pg().ir.sequences.find((s) => s.name === name);

/** The line SQLAlchemy's export gives the Ticket class (where `ticket_seq` is declared). */
const TICKETS_LINE = (
  exportDoc('objects.postgresql') as { tables: Array<{ name: string; line?: number }> }
).tables.find((t) => t.name === 'tickets')?.line;

const I16 = ['-32768', '32767'];
const I32 = ['-2147483648', '2147483647'];
const I64 = ['-9223372036854775808', '9223372036854775807'];

describe("PostgreSQL's defaults for what the Sequence leaves out", () => {
  it.each([
    // name, schema, type, start, increment, min, max, cache, cycle
    ['plain_seq', null, 'bigint', '1', '1', '1', I64[1], '1', false],
    ['up_int', null, 'integer', '7', '1', '1', I32[1], '1', false],
    ['up_small', null, 'smallint', '1', '1', '1', I16[1], '1', false],
    ['down_small', null, 'smallint', '-1', '-2', I16[0], '-1', '1', false],
    ['down_int', null, 'integer', '-1', '-1', I32[0], '-1', '1', false],
    ['down_big', null, 'bigint', '-1', '-3', I64[0], '-1', '1', false],
    ['bounded', 'app', 'bigint', '5', '1', '5', '500', '10', true], // starts at its MINVALUE
    ['down_bounded', null, 'bigint', '-5', '-1', '-50', '-5', '1', false], // starts at its MAXVALUE
    ['ticket_seq', null, 'bigint', '1', '1', '1', I64[1], '1', false], // on a column: the same rules
    ['gen_seq', 'app', 'bigint', '1', '1', '1', I64[1], '1', false],
  ])('%s', (name, schema, dataType, start, increment, minValue, maxValue, cache, cycle) => {
    expect(seq(name)).toEqual({
      schema,
      name,
      dataType,
      start,
      increment,
      minValue,
      maxValue,
      cache,
      cycle,
      declaredIn: 'orm',
      source: expect.any(Object),
    });
  });

  it("a data type with no range of its own gets bigint's range; the type's case does not matter", () => {
    const doc = exportDoc('objects.postgresql') as { sequences: Array<Record<string, unknown>> };
    doc.sequences = doc.sequences.map((s) =>
      s.name === 'down_small'
        ? { ...s, dataType: 'NUMERIC' }
        : s.name === 'up_small'
          ? { ...s, dataType: 'Smallint' }
          : s,
    );
    const ir = fromSqlmodelExport(doc).ir;
    expect(ir.sequences.find((s) => s.name === 'down_small')).toMatchObject({
      dataType: 'numeric',
      minValue: I64[0],
    });
    expect(ir.sequences.find((s) => s.name === 'up_small')).toMatchObject({
      dataType: 'smallint',
      maxValue: I16[1],
    });
  });
});

describe('where a sequence is declared', () => {
  it("on a column of a class: the class's file and line", () => {
    expect(TICKETS_LINE).toBeGreaterThan(1);
    expect(seq('ticket_seq')?.source).toEqual({ file: 'objects.py', line: TICKETS_LINE });
  });

  it('on a column of a Table() (no line), or standalone: the module', () => {
    // app.ledger has no line; accounts.ledger, a class of the same name in another schema, has one
    expect(seq('ledger_seq')?.source).toEqual({ file: 'objects.py' });
    expect(seq('plain_seq')?.source).toEqual({ file: 'objects.py' });
  });

  it('no module file in the export: no source', () => {
    const ir = fromSqlmodelExport({ ...exportDoc('objects.postgresql'), moduleFile: null }).ir;
    expect(ir.sequences.find((s) => s.name === 'plain_seq')).not.toHaveProperty('source');
    expect(ir.sequences.find((s) => s.name === 'ticket_seq')?.source).toEqual({
      file: 'objects.py',
      line: TICKETS_LINE,
    });
  });
});

describe('only PostgreSQL creates them', () => {
  it('SQLite (and MySQL) ignore Sequence: no sequences', () => {
    expect(exportDoc('objects.sqlite').sequences).not.toEqual([]);
    expect(exportIr('objects.sqlite').ir.sequences).toEqual([]);
    expect(pg().ir.sequences).toHaveLength(11);
  });
});
