import { describe, expect, it } from 'vitest';
import type { Column, ColumnCategory, Ir, Table } from '../ir/types.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';
import {
  ABOUT_THE_VALUE,
  defaultPiiPatterns,
  NOT_THE_VALUE_BEFORE,
  PERSON_WORDS,
  secretPatterns,
} from './rules/_words.js';
import { isPersonTable, valuePattern } from './rules/security.js';

// The personal-data and secret rules, one row per word of their word lists and per value category
// (mutation tests: see CONTRIBUTING.md, "Mutation testing").

const only = (ir: Ir, ruleId: string) => analyze(ir).filter((f) => f.ruleId === ruleId);
const typed = (name: string, category: ColumnCategory, more: Partial<Column> = {}) =>
  aColumn(name, 'x', { type: { sql: 'x', category, isArray: false }, ...more });
const tableWith = (columns: Column[], overrides: Partial<Table> = {}) =>
  aTable('t', {
    columns: [aColumn('id', 'integer'), ...columns],
    primaryKey: aPrimaryKey('t', ['id']),
    ...overrides,
  });
const why = (ruleId: string, col: Column, overrides: Partial<Table> = {}) =>
  only(anIr({ tables: [tableWith([col], overrides)] }), ruleId)
    .filter((f) => f.columns)
    .map((f) => /\((.*)\)\.$/.exec(f.message)?.[1]);

// A pattern another pattern already matches wherever it matches (`ip` before `ip_address`) is
// reported as that other one; each of the rest is reported as itself.
const SUBSUMED = new Set(['ip_address', 'phone_number', 'secret_key']);

describe('each default personal-data pattern flags a text column named so', () => {
  it.each(defaultPiiPatterns)('%s', (p) => {
    const found = why('pii-column', typed(p, 'string'));
    expect(found).toHaveLength(1);
    if (!SUBSUMED.has(p)) expect(found[0]).toBe(`name matches "${p}"`);
  });
});

describe('each secret pattern flags a text column named so', () => {
  it.each(secretPatterns)('%s', (p) => {
    const found = why('secret-column', typed(p, 'string'));
    expect(found).toHaveLength(1);
    if (!SUBSUMED.has(p)) expect(found[0]).toBe(`name matches "${p}"`);
  });
});

describe('each word after the match that describes the value', () => {
  it.each([...ABOUT_THE_VALUE])('email_%s is not personal data, password_%s no secret', (w) => {
    expect(why('pii-column', typed(`email_${w}`, 'string'))).toEqual([]);
    expect(why('secret-column', typed(`password_${w}`, 'string'))).toEqual([]);
  });
});

describe('each word before the match that says it is not the value', () => {
  it.each([...NOT_THE_VALUE_BEFORE])('%s_email is not personal data', (w) => {
    expect(why('pii-column', typed(`${w}_email`, 'string'))).toEqual([]);
  });
  it('only directly before or anywhere before, not after', () => {
    expect(why('pii-column', typed('support_team_email', 'string'))).toEqual([]);
    expect(why('pii-column', typed('email_sender_x', 'string'))).toHaveLength(1);
    expect(why('pii-column', typed('no_email', 'string'))).toHaveLength(1);
    expect(why('pii-column', typed('reply_email', 'string'))).toHaveLength(1);
  });
});

describe('each word that makes a table one of people', () => {
  it.each([...PERSON_WORDS])('a name on %s is a person’s name', (w) => {
    expect(isPersonTable(aTable(`app_${w}`))).toBe(true);
    expect(why('pii-column', typed('name', 'string'), { name: w })).toEqual([
      `a name on ${w}, a table of people`,
    ]);
  });
  it('the last word counts, by code name first', () => {
    expect(isPersonTable(aTable('user_settings'))).toBe(false);
    expect(isPersonTable(aTable('t', { codeName: 'Customer' }))).toBe(true);
    expect(isPersonTable(aTable('customers', { codeName: 'Account' }))).toBe(false);
    expect(isPersonTable(aTable('__'))).toBe(false);
  });
  it('only a string column named exactly name', () => {
    expect(why('pii-column', typed('name', 'json'), { name: 'users' })).toEqual([]);
    expect(why('pii-column', typed('name_x', 'string'), { name: 'users' })).toEqual([]);
    expect(why('pii-column', typed('Name', 'string'), { name: 'users' })).toHaveLength(1);
    expect(why('pii-column', typed('name', 'string'), { name: 'tags' })).toEqual([]);
  });
});

const categories: ColumnCategory[] = [
  'string',
  'integer',
  'bigint',
  'decimal',
  'float',
  'boolean',
  'datetime',
  'date',
  'time',
  'interval',
  'json',
  'uuid',
  'binary',
  'enum',
  'network',
  'geometry',
  'vector',
  'other',
];

