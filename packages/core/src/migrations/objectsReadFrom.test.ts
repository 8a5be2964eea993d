import { describe, expect, it } from 'vitest';
import { objectsComplete } from '../ir/objects.js';
import { anIr } from '../testing/builders.js';
import { applyMigrationObjects } from './merge.js';
import { EMPTY_MIGRATION_OBJECTS } from './read.js';

describe('a migrations folder read in full is recorded in source.objectsReadFrom', () => {
  it('even when it holds no object beyond tables: "none" is then known', () => {
    const before = anIr();
    expect(objectsComplete(before)).toBe(false);
    const after = applyMigrationObjects(before, EMPTY_MIGRATION_OBJECTS).value;
    expect(after.source.objectsReadFrom).toEqual(['migration']);
    expect(objectsComplete(after)).toBe(true);
  });

  it('once, beside a database already read', () => {
    const ir = anIr({ source: { orm: 'prisma', files: [], objectsReadFrom: ['database', 'migration'] } });
    expect(applyMigrationObjects(ir, EMPTY_MIGRATION_OBJECTS).value.source.objectsReadFrom).toEqual([
      'database',
      'migration',
    ]);
  });
});
