import { createRequire } from 'node:module';
import type * as TS from 'typescript';

import type { Declaration, DeclaredProperty, SourceFile, SourceIndex } from '../src/source/jsdoc.js';

/**
 * The oracle for `src/source/jsdoc.ts`: how ormdoc read JSDoc and declaration lines before, with
 * the TypeScript parser (slow: ~2 s of CPU for 1,000 tables). The scanner must find the same
 * declarations, names, lines and descriptions (its function sources are not compared).
 */

let ts: typeof TS | undefined;
function typescript(): typeof TS {
  ts ??= createRequire(import.meta.url)('typescript') as typeof TS;
  return ts;
}

export function indexSourcesWithTypescript(files: SourceFile[]): SourceIndex {
  const t = typescript();
  const parsed = files.map((f) => ({
    file: f,
    sf: t.createSourceFile(f.path, f.content, t.ScriptTarget.Latest, true, t.ScriptKind.TSX),
  }));
  // Object literals declared at top level anywhere (for `...timestamps` spreads).
  const objects = new Map<string, { sf: TS.SourceFile; node: TS.ObjectLiteralExpression; file: string }>();
  for (const { file, sf } of parsed)
    for (const stmt of sf.statements)
      if (t.isVariableStatement(stmt))
        for (const d of stmt.declarationList.declarations) {
          const init = d.initializer && unwrap(t, d.initializer);
          if (t.isIdentifier(d.name) && init && t.isObjectLiteralExpression(init))
            objects.set(d.name.text, { sf, node: init, file: file.path });
        }

  const declarations: Declaration[] = [];
  for (const { file, sf } of parsed) {
    const exported = exportAliases(t, sf);
    for (const stmt of sf.statements) {
      for (const { name: varName, init, exported: isExported, doc: docNode } of bindings(t, stmt)) {
        const call = findCall(t, init);
        if (!call) continue;
        const names = [...(isExported ? [varName] : []), ...(exported.get(varName) ?? [])];
        const first = call.arguments[0];
        const properties = new Map<string, DeclaredProperty>();
        const cols = call.arguments[1] && columnsLiteral(t, call.arguments[1]);
        if (cols) collectProperties(t, sf, cols, objects, properties, new Set());
        const doc = jsDocOf(t, stmt, sf) ?? jsDocOf(t, docNode, sf);
        declarations.push({
          varName,
          exportNames: names,
          ...(first && (t.isStringLiteral(first) || t.isNoSubstitutionTemplateLiteral(first))
            ? { dbName: first.text }
            : {}),
          file: file.path,
          line: lineOf(sf, stmt),
          ...(doc ? { description: doc } : {}),
          properties,
        });
      }
    }
  }
  return { declarations };
}

/** `const x = init` / `export const x = init` / CommonJS `exports.x = init` / `module.exports.x = init`. */
function bindings(
  t: typeof TS,
  stmt: TS.Statement,
): Array<{ name: string; init: TS.Expression; exported: boolean; doc: TS.Node }> {
  if (t.isVariableStatement(stmt)) {
    const exported = stmt.modifiers?.some((m) => m.kind === t.SyntaxKind.ExportKeyword) ?? false;
    return stmt.declarationList.declarations.flatMap((d) =>
      t.isIdentifier(d.name) && d.initializer
        ? [{ name: d.name.text, init: d.initializer, exported, doc: d }]
        : [],
    );
  }
  if (
    t.isExpressionStatement(stmt) &&
    t.isBinaryExpression(stmt.expression) &&
    stmt.expression.operatorToken.kind === t.SyntaxKind.EqualsToken
  ) {
    const left = stmt.expression.left;
    if (t.isPropertyAccessExpression(left)) {
      const target = left.expression.getText();
      if (target === 'exports' || target === 'module.exports')
        return [{ name: left.name.text, init: stmt.expression.right, exported: true, doc: stmt }];
    }
  }
  return [];
}

