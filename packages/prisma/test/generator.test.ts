import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGenerator, loadPrisma, stripDatasourceUrls } from '@ormdoc/prisma';
import generatorHelper from '@prisma/generator-helper';
import { afterAll, describe, expect, it } from 'vitest';
import { getConfig, getDatamodel } from '../src/convert/wasm.js';
import { binCommand, prismaCli } from './helpers/bin.js';
import { fixturesDir } from './helpers/fixtures.js';

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/prisma');
const run = promisify(execFile);

/** A throwaway project holding the example schema, its migrations, and a package.json. */
async function exampleProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-gen-'));
  await cp(path.join(exampleDir, 'schema.prisma'), path.join(dir, 'prisma', 'schema.prisma'), {
    recursive: true,
  });
  await cp(path.join(exampleDir, 'migrations'), path.join(dir, 'prisma', 'migrations'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{ "name": "gen-test", "private": true }\n');
  return dir;
}

async function prismaOptions(
  dir: string,
  output: string,
  config: Record<string, string | string[]>,
  schemaPath = path.join(dir, 'prisma', 'schema.prisma'),
) {
  const files = [[path.relative(dir, schemaPath), await readFile(schemaPath, 'utf8')] as const];
  const ds = await getConfig(files);
  return {
    generator: {
      name: 'docs',
      provider: { value: 'ormdoc', fromEnvVar: null },
      output: { value: output, fromEnvVar: null },
      config,
      binaryTargets: [],
      previewFeatures: [],
      sourceFilePath: schemaPath,
    },
    otherGenerators: [],
    schemaPath,
    dmmf: { datamodel: await getDatamodel(files) },
    datasources: [
      {
        name: 'db',
        provider: ds.provider,
        activeProvider: ds.provider,
        schemas: ds.schemas,
        sourceFilePath: schemaPath,
      },
    ],
    datamodel: files[0]?.[1] ?? '',
    version: 'test',
    binaryPaths: {},
    postinstall: false,
    noEngine: true,
    noHints: true,
    allowNoModels: true,
    envPaths: { rootEnvPath: null, schemaEnvPath: null },
    typedSql: [],
  };
}

const processes: Array<{ stop(): void }> = [];
afterAll(() => {
  for (const p of processes) p.stop();
});

describe('the ormdoc-prisma generator', () => {
  it('createGenerator(): the DMMF Prisma hands over gives the same IR as loading the schema', async () => {
    const dir = await exampleProject();
    const out = path.join(dir, 'docs', 'database');
    const gen = createGenerator();
    expect(gen.onManifest()).toMatchObject({ prettyName: 'ormdoc', defaultOutput: '../docs/database' });
    const { ir, result } = await gen.onGenerate(
      await prismaOptions(dir, out, { templates: 'overview', title: 'Gen test' }),
    );
    const loaded = await loadPrisma({ cwd: dir });
    expect(ir).toEqual(loaded.ir);
    expect(ir.tables.find((t) => t.name === 'posts')?.checks.map((c) => c.name)).toEqual([
      'posts_view_count_check',
    ]);
    expect(result.outputDir).toBe(out);
    expect(result.written.some((f) => f.endsWith('overview.md'))).toBe(true);
    const overview = await readFile(path.join(out, 'overview.md'), 'utf8');
    expect(overview).toContain('organizations');

    // check mode (ORMDOC_CHECK=1 in the bin): current docs pass, an edited generated region fails
    const checkOptions = await prismaOptions(dir, out, { templates: 'overview', title: 'Gen test' });
    await expect(createGenerator({ check: true }).onGenerate(checkOptions)).resolves.toBeDefined();
    await writeFile(path.join(out, 'overview.md'), overview.replace('organizations', 'organisations'));
    await expect(createGenerator({ check: true }).onGenerate(checkOptions)).rejects.toMatchObject({
      code: 'DOCS_STALE',
    });
  });

  it('wrote the committed docs of examples/prisma (golden; ORMDOC_UPDATE_EXAMPLES=1 rewrites them)', async () => {
    const update = process.env.ORMDOC_UPDATE_EXAMPLES === '1';
    const out = path.join(exampleDir, 'docs', 'database');
    // the generator block of examples/prisma/schema.prisma: output = "docs/database", no options
    // (so `ormdoc generate --cwd examples/prisma` writes the same documents)
    const options = await prismaOptions(exampleDir, out, {}, path.join(exampleDir, 'schema.prisma'));
    const run = createGenerator({ check: !update }).onGenerate(options);
    await expect(run, 'regenerate with ORMDOC_UPDATE_EXAMPLES=1 and review the diff').resolves.toBeDefined();
    expect(existsSync(path.join(out, 'schema.md'))).toBe(true);
  });

  it('reads every file of a multi-file schema, even when Prisma names one of them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-gen-'));
    await cp(path.join(fixturesDir, 'prisma6'), dir, { recursive: true });
    await writeFile(path.join(dir, 'package.json'), '{ "name": "multi", "private": true }\n');
    const folder = path.join(dir, 'prisma', 'schema');
    const files = await Promise.all(
      ['post.prisma', 'schema.prisma', 'user.prisma'].map(
        async (f) =>
          [`prisma/schema/${f}`, stripDatasourceUrls(await readFile(path.join(folder, f), 'utf8'))] as const,
      ),
    );
    const { ir } = await createGenerator().onGenerate({
      generator: { output: { value: path.join(dir, 'docs') }, config: { templates: 'schema' } },
      dmmf: { datamodel: await getDatamodel(files) },
      schemaPath: path.join(folder, 'schema.prisma'),
      datasources: [{ provider: 'postgresql', schemas: [] }],
    });
    expect(ir.source.files).toEqual(files.map(([f]) => f));
    expect(ir.tables.find((t) => t.name === 'User')?.source).toEqual({
      file: 'prisma/schema/user.prisma',
      line: 2,
    });
    expect(existsSync(path.join(dir, 'docs', 'schema.md'))).toBe(true);
  });

  it('speaks Prisma’s generator protocol (GeneratorProcess from @prisma/generator-helper)', async () => {
    const { command, env } = binCommand();
    Object.assign(process.env, env);
    const dir = await exampleProject();
    const out = path.join(dir, 'out');
    const child = new generatorHelper.GeneratorProcess(command);
    processes.push(child);
    await child.init();
    const manifest = await child.getManifest((await prismaOptions(dir, out, {})).generator as never);
    expect(manifest).toMatchObject({ prettyName: 'ormdoc', defaultOutput: '../docs/database' });
    await expect(
      child.generate((await prismaOptions(dir, out, { colour: 'blue' })) as never),
    ).rejects.toThrow('Unknown ormdoc generator option `colour`');
    await child.generate((await prismaOptions(dir, out, { templates: ['schema'] })) as never);
    expect(existsSync(path.join(out, 'schema.md'))).toBe(true);
    expect(existsSync(path.join(out, 'overview.md'))).toBe(false);
  });

  it('runs under the real `prisma generate`, offline', async () => {
    const { command, env } = binCommand();
    const dir = await exampleProject();
    const schemaPath = path.join(dir, 'prisma', 'schema.prisma');
    const schema = (await readFile(schemaPath, 'utf8')).replace(
      'provider = "ormdoc-prisma"',
      `provider = ${JSON.stringify(command)}\n  title    = "Publishing platform"`,
    );
    await writeFile(schemaPath, schema);
    const fakeEngine = path.join(dir, 'no-engine');
    await writeFile(fakeEngine, '');
    const runEnv = {
      ...process.env,
      ...env,
      PRISMA_SCHEMA_ENGINE_BINARY: fakeEngine,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    };
    // A migration PostgreSQL's parser rejects: a warning naming the file.
    await mkdir(path.join(dir, 'prisma', 'migrations', '20990101000000_broken'), { recursive: true });
    await writeFile(
      path.join(dir, 'prisma', 'migrations', '20990101000000_broken', 'migration.sql'),
      'CREATE TABLE (;\n',
    );
    const generate = () =>
      run(process.execPath, [prismaCli(), 'generate', '--schema', schemaPath], { cwd: dir, env: runEnv });
    const res = await generate();
    expect(res.stdout + res.stderr).toContain('Generated ormdoc');
    // `output = "docs/database"` in the example's generator block, relative to the schema file
    const schemaMd = await readFile(path.join(dir, 'prisma', 'docs', 'database', 'schema.md'), 'utf8');
    expect(schemaMd).toContain('Publishing platform');
    // Prisma shows a generator's stdout, not its stderr: the warning is seen, on the first run and
    // on the unchanged one that answers from the stamp.
    const warning =
      /prisma\/migrations\/20990101000000_broken\/migration\.sql:1(:\d+)? warning migrations\/parse-error: /;
    expect(res.stdout).toContain('ormdoc: 1 warning:');
    expect(res.stdout).toMatch(warning);
    const again = await generate();
    expect(again.stdout).toMatch(warning);
  });
});
