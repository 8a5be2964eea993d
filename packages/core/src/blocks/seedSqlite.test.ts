import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { renderDdl } from '../ddl/index.js';
import { exampleIr } from '../testing/exampleIr.js';
import { sampleRows, seedScriptSql } from './index.js';

describe('seedScriptSql on SQLite (sql.js)', () => {
  it('executes after the SQLite DDL of the example with foreign keys on', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
      db.exec('PRAGMA foreign_keys = ON;');
      db.exec(renderDdl(exampleIr(), { dialect: 'sqlite' }));
      db.exec(seedScriptSql(exampleIr(), { dialect: 'sqlite' }));
      for (const [table, rows] of sampleRows(exampleIr())) {
        const n = db.exec(`SELECT count(*) FROM ${table}`)[0]?.values[0]?.[0];
        expect(n).toBe(rows.length);
      }
      expect(db.exec('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
