import { describe, expect, it } from 'vitest';
import { analyze } from '../findings/index.js';
import { objectsComplete } from '../ir/objects.js';
import { aColumn, anIr, aTable } from '../testing/builders.js';
import { applyMigrationObjects } from './merge.js';
import { EMPTY_MIGRATION_OBJECTS, readMigrationSql } from './read.js';

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

describe('a migration file that does not parse in full leaves the objects unknown, not absent', () => {
  // The function's statement is broken (a stray word after LANGUAGE), so it is lost; the trigger
  // that calls it parses on its own and is read.
  const sql = [
    'CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.updated_at = now(); RETURN NEW; END $$ LANGUAGE plpgsql BROKEN;',
    'CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();',
  ].join('\n');
  const posts = () =>
    anIr({ tables: [aTable('posts', { columns: [aColumn('updated_at', 'timestamptz')] })] });

  it('records the file in source.objectsUnread, and no finding claims the lost function is missing', async () => {
    const read = await readMigrationSql([
      { path: 'migrations/1/ok.sql', content: 'CREATE TABLE other (id int);' },
      { path: 'migrations/2/broken.sql', content: sql },
    ]);
    expect(read.diagnostics.map((d) => d.code)).toContain('migrations/parse-error');
    expect(read.value.unread).toEqual(['migrations/2/broken.sql']);
    const ir = applyMigrationObjects(posts(), read.value).value;
    expect(ir.triggers.map((t) => t.name)).toEqual(['posts_touch']);
    expect(ir.source.objectsUnread).toEqual(['migrations/2/broken.sql']);
    expect(objectsComplete(ir)).toBe(false);
    expect(analyze(ir).filter((f) => f.ruleId === 'trigger-function-missing')).toEqual([]);
  });

  it('the same trigger with the whole migration read does give the finding (the rule still works)', async () => {
    const read = await readMigrationSql([{ path: 'm.sql', content: sql.split('\n')[1] as string }]);
    expect(read.value.unread).toBeUndefined();
    const ir = applyMigrationObjects(posts(), read.value).value;
    expect(objectsComplete(ir)).toBe(true);
    expect(analyze(ir).filter((f) => f.ruleId === 'trigger-function-missing')).toHaveLength(1);
  });

  it('a live database read is complete whatever the migrations were', async () => {
    const read = await readMigrationSql([{ path: 'm.sql', content: sql }]);
    const ir = applyMigrationObjects(
      anIr({ source: { orm: 'prisma', files: [], objectsReadFrom: ['database'] } }),
      read.value,
    ).value;
    expect(objectsComplete(ir)).toBe(true);
  });
});
