import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexSources, type SourceFile, type SourceIndex } from '../src/source/jsdoc.js';
import { indexSourcesWithTypescript } from './_jsdocTypescript.js';
import { EXAMPLE_DIR, FIXTURES } from './_kit.js';

/** What both readers report (the scanner's function sources aside). */
function comparable(index: SourceIndex) {
  return index.declarations.map((d) => ({
    ...d,
    properties: [...d.properties].map(([name, p]) => [name, p.line, p.description]),
  }));
}

const agree = (files: SourceFile[]) =>
  expect(comparable(indexSources(files))).toEqual(comparable(indexSourcesWithTypescript(files)));

function sourcesIn(dir: string, root = dir): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(file).isDirectory()) return sourcesIn(file, root);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(name)
      ? [{ path: path.relative(root, file), content: readFileSync(file, 'utf8') }]
      : [];
  });
}

describe('indexSources reads what the TypeScript parser reads', () => {
  it('on every fixture and example schema', () => {
    for (const dir of [
      path.join(FIXTURES, 'conformance'),
      path.join(FIXTURES, 'pg'),
      path.join(FIXTURES, 'rc1'),
      path.join(EXAMPLE_DIR, 'schema'),
    ])
      agree(sourcesIn(dir));
  });

  it.each([
    ['JSDoc at the start of the file', `/** First. */\nexport const a = pgTable('a', { id: serial() });\n`],
    [
      'no semicolons, comments everywhere',
      `// head\nimport { pgTable } from 'x'\n/** A. */ export const a = pgTable('a', {\n  /** Id. */ id: serial() // same line\n  , /* not doc */\n  /** Name. */\n  name: text(),\n})\n/** B. */\nexport const b = pgTable('b', {})\n`,
    ],
    [
      'JSDoc between const and the name, several declarators',
      `export const\n/** X. */\nx = pgTable('x', { a: int() }), /** Y. */\ny = pgTable('y', { b: int() });`,
    ],
    [
      'type annotations with commas, generic calls, as const, satisfies',
      `const t: Record<string, Map<string, number>> = pgTable('t', { a: f<A, B>(1, 2), b: x as Y }) as const;\nexport { t as tee, t };\nconst u = (pgTable('u', { c: g() }) satisfies U);\nexport type { U as V };`,
    ],
    [
      'chains: enableRLS, schema.table, table creators, enums',
      `export const s = pgSchema('s');\nexport const a = s.table('a', { id: int() }).enableRLS();\nconst create = pgTableCreator((n) => \`p_\${n}\`);\nexport const b = create('b', (t) => ({ id: t.integer() }));\n/** Mood. */\nexport const mood = pgEnum('mood', ['a', 'b']);\nexport const v = pgView('v').as((qb) => qb.select().from(a));`,
    ],
    [
      'block bodies: the first top-level return',
      `export const a = pgTable('a', (t) => {\n  const x = { z: 1 };\n  if (x) return { no: t.int() };\n  return {\n    /** Yes. */ yes: t.int(),\n  };\n});\nexport const b = pgTable('b', function (t) { for (;;) {} return { c: 1 } });\nexport const c = pgTable('c', async (t): Promise<X> => { return ({ d: 1 }) as X });`,
    ],
    [
      'CommonJS exports',
      `const { pgTable } = require('x');\n/** Pins. */\nexports.pins = pgTable('pins', { id: int() });\nmodule.exports.tags = pgTable("tags", { /** N. */ n: text() });\nmodule . exports.no = pgTable('no', {});\nexports.a = exports.b = pgTable('ab', {});`,
    ],
    [
      'strings, templates, regular expressions with brackets and quotes',
      `export const a = pgTable('a\\'b\\u0041', {\n  'quoted-key': text().default("x}{"),\n  tpl: text().default(\`\${'{'} \${\`nested \${1}\`}\`),\n  re: text().default(/[}{"'\`(]/g.source),\n  div: int().default(4 / 2 / 1),\n  /** Last. */ last: int(),\n});\n`,
    ],
    [
      'methods, accessors, computed and numeric keys, spreads',
      `const base = { /** Id. */ id: int(), ...more };\nconst more = { /** Created. */ createdAt: ts() };\nexport const a = pgTable('a', {\n  ...base,\n  get g() { return 1 },\n  set s(v) {},\n  async m() {},\n  *gen() {},\n  [k]: int(),\n  1: int(),\n  async: int(),\n  get: int(),\n});\n`,
    ],
    [
      'CRLF, a shebang and statements that are not tables',
      `#!/usr/bin/env node\r\n/** A. */\r\nexport const a = pgTable('a', {\r\n  /** B. */\r\n  b: int(),\r\n});\r\nfunction f() { return pgTable('no', {}) }\r\nclass C { x = pgTable('no', {}) }\r\ninterface I { a: string }\r\ntype T = { a: string }\r\nif (a) { const z = pgTable('z', {}) }\r\nexport default a\r\ndeclare const d: string\r\nnamespace N { export const n = pgTable('n', {}) }\r\n`,
    ],
  ])('%s', (_name, content) => {
    agree([{ path: 'a.ts', content }]);
  });

  it('on random drizzle-like files (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(schemaFile, { minLength: 1, maxLength: 3 }), (contents) => {
        agree(contents.map((content, i) => ({ path: `f${i}.ts`, content })));
      }),
      { numRuns: 300 },
    );
  });
});

