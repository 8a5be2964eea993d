import { type Diagnostic, isOrmdocError } from '@ormdoc/core';
import { relaxNewerRules } from '../convert/compat.js';
import type { PrismaDatamodel } from '../convert/dmmf.js';
import {
  getConfig,
  getDatamodel,
  type PrismaConfigInfo,
  releaseSchemaWasm,
  type SchemaFiles,
} from '../convert/wasm.js';
import { projectPrismaMajor } from './version.js';

export interface ReadSchema {
  config: PrismaConfigInfo;
  datamodel: PrismaDatamodel;
  /** Constructs the bundled Prisma refuses and the project's own Prisma accepts (see compat.ts). */
  diagnostics: Diagnostic[];
}

/**
 * Datasource and datamodel from Prisma's parser (the files as the validator should see them, e.g.
 * without datasource URLs). When the bundled Prisma refuses the schema only for rules the project's
 * own, older Prisma does not have, it is read without those constructs, with a warning for each.
 * The parser's memory is given back afterwards when large.
 */
export async function readSchema(
  files: SchemaFiles,
  configFiles: SchemaFiles | undefined,
  cwd: string,
): Promise<ReadSchema> {
  try {
    try {
      return { ...(await readWithWasm(files, configFiles)), diagnostics: [] };
    } catch (e) {
      if (!isOrmdocError(e) || e.code !== 'SCHEMA_INVALID') throw e;
      const relaxed = await relaxNewerRules(files, await projectPrismaMajor(cwd));
      if (!relaxed) throw e;
      return { ...(await readWithWasm(relaxed.files, undefined)), diagnostics: relaxed.diagnostics };
    }
  } finally {
    releaseSchemaWasm();
  }
}

async function readWithWasm(files: SchemaFiles, configFiles: SchemaFiles | undefined) {
  const config = await getConfig(files, configFiles);
  const datamodel = await getDatamodel(files).catch(async (e: unknown) => {
    // As before, an error get_config finds in the whole schema comes first.
    if (configFiles) await getConfig(files);
    throw e;
  });
  return { config, datamodel };
}
