import type * as TS from 'typescript';

/**
 * A name from another module that a decorated property's type annotation uses, where the
 * property's decorators leave the column type to `design:type`. `transpileModule` sees one file,
 * so it cannot tell what such a name is: an imported type alias (`'a' | 'b'`) or enum becomes
 * `Object` where the project's own `tsc` build emits `String` or `Number`.
 */
export interface TypeRef {
  /** The module specifier as written (`./types`, `@app/enums`). */
  specifier: string;
  /** The name exported by that module (`default` for a default import, `*` for a namespace). */
  name: string;
  /** Imported with `import type` (or `import { type X }`). */
  typeOnly: boolean;
}

/** Decorators that never read `design:type` for a column type (relations read it only to spot `Promise`). */
const IGNORED_DECORATORS = new Set([
  'OneToOne',
  'OneToMany',
  'ManyToOne',
  'ManyToMany',
  'JoinColumn',
  'JoinTable',
  'RelationId',
  'RelationCount',
  'TreeParent',
  'TreeChildren',
  'Index',
  'Unique',
  'Check',
  'Exclusion',
  'Generated',
]);

interface ImportBinding {
  specifier: string;
  name: string;
  typeOnly: boolean;
}

/**
 * A `transpileModule` "before" transformer that collects the file's type references (see
 * `TypeRef`) into `out` and leaves the file unchanged: the references come from the same parse as
 * the transpile, at no extra cost.
 */
export function collectTypeRefs(ts: typeof TS, out: TypeRef[]): TS.TransformerFactory<TS.SourceFile> {
  return () => (sourceFile) => {
    out.push(...typeRefsOf(ts, sourceFile));
    return sourceFile;
  };
}

export function typeRefsOf(ts: typeof TS, sourceFile: TS.SourceFile): TypeRef[] {
  const imports = importBindings(ts, sourceFile);
  if (imports.size === 0) return [];
  const found = new Map<string, TypeRef>();
  const visitClass = (node: TS.Node): void => {
    if (ts.isClassLike(node))
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !member.type) continue;
        if (!leavesTypeToMetadata(ts, member)) continue;
        for (const ref of referencedImports(ts, member.type, imports))
          found.set(`${ref.specifier}\0${ref.name}`, ref);
      }
    ts.forEachChild(node, visitClass);
  };
  visitClass(sourceFile);
  return [...found.values()];
}

function importBindings(ts: typeof TS, sourceFile: TS.SourceFile): Map<string, ImportBinding> {
  const out = new Map<string, ImportBinding>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause) continue;
    const specifier = statement.moduleSpecifier.text;
    const typeOnly = clause.isTypeOnly;
    if (clause.name) out.set(clause.name.text, { specifier, name: 'default', typeOnly });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings))
      out.set(bindings.name.text, { specifier, name: '*', typeOnly });
    else if (bindings)
      for (const element of bindings.elements)
        out.set(element.name.text, {
          specifier,
          name: (element.propertyName ?? element.name).text,
          typeOnly: typeOnly || element.isTypeOnly,
        });
  }
  return out;
}

/** True when some decorator of the property may take the column type from `design:type`. */
function leavesTypeToMetadata(ts: typeof TS, member: TS.PropertyDeclaration): boolean {
  const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
  return decorators.some((decorator) => {
    const expr = decorator.expression;
    const callee = ts.isCallExpression(expr) ? expr.expression : expr;
    const name = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : '';
    if (IGNORED_DECORATORS.has(name)) return false;
    if (!ts.isCallExpression(expr)) return true;
    const first = expr.arguments[0];
    if (!first) return true;
    // @Column('varchar'), @Column(() => Embedded): the type is explicit.
    if (ts.isStringLiteralLike(first) || ts.isArrowFunction(first) || ts.isFunctionExpression(first))
      return false;
    if (ts.isObjectLiteralExpression(first))
      return !first.properties.some(
        (p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === 'type',
      );
    return true;
  });
}

/**
 * The imported names a type annotation's serialisation depends on: the annotation itself, or the
 * members of a union/intersection (`State | null`). Arrays and type arguments serialise as
 * `Array` or their outer type whatever the names inside, so they are not looked into.
 */
function referencedImports(ts: typeof TS, type: TS.TypeNode, imports: Map<string, ImportBinding>): TypeRef[] {
  if (ts.isParenthesizedTypeNode(type)) return referencedImports(ts, type.type, imports);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type))
    return type.types.flatMap((t) => referencedImports(ts, t, imports));
  if (!ts.isTypeReferenceNode(type)) return [];
  let left: TS.EntityName = type.typeName;
  while (ts.isQualifiedName(left)) left = left.left;
  const binding = imports.get(left.text);
  return binding ? [{ ...binding }] : [];
}
