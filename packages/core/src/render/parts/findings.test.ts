import { describe, expect, it } from 'vitest';
import { analyze } from '../../findings/index.js';
import { exampleIr } from '../../testing/exampleIr.js';
import { findingItem, findingList } from './findings.js';

describe('finding rendering', () => {
  const findings = analyze(exampleIr());
  const fk = findings.find((f) => f.ruleId === 'fk-without-index' && f.table?.name === 'audit_logs');
  const tags = findings.find((f) => f.ruleId === 'missing-timestamps' && f.table?.name === 'tags');

  it('shows SQL and ORM code as code spans, apart from the prose', () => {
    if (!fk) throw new Error('expected the audit_logs.actor_id finding');
    expect(findingItem(fk, { orm: 'prisma' })).toContain(
      '**Fix:** Add an index on audit_logs.actor_id: `CREATE INDEX audit_logs_actor_id_idx ON audit_logs (actor_id);` In Prisma: `@@index([actorId])` in model AuditLog.',
    );
  });

  it('shows several statements as an sql block inside the list item', () => {
    if (!tags) throw new Error('expected the tags finding');
    const list = findingList([tags], '', 'prisma');
    expect(list).toContain(
      ':\n\n  ```sql\n  ALTER TABLE tags ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();\n  ALTER TABLE tags ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();\n  ```',
    );
    // No SQL left in the prose around the block.
    expect(list.split('```')[0]).not.toContain('ALTER TABLE');
  });
});
