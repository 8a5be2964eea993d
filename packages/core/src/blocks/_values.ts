import { nameTokens } from '../findings/_util.js';
import { jsonShape } from '../findings/rules/validation.js';
import type { Column, Enum, Table } from '../ir/types.js';
import { allowedValues, clampToBounds, numericBounds } from './_checks.js';
import { hexFrom, uuidFrom } from './_hash.js';
import { pick, stringValue, tableKind } from './_text.js';

export { hexFrom, uuidFrom } from './_hash.js';

/** Everything a sample value depends on: deterministic in (table, column, row). */
export interface ValueContext {
  table: Table;
  column: Column;
  row: number;
  enumDef?: Enum;
}

/** The declared length of varchar(n)/char(n)/nvarchar(n), if any. */
export function maxLength(sql: string): number | undefined {
  const m =
    /^(?:varchar|char|character varying|character|nvarchar|nchar|varbinary|bit varying)\((\d+)\)/i.exec(sql);
  return m ? Number(m[1]) : undefined;
}

function fitLength(value: string, sql: string, row: number): string {
  const max = maxLength(sql);
  if (max === undefined || value.length <= max) return value;
  const suffix = String(row + 1);
  return max > suffix.length + 1 ? value.slice(0, max - suffix.length) + suffix : value.slice(0, max);
}

function timestamp(row: number, offsetDays: number, withZone: boolean): string {
  const d = new Date(Date.UTC(2025, 1, 2 + row + offsetDays, 10, 30, 0));
  const iso = d.toISOString().replace('.000Z', 'Z');
  return withZone ? iso : iso.slice(0, -1);
}

/**
 * What a timestamp column records, from its name: when the row was created or changed, a
 * deadline (`expires_at`), a last use (`last_used_at`), a soft delete (`deleted_at`), a milestone
 * reached later (`published_at`, `accepted_at`: a past participle) or something else.
 */
export type MomentKind = 'created' | 'deadline' | 'last-use' | 'soft-delete' | 'milestone' | 'plain';

const SOFT_DELETE = /^(deleted|archived|removed|revoked|banned)(_at|_on|_date)?$/;
const CREATED =
  /^(created|inserted|updated|modified|changed|creation|last_modified|date_created|date_modified)(_at|_on|_date|_time)?$/;

export function momentKind(column: Pick<Column, 'name'>): MomentKind {
  const words = nameTokens(column.name);
  const joined = words.join('_');
  if (SOFT_DELETE.test(joined)) return 'soft-delete';
  if (CREATED.test(joined)) return 'created';
  const has = (w: string) => words.includes(w);
  if (['expires', 'expiry', 'expiration', 'due', 'until', 'deadline', 'ends'].some(has)) return 'deadline';
  if (has('last') || ['used', 'seen', 'login', 'accessed'].some(has)) return 'last-use';
  const stem = words.filter((w) => !['at', 'on', 'date', 'time', 'timestamp'].includes(w));
  if (stem.length > 0 && stem.every((w) => w.endsWith('ed'))) return 'milestone';
  return 'plain';
}

const OFFSET_DAYS: Record<MomentKind, number> = {
  created: 0,
  plain: 0,
  milestone: 1,
  'last-use': 3,
  'soft-delete': 10,
  deadline: 30,
};

/** A timestamp for the column in this row, ordered by meaning: created < milestone < last use < deadline. */
export function timestampValue(column: Column, row: number): string {
  const sql = column.type.sql.toLowerCase();
  return timestamp(row, OFFSET_DAYS[momentKind(column)], /tz|with time zone/.test(sql));
}

/**
 * Does a nullable timestamp stay NULL in this row? Soft-delete markers always (live rows); a deadline
 * in odd rows (no deadline); a milestone, last use or other event in even rows (not happened yet),
 * so every nullable timestamp is NULL in at least one row out of two.
 */
export function timestampIsNull(column: Column, row: number): boolean {
  if (!column.nullable) return false;
  switch (momentKind(column)) {
    case 'soft-delete':
      return true;
    case 'created':
      return false;
    case 'deadline':
      return row % 2 === 1;
    case 'last-use':
    case 'milestone':
    case 'plain':
      return row % 2 === 0;
  }
}

/** Enum values in the order rows use them; invitation-like rows start at the column default (`member`, not `owner`). */
function enumValues(ctx: ValueContext, values: string[]): string[] {
  const d = ctx.column.default;
  const start = d?.kind === 'literal' && typeof d.value === 'string' ? values.indexOf(d.value) : -1;
  if (tableKind(ctx.table) !== 'invite' || start < 0) return values;
  // From the default towards the first (most privileged) value, then the rest.
  return [...values.slice(0, start + 1).reverse(), ...values.slice(start + 1)];
}

function integerValue(ctx: ValueContext, words: readonly string[], integer: boolean): number {
  const has = (w: string) => words.includes(w);
  const { row } = ctx;
  let v: number;
  if (has('bytes') || has('size')) v = 24576 * (row + 1);
  else if (has('count') || has('views') || has('total') || has('quantity') || has('qty'))
    v = pick([42, 7, 128], row);
  else if (has('price') || has('amount') || has('cost') || has('balance'))
    v = integer ? 1999 + row * 1000 : 19.99 + row * 10;
  else if (has('age')) v = 36 + row;
  else if (has('year')) v = 2025 - row;
  else if (has('rating') || has('score')) v = pick([5, 4, 3], row);
  else if (has('percent') || has('ratio')) v = integer ? 50 + row : 0.5 + row / 10;
  else v = integer ? row + 1 : 1.5 + row;
  const bounds = numericBounds(ctx.table, ctx.column.name);
  const c = clampToBounds(v, bounds, integer);
  // Clamped values would collide across rows: spread them again inside the bounds.
  return c === v ? c : clampToBounds(c + row * (integer ? 1 : 0.01), bounds, integer);
}

