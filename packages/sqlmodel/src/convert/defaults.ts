import type { Column, Dialect } from '@ormdoc/core';
import type { ExportColumn, PythonDefault } from '../format/schema.js';

type ColumnDefault = NonNullable<Column['default']>;
type ColumnOnUpdate = NonNullable<Column['onUpdate']>;

/** `id SERIAL NOT NULL` -> `SERIAL NOT NULL` (the column line of CREATE TABLE without the name). */
function specAfterName(ddl: string | undefined): string {
  if (!ddl) return '';
  const m = /^("(?:[^"]|"")*"|`(?:[^`]|``)*`|\S+)\s+(.*)$/s.exec(ddl);
  return m?.[2] ?? '';
}

/** SERIAL / BIGSERIAL / SMALLSERIAL as SQLAlchemy renders an autoincrement integer PK on PostgreSQL. */
function isSerial(col: ExportColumn): boolean {
  return /^(SMALLSERIAL|BIGSERIAL|SERIAL)\b/i.test(specAfterName(col.ddl));
}

/** The sequence-like default the database applies (serial, identity, AUTO_INCREMENT, rowid). */
export function sequenceDefault(col: ExportColumn, dialect: Dialect): ColumnDefault | undefined {
  const spec = specAfterName(col.ddl);
  // Identity() where the dialect writes it (PostgreSQL); SQLite ignores it (a rowid), MySQL writes AUTO_INCREMENT.
  if (col.identity && dialect === 'postgresql')
    return { kind: 'sequence', style: col.identity.always ? 'identity-always' : 'identity-by-default' };
  if (isSerial(col)) return { kind: 'sequence', style: 'serial' };
  // Column(Sequence("n"), server_default=Sequence("n").next_value()): a named sequence create_all
  // creates before the table. The IR has no sequence objects: a serial column is the same database.
  const named = /^nextval\('([^']+)'(?:::regclass)?\)$/i.exec(col.serverDefault?.sql?.trim() ?? '');
  // (nextval() is PostgreSQL's)
  if (named && col.default?.kind === 'sequence')
    return { kind: 'sequence', style: 'serial', sequenceName: named[1]! };
  // MySQL's AUTO_INCREMENT, SQLite's AUTOINCREMENT (sqlite_autoincrement=True): each only in its own DDL
  if (/\bAUTO_?INCREMENT\b/i.test(spec)) return { kind: 'sequence', style: 'auto-increment' };
  if (dialect === 'sqlite' && col.isAutoincrementColumn && /^INTEGER\b/i.test(col.type))
    return { kind: 'sequence', style: 'rowid' };
  return undefined;
}

/** A DEFAULT clause as SQLAlchemy rendered it -> literal ('x', 0, true, NULL) or SQL expression. */
export function serverDefaultToIr(sql: string, isJson: boolean): ColumnDefault {
  const s = sql.trim();
  const str = /^'((?:[^']|'')*)'(?:::[\w ."[\]()]+)?$/s.exec(s);
  if (str) {
    const text = str[1]!.replace(/''/g, "'");
    if (isJson) {
      try {
        const value: unknown = JSON.parse(text);
        if (value !== null && typeof value === 'object')
          return { kind: 'literal', value: value as Record<string, unknown>, sql: s };
      } catch {
        // not JSON: keep the string
      }
    }
    return { kind: 'literal', value: text, sql: s };
  }
  if (/^-?\d+(\.\d+)?$/.test(s)) return { kind: 'literal', value: Number(s), sql: s };
  if (/^(true|false)$/i.test(s))
    return { kind: 'literal', value: s.toLowerCase() === 'true', sql: s.toLowerCase() };
  if (/^null$/i.test(s)) return { kind: 'literal', value: null, sql: 'NULL' };
  return { kind: 'sql', expression: s };
}

function describePython(d: PythonDefault, attr: string): { generator: string; description: string } {
  switch (d.kind) {
    case 'scalar':
      return { generator: 'python', description: `${attr}=${JSON.stringify(d.value)}` };
    case 'callable': {
      const n = d.name.toLowerCase();
      const generator = /uuid/.test(n)
        ? 'uuid'
        : /(^|\.)(now|utcnow|today)$/.test(n)
          ? 'now'
          : /ulid/.test(n)
            ? 'ulid'
            : /nanoid/.test(n)
              ? 'nanoid'
              : 'function';
      return { generator, description: `${attr}=${d.name}` };
    }
    case 'sql':
      return {
        generator: /^(now\(\)|current_timestamp)/i.test(d.sql) ? 'now' : 'sql',
        description: `${attr}=${d.sql}`,
      };
    case 'sequence':
      return {
        generator: 'sequence',
        description: `${attr}=Sequence(${JSON.stringify(d.schema ? `${d.schema}.${d.name}` : d.name)})`,
      };
    case 'other':
      return { generator: 'python', description: `${attr}=${d.repr}` };
  }
}

/** Exactly one default kind: database sequence/identity first, then the DDL DEFAULT, then Python-side. */
export function columnDefault(
  col: ExportColumn,
  dialect: Dialect,
  isJson: boolean,
): ColumnDefault | undefined {
  const seq = sequenceDefault(col, dialect);
  if (seq) return seq;
  if (col.serverDefault?.sql) return serverDefaultToIr(col.serverDefault.sql, isJson);
  if (col.default) {
    const { generator, description } = describePython(col.default, 'default');
    return { kind: 'orm', generator, description };
  }
  return undefined;
}

/**
 * Python-side `onupdate=` -> an ORM-managed refresh. `server_onupdate=` (no DDL in SQLAlchemy: the
 * database refreshes the value, by a trigger the project creates) -> the SQL the database refreshes
 * it with; on MySQL, where that would write ON UPDATE into the DDL SQLAlchemy does not write, it
 * stays a described rule.
 */
export function columnOnUpdate(col: ExportColumn, dialect: Dialect): ColumnOnUpdate | undefined {
  if (col.onupdate) return { kind: 'orm', description: describePython(col.onupdate, 'onupdate').description };
  const server = col.serverOnupdate;
  if (!server) return undefined;
  if (server.sql && dialect !== 'mysql') return { kind: 'sql', expression: server.sql };
  return {
    kind: 'orm',
    description: `server_onupdate=${server.sql ?? 'FetchedValue()'}: refreshed by the database (SQLAlchemy writes no DDL for it)`,
  };
}
