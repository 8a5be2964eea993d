import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Prisma's own DDL, offline: the schema engine (@prisma/schema-engine-wasm, what `prisma migrate
 * diff --from-empty --to-schema --script` runs) with a stub driver adapter. A diff from empty
 * reads nothing from a database; the stub answers the engine's version probe with no rows.
 */
interface Engine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
}
interface EngineClass {
  new: (options: unknown, log: () => void, adapter: object) => Promise<Engine>;
}

/** Node has WebAssembly; the repo's TS lib (ES2023, no DOM) does not declare it. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: Record<string, unknown> };
}
const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let engineClass: Promise<EngineClass> | undefined;

async function loadEngine(): Promise<EngineClass> {
  const require = createRequire(import.meta.url);
  const base = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const runtime = (await import(pathToFileURL(path.join(base, 'schema_engine_bg.js')).href)) as {
    __wbg_set_wasm(exports: Record<string, unknown>): void;
    SchemaEngine: EngineClass;
  };
  const module = new WA.Module(await readFile(path.join(base, 'schema_engine_bg.wasm')));
  const instance = new WA.Instance(module, { './schema_engine_bg.js': runtime });
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return runtime.SchemaEngine;
}

function stubAdapter(provider: 'postgres' | 'sqlite') {
  const ok = <T>(value: T) => ({ ok: true as const, value });
  const connection = {
    provider,
    adapterName: '@ormdoc/stub-adapter',
    queryRaw: async () => ok({ columnNames: [], columnTypes: [], rows: [] }),
    executeRaw: async () => ok(0),
    executeScript: async () => ok(undefined),
    startTransaction: async () => {
      throw new Error('the stub adapter has no transactions');
    },
    getConnectionInfo: () => ok({ schemaName: 'public', supportsRelationJoins: true }),
    dispose: async () => ok(undefined),
  };
  return {
    provider,
    adapterName: '@ormdoc/stub-adapter',
    connect: async () => ok(connection),
    connectToShadowDb: async () => ok(connection),
  };
}

/** `prisma migrate diff --from-empty --to-schema <files> --script`, in-process. */
export async function prismaMigrateDdl(
  files: Array<{ path: string; content: string }>,
  provider: 'postgres' | 'sqlite' = 'postgres',
): Promise<string> {
  engineClass ??= loadEngine();
  const Engine = await engineClass;
  const datamodels = files.map((f) => [f.path, f.content]);
  const engine = await Engine.new({ datamodels }, () => {}, stubAdapter(provider));
  try {
    const res = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      shadowDatabaseUrl: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return res.stdout;
  } finally {
    engine.free();
  }
}
