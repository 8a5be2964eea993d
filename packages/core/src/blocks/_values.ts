import { nameTokens } from '../findings/_util.js';
import type { Column, Enum, Table } from '../ir/types.js';
import { allowedValues, clampToBounds, numericBounds } from './_checks.js';
import { singularize } from './_names.js';

/** Everything a sample value depends on: deterministic in (table, column, row). */
export interface ValueContext {
  table: Table;
  column: Column;
  row: number;
  enumDef?: Enum;
}

const PEOPLE = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
];
const COMPANIES = [
  'Acme Publishing',
  'Globex Media',
  'Initech Press',
  'Umbrella News',
  'Stark Journal',
  'Wayne Weekly',
];
const SLUGS = ['getting-started', 'release-notes', 'hello-world', 'roadmap-2025', 'faq', 'changelog'];
const TITLES = ['Getting Started', 'Release Notes', 'Hello World', 'Roadmap 2025', 'FAQ', 'Changelog'];
const TAGS = ['postgres', 'typescript', 'design', 'security', 'performance', 'news'];
const SENTENCES = [
  'A short introduction to the platform.',
  'Notes on what changed in this release.',
  'Thanks for the detailed write-up!',
  'Could you share the benchmark numbers?',
  'A longer explanation with examples.',
  'Plans for the next quarter.',
];
const PERSON_TABLES =
  /^(user|person|people|member|customer|author|employee|contact|profile|account|player|student|patient|admin)/;
const ORG_TABLES = /^(organi[sz]ation|org|company|companie|tenant|workspace|team|business|vendor|supplier)/;
const TAG_TABLES = /^(tag|label|categor|topic|keyword)/;