describe('indexSources: functions written inline', () => {
  const props = (content: string) => indexSources([{ path: 'a.ts', content }]).declarations[0]!.properties;

  it('keeps the source of $defaultFn/$default and $onUpdateFn/$onUpdate, as written', () => {
    const p = props(
      `export const a = pgTable('a', {\n  u: ts().$onUpdate(() => new Date()),\n  d: text().$defaultFn(() =>\n    createId()),\n  e: text().$default(async function () { return 'x' }),\n});`,
    );
    expect(p.get('u')).toMatchObject({ onUpdateFn: '() => new Date()' });
    expect(p.get('d')).toMatchObject({ defaultFn: '() =>\n    createId()' });
    expect(p.get('e')).toMatchObject({ defaultFn: "async function () { return 'x' }" });
  });

  it('not a function written there, or two of them: none (the function prints itself)', () => {
    const p = props(
      `export const a = pgTable('a', {\n  id: text().$defaultFn(createId),\n  two: ts().$onUpdate(() => 1).$onUpdate(() => 2),\n  nested: json().default(f({ x: y.$default(() => 1) })),\n});`,
    );
    expect(p.get('id')?.defaultFn).toBeUndefined();
    expect(p.get('two')?.onUpdateFn).toBeUndefined();
    expect(p.get('nested')?.defaultFn).toBeUndefined();
  });
});

// ---- random drizzle-like sources -----------------------------------------------------------

const ws = fc.constantFrom(' ', '\n', '  ', '\n\n', '\r\n', '\t', ' /* c */ ', '\n// c\n', ' // c\n');
const gap = fc.array(ws, { maxLength: 2 }).map((a) => a.join(''));
const doc = fc.option(
  fc.constantFrom(
    '/** Doc. */',
    '/**\n * Two\n * lines @pii\n */',
    '/***/',
    '/** a */ /** b */',
    '/* plain */',
  ),
  { nil: '' },
);
const ident = fc.constantFrom('id', 'name', 'createdAt', 'user_id', '$x', 'default', 'get', 'async', 'ä');
const column = fc.constantFrom(
  'int()',
  "text('t').notNull()",
  'int().references(() => other.id, { onDelete: "cascade" })',
  'f<A, B>(1, 2)',
  'custom<{ a: string, b: number }>()',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
  'text().default(`${a}}{`)',
  'text().default(/[}{\'"]/.source)',
  'int().default(4 / 2)',
  'ts().$onUpdate(() => new Date())',
  'json().default({ a: [1, { b: 2 }] })',
);
const property = fc.oneof(
  fc.tuple(doc, gap, ident, column).map(([d, g, n, c]) => `${d}${g}${n}: ${c}`),
  fc.tuple(doc, ident).map(([d, n]) => `${d} '${n}-q': int()`),
  fc.constantFrom(
    '...shared',
    '...(shared as X)',
    '[k]: int()',
    '7: int()',
    'get g() { return 1 }',
    'm() {}',
  ),
);
const columns = fc
  .tuple(fc.array(fc.tuple(property, gap), { maxLength: 5 }), fc.boolean())
  .map(
    ([ps, trailing]) => `{${ps.map(([p, g]) => `${g}${p}`).join(',')}${trailing && ps.length ? ',' : ''}\n}`,
  );
const columnsArg = fc.oneof(
  columns,
  columns.map((c) => `(t) => (${c})`),
  columns.map((c) => `(t) => {\n  const x = 1\n  return ${c}\n}`),
  columns.map((c) => `function (t) { return ${c}; }`),
);
const callee = fc.constantFrom('pgTable', 'sqliteTable', 's.table', 'creator', 'pgTableCreator((n) => n)');
// biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal
const dbName = fc.constantFrom("'users'", '"posts"', '`tags`', "'a\\'b'", 'name', '`t_${x}`');
const tail = fc.constantFrom('', '.enableRLS()', ' as const', ' satisfies T', '');
const end = fc.constantFrom(';', '\n', ';\n', '');
const table = fc
  .tuple(doc, gap, fc.boolean(), ident, dbName, columnsArg, fc.boolean(), tail, end)
  .map(
    ([d, g, exported, name, db, cols, extra, t, e]) =>
      `${d}${g}${exported ? 'export ' : ''}const ${name}T = CALLEE(${db}, ${cols}${extra ? ', (t) => [index().on(t.id)]' : ''})${t}${e}`,
  );
const statement = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(table, callee).map(([t, c]) => t.replace('CALLEE', c)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "import { pgTable } from 'drizzle-orm/pg-core';",
      'export { idT as exportedId, nameT };',
      'const shared = { /** Shared. */ sharedCol: int() } as const;',
      "exports.cjsT = pgTable('cjs', { a: int() });",
      'function helper() { return { a: 1 } }',
      'type T = { a: string; b: Array<number> }',
      'export const n = 1, m = pgTable("m", {})',
      'declare const d: string;',
    ),
  },
);
const schemaFile = fc
  .array(fc.tuple(statement, fc.constantFrom('\n', '\n\n', ';\n', '\n/* between */\n')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((ss) => ss.map(([s, sep]) => s + sep).join(''));
