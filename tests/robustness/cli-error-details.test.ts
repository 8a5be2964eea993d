import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, expectUserError, listFiles, project, removeProjects } from './_cli.js';

/**
 * Issue 10 matrix rows about the details of an error: the exact location (file:line:col), paths
 * shown relative to the project, both places of a duplicate, the accepted values of a key, and
 * refusing to document an empty schema. Each title names the package that produces the message.
 */

beforeAll(() => ensureBuilt());
afterAll(() => removeProjects());

const DATASOURCE = 'datasource db {\n  provider = "postgresql"\n}\n';
const noDocs = (dir: string) => expect(listFiles(join(dir, 'docs'))).toEqual([]);

describe('bad-input matrix: error details', () => {
  it('[@ormdoc/prisma] malformed schema: the location is file:line:col (Prisma gives the span)', async () => {
    const dir = project({
      'prisma/schema.prisma': `${DATASOURCE}\nmodel User {\n  id   Int @id\n  name Strin\n}\n`,
    });
    const err = await expectUserError(['generate'], dir);
    expect(err).toContain('Type "Strin" is neither a built-in type');
    // `Strin` starts at line 7, column 8 (prisma-schema-wasm's lint() reports bytes 80..85).
    expect(err).toMatch(/^ {2}at prisma\/schema\.prisma:7:8$/m);
    noDocs(dir);
  });

  it('[@ormdoc/core write] --out is an existing file: says the output directory is a file and to choose another --out', async () => {
    const dir = project({
      'prisma/schema.prisma': `${DATASOURCE}model User {\n  id Int @id\n}\n`,
      notes: 'x\n',
    });
    const err = await expectUserError(['generate', '--out', 'notes'], dir);
    expect(err).toMatch(/^error: .*\bnotes\b.* (is a file|is not a directory)/m);
    expect(err).toMatch(/^hint: .*(--out|output\.dir)/m);
    expect(err).not.toMatch(/file permissions/);
    expect(err).not.toContain(dir); // paths are shown relative to the project, like every other error
    expect(readFileSync(join(dir, 'notes'), 'utf8')).toBe('x\n');
  });

  it('[ormdoc CLI] a schema with zero tables: exit 1 saying there is nothing to document, nothing written', async () => {
    const dir = project({ 'prisma/schema.prisma': DATASOURCE });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/no (tables|models)/i);
    expect(err).toMatch(/prisma\/schema\.prisma/);
    noDocs(dir);
  });

  it('[@ormdoc/drizzle] the same table declared in two schema files: names both files, as a user error', async () => {
    const dir = project(
      {
        'drizzle.config.ts': "export default { dialect: 'postgresql', schema: './src/*.ts' };\n",
        'src/a.ts':
          "import { integer, pgTable } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: integer('id').primaryKey() });\n",
        'src/b.ts':
          "import { integer, pgTable, text } from 'drizzle-orm/pg-core';\nexport const people = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });\n",
      },
      ['drizzle-orm'],
    );
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/users/);
    expect(err).toMatch(/src\/a\.ts/);
    expect(err).toMatch(/src\/b\.ts/);
    expect(err).not.toMatch(/bug in the extractor/);
    noDocs(dir);
  });

  it('[@ormdoc/core config] an unknown template id in output.templates lists the accepted ids', async () => {
    const dir = project({
      'prisma/schema.prisma': `${DATASOURCE}model User {\n  id Int @id\n}\n`,
      'ormdoc.config.mjs': "export default { output: { templates: ['overview', 'shema'] } };\n",
    });
    const err = await expectUserError(['generate'], dir);
    expect(err).toMatch(/output\.templates\[1\]/);
    expect(err).toMatch(/overview.*schema.*design.*target-state.*architecture/s);
    noDocs(dir);
  });
});
