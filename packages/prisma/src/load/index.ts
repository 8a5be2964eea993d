import path from 'node:path';
import { type ExtractResult, relativePosix, toPosixPath } from '@ormdoc/core';
import { withoutBlockComments } from '../convert/comments.js';
import { configOnly } from '../convert/configBlocks.js';
import { stripDatasourceUrls } from '../convert/datasourceUrls.js';
import { fromDmmf } from '../convert/fromDmmf.js';
import { scanSchema } from '../convert/scan.js';
import { readSchemaText } from '../convert/schemaText.js';
import { findSchemaFiles } from './files.js';
import { prismaInputs } from './inputs.js';
import { readPrismaViews, withMigrationObjects } from './migrationObjects.js';
import { type MigrationFile, readMigrations } from './migrations.js';
import { readSchema } from './read.js';
import { prismaVersion } from './version.js';

export { prismaVersion } from './version.js';

export interface PrismaSchemaInput {
  files: Array<{ path: string; content: string }>;
  cwd?: string;
  /** `migration.sql` files in order: what they add beyond tables goes into the IR (see `withMigrationObjects`). */
  migrations?: MigrationFile[];
  /** `views/<schema>/<view>.sql` files (`prisma db pull`): the queries of the schema's view models. */
  views?: MigrationFile[];
}

/**
 * Schema text in, IR out: Prisma's own parser (prisma-schema-wasm `get_datamodel`) validates and
 * gives the datamodel; the text gives what the DMMF omits. Prisma 6 datasources (`url`,
 * `directUrl`) and Prisma 7 ones are both accepted. Paths in the IR are relative to `cwd`.
 */
export async function fromPrismaSchema(input: PrismaSchemaInput): Promise<ExtractResult> {
  const cwd = input.cwd ?? process.cwd();
  const files = input.files.map((f) => ({
    path: path.isAbsolute(f.path) ? relativePosix(cwd, f.path) || '.' : toPosixPath(f.path),
    content: f.content,
  }));
  const scans = files.map((f) => scanSchema(withoutBlockComments(f.content)));
  const wasmFiles = files.map((f) => [f.path, stripDatasourceUrls(f.content)] as const);
  const configFiles = scans.every((s) => s !== undefined)
    ? wasmFiles.map(([file, content], i) => [file, configOnly(content, scans[i]!)] as const)
    : undefined;
  const { config, datamodel, diagnostics: relaxed } = await readSchema(wasmFiles, configFiles, cwd);
  const text = readSchemaText(files, scans);
  const ormVersion = await prismaVersion(cwd);
  const { ir, diagnostics } = fromDmmf({
    datamodel,
    provider: config.provider,
    schemas: config.schemas,
    text,
    files: files.map((f) => f.path),
    ...(ormVersion ? { ormVersion } : {}),
  });
  diagnostics.unshift(...relaxed);
  const added = await withMigrationObjects(ir, {
    migrations: input.migrations ?? [],
    views: input.views ?? [],
  });
  return { ir: added.ir, diagnostics: [...diagnostics, ...added.diagnostics] };
}

/** Find the schema (see `findSchemaFiles`), read it and convert it. */
export async function loadPrisma(options: {
  cwd: string;
  schema?: string | string[];
}): Promise<ExtractResult> {
  const files = await findSchemaFiles(options.cwd, options.schema);
  const schemaPaths = files.map((f) => f.absolute);
  const result = await fromPrismaSchema({
    cwd: options.cwd,
    files: files.map((f) => ({ path: f.path, content: f.content })),
    migrations: await readMigrations(options.cwd, schemaPaths),
    views: await readPrismaViews(options.cwd, schemaPaths),
  });
  return {
    ...result,
    inputs: prismaInputs(
      options.cwd,
      files.map((f) => f.absolute),
    ),
  };
}
