import { createRequire } from 'node:module';
import { loadDrizzle } from '@ormdoc/drizzle';
import { describe, expect, it } from 'vitest';
import { failure, throwawayProjects, writeFiles } from './_kit.js';

/**
 * How schema modules are loaded: tsx `require` (as drizzle-kit does) in a namespace of its own,
 * and jiti for the modules with top-level await that cannot be required.
 */
const project = throwawayProjects();
const sqlite = (names: string[]) =>
  names.map((n) => `export const ${n} = sqliteTable('${n}', { id: integer().primaryKey() });`);
const IMPORT = `import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';`;
const tableNames = async (cwd: string, schema = 'db') =>
  (await loadDrizzle({ cwd, schema, dialect: 'sqlite' })).ir.tables.map((t) => t.name);

describe('module formats', () => {
  it('loads .ts, .mts, .cts, .js, .mjs and .cjs schema files of an ESM package', async () => {
    const dir = project({
      'package.json': '{ "type": "module" }',
      'db/a.ts': `${IMPORT}\n${sqlite(['a'])}\nexport type A = typeof a.$inferSelect;`,
      'db/b.mts': `${IMPORT}\n${sqlite(['b'])}`,
      'db/c.cts': `${IMPORT}\n${sqlite(['c'])}`,
      'db/d.js': `${IMPORT}\n${sqlite(['d'])}`,
      'db/e.mjs': `${IMPORT}\n${sqlite(['e'])}`,
      'db/f.cjs': `const { sqliteTable, integer } = require('drizzle-orm/sqlite-core');\nmodule.exports = { f: sqliteTable('f', { id: integer() }) };`,
    });
    expect(await tableNames(dir)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('loads ESM syntax and CommonJS in a CommonJS package', async () => {
    const dir = project({
      'db/a.ts': `${IMPORT}\n${sqlite(['a'])}\nexport default a;`,
      'db/b.js': `const { sqliteTable, integer } = require('drizzle-orm/sqlite-core');\nexports.b = sqliteTable('b', { id: integer() });`,
      'db/c.ts': `import { b } from './b.js';\nexport { b as again };\n${IMPORT}\n${sqlite(['c'])}`,
    });
    expect(await tableNames(dir)).toEqual(['a', 'b', 'c']);
  });

  it('resolves the paths of the project tsconfig (and a tsconfig named in the options)', async () => {
    const files = {
      'src/lib/cols.ts': `import { integer } from 'drizzle-orm/sqlite-core';\nexport const id = () => integer().primaryKey();`,
      'src/db/a.ts': `import { sqliteTable } from 'drizzle-orm/sqlite-core';\nimport { id } from '@lib/cols';\nexport const a = sqliteTable('a', { id: id() });`,
    };
    const paths = `{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["./src/lib/*"] } } }`;
    const dir = project({ ...files, 'tsconfig.json': paths });
    expect(await tableNames(dir, 'src/db')).toEqual(['a']);
    const other = project({ ...files, 'config/ts.json': paths.replace('"."', '".."') });
    const loaded = await loadDrizzle({
      cwd: other,
      schema: 'src/db',
      dialect: 'sqlite',
      tsconfig: 'config/ts.json',
    });
    expect(loaded.ir.tables.map((t) => t.name)).toEqual(['a']);
  });

  it('imports modules with top-level await (jiti) in ESM and CommonJS packages', async () => {
    const tla = `${IMPORT}\nconst name = await Promise.resolve('late');\nexport const late = sqliteTable(name, { id: integer() });`;
    expect(await tableNames(project({ 'package.json': '{ "type": "module" }', 'db/a.ts': tla }))).toEqual([
      'late',
    ]);
    expect(await tableNames(project({ 'db/a.ts': tla, 'db/b.mts': tla.replace(/late/g, 'later') }))).toEqual([
      'late',
      'later',
    ]);
  });
});

describe('each load reads the files as they are now', () => {
  const schema = (column: string) => ({
    'db/cols.ts': `import { text } from 'drizzle-orm/sqlite-core';\nexport const extra = () => text('${column}');`,
    'db/a.ts': `${IMPORT}\nimport { extra } from './cols';\nexport const a = sqliteTable('a', { id: integer(), extra: extra() });`,
  });
  const columns = async (cwd: string) =>
    (await loadDrizzle({ cwd, schema: 'db/a.ts', dialect: 'sqlite' })).ir.tables[0]?.columns.map(
      (c) => c.name,
    );

  it.each([
    ['required with tsx', ''],
    ['imported with jiti (top-level await)', 'await Promise.resolve();\n'],
  ])('%s: an edited file imported by the schema file', async (_name, prefix) => {
    const dir = project({ 'package.json': '{ "type": "module" }' });
    const write = (column: string) => {
      const files = schema(column);
      writeFiles(dir, { ...files, 'db/a.ts': prefix + files['db/a.ts'] });
    };
    write('first');
    expect(await columns(dir)).toEqual(['id', 'first']);
    write('second');
    expect(await columns(dir)).toEqual(['id', 'second']);
  });

  it('leaves nothing behind: no TypeScript hooks, no cached modules, the environment as it was', async () => {
    const require = createRequire(import.meta.url);
    const extensions = Object.keys(require.extensions);
    const env = process.env.TSX_TSCONFIG_PATH;
    const dir = project({
      ...schema('x'),
      'tsconfig.json': '{}',
      'db/typed.ts': 'export const n: number = 1;',
    });
    await columns(dir);
    expect(Object.keys(require.extensions)).toEqual(extensions);
    expect(
      Object.keys(require.cache).filter((id) => id.startsWith(dir) || id.includes('?namespace=')),
    ).toEqual([]);
    // Not even as another module's child: tsx's own module loads them, and its `children` list
    // would keep the schema's whole module graph alive for the rest of the process.
    const children = Object.values(require.cache).flatMap((m) => m?.children ?? []);
    expect(children.filter((c) => c.id.startsWith(dir) || c.id.includes('?namespace='))).toEqual([]);
    expect(process.env.TSX_TSCONFIG_PATH).toBe(env);
    expect(() => require(`${dir}/db/typed.ts`)).toThrow();
  });
});

describe('what the source says', () => {
  it('describes $defaultFn/$onUpdate with the function as written; other functions as they print', async () => {
    const dir = project({
      'lib/stamp.ts': `import { integer } from 'drizzle-orm/sqlite-core';\nexport const stamp = () => integer({ mode: 'timestamp' }).$onUpdate(() => new Date());`,
      'db/a.ts': `${IMPORT}\nimport { stamp } from '../lib/stamp';\nexport const a = sqliteTable('a', {\n  id: text().$defaultFn(() =>\n    crypto.randomUUID()),\n  touched: integer({ mode: 'timestamp' }).$onUpdate(() => new Date()),\n  stamped: stamp(),\n});`,
    });
    const { ir } = await loadDrizzle({ cwd: dir, schema: 'db', dialect: 'sqlite' });
    const [id, touched, stamped] = ir.tables[0]!.columns;
    expect(id?.default).toEqual({
      kind: 'orm',
      generator: 'uuid',
      description: '$defaultFn(() => crypto.randomUUID())',
    });
    expect(touched?.onUpdate).toEqual({ kind: 'orm', description: '$onUpdate(() => new Date())' });
    // written outside the schema files: the function's own text, as tsx printed it
    expect(stamped?.onUpdate).toMatchObject({
      kind: 'orm',
      description: expect.stringMatching(/^\$onUpdate\(\(\) ?=> ?new Date/),
    });
  });

  it('a syntax error names the file and the line', async () => {
    const dir = project({
      'schema.ts': `${IMPORT}\n\nexport const a = sqliteTable('a', {\n  id: integer(\n});\n`,
    });
    const e = await failure(loadDrizzle({ cwd: dir, schema: 'schema.ts', dialect: 'sqlite' }));
    expect(e.code).toBe('MODULE_LOAD_FAILED');
    expect([e.file, e.line]).toEqual(['schema.ts', 5]);
  });
});

describe('the inputs of a load (the unchanged run)', () => {
  it('name the files tsx evaluated, a JSON file imported included, and drizzle-orm as its package.json', async () => {
    const dir = project({
      'db/names.json': '{ "table": "a" }',
      'db/cols.ts': `import names from './names.json';\nexport const tableName = names.table;`,
      'db/a.ts': `${IMPORT}\nimport { tableName } from './cols';\nexport const a = sqliteTable(tableName, { id: integer() });`,
    });
    const { inputs } = await loadDrizzle({ cwd: dir, schema: 'db/a.ts', dialect: 'sqlite' });
    const real = (p: string) => createRequire(`${dir}/`).resolve(p);
    expect(inputs).toEqual(
      expect.arrayContaining([real('./db/a.ts'), real('./db/cols.ts'), real('./db/names.json')]),
    );
    expect(inputs?.some((p) => p.endsWith('/drizzle-orm/package.json'))).toBe(true);
    expect(inputs?.some((p) => /\/node_modules\/.*\.(c?js|mjs)$/.test(p))).toBe(false);
  });

  it('are unknown when a module needed jiti (top-level await): its imports are not listed', async () => {
    const tla = `${IMPORT}\nconst name = await Promise.resolve('late');\nexport const late = sqliteTable(name, { id: integer() });`;
    const loaded = await loadDrizzle({ cwd: project({ 'db/a.ts': tla }), schema: 'db', dialect: 'sqlite' });
    expect(loaded.ir.tables.map((t) => t.name)).toEqual(['late']);
    expect(loaded.inputs).toBeUndefined();
  });
});
