import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getConfig, getDatamodel } from '../src/convert/wasm.js';
import { createGenerator, type OrmdocGeneratorOptions } from '../src/generator/createGenerator.js';
import { reuseForGenerator } from '../src/generator/unchanged.js';

// The unchanged `prisma generate` (issue 19): the generator answers from the stamp, loading nothing
// else of ormdoc, only while nothing it reads changed. Options are what Prisma 7 hands a generator.

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
}
`;

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function project(config?: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-gen-unchanged-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'prisma'));
  await writeFile(path.join(dir, 'package.json'), '{ "name": "p", "private": true }\n');
  await writeFile(path.join(dir, 'prisma/schema.prisma'), SCHEMA);
  if (config)
    await writeFile(path.join(dir, config), config.endsWith('.json') ? '{}\n' : 'export default {};\n');
  return dir;
}

async function options(dir: string, config: Record<string, string> = {}): Promise<OrmdocGeneratorOptions> {
  const schemaPath = path.join(dir, 'prisma/schema.prisma');
  const files = [['prisma/schema.prisma', await readFile(schemaPath, 'utf8')] as const];
  const ds = await getConfig(files);
  return {
    generator: { output: { value: path.join(dir, 'docs/database') }, config },
    dmmf: { datamodel: await getDatamodel(files) },
    schemaPath,
    datasources: [{ provider: ds.provider, activeProvider: ds.provider, schemas: ds.schemas }],
    version: 'engine-hash',
  };
}

const full = async (dir: string, config: Record<string, string> = {}) =>
  createGenerator().onGenerate(await options(dir, config));

describe('the ormdoc generator on an unchanged project', () => {
  it('answers from the stamp after a full run, for generate and for ORMDOC_CHECK, with the full run’s diagnostics', async () => {
    const dir = await project();
    const run = await full(dir);
    const opts = await options(dir);
    expect(await reuseForGenerator(opts, false)).toEqual(run.diagnostics);
    expect(await reuseForGenerator(opts, true)).toEqual(run.diagnostics);
  });

  it.each([
    [
      'the schema',
      (dir: string) => writeFile(path.join(dir, 'prisma/schema.prisma'), `${SCHEMA}\n// note\n`),
    ],
    [
      'a new migration',
      async (dir: string) => {
        await mkdir(path.join(dir, 'prisma/migrations/1_init'), { recursive: true });
        await writeFile(path.join(dir, 'prisma/migrations/1_init/migration.sql'), 'SELECT 1;\n');
      },
    ],
    [
      'an ormdoc config file appearing',
      (dir: string) => writeFile(path.join(dir, 'ormdoc.config.json'), '{}\n'),
    ],
    [
      'a generated document edited inside its markers',
      async (dir: string) => {
        const file = path.join(dir, 'docs/database/schema.md');
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace(/(<!-- ormdoc:begin [^>]*-->\n)/, '$1edited\n'));
      },
    ],
  ])('%s makes it render again', async (_what, change) => {
    const dir = await project();
    await full(dir);
    await change(dir);
    expect(await reuseForGenerator(await options(dir), false)).toBeUndefined();
  });

  it('another generator option makes it render again', async () => {
    const dir = await project();
    await full(dir);
    expect(await reuseForGenerator(await options(dir, { title: 'Shop' }), false)).toBeUndefined();
  });

  it('a JSON config is an input; a TypeScript config (which may import anything) turns the shortcut off', async () => {
    const json = await project('ormdoc.config.json');
    await full(json);
    expect(await reuseForGenerator(await options(json), false)).toBeDefined();
    await writeFile(path.join(json, 'ormdoc.config.json'), '{ "project": { "name": "Shop" } }\n');
    expect(await reuseForGenerator(await options(json), false)).toBeUndefined();

    const ts = await project('ormdoc.config.mjs');
    await full(ts);
    expect(await reuseForGenerator(await options(ts), false)).toBeUndefined();
  });
});
