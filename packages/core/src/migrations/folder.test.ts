import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMigrationFolder } from './folder.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'ormdoc-migrations-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('readMigrationFolder: the files of a migrations folder in the order they apply', () => {
  it.each([
    [
      "drizzle-kit's journal (its order, not the names'; files it does not list are left out)",
      {
        'drizzle/meta/_journal.json': JSON.stringify({
          entries: [
            { idx: 1, tag: '0001_b' },
            { idx: 0, tag: '0000_z' },
          ],
        }),
        'drizzle/0000_z.sql': 'z',
        'drizzle/0001_b.sql': 'b',
        'drizzle/0002_draft.sql': 'draft',
      },
      ['drizzle/0000_z.sql', 'drizzle/0001_b.sql'],
    ],
    [
      'one folder per migration holding migration.sql (Prisma Migrate, drizzle-kit 1.0), by name',
      {
        'drizzle/20250102_b/migration.sql': 'b',
        'drizzle/20250101_a/migration.sql': 'a',
        'drizzle/20250101_a/snapshot.json': '{}',
        'drizzle/migration_lock.toml': 'provider = "postgresql"',
      },
      ['drizzle/20250101_a/migration.sql', 'drizzle/20250102_b/migration.sql'],
    ],
    [
      'plain *.sql files, by name',
      { 'drizzle/2.sql': '2', 'drizzle/10.sql': '10', 'drizzle/notes.md': '' },
      ['drizzle/10.sql', 'drizzle/2.sql'],
    ],
    ['no folder: no files', {}, []],
  ])('%s', async (name, files, expected) => {
    const dir = project(name.replace(/\W+/g, '-'), files);
    const read = await readMigrationFolder(path.join(dir, 'drizzle'), dir);
    expect(read.map((f) => f.path)).toEqual(expected);
    for (const f of read) expect(f.content).toBe((files as Record<string, string>)[f.path]);
  });
});
