import type { ExtractResult } from '@ormdoc/core';
import { describe, expect, it } from 'vitest';
import { exportDoc, lazyExports, lazyIr, tableOf } from '../../test/helpers/mutationExports.js';
import { fromSqlmodelExport } from './toIr.js';

/**
 * An export document -> the IR: tables (description, class name, file:line), enums, the source,
 * and what the conversion reports (test/fixtures/mutation/objects.py's audit_log: an unknown ON
 * DELETE/UPDATE, a foreign key to a table not exported, a column with two defaults).
 */
const R = lazyExports();
const objectsIr = lazyIr('objects.postgresql');
const ofCode = (r: ExtractResult, code: string) => r.diagnostics.filter((d) => d.code === code);
const AUDIT = (exportDoc('objects.postgresql') as { tables: Array<{ name: string }> }).tables.findIndex(
  (t) => t.name === 'audit_log',
);

describe("the conversion's diagnostics, each at the JSON path of what it is about", () => {
  it('an unknown ON DELETE and ON UPDATE: a warning each; the key keeps NO ACTION', () => {
    expect(AUDIT).toBeGreaterThanOrEqual(0);
    expect(ofCode(objectsIr(), 'sqlmodel/referential-action')).toEqual([
      {
        severity: 'warning',
        code: 'sqlmodel/referential-action',
        message: 'audit_log: foreign key on (ticket_id): unknown ON DELETE EXPLODE',
        path: `tables[${AUDIT}]`,
      },
      {
        severity: 'warning',
        code: 'sqlmodel/referential-action',
        message: 'audit_log: foreign key on (ticket_id): unknown ON UPDATE VANISH',
        path: `tables[${AUDIT}]`,
      },
    ]);
    expect(tableOf(objectsIr(), 'audit_log').foreignKeys).toMatchObject([
      { columns: ['ticket_id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
    ]);
  });

  it('a foreign key to a table not in the MetaData: a warning with a hint, and the key left out', () => {
    expect(ofCode(objectsIr(), 'sqlmodel/unresolved-foreign-key')).toEqual([
      {
        severity: 'warning',
        code: 'sqlmodel/unresolved-foreign-key',
        message:
          'audit_log(elsewhere_id) references elsewhere, which is not in the exported MetaData; the foreign key is left out.',
        path: `tables[${AUDIT}].foreignKeys[1]`,
        hint: expect.stringMatching(/^Import the module that defines that table/),
      },
    ]);
    expect(tableOf(objectsIr(), 'audit_log').foreignKeys.map((f) => f.columns)).toEqual([['ticket_id']]);
  });

  it('a composite key to a table not exported: its columns, comma-separated', () => {
    const doc = exportDoc('objects.postgresql') as {
      tables: Array<{ name: string; foreignKeys: Array<Record<string, unknown>> }>;
    };
    doc.tables = doc.tables.map((t) =>
      t.name === 'audit_log'
        ? {
            ...t,
            foreignKeys: t.foreignKeys.map((f) =>
              f.unresolved ? { ...f, columns: ['elsewhere_id', 'at'], referredColumns: ['id', 'n'] } : f,
            ),
          }
        : t,
    );
    expect(ofCode(fromSqlmodelExport(doc), 'sqlmodel/unresolved-foreign-key')[0]?.message).toMatch(
      /^audit_log\(elsewhere_id, at\) references elsewhere,/,
    );
  });

  it('server_default and default on one column: an info; the IR has the server default', () => {
    expect(ofCode(objectsIr(), 'sqlmodel/both-defaults')).toEqual([
      {
        severity: 'info',
        code: 'sqlmodel/both-defaults',
        message:
          'audit_log.at has both server_default and a Python-side default; the IR shows the server default.',
        path: `tables[${AUDIT}].columns[4]`,
      },
    ]);
    expect(tableOf(objectsIr(), 'audit_log').columns[4]).toMatchObject({
      name: 'at',
      default: { kind: 'literal', value: 0 },
    });
  });

  it("the exporter's warnings, with the export file; none when the models are clean", () => {
    const doc = { ...exportDoc('postgresql'), warnings: ['one', 'two'] };
    expect(fromSqlmodelExport(doc, { file: 'e.json' }).diagnostics).toEqual([
      { severity: 'warning', code: 'sqlmodel/exporter-warning', message: 'one', file: 'e.json' },
      { severity: 'warning', code: 'sqlmodel/exporter-warning', message: 'two', file: 'e.json' },
    ]);
    expect(fromSqlmodelExport(doc).diagnostics[0]).not.toHaveProperty('file');
    expect(R.pg.diagnostics).toEqual([]);
  });
});

describe('tables', () => {
  it('comment= is the description, over the docstring; its tags are kept', () => {
    const t = tableOf(objectsIr(), 'audit_log');
    expect(t.description).toBe('Every change.');
    expect(t.tags.map((x) => x.name)).toEqual(['audit']);
  });

  it('the docstring when there is no comment; none without either', () => {
    expect(tableOf(R.pg, 'items').description).toBe('Columns: types, defaults and onupdate.');
    expect(tableOf(R.pg, 'notes')).not.toHaveProperty('description');
  });

  it('the class name is the codeName when it differs from the table name', () => {
    expect(tableOf(R.pg, 'items').codeName).toBe('Item');
    expect(tableOf(objectsIr(), 'audit_log')).not.toHaveProperty('codeName'); // class audit_log
    expect(tableOf(R.pg, 'tag_links')).not.toHaveProperty('codeName'); // a Table(): no class
  });

  it("a class's file and line; a Table() has no source", () => {
    const doc = exportDoc('postgresql') as { tables: Array<{ name: string; line: number }> };
    const line = doc.tables.find((t) => t.name === 'items')?.line;
    expect(line).toBeGreaterThan(1);
    expect(tableOf(R.pg, 'items').source).toEqual({ file: 'models.py', line });
    expect(tableOf(R.pg, 'tag_links')).not.toHaveProperty('source');
  });

  it('a file without a line: the file alone', () => {
    const doc = exportDoc('postgresql') as { tables: Array<Record<string, unknown>> };
    doc.tables = doc.tables.map((t) => (t.name === 'items' ? { ...t, line: null } : t));
    expect(tableOf(fromSqlmodelExport(doc), 'items').source).toEqual({ file: 'models.py' });
  });

  it('every table is a table of its kind, with its constraints', () => {
    for (const t of R.pg.ir.tables) expect(t.kind).toBe('table');
    expect(tableOf(R.pg, 'parents').primaryKey?.columns).toEqual(['id']);
    expect(tableOf(R.pg, 'tag_links').foreignKeys).toHaveLength(2);
    expect(tableOf(R.pg, 'parents').uniques.length).toBeGreaterThan(0);
    expect(tableOf(R.pg, 'parents').checks.length).toBeGreaterThan(0);
    expect(tableOf(R.pg, 'parents').indexes.length).toBeGreaterThan(0);
  });
});

describe('enums', () => {
  it("a native enum named as its class, with values_callable: each value's member name", () => {
    expect(objectsIr().ir.enums).toEqual([
      {
        schema: null,
        name: 'Level',
        values: [
          { name: 'lo', codeName: 'low' },
          { name: 'hi', codeName: 'high' },
        ],
        native: true,
        tags: [],
      },
    ]);
  });

  it('an export without valueKeys: the values alone', () => {
    const doc = exportDoc('objects.postgresql') as { enums: Array<Record<string, unknown>> };
    doc.enums = doc.enums.map(({ valueKeys: _v, ...e }) => e);
    expect(fromSqlmodelExport(doc).ir.enums[0]?.values).toEqual([{ name: 'lo' }, { name: 'hi' }]);
  });

  it('a non-native Enum: the class name, values without member names, enforced by the ORM', () => {
    expect(R.pg.ir.enums).toEqual([
      {
        schema: null,
        name: 'color',
        codeName: 'Color',
        values: [{ name: 'red' }, { name: 'green' }],
        native: false,
        enforcedBy: 'orm',
        tags: [],
      },
    ]);
  });

  it('a native enum in a schema: no enforcedBy (the database checks it)', () => {
    expect(R.only.ir.enums).toEqual([
      {
        schema: 'app',
        name: 'mood',
        codeName: 'Mood',
        values: [{ name: 'happy' }, { name: 'sad' }],
        native: true,
        tags: [],
      },
    ]);
  });
});

describe('the source and namespaces', () => {
  it('plain SQLAlchemy: orm sqlalchemy, its version, the module and class files', () => {
    expect(R.pg.ir.source).toEqual({ orm: 'sqlalchemy', ormVersion: '1.4.46', files: ['models.py'] });
    expect(R.pg.ir.dialect).toBe('postgresql');
    expect(R.my.ir.dialect).toBe('mysql');
  });

  it('SQLModel.metadata exported with SQLModel installed: orm sqlmodel and its version', () => {
    const doc = { ...exportDoc('postgresql'), sqlmodelVersion: '0.0.8', metadata: 'SQLModel.metadata' };
    expect(fromSqlmodelExport(doc).ir.source).toMatchObject({ orm: 'sqlmodel', ormVersion: '0.0.8' });
    // SQLModel installed, but a MetaData of its own exported: plain SQLAlchemy
    const other = { ...exportDoc('postgresql'), sqlmodelVersion: '0.0.8' };
    expect(fromSqlmodelExport(other).ir.source).toMatchObject({ orm: 'sqlalchemy', ormVersion: '1.4.46' });
    const bare = { ...exportDoc('postgresql'), sqlalchemyVersion: null };
    expect(fromSqlmodelExport(bare).ir.source).not.toHaveProperty('ormVersion');
  });

  it('files: the module and every class file, once, sorted; none without either', () => {
    const doc = exportDoc('postgresql') as { tables: Array<Record<string, unknown>> };
    doc.tables = doc.tables.map((t) => (t.name === 'items' ? { ...t, file: 'a/items.py' } : t));
    expect(fromSqlmodelExport(doc).ir.source.files).toEqual(['a/items.py', 'models.py']);
    const none = { ...doc, moduleFile: null, tables: doc.tables.map((t) => ({ ...t, file: null })) };
    expect(fromSqlmodelExport(none).ir.source.files).toEqual([]);
    const moduleOnly = { ...doc, tables: doc.tables.map((t) => ({ ...t, file: null })) };
    expect(fromSqlmodelExport(moduleOnly).ir.source.files).toEqual(['models.py']);
  });

  it('namespaces: the schemas of the tables, once, sorted; the default schema is none', () => {
    expect(R.only.ir.namespaces).toEqual(['app']);
    expect(objectsIr().ir.namespaces).toEqual(['accounts', 'app']);
    expect(R.pg.ir.namespaces).toEqual([]);
  });
});
