import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import type { TypeRef } from './typeRefs.js';

/**
 * Emits entity files with type information, for the few whose decorator metadata `transpileModule`
 * cannot get right on its own (see `TypeRef`): a TypeScript program over those files and what they
 * import, with the project's compiler options, so `design:type` is what the project's own `tsc`
 * build emits. The program is built lazily, once per load, and grows (reusing every parsed file)
 * when a file outside it needs it.
 */
export class TypedEmitter {
  private readonly options: TS.CompilerOptions;
  private readonly host: TS.CompilerHost;
  private readonly resolutionCache: TS.ModuleResolutionCache;
  private program: TS.Program | undefined;
  private readonly roots: string[] = [];
  /** Package specifiers a column type names: the only packages the program resolves. */
  private readonly packages = new Set<string>();
  private readonly declarations = new Map<string, Map<string, 'value-type' | 'other'>>();
  private readonly digests = new Map<string, { hash: string; deps: string[] }>();

  constructor(
    private readonly ts: typeof TS,
    compilerOptions: TS.CompilerOptions,
  ) {
    this.options = {
      ...compilerOptions,
      noEmit: false,
      noEmitOnError: false,
      emitDeclarationOnly: false,
      declaration: false,
      composite: false,
      incremental: false,
      outFile: undefined,
      tsBuildInfoFile: undefined,
      // Speed: no automatic @types/* and no DOM lib unless the project lists them. A global the
      // program does not know serialises as a runtime check, exactly as with transpileModule.
      types: compilerOptions.types ?? [],
      lib: compilerOptions.lib ?? [ts.getDefaultLibFileName(compilerOptions).replace('.full.d.ts', '.d.ts')],
    };
    this.host = ts.createCompilerHost(this.options, true);
    // Packages are resolved only where a column type names them (and inside those packages): the
    // decorators' own package (typeorm's hundreds of declaration files) is never needed for
    // `design:type`, and an unresolved import serialises as it does under transpileModule.
    this.host.resolveModuleNameLiterals = (literals, containingFile, _redirected, options) =>
      literals.map((literal) => {
        const result = ts.resolveModuleName(
          literal.text,
          containingFile,
          options,
          this.host,
          this.resolutionCache,
        );
        const external = result.resolvedModule?.isExternalLibraryImport === true;
        const wanted = this.packages.has(literal.text) || /[\\/]node_modules[\\/]/.test(containingFile);
        return external && !wanted ? { resolvedModule: undefined } : result;
      });
    this.resolutionCache = ts.createModuleResolutionCache(
      this.host.getCurrentDirectory(),
      (f) => this.host.getCanonicalFileName(f),
      this.options,
    );
  }

  /**
   * True when the file's references may serialise differently with type information: a name that
   * is not a class or interface declared in a project file (a type alias, an enum, a namespace, a
   * re-export or a package's type). Classes and interfaces serialise the same way either way.
   */
  needsTypes(filename: string, refs: TypeRef[]): boolean {
    return refs.some((ref) => {
      if (ref.name === '*') return true;
      const target = this.resolve(ref.specifier, filename);
      if (target?.external) this.packages.add(ref.specifier);
      if (!target || target.external) return true;
      return this.declarationsOf(target.file).get(ref.name) !== 'value-type';
    });
  }

  /**
   * A cache key for the typed output of `filename`: its transpile key plus the path and content of
   * every project file its references resolve to, and of what those import in turn (the files the
   * serialised types can depend on). A change in any of them gives a new key.
   */
  cacheKey(baseKey: string, filename: string, refs: TypeRef[]): string {
    const seen = new Set<string>();
    const stack: string[] = [];
    for (const ref of refs) {
      const target = this.resolve(ref.specifier, filename);
      stack.push(target && !target.external ? target.file : `unresolved:${ref.specifier}`);
    }
    while (stack.length > 0) {
      const file = stack.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!file.startsWith('unresolved:')) stack.push(...this.digestOf(file).deps);
    }
    const hash = createHash('sha256').update(baseKey);
    for (const file of [...seen].sort()) {
      hash.update('\0').update(file);
      if (!file.startsWith('unresolved:')) hash.update('\0').update(this.digestOf(file).hash);
    }
    return hash.digest('hex');
  }

  /**
   * The file compiled by the program (CommonJS), or undefined when the program cannot emit it.
   * The first program starts from the file alone (and what it imports): one such file in a large
   * project costs only its own imports. When a second file falls outside it, `entryFiles` (the
   * load's data source and entity files) join the roots, so at most two programs are built
   * instead of one per file.
   */
  emit(filename: string, entryFiles: readonly string[] = []): string | undefined {
    let sourceFile = this.program?.getSourceFile(filename);
    if (!sourceFile) {
      for (const file of [...(this.program ? entryFiles : []), filename])
        if (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file) && !this.roots.includes(file))
          this.roots.push(file);
      this.program = this.ts.createProgram({
        rootNames: this.roots,
        options: this.options,
        host: this.host,
        ...(this.program ? { oldProgram: this.program } : {}),
      });
      sourceFile = this.program.getSourceFile(filename);
    }
    if (!sourceFile || !this.program) return undefined;
    let output: string | undefined;
    this.program.emit(sourceFile, (name, text) => {
      if (/\.[cm]?js$/.test(name)) output = text;
    });
    return output;
  }

  private resolve(specifier: string, from: string): { file: string; external: boolean } | undefined {
    const resolved = this.ts.resolveModuleName(
      specifier,
      from,
      this.options,
      this.host,
      this.resolutionCache,
    ).resolvedModule;
    if (!resolved) return undefined;
    return { file: resolved.resolvedFileName, external: resolved.isExternalLibraryImport === true };
  }

  /** Top-level names a file declares: classes and interfaces apart from everything else. */
  private declarationsOf(file: string): Map<string, 'value-type' | 'other'> {
    const known = this.declarations.get(file);
    if (known) return known;
    const out = new Map<string, 'value-type' | 'other'>();
    const ts = this.ts;
    const text = this.host.readFile(file) ?? '';
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const statement of sourceFile.statements) {
      const isDefault =
        (ts.getCombinedModifierFlags(statement as unknown as TS.Declaration) & ts.ModifierFlags.Default) !==
        0;
      if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
        if (statement.name) out.set(statement.name.text, 'value-type');
        if (isDefault) out.set('default', 'value-type');
      } else if (
        (ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
        !out.has(statement.name.text)
      )
        out.set(statement.name.text, 'other');
    }
    this.declarations.set(file, out);
    return out;
  }

  /** A file's content hash and the project files it imports (packages are left out). */
  private digestOf(file: string): { hash: string; deps: string[] } {
    const known = this.digests.get(file);
    if (known) return known;
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // A vanished file hashes as empty: the key still changes.
    }
    const deps: string[] = [];
    for (const imported of this.ts.preProcessFile(text, true, true).importedFiles) {
      const target = this.resolve(imported.fileName, file);
      if (target && !target.external) deps.push(target.file);
    }
    const digest = { hash: createHash('sha256').update(text).digest('hex'), deps };
    this.digests.set(file, digest);
    return digest;
  }
}
