import { describe, expect, it } from 'vitest';
import { tableFilter } from './filters.js';

describe('tablesFilter (drizzle-kit semantics)', () => {
  it('keeps everything without patterns', () => {
    expect(tableFilter(undefined)('anything')).toBe(true);
  });
  it('keeps matches, and a negation excludes', () => {
    const keep = tableFilter(['*', '!tmp_*']);
    expect(['users', 'tmp_import', 'tmp'].filter(keep)).toEqual(['users', 'tmp']);
  });
  it('supports braces and a single string', () => {
    const keep = tableFilter('{users,posts}');
    expect(['users', 'posts', 'tags'].filter(keep)).toEqual(['users', 'posts']);
  });
  it('a lone negation keeps what it does not match', () => {
    expect(['a_x', 'b_x'].filter(tableFilter('!a_*'))).toEqual(['b_x']);
  });
});
