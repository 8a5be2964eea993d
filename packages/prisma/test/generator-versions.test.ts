import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator, loadPrisma, stripDatasourceUrls } from '@ormdoc/prisma';
import generatorHelper from '@prisma/generator-helper';
import { afterAll, describe, expect, it } from 'vitest';
import { relaxNewerRules } from '../src/convert/compat.js';
import type { PrismaDatamodel } from '../src/convert/dmmf.js';
import { getConfig, getDatamodel } from '../src/convert/wasm.js';
import { binCommand } from './helpers/bin.js';
import { fixturesDir } from './helpers/fixtures.js';

const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../examples/prisma');

/** The example schema as a Prisma 5/6 project writes it: `url` in the datasource. */
async function project(): Promise<{ dir: string; schemaPath: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-versions-'));
  const schemaPath = path.join(dir, 'prisma', 'schema.prisma');
  await cp(path.join(exampleDir, 'schema.prisma'), schemaPath);
  const schema = await readFile(schemaPath, 'utf8');
  await writeFile(
    schemaPath,
    schema.replace(
      'provider = "postgresql"\n',
      'provider = "postgresql"\n  url      = env("DATABASE_URL")\n',
    ),
  );
  await writeFile(path.join(dir, 'package.json'), '{ "name": "versions", "private": true }\n');
  return { dir, schemaPath };
}

/**
 * What `prisma generate` of each major hands a generator (keys observed from Prisma 5.22.0, 6.19.3
 * and 7.10.1 with a generator that dumps its options). Prisma 5's DMMF has no model `schema`, no
 * field `nativeType` and no `relationOnUpdate`; Prisma 6.19 and 7 have all three.
 */
async function optionsOf(major: 5 | 6 | 7, schemaPath: string, output: string) {
  const content = await readFile(schemaPath, 'utf8');
  const files = [['prisma/schema.prisma', stripDatasourceUrls(content)] as const];
  const relaxed = await relaxNewerRules(files, { major, from: 'test' });
  const readable = relaxed?.files ?? files;
  const ds = await getConfig(readable);
  let datamodel: PrismaDatamodel = await getDatamodel(readable);
  if (major === 5) datamodel = asPrisma5(datamodel);
  const url = major < 7 ? { url: { fromEnvVar: 'DATABASE_URL', value: null } } : {};
  return {
    datamodel: content,
    datasources: [
      {
        name: 'db',
        provider: ds.provider,
        activeProvider: ds.provider,
        ...url,
        schemas: ds.schemas,
        sourceFilePath: schemaPath,
      },
    ],
    generator: {
      name: 'docs',
      provider: { value: 'ormdoc-prisma', fromEnvVar: null },
      output: { value: output, fromEnvVar: null },
      config: {},
      binaryTargets: [],
      previewFeatures: [],
      sourceFilePath: schemaPath,
    },
    dmmf: { datamodel, mappings: { modelOperations: [], otherOperations: { read: [], write: [] } } },
    otherGenerators: [],
    schemaPath,
    version: 'engine-hash',
    postinstall: false,
    noEngine: false,
    allowNoModels: false,
    envPaths: { rootEnvPath: null, schemaEnvPath: null },
    ...(major === 7 ? { binaryPaths: {}, noHints: true, typedSql: [] } : {}),
  };
}

function asPrisma5(datamodel: PrismaDatamodel): PrismaDatamodel {
  return {
    ...datamodel,
    models: datamodel.models.map(({ schema: _schema, ...m }) => ({
      ...m,
      fields: m.fields.map(({ nativeType: _n, relationOnUpdate: _u, ...f }) => f),
    })),
  };
}

const processes: Array<{ stop(): void }> = [];
afterAll(() => {
  for (const p of processes) p.stop();
});

describe('the generator under the GeneratorOptions of Prisma 5, 6 and 7', () => {
  it.each([5, 6, 7] as const)(
    'Prisma %i: the same IR as `ormdoc generate` reads from the files',
    async (major) => {
      const { dir, schemaPath } = await project();
      const { ir } = await createGenerator().onGenerate(
        (await optionsOf(major, schemaPath, path.join(dir, 'docs'))) as never,
      );
      const loaded = await loadPrisma({ cwd: dir });
      expect(ir).toEqual(loaded.ir);
      // what Prisma 5's DMMF lacks is there: @db types, onUpdate actions
      const users = ir.tables.find((t) => t.name === 'users');
      expect(users?.columns.find((c) => c.name === 'email')?.type.sql).toBe('varchar(320)');
    },
  );

  it('Prisma 5 through the generator protocol: a view with @id is documented, with a warning', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ormdoc-prisma-versions-'));
    await cp(path.join(fixturesDir, 'prisma5-view-id'), dir, { recursive: true });
    const { ir, diagnostics } = await createGenerator().onGenerate(
      (await optionsOf(5, path.join(dir, 'prisma', 'schema.prisma'), path.join(dir, 'docs'))) as never,
    );
    expect(ir.tables.map((t) => t.name)).toEqual(['Account', 'AccountDomain', 'AccountPair']);
    expect(
      diagnostics.filter((d) => d.code === 'prisma/newer-rule/view-primary-key').map((d) => d.line),
    ).toEqual([20, 28]);

    const { command, env } = binCommand();
    Object.assign(process.env, env);
    const child = new generatorHelper.GeneratorProcess(command);
    processes.push(child);
    await child.init();
    const out = path.join(dir, 'out');
    const options = await optionsOf(5, path.join(dir, 'prisma', 'schema.prisma'), out);
    await child.getManifest(options.generator as never);
    await child.generate(options as never);
    expect(await readFile(path.join(out, 'schema.md'), 'utf8')).toContain('AccountDomain');
  });
});
