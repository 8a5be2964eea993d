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
