import { describe, expect, it } from 'vitest';
import { aTable } from '../../testing/builders.js';
import { purpose } from './tableSection.js';

/** The purpose line of a table with no description points to where its description would go. */
describe('purpose', () => {
  it.each<[string, Parameters<typeof aTable>[1], string]>([
    ['a table of the ORM', { codeName: 'User' }, 'add a comment to `User` in the ORM schema'],
    [
      'a view the ORM declares',
      { kind: 'view', source: { file: 'prisma/schema.prisma', line: 3 } },
      'add a comment to `recent` in the ORM schema',
    ],
    [
      'a view only a migration creates',
      { kind: 'view', source: { file: 'prisma/migrations/1_init/migration.sql', line: 9 } },
      "add `COMMENT ON VIEW recent IS '…';` to a migration",
    ],
    [
      'a materialized view only a migration creates, in a schema',
      { kind: 'materialized-view', schema: 'app', source: { file: 'drizzle/0001.sql', line: 1 } },
      "add `COMMENT ON MATERIALIZED VIEW app.recent IS '…';` to a migration",
    ],
  ])('%s', (_, overrides, pointer) => {
    const text = purpose(aTable('recent', overrides));
    expect(text).toContain(pointer);
    expect(text).toContain('overlay["');
  });

  it('quotes a name PostgreSQL would fold', () => {
    const text = purpose(aTable('Post Counts', { kind: 'view', source: { file: 'm.sql', line: 1 } }));
    expect(text).toContain(`COMMENT ON VIEW "Post Counts" IS`);
  });

  it('says the description when there is one', () => {
    expect(purpose(aTable('t', { description: 'Rows of t.' }))).toBe('Rows of t.');
  });
});
