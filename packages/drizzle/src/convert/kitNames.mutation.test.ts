import { describe, expect, it } from 'vitest';
import { kit1ColumnUniqueName, kit1ForeignKeyName, kit1PrimaryKeyName, kitHash } from './kitNames.js';

/**
 * drizzle-kit 1.0's default key names. The expected names below are the ones drizzle-kit
 * 1.0.0-rc.5 (test/fixtures/rc1) wrote into its own DDL (`rcKitDdl` of test/_rc.ts) for tables
 * `p`×20 (`id` primary key) and `{letter}×n` with `p_id integer references p.id`: the desired
 * name `{table}_p_id_{p×20}_id_fkey` is n + 34 characters long.
 */
const P = 'p'.repeat(20);
const fkOf = (table: string) => kit1ForeignKeyName(table, ['p_id'], P, ['id']);

describe('kit1ForeignKeyName, as drizzle-kit 1.0 wrote it', () => {
  it.each([
    // 63 characters: kept whole (PostgreSQL's limit)
    ['e'.repeat(29), `${'e'.repeat(29)}_p_id_${P}_id_fkey`],
    // 64: the table, then the hash of the desired name
    ['f'.repeat(30), `${'f'.repeat(30)}_znmwbYk7oNkY_fkey`],
    ['e'.repeat(33), `${'e'.repeat(33)}_VCDaKHg76mVr_fkey`],
    // a table name of 44 characters still leads the name; from 45 on, the hash alone
    ['c'.repeat(44), `${'c'.repeat(44)}_oHtn34LxpP6w_fkey`],
    ['d'.repeat(45), 'LWsnGLol7blm_fkey'],
  ])('%s', (table, expected) => {
    expect(fkOf(table)).toBe(expected);
  });

  it('joins several columns of each side with _', () => {
    expect(kit1ForeignKeyName('a', ['x', 'y'], 'b', ['u', 'v'])).toBe('a_x_y_b_u_v_fkey');
  });
});

describe('kitHash', () => {
  it('is 12 base-62 characters unless told another length', () => {
    expect(kitHash('anything')).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(kitHash('anything', 5)).toHaveLength(5);
    // the shorter hash is the low digits of the longer one (the same number, fewer digits)
    expect(kitHash('anything').endsWith(kitHash('anything', 5))).toBe(true);
  });

  it('of the empty text is zero', () => {
    expect(kitHash('')).toBe('000000000000');
  });

  it('a one-character text is its code point in base 62', () => {
    // 'a' = 97 = 1 * 62 + 35: digits 1 and z ('z' is the 36th character, index 35)
    expect(kitHash('a')).toBe('00000000001z');
    expect(kitHash('0')).toBe('00000000000M'); // 48 = 0 * 62 + 48: 'M' (A is 36)
  });

  it('weighs each character by a power of 53', () => {
    // 'ab' = 97 + 98 * 53 = 5291 = 1 * 62^2 + 23 * 62 + 21: digits 1, n, l
    expect(kitHash('ab')).toBe('0000000001nl');
  });

  it('reads characters past the basic plane as one code point', () => {
    // U+1F600 = 128512 = 33 * 62^2 + 26 * 62 + 48: digits x, q, M
    expect(kitHash('\u{1F600}')).toBe('000000000xqM');
  });

  it('keeps the value modulo 62^length', () => {
    // 'a' = 97 modulo 62 = 35 ('z') with one digit
    expect(kitHash('a', 1)).toBe('z');
  });
});

describe('the other kit-1 names', () => {
  it('{table}_pkey and {table}_{column}_key', () => {
    expect(kit1PrimaryKeyName('users')).toBe('users_pkey');
    expect(kit1ColumnUniqueName('users', 'email')).toBe('users_email_key');
  });
});
