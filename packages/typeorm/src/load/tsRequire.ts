import Module from 'node:module';
import path from 'node:path';
import { createTsCompiler } from './compileTs.js';
import { driverStubFor, isDriverPackage } from './driverStubs.js';
import { loadTypescript, type ProjectCompilerOptions } from './tsconfig.js';

/** The parts of Node's CommonJS loader the hook patches (not in the public typings). */
interface ModuleInternals {
  _extensions: Record<string, (module: CompilableModule, filename: string) => void>;
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
  _load: (request: string, parent: unknown, isMain: boolean) => unknown;
  _cache: Record<string, unknown>;
}
interface CompilableModule {
  exports: unknown;
  _compile(code: string, filename: string): void;
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** What a scoped load saw: every TypeScript file compiled and the exports each one produced. */
export interface LoadRecord {
  /** Absolute paths of the user's TypeScript files compiled during the load, in load order. */
  files: string[];
  /** Exported values (classes) -> the file that exported them first. */
  exportedFrom: Map<unknown, string>;
  /**
   * The files the load requires itself (data source, entity globs), listed before they are loaded:
   * a TypeScript program, when one is needed, starts from all of them at once.
   */
  entryFiles: string[];
  /**
   * Every file the entry files loaded, themselves included (module graph from the entry files; a
   * package's own modules are not followed), filled in when the load ends; `complete` is false
   * when an entry file was imported natively (an ES module: its imports are not in the graph).
   */
  loaded: { files: Set<string>; complete: boolean };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `fn` with a CommonJS require hook that compiles TypeScript with `transpileModule` (decorator
 * metadata emitted, the project's tsconfig honoured), maps `./x.js` specifiers to `./x.ts`, applies
 * tsconfig `paths`, and replaces missing database driver packages (`pg`, `mysql2`, ...) with inert
 * stubs. The hook is removed afterwards and loads are serialised, so it never leaks.
 */
export function withTsRequire<T>(
  project: ProjectCompilerOptions,
  fn: (record: LoadRecord) => T | Promise<T>,
): Promise<T> {
  const run = queue.then(() => runScoped(project, fn));
  queue = run.catch(() => undefined);
  return run;
}

async function runScoped<T>(
  project: ProjectCompilerOptions,
  fn: (record: LoadRecord) => T | Promise<T>,
): Promise<T> {
  const M = Module as unknown as ModuleInternals;
  const ts = loadTypescript();
  const record: LoadRecord = {
    files: [],
    exportedFrom: new Map(),
    entryFiles: [],
    loaded: { files: new Set(), complete: true },
  };
  const saved = {
    extensions: Object.fromEntries(TS_EXTENSIONS.map((e) => [e, M._extensions[e]])),
    resolve: M._resolveFilename,
    load: M._load,
  };
  const compileFile = createTsCompiler(ts, project, () => record.entryFiles);
  const compile = (module: CompilableModule, filename: string) => {
    const output = compileFile(filename);
    record.files.push(filename);
    module._compile(output, filename);
    noteExports(record, module.exports, filename);
  };
  for (const ext of TS_EXTENSIONS) M._extensions[ext] = compile;
  M._resolveFilename = function resolve(this: unknown, request, parent, isMain, options) {
    try {
      return saved.resolve.call(this, request, parent, isMain, options);
    } catch (error) {
      const alt = alternatives(request, parent, project);
      for (const candidate of alt) {
        try {
          return saved.resolve.call(this, candidate, parent, isMain, options);
        } catch {
          // try the next candidate
        }
      }
      throw error;
    }
  };
  M._load = function load(this: unknown, request, parent, isMain) {
    if (!isDriverPackage(request)) return saved.load.call(this, request, parent, isMain);
    try {
      return saved.load.call(this, request, parent, isMain);
    } catch (error) {
      if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') return driverStubFor(request);
      throw error;
    }
  };
  try {
    return await fn(record);
  } finally {
    for (const ext of TS_EXTENSIONS) {
      const prev = saved.extensions[ext];
      if (prev) M._extensions[ext] = prev;
      else delete M._extensions[ext];
    }
    M._resolveFilename = saved.resolve;
    M._load = saved.load;
    collectLoaded(M._cache as Record<string, GraphModule | undefined>, record);
    // Forget the user's compiled files so the next load sees edits (watch mode, tests).
    for (const file of record.files) delete M._cache[file];
  }
}

interface GraphModule {
  filename?: string;
  children?: GraphModule[];
}

const IN_PACKAGE = `${path.sep}node_modules${path.sep}`;

/** `record.loaded`: the module graph below the entry files, as far as it is the project's own. */
function collectLoaded(cache: Record<string, GraphModule | undefined>, record: LoadRecord): void {
  const { files } = record.loaded;
  const seen = new Set<GraphModule>();
  const visit = (module: GraphModule) => {
    if (seen.has(module) || !module.filename) return;
    seen.add(module);
    files.add(module.filename);
    if (module.filename.includes(IN_PACKAGE)) return;
    for (const child of module.children ?? []) visit(child);
  };
  for (const entry of record.entryFiles) {
    const module = cache[entry];
    if (module) visit(module);
    else record.loaded.complete = false;
  }
}

function noteExports(record: LoadRecord, exports: unknown, filename: string): void {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return;
  for (const value of Object.values(exports as Record<string, unknown>))
    if (typeof value === 'function' && !record.exportedFrom.has(value))
      record.exportedFrom.set(value, filename);
}

/** Other spellings of a specifier that failed: `./user.js` -> `./user.ts`, tsconfig `paths`. */
function alternatives(request: string, parent: unknown, project: ProjectCompilerOptions): string[] {
  const out: string[] = [];
  const parentFile = (parent as { filename?: string } | undefined)?.filename;
  if (request.startsWith('.') || path.isAbsolute(request)) {
    const ext = path.extname(request);
    for (const tsExt of JS_TO_TS[ext] ?? []) out.push(request.slice(0, -ext.length) + tsExt);
    return parentFile && !TS_EXTENSIONS.includes(path.extname(parentFile)) ? [] : out;
  }
  for (const mapping of project.paths) {
    if (!request.startsWith(mapping.prefix) || !request.endsWith(mapping.suffix)) continue;
    if (!mapping.wildcard && request !== mapping.prefix) continue;
    const star = mapping.wildcard
      ? request.slice(mapping.prefix.length, request.length - mapping.suffix.length)
      : '';
    for (const target of mapping.targets) {
      const resolved = target.replace('*', star);
      out.push(resolved);
      const ext = path.extname(resolved);
      for (const tsExt of JS_TO_TS[ext] ?? []) out.push(resolved.slice(0, -ext.length) + tsExt);
    }
  }
  return out;
}
