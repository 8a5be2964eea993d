import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_OUTPUT } from './defaults.js';

/**
 * Loading the renderer while Prisma is still busy. Prisma asks the generator for its manifest,
 * then serialises the whole DMMF and sends it with `generate` (0.3 s at 100 models, seconds at
 * 1,000). Importing the rest of ormdoc (~0.15 s) in that gap takes it off the run's wall time, on
 * the core Prisma is not using. An unchanged run needs none of it (./unchanged.ts), so the import
 * starts only when a render looks likely: no stamp beside the documents yet, or a schema file
 * modified after it. This only decides when the import starts; what runs is decided by the stamp.
 */

/** The stamp `generateDocs` leaves beside the documents (core's write/stamp.ts). */
const STAMP_FILE = '.ormdoc-stamp';

/** The generator block as Prisma passes it to `getManifest` (output not yet resolved). */
interface ManifestConfig {
  output?: { value?: string | null } | null;
  sourceFilePath?: string;
}

const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/** True when the documents are likely to be rendered: start loading the renderer now. */
export function renderLikely(config: unknown): boolean {
  const { output, sourceFilePath } = (config ?? {}) as ManifestConfig;
  if (typeof sourceFilePath !== 'string') return true;
  try {
    const schemaDir = path.dirname(sourceFilePath);
    const stamped = mtime(path.resolve(schemaDir, output?.value ?? DEFAULT_OUTPUT, STAMP_FILE));
    if (stamped === undefined) return true;
    // The block's file and the other schema files beside it (a multi-file schema).
    return readdirSync(schemaDir)
      .filter((name) => name.endsWith('.prisma'))
      .some((name) => (mtime(path.join(schemaDir, name)) ?? 0) > stamped);
  } catch {
    return true;
  }
}
