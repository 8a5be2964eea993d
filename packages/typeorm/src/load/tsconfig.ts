import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OrmdocError } from '@ormdoc/core';
import type * as TS from 'typescript';

/** The TypeScript compiler API (5.x/6.x: the 7.x package has no JS API). */
export function loadTypescript(): typeof TS {
  return createRequire(import.meta.url)('typescript') as typeof TS;
}

export interface ProjectCompilerOptions {
  /** Options handed to `transpileModule`: the project's own, with decorators and CommonJS forced. */
  compilerOptions: TS.CompilerOptions;
  /** `paths` as absolute pattern -> targets, for the resolver. */
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
  /** The tsconfig file that was read, when one was found. */
  file?: string;
}

/**
 * Read the project's tsconfig (explicit `tsconfig`, else the nearest `tsconfig.json` from `cwd` up)
 * and force what TypeORM needs: legacy decorators with emitted `design:type` metadata, compiled
 * to CommonJS so entity files that import each other in a cycle still load.
 */
export function readProjectCompilerOptions(cwd: string, tsconfig?: string): ProjectCompilerOptions {
  const ts = loadTypescript();
  let file: string | undefined;
  if (tsconfig) {
    file = path.resolve(cwd, tsconfig);
    if (!existsSync(file))
      throw new OrmdocError('INPUT_NOT_FOUND', `tsconfig not found: ${tsconfig}`, {
        file: tsconfig,
        hint: 'Pass the path of an existing tsconfig.json (relative to the project root), or leave it out.',
      });
  } else {
    file = ts.findConfigFile(cwd, ts.sys.fileExists, 'tsconfig.json');
  }
  let options: TS.CompilerOptions = {};
  if (file) {
    const read = ts.readConfigFile(file, ts.sys.readFile);
    if (read.error)
      throw new OrmdocError('CONFIG_INVALID', `Cannot read ${file}: ${flatten(ts, read.error.messageText)}`, {
        file,
        hint: 'Fix the JSON of the tsconfig file, or point ormdoc at another one with the tsconfig option.',
      });
    options = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file).options;
  }
  const {
    customConditions: _customConditions,
    resolvePackageJsonExports: _exports,
    resolvePackageJsonImports: _imports,
    allowImportingTsExtensions: _tsExtensions,
    rewriteRelativeImportExtensions: _rewrite,
    ...rest
  } = options;
  const compilerOptions: TS.CompilerOptions = {
    ...rest,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target:
      options.target !== undefined && options.target < ts.ScriptTarget.ES2021
        ? ts.ScriptTarget.ES2021
        : (options.target ?? ts.ScriptTarget.ES2021),
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    verbatimModuleSyntax: false,
    isolatedModules: false,
    sourceMap: false,
    inlineSourceMap: false,
    declaration: false,
    declarationMap: false,
    noEmit: false,
  };
  return {
    compilerOptions,
    paths: pathMappings(options, file ?? path.join(cwd, 'tsconfig.json')),
    ...(file ? { file } : {}),
  };
}

function pathMappings(options: TS.CompilerOptions, file: string): ProjectCompilerOptions['paths'] {
  const paths = options.paths;
  if (!paths) return [];
  const base = options.baseUrl ?? (options.pathsBasePath as string | undefined) ?? path.dirname(file);
  return Object.entries(paths).map(([pattern, targets]) => {
    const star = pattern.indexOf('*');
    return {
      prefix: star < 0 ? pattern : pattern.slice(0, star),
      suffix: star < 0 ? '' : pattern.slice(star + 1),
      wildcard: star >= 0,
      targets: targets.map((t) => path.resolve(base, t)),
    };
  });
}

function flatten(ts: typeof TS, text: string | TS.DiagnosticMessageChain): string {
  return ts.flattenDiagnosticMessageText(text, '\n');
}
