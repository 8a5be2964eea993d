import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeProject, removeProject, runCli } from './_harness.js';

/**
 * Issue 16 item 11: what PostgreSQL would reject is reported by `ormdoc inspect` (on stderr, so the
 * printed IR/DDL stays usable), and the command still documents the schema (exit 0).
 */

const CLASHING = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String

  @@index([email], map: "accounts")
  @@map("users")
}

model Account {
  id Int @id @default(autoincrement())

  @@map("accounts")
}
`;

const CLEAN = CLASHING.replace('map: "accounts"', 'map: "users_email_idx"');

const projects: string[] = [];
beforeAll(() => {
  ensureBuilt();
});
afterAll(() => {
  for (const dir of projects) removeProject(dir);
});
const project = (schema: string) => {
  const dir = makeProject({ 'prisma/schema.prisma': schema });
  projects.push(dir);
  return dir;
};

describe('ormdoc inspect reports what PostgreSQL will reject', () => {
  it('an index named like a table: error on stderr, the DDL on stdout, exit 0', () => {
    const run = runCli(['inspect', '--format', 'sql'], { cwd: project(CLASHING) });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CREATE INDEX accounts ON users (email);');
    expect(run.stderr).toMatch(
      /error users: .*same name as the table accounts.*PostgreSQL will reject this.*\(name-clash\)/,
    );
  });

  it('a clean schema: nothing on stderr', () => {
    const run = runCli(['inspect'], { cwd: project(CLEAN) });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
