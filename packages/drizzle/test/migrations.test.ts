import path from 'node:path';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { drizzleKitDdl, importSchema, throwawayProjects, writeFiles } from './_kit.js';

const project = throwawayProjects();

const SCHEMA = `
import { sql } from 'drizzle-orm';
import { pgPolicy, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
export const notes = pgTable('notes', {
  id: serial().primaryKey(),
  body: text().notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
}, () => [pgPolicy('notes_read', { for: 'select', using: sql\`true\` })]).enableRLS();
`;

/** drizzle-kit's journal for these tags, in this order. */
const journal = (tags: string[]) =>
  JSON.stringify({
    version: '7',
    dialect: 'postgresql',
    entries: tags.map((tag, idx) => ({
      idx,
      version: '7',
      when: 1_700_000_000_000 + idx,
      tag,
      breakpoints: true,
    })),
  });

const CUSTOM = `-- Custom SQL migration file, put your code below! --
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER notes_touch BEFORE UPDATE ON "notes" FOR EACH ROW EXECUTE FUNCTION touch();
--> statement-breakpoint
CREATE POLICY "notes_read" ON "notes" AS PERMISSIVE FOR ALL TO public USING (false);
--> statement-breakpoint
COMMENT ON TABLE "notes" IS 'Notes, one per line of thought.';
`;

describe("loadDrizzle: drizzle-kit's migrations folder (PostgreSQL)", () => {
  it("reads the out folder's SQL in journal order; the schema's own declarations win", async () => {
    const dir = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './db/schema.ts', out: './migrations' });\n`,
      'db/schema.ts': SCHEMA,
    });
    const init = await drizzleKitDdl('postgresql', await importSchema([path.join(dir, 'db/schema.ts')]));
    writeFiles(dir, {
      'migrations/meta/_journal.json': journal(['0000_init', '0001_touch']),
      'migrations/0000_init.sql': init,
      'migrations/0001_touch.sql': CUSTOM,
      // not in the journal: drizzle-kit does not apply it, nor does ormdoc read it
      'migrations/0002_draft.sql': 'CREATE ROLE draft;',
    });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(ir.routines.map((r) => [r.name, r.language, r.source])).toEqual([
      ['touch', 'plpgsql', { file: 'migrations/0001_touch.sql', line: 2 }],
    ]);
    expect(
      ir.triggers.map((t) => [t.name, t.table.name, t.function.name, t.declaredIn, t.source?.line]),
    ).toEqual([['notes_touch', 'notes', 'touch', 'migration', 9]]);
    expect(ir.policies.map((p) => [p.name, p.declaredIn, p.using])).toEqual([['notes_read', 'orm', 'true']]);
    expect(ir.tables[0]?.rls?.declaredIn).toBe('orm');
    expect(ir.tables[0]?.description).toBe('Notes, one per line of thought.');
    expect(ir.roles).toEqual([]);
    expect(diagnostics.filter((d) => d.code.startsWith('migrations/'))).toEqual([]);
  });

  it('no migrations folder: the IR is the schema alone', async () => {
    const dir = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './db/schema.ts' });\n`,
      'db/schema.ts': SCHEMA,
    });
    const { ir } = await loadDrizzle({ cwd: dir });
    expect([ir.routines, ir.triggers]).toEqual([[], []]);
  });

  it('a migration that does not parse: a warning naming the file and line; the rest is read', async () => {
    const dir = project({
      'drizzle.config.ts': `import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', schema: './db/schema.ts' });\n`,
      'db/schema.ts': SCHEMA,
      'drizzle/meta/_journal.json': journal(['0000_bad', '0001_touch']),
      'drizzle/0000_bad.sql': 'CREATE TABLE "x" (\n  "id" serial PRIMARY KEY,\n);',
      'drizzle/0001_touch.sql': CUSTOM,
    });
    const { ir, diagnostics } = await loadDrizzle({ cwd: dir });
    expect(
      diagnostics.filter((d) => d.severity === 'warning' && d.code === 'migrations/parse-error'),
    ).toEqual([expect.objectContaining({ file: 'drizzle/0000_bad.sql', line: 3 })]);
    expect(ir.triggers.map((t) => t.name)).toEqual(['notes_touch']);
  });
});
