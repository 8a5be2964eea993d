import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { OrmdocError, relativePosix } from '@ormdoc/core';

const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

/**
 * Load one of the user's modules: TypeScript through the scoped require hook (see tsRequire.ts),
 * JavaScript with require, falling back to a native import for ES modules.
 * Failures become an OrmdocError naming the file.
 */
export async function loadUserModule(file: string, cwd: string): Promise<Record<string, unknown>> {
  const require = createRequire(file);
  try {
    if (file.endsWith('.mjs'))
      return (await nativeImport(pathToFileURL(file).href)) as Record<string, unknown>;
    try {
      return require(file) as Record<string, unknown>;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_REQUIRE_ESM' || code === 'ERR_REQUIRE_ASYNC_MODULE')
        return (await nativeImport(pathToFileURL(file).href)) as Record<string, unknown>;
      throw error;
    }
  } catch (error) {
    throw loadError(error, file, cwd);
  }
}

/** Turn whatever loading a module threw into an OrmdocError that names the file and the fix. */
export function loadError(error: unknown, file: string, cwd: string): OrmdocError {
  if (error instanceof Error && error.name === 'OrmdocError') return error as OrmdocError;
  const rel = relativePosix(cwd, file);
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? (error.constructor?.name ?? error.name) : '';
  if (name === 'ColumnTypeUndefinedError' || /Column type for \S+ is not defined/.test(message)) {
    const where = /Column type for (\S+?)#(\S+) is not defined/.exec(message);
    const what = where ? `${where[1]}.${where[2]}` : 'a column';
    return new OrmdocError(
      'SCHEMA_INVALID',
      `TypeORM cannot tell the type of ${what} (loaded from ${rel}): the column has no explicit type and no decorator metadata.`,
      {
        file: rel,
        cause: error,
        hint: `Give the column an explicit type (e.g. @Column({ type: 'varchar' })), or enable "emitDecoratorMetadata" and "experimentalDecorators" in the tsconfig ormdoc reads.`,
      },
    );
  }
  if (/Wrong driver: "undefined" given/.test(message))
    return new OrmdocError(
      'MODULE_LOAD_FAILED',
      `Cannot load ${rel}: its DataSource has no \`type\` (TypeORM: ${message.split('.')[0]}).`,
      {
        file: rel,
        cause: error,
        hint: 'The type (and the rest of the options) probably comes from environment variables: set them as your application does (e.g. DATABASE_TYPE=postgres, or load your .env), or pass the entity files instead (--schema "src/**/*.entity.ts").',
      },
    );
  if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') {
    const missing = /Cannot find module '([^']+)'/.exec(message)?.[1];
    return new OrmdocError(
      'MODULE_LOAD_FAILED',
      `Cannot load ${rel}: module ${missing ?? '?'} was not found.`,
      {
        file: rel,
        cause: error,
        hint: 'Install the project dependencies, and check the import path (tsconfig "paths" are applied from the tsconfig ormdoc reads).',
      },
    );
  }
  return new OrmdocError('MODULE_LOAD_FAILED', `Cannot load ${rel}: ${message}`, {
    file: rel,
    cause: error,
    hint: 'Make sure the file runs on its own (node can import it) and that its imports are installed.',
  });
}