describe('value categories', () => {
  const noSecret = new Set([
    'integer',
    'bigint',
    'decimal',
    'float',
    'boolean',
    'datetime',
    'date',
    'time',
    'interval',
    'enum',
  ]);
  it.each(categories)('a password of category %s', (c) => {
    expect(why('secret-column', typed('password', c))).toHaveLength(noSecret.has(c) ? 0 : 1);
  });
  const notPersonal = new Set(['integer', 'bigint', 'boolean', 'interval', 'uuid']);
  const temporal = new Set(['datetime', 'date', 'time']);
  it.each(categories)('an email and a date of birth of category %s', (c) => {
    expect(why('pii-column', typed('email', c))).toHaveLength(notPersonal.has(c) || temporal.has(c) ? 0 : 1);
    expect(why('pii-column', typed('dob', c))).toHaveLength(notPersonal.has(c) ? 0 : 1);
  });
  it.each(['birth', 'birthday', 'birthdate', 'dob', 'date_of_birth'])('%s is personal as a date', (name) => {
    expect(why('pii-column', typed(name, 'date'))).toHaveLength(1);
  });
  it('a tag counts whatever the category', () => {
    expect(why('pii-column', typed('n', 'integer', { tags: [{ name: 'pii' }] }))).toEqual(['tagged @pii']);
    expect(why('secret-column', typed('n', 'boolean', { tags: [{ name: 'sensitive' }] }))).toEqual([
      'tagged @sensitive',
    ]);
    expect(why('secret-column', typed('n', 'string', { tags: [{ name: 'pii' }] }))).toEqual([]);
  });
});

describe('valuePattern', () => {
  it.each([
    ['home_ip', ['ip'], 'ip'],
    ['ip', ['ip_address'], undefined],
    ['ipAddressHistory', ['ip_address'], 'ip_address'],
    ['UserSSN', ['/ssn/'], '/ssn/'],
    ['user_ssn', ['/^ssn$/'], undefined],
    ['anything', ['//'], undefined],
    ['anything', ['__'], undefined],
    ['zip', ['__', 'zip'], 'zip'],
    ['email', ['phone', 'email'], 'email'],
    ['emailVerifiedEmail', ['email'], 'email'],
  ] as const)('%s with %j: %s', (name, patterns, expected) => {
    expect(valuePattern(name, [...patterns])).toBe(expected);
  });

  it('matches the code name too', () => {
    expect(why('pii-column', typed('col_1', 'string', { codeName: 'email' }))).toEqual([
      'name matches "email"',
    ]);
  });
  it('uses configured patterns instead of the defaults', () => {
    const t = tableWith([typed('email', 'string'), typed('badge', 'string')]);
    const found = analyze(anIr({ tables: [t] }), { piiPatterns: ['badge'] }).filter(
      (f) => f.ruleId === 'pii-column',
    );
    expect(found.map((f) => f.columns?.[0])).toEqual(['badge']);
  });
});

describe('messages and hints', () => {
  it('a personal-data column', () => {
    const [f] = only(anIr({ tables: [tableWith([typed('email', 'string')])] }), 'pii-column');
    expect(f?.message).toBe('t.email likely holds personal data (name matches "email").');
    expect(f?.hint).toBe(
      'Restrict who can read email, mask it in non-production copies and include it in data export/erasure requests.',
    );
  });
  it('a secret: a hash stays a hash, anything else is stored hashed', () => {
    const hints = only(
      anIr({
        tables: [
          tableWith([
            typed('password_hash', 'string'),
            typed('token_digest', 'string'),
            typed('api_key', 'string'),
          ]),
        ],
      }),
      'secret-column',
    ).map((f) => f.hint);
    expect(hints).toEqual([
      'Keep password_hash a one-way hash (a slow, salted one such as argon2/bcrypt for passwords) and never log it.',
      'Keep token_digest a one-way hash (a slow, salted one such as argon2/bcrypt for passwords) and never log it.',
      'Store only a hash (or an encrypted value) in api_key, never the plain secret, and keep it out of logs and exports.',
    ]);
  });
  it('tagged tables', () => {
    const people = tableWith([], { name: 'people', tags: [{ name: 'pii' }, { name: 'sensitive' }] });
    const found = analyze(anIr({ tables: [people] })).filter((f) => !f.columns && f.category === 'security');
    expect(found.map((f) => [f.ruleId, f.message])).toEqual([
      ['pii-column', 'people is tagged @pii: its rows describe people.'],
      ['secret-column', 'people is tagged @sensitive: it holds credentials or other secrets.'],
    ]);
  });
});