/**
 * A string value in the format the column's description documents, when it documents one: a
 * `YYYY-MM` period is sampled as `2025-01`, a column described as an email address gets an address
 * even when its name (`address`, `recipient`) suggests something else.
 */
export function documentedString(table: Table, column: Column, row: number): string | undefined {
  const text = column.description ?? '';
  if (text === '') return undefined;
  const day = timestamp(row, 0, false).slice(0, 10);
  if (/\bYYYY-MM-DD\b/.test(text)) return day;
  if (/\bYYYY-MM\b/.test(text))
    return day.slice(0, 7).replace(/-\d\d$/, `-${String(row + 1).padStart(2, '0')}`);
  if (/\bYYYYMMDD\b/.test(text)) return day.replace(/-/g, '');
  if (/\bHH:MM:SS\b/i.test(text)) return `${10 + row}:30:00`;
  if (/\bHH:MM\b/i.test(text)) return `${10 + row}:30`;
  // Sampled as a column named `email` is: distinct addresses, one per row.
  if (/^\W*(the\s+|an?\s+)?e-?mail\b|\be-?mail address(es)?\b/i.test(text))
    return stringValue(table, { ...column, name: 'email' }, row, maxLength(column.type.sql));
  return undefined;
}

/** A JSON value of the documented top-level shape: its default (`'[]'`, `{}`) or a `[Type[]]` annotation. */
function documentedJson(column: Column): 'array' | 'object' | undefined {
  const shape = jsonShape(column);
  if (shape) return shape;
  const annotation = column.tags.find((t) => t.name === 'json-type')?.value?.trim();
  if (annotation === undefined) return undefined;
  return /\[\]$|^Array<|^ReadonlyArray<|^\[/.test(annotation) ? 'array' : 'object';
}

function scalar(ctx: ValueContext): unknown {
  const { column, row, table } = ctx;
  const words = nameTokens(column.name);
  const joined = words.join('_');
  // Live rows: soft-delete markers stay empty.
  if (column.nullable && SOFT_DELETE.test(joined)) return null;
  if (column.type.category === 'datetime' && timestampIsNull(column, row)) return null;
  const sql = column.type.sql.toLowerCase();
  switch (column.type.category) {
    case 'enum': {
      const values = ctx.enumDef?.values.map((v) => v.name) ?? allowedValues(table, column.name) ?? [];
      return values.length > 0 ? pick(enumValues(ctx, values), row) : null;
    }
    case 'string':
      return fitLength(
        documentedString(table, column, row) ?? stringValue(table, column, row, maxLength(column.type.sql)),
        column.type.sql,
        row,
      );
    case 'integer':
    case 'bigint':
      return integerValue(ctx, words, true);
    case 'decimal': {
      const scale = /\(\s*\d+\s*,\s*(\d+)\s*\)/.exec(sql);
      const v = integerValue(ctx, words, false);
      return scale && Number(scale[1]) === 0 ? Math.round(v) : v;
    }
    case 'float':
      return integerValue(ctx, words, false);
    case 'boolean':
      return row % 2 === 0;
    case 'datetime':
      return timestampValue(column, row);
    case 'date':
      return timestamp(row, 0, false).slice(0, 10);
    case 'time':
      return `${10 + row}:30:00`;
    case 'interval':
      return `${row + 1} days`;
    case 'json': {
      // A documented shape wins over a guess from the name; a typed JSON object of unknown fields is `{}`.
      const shape = documentedJson(column);
      if (shape === 'array') return [];
      if (words.includes('settings') || words.includes('preferences') || words.includes('config'))
        return pick([{ theme: 'light' }, { theme: 'dark', notifications: true }], row);
      if (words.includes('metadata') || words.includes('meta') || words.includes('context'))
        return pick([{ source: 'web' }, { source: 'api', version: 2 }], row);
      return shape === 'object' ? {} : { key: `value ${row + 1}` };
    }
    case 'uuid':
      return uuidFrom(`${table.schema ?? ''}.${table.name}.${column.name}.${row}`);
    case 'binary':
      return `\\x${hexFrom(`${table.name}.${column.name}.${row}`, 8)}`;
    case 'network':
      if (sql.startsWith('macaddr')) return `08:00:2b:01:02:0${row % 10}`;
      if (sql.startsWith('cidr')) return `192.0.${2 + row}.0/24`;
      return `192.0.2.${10 + row}`;
    case 'vector': {
      const dims = Number(/\((\d+)\)/.exec(sql)?.[1] ?? 3);
      return `[${Array.from({ length: dims }, (_, k) => ((row + 1) * (k + 1)) / 10).join(',')}]`;
    }
    case 'geometry':
      return sql.startsWith('point') ? `(${row + 1},${row + 2})` : null;
    case 'other':
      return null;
  }
}

/** One sample value for a column, consistent with its type, enum, length and simple checks. */
export function sampleValue(ctx: ValueContext): unknown {
  const v = scalar(ctx);
  if (!ctx.column.type.isArray) return v;
  return v === null ? [] : [v];
}
