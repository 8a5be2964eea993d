import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

/** Issue 23: `inspect --format tbls|dbml` print the exports of @ormdoc/core (toTblsSchema, toDbml). */
const SCHEMA = `datasource db {
  provider = "postgresql"
}

/// People who sign in.
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]

  @@map("users")
}

model Post {
  id       Int  @id @default(autoincrement())
  authorId Int  @map("author_id")
  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)

  @@map("posts")
}
`;

let dir = '';
beforeAll(() => {
  ensureBuilt();
  dir = makeProject({ 'prisma/schema.prisma': SCHEMA });
});
afterAll(() => removeProject(dir));

describe('ormdoc inspect --format tbls|dbml', () => {
  it("prints tbls's schema.json", () => {
    const run = runCli(['inspect', '--format', 'tbls'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      tables: Array<{ name: string; comment?: string }>;
      relations: Array<{ table: string; parent_table: string; def: string }>;
      driver: { name: string };
    };
    expect(out.tables.map((t) => t.name).sort()).toEqual(['public.posts', 'public.users']);
    expect(out.tables.find((t) => t.name === 'public.users')?.comment).toBe('People who sign in.');
    expect(out.relations).toEqual([
      expect.objectContaining({ table: 'public.posts', parent_table: 'public.users' }),
    ]);
    expect(out.relations[0]?.def).toMatch(/ON DELETE CASCADE/);
    expect(out.driver.name).toBe('postgres');
  });

  it('prints DBML', () => {
    const run = runCli(['inspect', '--format', 'dbml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Table "users" {');
    expect(run.stdout).toContain('"email" [unique, name: \'users_email_key\']');
    expect(run.stdout).toContain("Note: 'People who sign in.'");
    expect(run.stdout).toMatch(
      /Ref "posts_author_id_fkey": "posts"\."author_id" > "users"\."id" \[delete: cascade, update: cascade\]/,
    );
  });
});
