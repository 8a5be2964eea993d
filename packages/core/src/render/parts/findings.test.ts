import { describe, expect, it } from 'vitest';
import { analyze } from '../../findings/index.js';
import { exampleIr } from '../../testing/exampleIr.js';
import { findingItem, findingList } from './findings.js';

describe('finding rendering', () => {
  const findings = analyze(exampleIr());
  const fk = findings.find((f) => f.ruleId === 'fk-without-index' && f.table?.name === 'audit_logs');
  const tags = findings.find((f) => f.ruleId === 'missing-timestamps' && f.table?.name === 'user_profiles');

  it('shows the ORM edit first and its SQL second, as code spans apart from the prose', () => {
    if (!fk) throw new Error('expected the audit_logs.actor_id finding');
    expect(findingItem(fk, { orm: 'prisma' })).toContain(
      '**Fix:** Add an index on audit_logs.actor_id: In Prisma: `@@index([actorId])` in model AuditLog. SQL: `CREATE INDEX audit_logs_actor_id_idx ON audit_logs (actor_id);`',
    );
  });

  it('says "remove" for an ORM edit that removes code, and labels errors', () => {
    const removal = {
      ruleId: 'duplicate-index',
      severity: 'error' as const,
      category: 'indexing' as const,
      message: 'm.',
      fix: {
        orm: '@@index([email])',
        text: 'from model User',
        remove: true,
        sql: 'DROP INDEX "User_email_idx";',
      },
    };
    expect(findingItem(removal, { orm: 'prisma' })).toBe(
      '**Error: Redundant index** (`duplicate-index`). m. **Fix:** In Prisma, remove `@@index([email])` from model User. SQL: `DROP INDEX "User_email_idx";`',
    );
  });

  it('shows several statements as an sql block inside the list item', () => {
    if (!tags) throw new Error('expected the user_profiles finding');
    const list = findingList([tags], '', 'prisma');
    expect(list).toContain(
      'SQL:\n\n  ```sql\n  ALTER TABLE user_profiles ADD COLUMN created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;\n  ALTER TABLE user_profiles ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;\n  ```',
    );
    // No SQL left in the prose around the block.
    expect(list.split('```')[0]).not.toContain('ALTER TABLE');
  });
});
