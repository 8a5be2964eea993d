import path from 'node:path';
import {
  type Diagnostic,
  type GenerateResult,
  generateDocs,
  type Ir,
  OrmdocError,
  recordInputs,
  resolveConfig,
} from '@ormdoc/core';
import { stripDatasourceUrls } from '../convert/datasourceUrls.js';
import { isCompleteDatamodel, type PrismaDatamodel } from '../convert/dmmf.js';
import { fromDmmf } from '../convert/fromDmmf.js';
import { readSchemaText } from '../convert/schemaText.js';
import { findSchemaFiles } from '../load/files.js';
import { prismaInputs } from '../load/inputs.js';
import { readPrismaViews, withMigrationObjects } from '../load/migrationObjects.js';
import { readMigrations } from '../load/migrations.js';
import { readSchema } from '../load/read.js';
import { prismaVersion } from '../load/version.js';
import { findProjectConfig, readConfigFile } from './configFile.js';
import { DEFAULT_OUTPUT } from './defaults.js';
import { parseGeneratorOptions } from './options.js';
import { projectRoot } from './root.js';
import { generatorSalt } from './unchanged.js';

export { DEFAULT_OUTPUT } from './defaults.js';

/** The parts of Prisma's GeneratorOptions the ormdoc generator reads. */
export interface OrmdocGeneratorOptions {
  generator: {
    output?: { value: string | null } | null;
    config: Record<string, string | string[] | undefined>;
  };
  dmmf: { datamodel: PrismaDatamodel };
  schemaPath: string;
  datasources: ReadonlyArray<{ provider: string; activeProvider?: string; schemas?: readonly string[] }>;
  /** Prisma's engine version (a commit hash): not the CLI version, so not used. */
  version?: string;
}

export interface GeneratorRun {
  ir: Ir;
  result: GenerateResult;
  diagnostics: Diagnostic[];
}

export { projectRoot } from './root.js';

/**
 * The ormdoc generator as a plain object (the `generatorHandler` transport in bin.ts stays thin):
 * `onManifest` for Prisma, `onGenerate` converting the DMMF Prisma hands over through the same
 * `fromDmmf` the CLI uses, then rendering and writing the documents.
 */
export interface CreateGeneratorOptions {
  /**
   * Write nothing; fail with DOCS_STALE (and a diff) when the documents are not current. The bin
   * turns this on with `ORMDOC_CHECK=1 prisma generate`, for CI.
   */
  check?: boolean;
}

export function createGenerator(generatorOptions: CreateGeneratorOptions = {}) {
  return {
    onManifest() {
      return { prettyName: 'ormdoc', defaultOutput: DEFAULT_OUTPUT, requiresGenerators: [] as string[] };
    },

    async onGenerate(options: OrmdocGeneratorOptions): Promise<GeneratorRun> {
      const settings = parseGeneratorOptions(options.generator.config);
      const schemaPath = path.resolve(options.schemaPath);
      const cwd = projectRoot(schemaPath);
      let files = await findSchemaFiles(cwd, schemaPath);
      // A file of a multi-file schema: the other files of its folder hold the rest of the models.
      let text = readSchemaText(files);
      if (options.dmmf.datamodel.models.some((m) => !text.blocks.has(m.name))) {
        files = await findSchemaFiles(cwd, path.dirname(schemaPath));
        text = readSchemaText(files);
      }
      const ormVersion = await prismaVersion(cwd);
      const datasource = options.datasources[0];
      if (!datasource) throw new Error('Prisma passed no datasource to the generator');
      // Prisma 5 hands over a DMMF without native types: read the same files with the bundled
      // parser, as `ormdoc generate` does (with what only a newer Prisma refuses relaxed).
      const reread = isCompleteDatamodel(options.dmmf.datamodel)
        ? undefined
        : await readSchema(
            files.map((f) => [f.path, stripDatasourceUrls(f.content)] as const),
            undefined,
            cwd,
          );
      const { ir: base, diagnostics } = fromDmmf({
        datamodel: reread?.datamodel ?? options.dmmf.datamodel,
        provider: datasource.activeProvider ?? datasource.provider,
        schemas: datasource.schemas ?? [],
        text,
        files: files.map((f) => f.path),
        ...(ormVersion ? { ormVersion } : {}),
      });
      if (reread) diagnostics.unshift(...reread.diagnostics);
      const schemaPaths = files.map((f) => f.absolute);
      const added = await withMigrationObjects(base, {
        migrations: await readMigrations(cwd, schemaPaths),
        views: await readPrismaViews(cwd, schemaPaths),
      });
      const ir = added.ir;
      diagnostics.push(...added.diagnostics);

      const schemaDir = path.dirname(files[0]?.absolute ?? schemaPath);
      // The `config` option, else the project's own ormdoc.config.* (the file `ormdoc generate` reads).
      const found = settings.config ? undefined : findProjectConfig(cwd);
      if (found?.skipped) diagnostics.push(found.skipped);
      const configFile = settings.config ? path.resolve(schemaDir, settings.config) : found?.file;
      const configName = settings.config ?? (configFile ? path.relative(cwd, configFile) : undefined);
      const fromFile = configFile ? await readConfigFile(configFile) : {};
      const raw = (typeof fromFile === 'object' && fromFile !== null ? fromFile : {}) as Record<
        string,
        unknown
      >;
      const output = options.generator.output?.value ?? path.resolve(schemaDir, DEFAULT_OUTPUT);
      const config = resolveConfig(
        {
          ...raw,
          ...(settings.title ? { title: settings.title } : {}),
          source: { ...((raw.source as object | undefined) ?? {}), orm: 'prisma' },
          output: {
            ...((raw.output as object | undefined) ?? {}),
            dir: path.resolve(schemaDir, output),
            ...(settings.templates ? { templates: settings.templates } : {}),
          },
        },
        configName,
      );
      // A declarative project (no config, or JSON) records its inputs: the next unchanged
      // `prisma generate` then answers without loading the rest of ormdoc (./unchanged.ts).
      const inputs =
        configFile === undefined || configFile.endsWith('.json')
          ? recordInputs(
              cwd,
              config,
              generatorSalt(options),
              [...prismaInputs(cwd, schemaPaths), ...(configFile ? [configFile] : [])],
              { orm: 'prisma', tables: ir.tables.length, enums: ir.enums.length, diagnostics },
            )
          : undefined;
      const result = await generateDocs({
        ir,
        config,
        cwd,
        check: generatorOptions.check ?? false,
        ...(inputs ? { inputs } : {}),
      });
      if (generatorOptions.check && result.stale.length > 0) {
        throw new OrmdocError(
          'DOCS_STALE',
          `${result.stale.length} document(s) in ${path.relative(cwd, result.outputDir) || '.'} are not current: ${result.stale.map((s) => s.path).join(', ')}`,
          {
            details: result.stale.map((s) => s.diff),
            hint: 'Run `prisma generate` (without ORMDOC_CHECK) and commit the updated documents.',
          },
        );
      }
      return { ir, result, diagnostics: [...diagnostics, ...result.diagnostics] };
    },
  };
}
