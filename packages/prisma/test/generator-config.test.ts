import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGenerator } from '@ormdoc/prisma';
import { afterAll, describe, expect, it } from 'vitest';
import { getDatamodel } from '../src/convert/wasm.js';

/**
 * Without a `config` option in the generator block, the generator reads the project's own
 * ormdoc.config.* (the file `ormdoc generate` reads), so both ways in write the same documents.
 */

const SCHEMA = `generator docs {
  provider = "ormdoc-prisma"
  output   = "../docs"
}

datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
}
`;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function projectWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-config-'));
  dirs.push(dir);
  await writeFile(path.join(dir, 'package.json'), '{ "name": "config-test", "private": true }\n');
  await writeFile(path.join(dir, 'schema.prisma'), SCHEMA);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

async function generate(dir: string, config: Record<string, string> = {}) {
  const schemaPath = path.join(dir, 'schema.prisma');
  return createGenerator().onGenerate({
    generator: { output: { value: path.join(dir, 'docs') }, config: { templates: 'schema', ...config } },
    dmmf: { datamodel: await getDatamodel([['schema.prisma', SCHEMA]]) },
    schemaPath,
    datasources: [{ provider: 'postgresql', schemas: [] }],
  });
}

describe('the ormdoc-prisma generator and the project config', () => {
  it('reads ormdoc.config.json from the project root when the generator block names none', async () => {
    const dir = await projectWith({
      'ormdoc.config.json': JSON.stringify({ project: { hosting: 'Hosted on the moon' } }),
    });
    const { diagnostics } = await generate(dir);
    const doc = await readFile(path.join(dir, 'docs', 'schema.md'), 'utf8');
    expect(doc).toContain('Hosted on the moon');
    expect(doc).not.toContain('set `project.hosting`');
    expect(diagnostics.filter((d) => d.code === 'prisma/config-not-read')).toEqual([]);
  });

  it('the `config` option wins over the project config', async () => {
    const dir = await projectWith({
      'ormdoc.config.json': JSON.stringify({ project: { hosting: 'Hosted on the moon' } }),
      'other.json': JSON.stringify({ project: { hosting: 'Hosted on Mars' } }),
    });
    await generate(dir, { config: 'other.json' });
    const doc = await readFile(path.join(dir, 'docs', 'schema.md'), 'utf8');
    expect(doc).toContain('Hosted on Mars');
    expect(doc).not.toContain('Hosted on the moon');
  });
});
