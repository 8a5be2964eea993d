import { writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';

/** Write a SQLite database file holding what `sql` creates (sql.js: SQLite as WebAssembly). */
export async function writeSqliteFile(file: string, sql: string, base?: Buffer): Promise<void> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(base);
  try {
    db.exec(sql);
    writeFileSync(file, db.export());
  } finally {
    db.close();
  }
}
