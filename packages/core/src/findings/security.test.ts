import { describe, expect, it } from 'vitest';
import type { Ir } from '../ir/types.js';
import { aColumn, anIr, aPrimaryKey, aTable } from '../testing/builders.js';
import { analyze } from './index.js';

const only = (ir: Ir, ruleId: string, piiPatterns?: string[]) =>
  analyze(ir, piiPatterns ? { piiPatterns } : {}).filter((f) => f.ruleId === ruleId);

const people = aTable('people', {
  columns: [
    aColumn('id', 'integer'),
    aColumn('email_address', 'varchar(320)'),
    aColumn('ip', 'inet', { nullable: true }),
    aColumn('dateOfBirth', 'date', { codeName: 'dateOfBirth' }),
    aColumn('nickname', 'text', { tags: [{ name: 'pii' }] }),
    aColumn('zipper_color', 'text'),
    aColumn('shipping', 'text'),
  ],
  primaryKey: aPrimaryKey('people', ['id']),
});

describe('pii-column', () => {
  it('reports columns by name pattern and by @pii tag', () => {
    const found = only(anIr({ tables: [people] }), 'pii-column');
    expect(found.map((f) => f.columns?.[0])).toEqual(['email_address', 'ip', 'dateOfBirth', 'nickname']);
    expect(found[3]!.message).toBe('people.nickname likely holds personal data (tagged @pii).');
    expect(found[1]!.message).toContain('name matches "ip"');
  });

  it('reports a table tagged @pii', () => {
    const t = aTable('contacts', {
      tags: [{ name: 'pii' }],
      columns: [aColumn('id', 'integer')],
      primaryKey: aPrimaryKey('contacts', ['id']),
    });
    const found = only(anIr({ tables: [t] }), 'pii-column');
    expect(found).toHaveLength(1);
    expect(found[0]!.columns).toBeUndefined();
  });

  it('uses configured patterns instead of the defaults (words or /regex/)', () => {
    const found = only(anIr({ tables: [people] }), 'pii-column', ['shipping', '/^zip/']);
    expect(found.map((f) => f.columns?.[0])).toEqual(['nickname', 'zipper_color', 'shipping']);
  });

  it('does not match partial words', () => {
    const t = aTable('orders', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('shipping', 'text'),
        aColumn('zipper', 'text'),
        aColumn('description', 'text'),
      ],
      primaryKey: aPrimaryKey('orders', ['id']),
    });
    expect(only(anIr({ tables: [t] }), 'pii-column')).toEqual([]);
  });
});

describe('secret-column', () => {
  it('reports password/token/hash names and @sensitive tags', () => {
    const t = aTable('accounts', {
      columns: [
        aColumn('id', 'integer'),
        aColumn('password_hash', 'text'),
        aColumn('resetToken', 'text', { nullable: true }),
        aColumn('recovery', 'text', { tags: [{ name: 'sensitive' }] }),
      ],
      primaryKey: aPrimaryKey('accounts', ['id']),
    });
    const found = only(anIr({ tables: [t] }), 'secret-column');
    expect(found.map((f) => f.columns?.[0])).toEqual(['password_hash', 'resetToken', 'recovery']);
    expect(found[0]!.hint).toContain('one-way hash');
    expect(found[1]!.hint).toContain('Store only a hash');
  });

  it('ignores ordinary columns such as monkey or tokenizer_version', () => {
    const t = aTable('things', {
      columns: [aColumn('id', 'integer'), aColumn('monkey', 'text'), aColumn('tokenizer_version', 'integer')],
      primaryKey: aPrimaryKey('things', ['id']),
    });
    expect(only(anIr({ tables: [t] }), 'secret-column')).toEqual([]);
  });
});

describe('personal data and secrets look at types and at what the name says about the value', () => {
  const cols = (table: string, columns: ReturnType<typeof aColumn>[]) =>
    aTable(table, {
      columns: [aColumn('id', 'integer'), ...columns],
      primaryKey: aPrimaryKey(table, ['id']),
    });
  const flagged = (ruleId: string, ...tables: ReturnType<typeof aTable>[]) =>
    only(anIr({ tables }), ruleId).map((f) => `${f.table?.name}.${f.columns?.[0] ?? ''}`);

  it.each([
    ['keyLength', 'integer'],
    ['tokenCount', 'integer'],
    ['passwordUpdatedAt', 'timestamptz'],
    ['passwordEnabled', 'boolean'],
    ['token_type', 'text'],
    ['apiKeyPrefix', 'text'],
    ['tokenExpiresAt', 'timestamp(3)'],
    ['publicKey', 'text'],
    ['key', 'text'],
    ['contentHash', 'text'],
    ['otpEnabled', 'boolean'],
    ['credentialPublicKey', 'bytea'],
    ['partialClientSecret', 'text'],
  ])('%s %s is not a secret', (name, type) => {
    expect(flagged('secret-column', cols('t', [aColumn(name, type, { codeName: name })]))).toEqual([]);
  });

  it.each([
    ['backupCodes', 'text'],
    ['twoFactorSecret', 'text'],
    ['apiKey', 'varchar(64)'],
    ['hashedKey', 'text'],
    ['session_token', 'text'],
    ['passwordResetToken', 'uuid'],
    ['credentials', 'jsonb'],
    ['password', 'bytea'],
  ])('%s %s is a secret', (name, type) => {
    expect(flagged('secret-column', cols('t', [aColumn(name, type)]))).toEqual([`t.${name}`]);
  });

  it.each([
    ['noReplyEmail', 'text'],
    ['no_reply_email', 'text'],
    ['emailCount', 'integer'],
    ['phoneAttempts', 'integer'],
    ['emailVerified', 'timestamp(3)'],
    ['emailVerified', 'boolean'],
    ['addressId', 'uuid'],
    ['address_id', 'integer'],
    ['emailSubject', 'text'],
    ['emailTemplate', 'text'],
    ['ipCount', 'bigint'],
    ['readInEmail', 'timestamp(3)'],
    ['supportEmail', 'text'],
    ['signatureAlgorithm', 'text'],
    ['signatureLevel', 'text'],
    ['emailRateLimits', 'jsonb'],
  ])('%s %s is not personal data', (name, type) => {
    expect(flagged('pii-column', cols('t', [aColumn(name, type)]))).toEqual([]);
  });

  it.each([
    ['signature', 'text'],
    ['signatureImageAsBase64', 'text'],
    ['signature', 'bytea'],
    ['firstName', 'text'],
    ['lastName', 'varchar(100)'],
    ['fullName', 'text'],
    ['replyToEmail', 'text'],
    ['birthDate', 'timestamp(3)'],
    ['gender', 'text'],
    ['latitude', 'double precision'],
  ])('%s %s is personal data', (name, type) => {
    expect(flagged('pii-column', cols('t', [aColumn(name, type)]))).toEqual([`t.${name}`]);
  });

  it('a bare name is a person’s name only on a table of people', () => {
    const name = () => aColumn('name', 'text');
    expect(
      flagged(
        'pii-column',
        cols('User', [name()]),
        cols('recipients', [name()]),
        cols('Team', [name()]),
        cols('tags', [name()]),
      ),
    ).toEqual(['User.name', 'recipients.name']);
  });
});