function unwrap(t: typeof TS, e: TS.Expression): TS.Expression {
  let x = e;
  while (t.isParenthesizedExpression(x) || t.isAsExpression(x) || t.isSatisfiesExpression(x))
    x = x.expression;
  return x;
}

/** The table/enum call of an initializer: `pgTable(...)`, `auth.table(...)`, `pgTable(...).enableRLS()`. */
function findCall(t: typeof TS, init: TS.Expression): TS.CallExpression | undefined {
  let e = unwrap(t, init);
  while (t.isCallExpression(e)) {
    const callee = e.expression;
    if (
      t.isPropertyAccessExpression(callee) &&
      t.isCallExpression(callee.expression) &&
      callee.name.text !== 'table' &&
      callee.name.text !== 'view'
    ) {
      e = callee.expression; // pgTable(...).enableRLS()
      continue;
    }
    return e.arguments.length > 0 ? e : undefined;
  }
  return undefined;
}

/** The columns object: `{ ... }` or `(t) => ({ ... })`. */
function columnsLiteral(t: typeof TS, arg: TS.Expression): TS.ObjectLiteralExpression | undefined {
  const e = unwrap(t, arg);
  if (t.isObjectLiteralExpression(e)) return e;
  if (t.isArrowFunction(e) || t.isFunctionExpression(e)) {
    const body = e.body;
    if (t.isBlock(body)) {
      const ret = body.statements.find(t.isReturnStatement);
      const r = ret?.expression && unwrap(t, ret.expression);
      return r && t.isObjectLiteralExpression(r) ? r : undefined;
    }
    const b = unwrap(t, body);
    return t.isObjectLiteralExpression(b) ? b : undefined;
  }
  return undefined;
}

function collectProperties(
  t: typeof TS,
  sf: TS.SourceFile,
  obj: TS.ObjectLiteralExpression,
  objects: Map<string, { sf: TS.SourceFile; node: TS.ObjectLiteralExpression }>,
  out: Map<string, DeclaredProperty>,
  seen: Set<string>,
): void {
  for (const p of obj.properties) {
    if (t.isSpreadAssignment(p)) {
      const target = unwrap(t, p.expression);
      if (t.isIdentifier(target) && !seen.has(target.text)) {
        const o = objects.get(target.text);
        if (o) collectProperties(t, o.sf, o.node, objects, out, new Set([...seen, target.text]));
      }
      continue;
    }
    const name = p.name && (t.isIdentifier(p.name) || t.isStringLiteral(p.name) ? p.name.text : undefined);
    if (!name) continue;
    const doc = jsDocOf(t, p, sf);
    out.set(name, { line: lineOf(sf, p), ...(doc ? { description: doc } : {}) });
  }
}

/** `export { a as b }` within the same file: local name -> exported names. */
function exportAliases(t: typeof TS, sf: TS.SourceFile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const stmt of sf.statements) {
    if (
      !t.isExportDeclaration(stmt) ||
      stmt.moduleSpecifier ||
      !stmt.exportClause ||
      !t.isNamedExports(stmt.exportClause)
    )
      continue;
    for (const el of stmt.exportClause.elements) {
      const local = (el.propertyName ?? el.name).text;
      out.set(local, [...(out.get(local) ?? []), el.name.text]);
    }
    // `export default users` is matched by identity in the loader, not here.
  }
  return out;
}

/** The last JSDoc block (`/** ... *\/`) directly before a node, as plain text; tags kept as text. */
function jsDocOf(t: typeof TS, node: TS.Node, sf: TS.SourceFile): string | undefined {
  const ranges = t.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const last = [...ranges]
    .reverse()
    .find((r) => sf.text.startsWith('/**', r.pos) && r.kind === t.SyntaxKind.MultiLineCommentTrivia);
  if (!last) return undefined;
  const raw = sf.text.slice(last.pos + 3, last.end - 2);
  const text = raw
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, '').trimEnd())
    .join('\n')
    .trim();
  return text || undefined;
}

function lineOf(sf: TS.SourceFile, node: TS.Node): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}
