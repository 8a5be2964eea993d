import { describe, expect, it } from 'vitest';
import type { Dialect } from '../ir/types.js';
import { aColumn } from '../testing/builders.js';
import { renderDefault } from './defaults.js';
import type { DdlDialect } from './identifiers.js';

/** One row per well-known default expression, source dialect and target: what the DDL says. */
describe('renderDefault: well-known expressions, row by row', () => {
  it.each([
    // PostgreSQL-only functions stay as written on PostgreSQL (their extension is created first).
    ['postgresql', 'postgresql', 'uuid_generate_v4()', { clause: 'uuid_generate_v4()' }],
    ['postgresql', 'postgresql', 'uuid_generate_v1()', { clause: 'uuid_generate_v1()' }],
    ['postgresql', 'postgresql', 'gen_random_uuid()', { clause: 'gen_random_uuid()' }],
    ['postgresql', 'postgresql', 'now()', { clause: 'now()' }],
    ['postgresql', 'postgresql', 'CURRENT_TIMESTAMP', { clause: 'CURRENT_TIMESTAMP' }],
    ['mysql', 'postgresql', 'uuid()', { clause: 'gen_random_uuid()' }],
    ['mysql', 'postgresql', 'CURRENT_TIMESTAMP(3)', { clause: 'CURRENT_TIMESTAMP' }],
    ['postgresql', 'mysql', 'gen_random_uuid()', { clause: '(uuid())' }],
    ['postgresql', 'mysql', 'uuid_generate_v4()', { clause: '(uuid())' }],
    ['postgresql', 'mysql', 'now()', { clause: 'CURRENT_TIMESTAMP(3)' }, 'datetime(3)'],
    ['postgresql', 'sqlite', 'now()', { clause: 'CURRENT_TIMESTAMP' }],
  ] as Array<[Dialect, DdlDialect, string, object, string?]>)(
    '%s %s: %s',
    (source, target, expression, out, type) => {
      const col = aColumn('c', type ?? (target === 'mysql' ? 'varchar(36)' : 'uuid'), {
        default: { kind: 'sql', expression },
      });
      expect(renderDefault(source, target, col, col.type.sql)).toEqual(out);
    },
  );

  it('SQLite has no UUID function: a note, no clause', () => {
    const col = aColumn('c', 'text', { default: { kind: 'sql', expression: 'gen_random_uuid()' } });
    expect(renderDefault('postgresql', 'sqlite', col, 'text').clause).toBeUndefined();
  });
});
