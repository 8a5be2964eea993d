import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest, type Diagnostic, inputsSalt, ormdocDigest, reuseUnchanged } from '@ormdoc/core/reuse';
import type { OrmdocGeneratorOptions } from './createGenerator.js';
import { projectRoot } from './root.js';

/** This package's version and built code (`codeDigest` digests a folder once per process). */
function packageDigest(): string {
  const own = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const pkg = JSON.parse(readFileSync(path.join(own, '..', 'package.json'), 'utf8')) as { version?: string };
  return codeDigest(own, pkg.version);
}

/**
 * The unchanged `prisma generate` (issue 19). Every `prisma generate` (each install, each schema
 * edit of any generator) runs ormdoc's generator; when nothing ormdoc reads changed since its
 * documents were written, it answers from the stamp beside them and loads nothing else of ormdoc
 * (this module imports only `@ormdoc/core/reuse`).
 *
 * The salt: what Prisma hands the generator besides the schema (its engine version, the generator
 * block's options and output, the datasources) and the code of ormdoc's core and of this package.
 * The inputs (recorded by `createGenerator`): the schema files and the folders they are found in,
 * migrations and views, the installed Prisma, the ormdoc config file and custom templates.
 */
export function generatorSalt(options: OrmdocGeneratorOptions): string {
  return inputsSalt([
    'ormdoc-generator-inputs/1',
    String(options.version ?? ''),
    JSON.stringify(options.generator.config),
    String(options.generator.output?.value ?? ''),
    JSON.stringify(options.datasources),
    path.resolve(options.schemaPath),
    ormdocDigest(),
    packageDigest(),
  ]);
}

/**
 * The diagnostics of the run the documents were written by, when they are current and nothing they
 * depend on changed: the run is done. Undefined: a full run is needed.
 */
export async function reuseForGenerator(
  options: OrmdocGeneratorOptions,
  check: boolean,
): Promise<Diagnostic[] | undefined> {
  const output = options.generator.output?.value;
  if (!output) return undefined;
  try {
    const reused = await reuseUnchanged({
      cwd: projectRoot(options.schemaPath),
      outputDir: path.resolve(output),
      // Only asked when a stamp with inputs is there (not on a first run).
      salt: () => generatorSalt(options),
      check,
    });
    return reused && [...reused.extract.diagnostics, ...reused.result.diagnostics];
  } catch {
    return undefined; // anything unexpected: the full run answers (and reports it)
  }
}
