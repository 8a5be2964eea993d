import type { Column, Dialect } from '../ir/types.js';
import { type DdlDialect, sqlString } from './identifiers.js';
import { sameDialect, timePrecision } from './types.js';

/** What a column's default becomes in DDL: a `DEFAULT` clause, and/or a note for a comment. */
export interface RenderedDefault {
  clause?: string;
  note?: string;
}

const NOW = /^(now\(\)|current_timestamp(\(\d*\))?|localtimestamp|transaction_timestamp\(\))$/i;
const UUID = /^(gen_random_uuid\(\)|uuid\(\)|uuid_generate_v4\(\))$/i;

/**
 * The DEFAULT clause of a column for the target dialect. Database-side defaults only: ORM-side
 * defaults come back as a note. Sequences/identity are rendered with the type, not here.
 * Expressions of another dialect are translated when they are well known (now(), uuid) and
 * otherwise left out with a note, so that the DDL always executes.
 */
export function renderDefault(
  source: Dialect,
  target: DdlDialect,
  column: Column,
  targetType: string,
): RenderedDefault {
  const d = column.default;
  if (!d) return {};
  switch (d.kind) {
    case 'sequence':
      return {};
    case 'orm':
      return { note: `default set by the ORM: ${d.description || d.generator}` };
    case 'literal': {
      const sql = sameDialect(source, target) ? d.sql : literalSql(target, d.value, d.sql);
      return { clause: target === 'mysql' && needsParens(targetType) ? parens(sql) : sql };
    }
    case 'sql':
      return expressionDefault(source, target, d.expression, targetType);
  }
}

function expressionDefault(
  source: Dialect,
  target: DdlDialect,
  expr: string,
  targetType: string,
): RenderedDefault {
  const e = expr.trim();
  if (NOW.test(e)) {
    if (target !== 'mysql') return { clause: sameDialect(source, target) ? e : 'CURRENT_TIMESTAMP' };
    const fsp = timePrecision(targetType);
    return { clause: fsp ? `CURRENT_TIMESTAMP(${fsp})` : 'CURRENT_TIMESTAMP' };
  }
  if (UUID.test(e)) {
    if (target === 'postgresql') return { clause: /^uuid_generate_v4/i.test(e) ? e : 'gen_random_uuid()' };
    if (target === 'mysql') return { clause: '(uuid())' };
    return { note: `default in ${source}: ${e} (SQLite has no UUID function; set it in the application)` };
  }
  if (sameDialect(source, target))
    return {
      clause: target === 'mysql' && !/^\(.*\)$/s.test(e) ? parens(e) : target === 'sqlite' ? parens(e) : e,
    };
  return { note: `default in ${source}: ${e} (not translated to ${target})` };
}

/** A literal of another dialect, re-rendered from its value. */
function literalSql(target: DdlDialect, value: unknown, original: string): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return sqlString(target, value);
  if (Array.isArray(value) || typeof value === 'object') return sqlString(target, JSON.stringify(value));
  return original;
}

const parens = (s: string) => (/^\(.*\)$/s.test(s) ? s : `(${s})`);

/** MySQL only accepts expression defaults (in parentheses) on JSON, TEXT, BLOB and geometry columns. */
function needsParens(type: string): boolean {
  return /^(json|tinytext|text|mediumtext|longtext|tinyblob|blob|mediumblob|longblob|geometry)\b/i.test(type);
}
