import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Diagnostic, relativePosix, toPosixPath } from '@ormdoc/core';
import type * as TS from 'typescript';
import { findWorkspaceTsconfig } from './workspace.js';

/** Readable copies of tsconfigs: outside the user's project, named by content hash. */
export const TSCONFIG_DIR = path.join(os.tmpdir(), 'ormdoc-tsconfig');

export interface ReadableTsconfig {
  /** The tsconfig to give the loader: the project's own, or a copy without what cannot be read. */
  file: string;
  /** One warning per `extends` that could not be resolved (file and line of the tsconfig). */
  diagnostics: Diagnostic[];
}

type Raw = Record<string, unknown> & { extends?: unknown; compilerOptions?: Record<string, unknown> };

/**
 * A tsconfig the loader (tsx) can read, for one it refused (an `extends` it cannot resolve: a
 * workspace package that is not installed, a file that is gone). drizzle-kit then loads the schema
 * without any tsconfig; ormdoc keeps what it can: the file's own options (its `paths` above all)
 * and every `extends` that resolves, each rewritten as an absolute path into a copy in the temp
 * directory. An `extends` naming a package of the same workspace (pnpm/npm/yarn workspaces) that is
 * not linked into node_modules resolves to that package's folder, as it would once installed.
 * Comments and trailing commas, `extends` arrays and chains through node_modules are read as
 * TypeScript reads them.
 */
export function readableTsconfig(file: string, cwd: string): ReadableTsconfig {
  const diagnostics: Diagnostic[] = [];
  return { file: rewrite(file, cwd, diagnostics, new Map()), diagnostics };
}

/** An empty tsconfig (no options): what drizzle-kit uses when it cannot read the project's. */
export function emptyTsconfig(): string {
  return writeCopy({});
}

function rewrite(file: string, cwd: string, diagnostics: Diagnostic[], done: Map<string, string>): string {
  const known = done.get(file);
  if (known) return known;
  done.set(file, file); // a cycle: TypeScript reports it; keep the file itself
  const ts = typescript();
  const text = readFileSync(file, 'utf8');
  const read = ts.parseConfigFileTextToJson(file, text);
  const raw: Raw = read.config && typeof read.config === 'object' ? (read.config as Raw) : {};
  const dir = path.dirname(file);
  const entries =
    typeof raw.extends === 'string' ? [raw.extends] : Array.isArray(raw.extends) ? raw.extends : [];
  const kept: string[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    const found = resolveExtends(ts, file, entry);
    const resolved = found?.file ?? findWorkspaceTsconfig(entry, dir);
    if (!resolved) diagnostics.push(unresolved(file, text, entry, cwd));
    else kept.push(found?.clean ? resolved : rewrite(resolved, cwd, diagnostics, done));
  }
  const copy: Raw = { ...raw, ...absoluteFiles(raw, dir) };
  delete copy.extends;
  if (kept.length > 0) copy.extends = kept.length === 1 ? kept[0] : kept;
  if (raw.compilerOptions) copy.compilerOptions = absoluteOptions(raw.compilerOptions, dir);
  const out = writeCopy(copy);
  done.set(file, out);
  return out;
}

/**
 * The file an `extends` entry names, as TypeScript resolves it from `file` (undefined: not found),
 * and whether everything it extends in turn is found too.
 */
function resolveExtends(
  ts: typeof TS,
  file: string,
  entry: string,
): { file: string; clean: boolean } | undefined {
  const probe = ts.parseJsonText(file, JSON.stringify({ extends: entry }));
  const parsed = ts.parseJsonSourceFileConfigFileContent(probe, ts.sys, path.dirname(file), undefined, file);
  const first = (probe as { extendedSourceFiles?: string[] }).extendedSourceFiles?.[0];
  const missing = parsed.errors.filter((e) => e.code === 6053 || e.code === 5083);
  const self = missing.some((e) => ts.flattenDiagnosticMessageText(e.messageText, ' ').includes(entry));
  return first && !self && existsSync(first) ? { file: first, clean: missing.length === 0 } : undefined;
}

function unresolved(file: string, text: string, entry: string, cwd: string): Diagnostic {
  const rel = relativePosix(cwd, file) || path.basename(file);
  const at = text.indexOf(JSON.stringify(entry));
  return {
    severity: 'warning',
    code: 'drizzle/tsconfig-extends',
    message: `${rel} extends "${entry}", which cannot be found: the schema was loaded without the options it would add (drizzle-kit loads it without this tsconfig at all).`,
    file: rel,
    ...(at >= 0 ? { line: text.slice(0, at).split('\n').length } : {}),
    hint: `Install the workspace's dependencies so "${entry}" resolves (e.g. pnpm install at the repository root), or give ormdoc another tsconfig (tsconfig in withOrmdoc, or --tsconfig).`,
  };
}

/** `paths` targets and `baseUrl` made absolute: the copy lives elsewhere. */
function absoluteOptions(options: Record<string, unknown>, dir: string): Record<string, unknown> {
  const out = { ...options };
  const base = typeof options.baseUrl === 'string' ? path.resolve(dir, options.baseUrl) : undefined;
  if (base) out.baseUrl = base;
  const paths = options.paths;
  if (paths && typeof paths === 'object') {
    const rebased: Record<string, unknown> = {};
    for (const [key, targets] of Object.entries(paths as Record<string, unknown>))
      rebased[key] = Array.isArray(targets)
        ? targets.map((t) => (typeof t === 'string' ? path.resolve(base ?? dir, t) : t))
        : targets;
    out.paths = rebased;
  }
  return out;
}

/** `include`/`exclude`/`files` made absolute (the default include is the tsconfig's folder). */
function absoluteFiles(raw: Raw, dir: string): Raw {
  const abs = (list: unknown) =>
    Array.isArray(list)
      ? list.map((p) => (typeof p === 'string' ? toPosixPath(path.resolve(dir, p)) : p))
      : list;
  const out: Raw = {};
  if (raw.include !== undefined) out.include = abs(raw.include);
  else if (raw.files === undefined) out.include = [toPosixPath(path.join(dir, '**/*'))];
  if (raw.exclude !== undefined) out.exclude = abs(raw.exclude);
  if (raw.files !== undefined) out.files = abs(raw.files);
  return out;
}

function writeCopy(config: Raw): string {
  const text = `${JSON.stringify(config, null, 2)}\n`;
  const hash = createHash('sha1').update(text).digest('hex').slice(0, 16);
  mkdirSync(TSCONFIG_DIR, { recursive: true });
  const out = path.join(TSCONFIG_DIR, `tsconfig.${hash}.json`);
  if (!existsSync(out)) writeFileSync(out, text);
  return out;
}

let ts: typeof TS | undefined;
function typescript(): typeof TS {
  ts ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return ts;
}
