import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { OrmdocError, relativePosix } from '@ormdoc/core';

export interface SchemaFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to cwd, forward slashes. */
  path: string;
  content: string;
}

const CONFIG_FILES = [
  'prisma.config.ts',
  'prisma.config.mts',
  'prisma.config.js',
  'prisma.config.mjs',
  'prisma.config.cjs',
  '.config/prisma.ts',
];
const DEFAULT_LOCATIONS = ['prisma/schema.prisma', 'schema.prisma', 'prisma/schema'];

async function kind(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    const s = await stat(p);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** Every `.prisma` file under a folder, sorted (Prisma's multi-file schema). */
async function prismaFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.prisma'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

/** The `schema` path of prisma.config.ts (read as text: the config is never executed), if any. */
export async function schemaFromPrismaConfig(
  cwd: string,
): Promise<{ config: string; schema?: string } | undefined> {
  for (const name of CONFIG_FILES) {
    const file = path.join(cwd, name);
    if ((await kind(file)) !== 'file') continue;
    const schema = schemaExpression(await readFile(file, 'utf8'));
    return { config: name, ...(schema ? { schema: path.join(path.dirname(name), schema) } : {}) };
  }
  return undefined;
}

const STRING = /^\s*(['"`])([^'"`$]*)\1\s*$/;
const DIRNAME = /^\s*(?:__dirname|import\.meta\.dirname|process\.cwd\(\))\s*$/;

/**
 * The `schema` of a prisma.config.ts, relative to the config's folder: a string literal
 * (`schema: "prisma/schema"`) or a path call of literals (`path.join(__dirname, "prisma")`,
 * `resolve(import.meta.dirname, 'prisma', 'schema')`). `undefined` for anything else.
 */
export function schemaExpression(text: string): string | undefined {
  const literal = /\bschema\s*:\s*(['"`])([^'"`$]+)\1/.exec(text);
  if (literal) return literal[2];
  const call = /\bschema\s*:\s*(?:path\.)?(?:join|resolve)\(([^()]*(?:\(\)[^()]*)*)\)/.exec(text);
  if (!call) return undefined;
  const args = (call[1] ?? '').split(',').filter((a) => a.trim() !== '');
  const parts: string[] = [];
  for (const [i, arg] of args.entries()) {
    if (i === 0 && DIRNAME.test(arg)) continue;
    const m = STRING.exec(arg);
    if (!m) return undefined;
    parts.push(m[2] as string);
  }
  return parts.length ? path.posix.join(...parts) : undefined;
}

async function schemaFromPackageJson(cwd: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile(path.join(cwd, 'package.json'), 'utf8')) as {
      prisma?: { schema?: string };
    };
    return typeof pkg.prisma?.schema === 'string' ? pkg.prisma.schema : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Find and read the schema files: the given path(s) (files or folders), else the `schema` of
 * prisma.config.ts, the `prisma.schema` key of package.json, then Prisma's default locations.
 */
export async function findSchemaFiles(cwd: string, schema?: string | string[]): Promise<SchemaFile[]> {
  const searched: string[] = [];
  let candidates: string[];
  let explicit = true;
  if (schema !== undefined) candidates = Array.isArray(schema) ? schema : [schema];
  else {
    const fromConfig = (await schemaFromPrismaConfig(cwd))?.schema ?? (await schemaFromPackageJson(cwd));
    explicit = fromConfig !== undefined;
    candidates = fromConfig ? [fromConfig] : DEFAULT_LOCATIONS;
  }
  const found: string[] = [];
  for (const c of candidates) {
    const abs = path.resolve(cwd, c);
    searched.push(relativePosix(cwd, abs) || '.');
    const k = await kind(abs);
    if (k === 'file') found.push(abs);
    else if (k === 'dir') found.push(...(await prismaFilesIn(abs)));
    if (!explicit && found.length > 0) break;
  }
  if (found.length === 0) {
    throw new OrmdocError('INPUT_NOT_FOUND', `No Prisma schema found (looked for ${searched.join(', ')}).`, {
      hint:
        schema === undefined
          ? 'Run ormdoc from the project root, or pass the schema path (e.g. --schema prisma/schema.prisma), or set `schema` in prisma.config.ts.'
          : 'Check the schema path: it must be a .prisma file or a folder of .prisma files, relative to the working directory.',
    });
  }
  const unique = [...new Set(found)];
  return Promise.all(
    unique.map(async (absolute) => ({
      absolute,
      path: relativePosix(cwd, absolute) || '.',
      content: await readFile(absolute, 'utf8'),
    })),
  );
}

/** Evidence that the project uses Prisma (relative paths), empty when it does not. */
export async function detectPrisma(cwd: string): Promise<string[]> {
  const evidence: string[] = [];
  const config = await schemaFromPrismaConfig(cwd);
  if (config) evidence.push(config.config);
  for (const loc of [...(config?.schema ? [config.schema] : []), ...DEFAULT_LOCATIONS]) {
    const abs = path.resolve(cwd, loc);
    const k = await kind(abs);
    if (k === 'file' || (k === 'dir' && (await prismaFilesIn(abs)).length > 0)) {
      const rel = relativePosix(cwd, abs) || '.';
      if (!evidence.includes(rel)) evidence.push(rel);
    }
  }
  return evidence;
}