/** A deterministic hex string from a key (FNV-1a, extended). */
export function hexFrom(key: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${key}#${round}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** A valid, deterministic version-4 UUID. */
export function uuidFrom(key: string): string {
  const h = hexFrom(key, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[Number.parseInt(h[16] ?? '0', 16) % 4] ?? '8';
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

const pick = <T>(list: T[], i: number): T => list[i % list.length] as T;
/** Keep values distinct across rows even after the list wraps around. */
const distinct = (list: string[], i: number, sep = ' '): string =>
  i < list.length ? (list[i] as string) : `${pick(list, i)}${sep}${Math.floor(i / list.length) + 1}`;

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

function stringValue(ctx: ValueContext, words: string[], joined: string): string {
  const { table, column, row } = ctx;
  const tableWord = nameTokens(singularize(table.name)).join('_');
  const has = (w: string) => words.includes(w);
  const allowed = allowedValues(table, column.name);
  if (allowed) return pick(allowed, row);
  const person = PEOPLE[row % PEOPLE.length] as string;
  const first = (person.split(' ')[0] ?? 'ada').toLowerCase();
  if (has('email') || has('emails'))
    return row < PEOPLE.length ? `${first}@example.com` : `${first}${row + 1}@example.com`;
  if (has('slug')) return distinct(SLUGS, row, '-');
  if (has('title') || has('headline') || has('subject')) return distinct(TITLES, row);
  if (/(^|_)(first_name|given_name)$/.test(joined)) return person.split(' ')[0] ?? person;
  if (/(^|_)(last_name|family_name|surname)$/.test(joined)) return person.split(' ')[1] ?? person;
  if (has('url') || has('link') || has('website') || has('href')) {
    const kind = words.find((w) => !['url', 'link', 'href'].includes(w)) ?? 'page';
    return `https://example.com/${kind}s/${row + 1}${kind === 'avatar' || kind === 'image' ? '.png' : ''}`;
  }
  if (has('phone') || has('mobile')) return `+1-202-555-01${String(row + 1).padStart(2, '0')}`;
  if (has('ip')) return row % 2 === 0 ? `192.0.2.${10 + row}` : `198.51.100.${10 + row}`;
  if (has('timezone') || has('tz')) return pick(['UTC', 'Europe/London', 'America/New_York'], row);
  if (has('locale')) return pick(['en', 'fr', 'de'], row);
  if (has('language') || has('lang')) return pick(['en', 'fr', 'de'], row);
  if (has('country')) return pick(['US', 'GB', 'DE'], row);
  if (has('currency')) return pick(['EUR', 'USD', 'GBP'], row);
  if (has('color') || has('colour')) return pick(['#3366ff', '#ff6633', '#33cc99'], row);
  if (
    has('password') ||
    has('hash') ||
    has('token') ||
    has('secret') ||
    has('checksum') ||
    has('digest') ||
    has('key') ||
    has('salt')
  )
    return hexFrom(`${table.name}.${column.name}.${row}`, maxLength(column.type.sql) ?? 64);
  if (has('file') && (has('name') || has('path')))
    return `report-${row + 1}.${pick(['pdf', 'png', 'csv'], row)}`;
  if ((has('content') && has('type')) || has('mime'))
    return pick(['application/pdf', 'image/png', 'text/csv'], row);
  if (has('action') || has('event'))
    return pick(['post.published', 'member.invited', 'comment.created'], row);
  if (joined.endsWith('_type') || has('kind') || has('type'))
    return pick([tableWord === 'audit_log' ? 'post' : 'standard', 'user', 'comment'], row);
  if (joined.endsWith('_id') || has('ref') || has('reference') || has('external')) return String(row + 1);
  if (has('city')) return pick(['London', 'Berlin', 'Lisbon'], row);
  if (has('address') || has('street')) return `${12 + row} Example Street`;
  if (has('zip') || has('postal') || has('postcode')) return pick(['10115', 'SW1A 1AA', '1000-001'], row);
  if (has('status') || has('state')) return pick(['active', 'pending', 'archived'], row);
  if (
    ['body', 'content', 'text', 'description', 'bio', 'summary', 'comment', 'note', 'notes', 'message'].some(
      has,
    )
  )
    return pick(SENTENCES, row);
  if (has('name') || has('label')) {
    if (PERSON_TABLES.test(tableWord) || ['display', 'full', 'user', 'author'].some(has))
      return distinct(PEOPLE, row);
    if (ORG_TABLES.test(tableWord)) return distinct(COMPANIES, row);
    if (TAG_TABLES.test(tableWord)) return distinct(TAGS, row, '-');
    const label = tableWord.replace(/_/g, ' ');
    return `${label.charAt(0).toUpperCase()}${label.slice(1)} ${row + 1}`;
  }
  if (has('code') || has('sku'))
    return `${column.name.slice(0, 3).toUpperCase()}-${String(row + 1).padStart(3, '0')}`;
  return `${words.join(' ') || 'value'} ${row + 1}`;
}

function integerValue(ctx: ValueContext, words: string[], integer: boolean): number {
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

const SOFT_DELETE = /^(deleted|archived|removed|revoked|banned)(_at|_on|_date)?$/;

function scalar(ctx: ValueContext): unknown {
  const { column, row, table } = ctx;
  const words = nameTokens(column.name);
  const joined = words.join('_');
  // Live rows: soft-delete markers stay empty.
  if (column.nullable && SOFT_DELETE.test(joined)) return null;
  const sql = column.type.sql.toLowerCase();
  switch (column.type.category) {
    case 'enum': {
      const values = ctx.enumDef?.values.map((v) => v.name) ?? allowedValues(table, column.name) ?? [];
      return values.length > 0 ? pick(values, row) : null;
    }
    case 'string':
      return fitLength(stringValue(ctx, words, joined), column.type.sql, row);
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
    case 'datetime': {
      const offset = words.includes('expires') || words.includes('expiry') || words.includes('due') ? 30 : 0;
      return timestamp(row, offset, /tz|with time zone/.test(sql));
    }
    case 'date':
      return timestamp(row, 0, false).slice(0, 10);
    case 'time':
      return `${10 + row}:30:00`;
    case 'interval':
      return `${row + 1} days`;
    case 'json':
      if (words.includes('settings') || words.includes('preferences') || words.includes('config'))
        return pick([{ theme: 'light' }, { theme: 'dark', notifications: true }], row);
      if (words.includes('metadata') || words.includes('meta') || words.includes('context'))
        return pick([{ source: 'web' }, { source: 'api', version: 2 }], row);
      return { key: `value ${row + 1}` };
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
