import { createRequire } from 'node:module';
import { OrmdocError } from '@ormdoc/core';
import type { PrismaDatamodel } from './dmmf.js';

type SchemaWasm = typeof import('@prisma/prisma-schema-wasm');
const WASM_PACKAGE = '@prisma/prisma-schema-wasm';
let loaded: SchemaWasm | undefined;

async function schemaWasm(): Promise<SchemaWasm> {
  // A require of its own each time: the module it makes lists what it loaded as its children, so
  // a shared one would keep every instance ever loaded alive.
  loaded ??= createRequire(import.meta.url)(WASM_PACKAGE) as SchemaWasm;
  return loaded;
}

/** Above this, the parser's memory is given back after a schema is read (see `releaseSchemaWasm`). */
const KEEP_BYTES = 32 * 1024 * 1024;

/**
 * A wasm memory only grows: after a 1,000-model schema Prisma's parser holds ~56 MB, after 10,000
 * models ~490 MB, for as long as the instance lives. Once it holds more than `KEEP_BYTES`, the
 * instance is forgotten (and removed from the require cache), so the next garbage collection frees
 * that memory before the documents are rendered; a later call loads a fresh one (~40 ms).
 */
export function releaseSchemaWasm(keepBytes = KEEP_BYTES): void {
  const memory = (loaded as { __wasm?: { memory?: { buffer: ArrayBuffer } } } | undefined)?.__wasm?.memory;
  if (!loaded || (memory !== undefined && memory.buffer.byteLength <= keepBytes)) return;
  loaded = undefined;
  const require = createRequire(import.meta.url);
  delete require.cache[require.resolve(WASM_PACKAGE)];
}

export type SchemaFiles = ReadonlyArray<readonly [path: string, content: string]>;

export interface PrismaConfigInfo {
  provider: string;
  schemas: string[];
  datasourceFile?: string;
}

/**
 * Prisma's own parser and validator (`get_datamodel` of @prisma/prisma-schema-wasm: the
 * DMMF `datamodel` without the query schema getDMMF builds). Throws SCHEMA_INVALID with Prisma's
 * message and the first file:line it names.
 */
export async function getDatamodel(files: SchemaFiles): Promise<PrismaDatamodel> {
  const wasm = await schemaWasm();
  const params = JSON.stringify({ prismaSchema: files, noColor: true });
  try {
    if (typeof wasm.get_datamodel === 'function')
      return JSON.parse(wasm.get_datamodel(params)) as PrismaDatamodel;
    // Older prisma-schema-wasm builds: the full DMMF (slower, much larger) has the same datamodel.
    return (JSON.parse(wasm.get_dmmf(params)) as { datamodel: PrismaDatamodel }).datamodel;
  } catch (e) {
    throw schemaError(e, errorSpan(wasm, files));
  }
}

/** One diagnostic of Prisma's `lint`: a span of one file, as JavaScript string indices (UTF-16 units, not bytes). */
export interface LintDiagnostic {
  file_name?: string;
  start: number;
  end: number;
  text: string;
  is_warning: boolean;
}

/** Every error and warning Prisma's validator finds, with their spans (`[]` when lint itself fails). */
export async function lintSchema(files: SchemaFiles): Promise<LintDiagnostic[]> {
  const wasm = await schemaWasm();
  try {
    return JSON.parse(wasm.lint(JSON.stringify(files))) as LintDiagnostic[];
  } catch {
    return [];
  }
}

interface Span {
  file: string;
  line: number;
  column: number;
}

/**
 * Where the first error is, as file:line:column. Prisma's validation message names the file and
 * line only; `lint` gives the span of the same diagnostics.
 */
function errorSpan(wasm: SchemaWasm, files: SchemaFiles): Span | undefined {
  try {
    const diagnostics = JSON.parse(wasm.lint(JSON.stringify(files))) as Array<{
      file_name?: string;
      start: number;
      is_warning: boolean;
    }>;
    const first = diagnostics.find((d) => !d.is_warning);
    const file =
      files.find(([path]) => path === first?.file_name) ?? (files.length === 1 ? files[0] : undefined);
    if (!first || !file) return undefined;
    const before = file[1].slice(0, first.start);
    const lines = before.split('\n');
    return { file: file[0], line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
  } catch {
    return undefined;
  }
}

/**
 * The datasource of the schema (provider, `schemas`). With `only`, the same files with every line
 * outside `datasource`/`generator` blocks blanked (`configOnly`): get_config then reads only those
 * blocks instead of parsing the whole schema again. When that answer is an error or has no
 * datasource, the whole files are read, so errors are the ones of the whole schema.
 */
export async function getConfig(files: SchemaFiles, only?: SchemaFiles): Promise<PrismaConfigInfo> {
  const wasm = await schemaWasm();
  if (only) {
    const fast = readConfig(wasm, only);
    if (fast.info) return fast.info;
  }
  const { info, error } = readConfig(wasm, files);
  if (error) throw error;
  if (!info) {
    throw new OrmdocError('SCHEMA_INVALID', 'The Prisma schema has no datasource block.', {
      file: files[0]?.[0],
      hint: 'Add `datasource db { provider = "postgresql" }` (or mysql, sqlite, sqlserver, cockroachdb) to the schema.',
    });
  }
  return info;
}

function readConfig(wasm: SchemaWasm, files: SchemaFiles): { info?: PrismaConfigInfo; error?: OrmdocError } {
  let raw: string;
  try {
    raw = wasm.get_config(JSON.stringify({ prismaSchema: files }));
  } catch (e) {
    return { error: schemaError(e) };
  }
  const parsed = JSON.parse(raw) as {
    config?: { datasources?: Array<{ provider: string; schemas?: string[]; sourceFilePath?: string }> };
    errors?: Array<{ file_name?: string; message: string }>;
  };
  const first = parsed.errors?.[0];
  if (first)
    return { error: schemaError(new Error(JSON.stringify({ error_code: 'P1012', message: first.message }))) };
  const ds = parsed.config?.datasources?.[0];
  if (!ds) return {};
  return { info: { provider: ds.provider, schemas: ds.schemas ?? [], datasourceFile: ds.sourceFilePath } };
}

/** Turn the wasm's `Error('{"error_code":"P1012","message":"..."}')` into an OrmdocError. */
export function schemaError(e: unknown, span?: Span): OrmdocError {
  const text = e instanceof Error ? e.message : String(e);
  let message = text;
  let code: string | undefined;
  try {
    const parsed = JSON.parse(text) as { error_code?: string; message?: string };
    if (parsed.message) message = parsed.message;
    code = parsed.error_code;
  } catch {
    // not JSON: keep the raw text
  }
  const named = /-->\s+(.+?):(\d+)(?::(\d+))?\s*$/m.exec(message);
  const where =
    span && (!named || (named[1] === span.file && Number(named[2]) === span.line))
      ? [undefined, span.file, String(span.line), String(span.column)]
      : named;
  const firstError = /error:\s*(?:Error validating:\s*)?(.*)/.exec(message)?.[1]?.trim();
  return new OrmdocError(
    'SCHEMA_INVALID',
    `Prisma rejected the schema${where ? ` at ${where[1]}:${where[2]}${where[3] ? `:${where[3]}` : ''}` : ''}${code ? ` (${code})` : ''}: ${firstError ?? message}`,
    {
      file: where?.[1],
      line: where ? Number(where[2]) : undefined,
      column: where?.[3] ? Number(where[3]) : undefined,
      details: message.split('\n'),
      hint: 'Fix the schema where Prisma points (`prisma validate` shows the same message), then run ormdoc again.',
      cause: e,
    },
  );
}
