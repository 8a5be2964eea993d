import { readFileSync } from 'node:fs';
import { OrmdocError } from '@ormdoc/core';
import type * as TS from 'typescript';
import { readCachedTranspile, transpileCacheKey, writeCachedTranspile } from './transpileCache.js';
import type { ProjectCompilerOptions } from './tsconfig.js';
import { TypedEmitter } from './typedEmit.js';
import { collectTypeRefs, type TypeRef } from './typeRefs.js';

/** Marks the type references of a cached transpile: the last line of the cached output. */
const REFS_MARK = '\n//# ormdocTypeRefs=';

/**
 * Compiles one TypeScript file for the require hook: `transpileModule` (cached on disk), and, for
 * a file whose decorator metadata needs types from other files (an imported type alias or enum
 * as a column type), the typed emit of a TypeScript program (cached under a key that also covers
 * the files those types come from). Either way `design:type` is what the project's `tsc` emits.
 */
export function createTsCompiler(
  ts: typeof TS,
  project: ProjectCompilerOptions,
  entryFiles: () => readonly string[] = () => [],
): (filename: string) => string {
  const optionsKey = JSON.stringify(project.compilerOptions);
  let typed: TypedEmitter | undefined;
  return (filename) => {
    const source = readFileSync(filename, 'utf8');
    const key = transpileCacheKey({ tsVersion: ts.version, options: optionsKey, filename, source });
    const plain = readPlain(key) ?? transpile(ts, project, filename, source, key);
    if (plain.refs.length === 0) return plain.output;
    typed ??= new TypedEmitter(ts, project.compilerOptions);
    const typedKey = typed.cacheKey(key, filename, plain.refs);
    const cached = readCachedTranspile(typedKey);
    if (cached !== undefined) return cached;
    const output = typed.needsTypes(filename, plain.refs)
      ? (typed.emit(filename, entryFiles()) ?? plain.output)
      : plain.output;
    writeCachedTranspile(typedKey, output);
    return output;
  };
}

function readPlain(key: string): { output: string; refs: TypeRef[] } | undefined {
  const cached = readCachedTranspile(key);
  if (cached === undefined) return undefined;
  const at = cached.lastIndexOf(REFS_MARK);
  if (at < 0) return { output: cached, refs: [] };
  try {
    const refs = JSON.parse(cached.slice(at + REFS_MARK.length)) as TypeRef[];
    return { output: cached.slice(0, at), refs };
  } catch {
    return undefined;
  }
}

function transpile(
  ts: typeof TS,
  project: ProjectCompilerOptions,
  filename: string,
  source: string,
  key: string,
): { output: string; refs: TypeRef[] } {
  const refs: TypeRef[] = [];
  const out = ts.transpileModule(source, {
    compilerOptions: project.compilerOptions,
    fileName: filename,
    reportDiagnostics: true,
    transformers: { before: [collectTypeRefs(ts, refs)] },
  });
  // Only errors in the file itself (syntax); option diagnostics never stop a load.
  const syntax = out.diagnostics?.find(
    (d) => d.category === ts.DiagnosticCategory.Error && d.file !== undefined,
  );
  if (syntax) {
    const pos =
      syntax.file && syntax.start !== undefined
        ? syntax.file.getLineAndCharacterOfPosition(syntax.start)
        : undefined;
    throw new OrmdocError(
      'MODULE_LOAD_FAILED',
      `${filename}: ${ts.flattenDiagnosticMessageText(syntax.messageText, '\n')}`,
      {
        file: filename,
        ...(pos ? { line: pos.line + 1, column: pos.character + 1 } : {}),
        hint: 'Fix the TypeScript syntax error in this file.',
      },
    );
  }
  writeCachedTranspile(
    key,
    refs.length > 0 ? `${out.outputText}${REFS_MARK}${JSON.stringify(refs)}` : out.outputText,
  );
  return { output: out.outputText, refs };
}
