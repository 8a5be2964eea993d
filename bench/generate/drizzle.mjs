// Synthetic schema -> a Drizzle (PostgreSQL) project: schema/enums.ts, schema/part_NNN.ts files of
// ~100 tables each (cross-file imports for foreign keys), JSDoc comments, drizzle.config.ts.
import { foreignKeys, toCamel } from './model.mjs';
import { writeProject } from './write.mjs';

export const TABLES_PER_FILE = 100;
const varName = (tableName) => toCamel(tableName);
const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function columnExpr(col, table) {
  let e;
  switch (col.kind) {
    case 'serial':
      e = `serial(${q(col.name)})`;
      break;
    case 'uuid':
      e = `uuid(${q(col.name)})`;
      break;
    case 'int':
      e = `integer(${q(col.name)})`;
      break;
    case 'bigint':
      e = `bigint(${q(col.name)}, { mode: 'number' })`;
      break;
    case 'varchar':
      e = `varchar(${q(col.name)}, { length: ${col.length} })`;
      break;
    case 'text':
      e = `text(${q(col.name)})`;
      break;
    case 'bool':
      e = `boolean(${q(col.name)})`;
      break;
    case 'ts3':
      e = `timestamp(${q(col.name)}, { withTimezone: true, precision: 3 })`;
      break;
    case 'numeric':
      e = `numeric(${q(col.name)}, { precision: 12, scale: 2 })`;
      break;
    case 'jsonb':
      e = `jsonb(${q(col.name)})`;
      break;
    case 'enum':
      e = `${toCamel(col.enum)}(${q(col.name)})`;
      break;
    default:
      throw new Error(`unknown column kind ${col.kind}`);
  }
  if (col.primaryKey && table.primaryKey.length === 1) e += '.primaryKey()';
  if (!col.nullable && !col.primaryKey) e += '.notNull()';
  const d = col.default;
  if (d !== null) {
    if (typeof d === 'object') e += `.default(${q(d.enumValue)})`;
    else if (d === 'now')
      e += col.name === 'updated_at' ? '.defaultNow().$onUpdate(() => new Date())' : '.defaultNow()';
    else if (d === 'uuid') e += '.defaultRandom()';
    else if (d === 'true' || d === 'false') e += `.default(${d})`;
    else if (d === 'zero') e += '.default(0)';
    else if (d === '{}') e += '.default({})';
  }
  if (col.unique) e += '.unique()';
  if (col.fk) {
    const target = varName(col.fk.table);
    const self = col.fk.table === table.name;
    e += `.references(${self ? '(): AnyPgColumn' : '()'} => ${target}.id, { onDelete: ${q(col.fk.onDelete)} })`;
  }
  return e;
}

function tableSource(table) {
  const out = [
    `/** ${table.comment} */`,
    `export const ${varName(table.name)} = pgTable(`,
    `  ${q(table.name)},`,
    '  {',
  ];
  for (const col of table.columns) {
    if (col.comment) out.push(`    /** ${col.comment} */`);
    out.push(`    ${col.prop}: ${columnExpr(col, table)},`);
  }
  out.push('  },');
  const prop = (name) => `t.${table.columns.find((c) => c.name === name).prop}`;
  const extras = [];
  if (table.primaryKey.length > 1)
    extras.push(`primaryKey({ columns: [${table.primaryKey.map(prop).join(', ')}] })`);
  for (const u of table.uniques) extras.push(`unique().on(${u.map(prop).join(', ')})`);
  for (const ix of table.indexes) extras.push(`index().on(${ix.columns.map(prop).join(', ')})`);
  if (extras.length > 0) out.push(`  (t) => [${extras.join(', ')}],`);
  out.push(');', '');
  return out.join('\n');
}

const BUILDERS = [
  'type AnyPgColumn',
  'bigint',
  'boolean',
  'index',
  'integer',
  'jsonb',
  'numeric',
  'pgTable',
  'primaryKey',
  'serial',
  'text',
  'timestamp',
  'unique',
  'uuid',
  'varchar',
];

export function drizzleFiles(model) {
  const files = {};
  const fileOf = new Map();
  for (const [i, t] of model.tables.entries())
    fileOf.set(t.name, `part_${String(Math.floor(i / TABLES_PER_FILE)).padStart(3, '0')}`);
  const enumLines = ["import { pgEnum } from 'drizzle-orm/pg-core';", ''];
  for (const e of model.enums) {
    enumLines.push(`/** ${e.comment} */`);
    enumLines.push(
      `export const ${toCamel(e.name)} = pgEnum(${q(e.name)}, [${e.values.map(q).join(', ')}]);`,
      '',
    );
  }
  files['schema/enums.ts'] = enumLines.join('\n');
  for (let start = 0; start < model.tables.length; start += TABLES_PER_FILE) {
    const chunk = model.tables.slice(start, start + TABLES_PER_FILE);
    const part = fileOf.get(chunk[0].name);
    const enumImports = new Set();
    const crossImports = new Map();
    for (const table of chunk) {
      for (const col of table.columns) if (col.kind === 'enum') enumImports.add(toCamel(col.enum));
      for (const { fk } of foreignKeys(table)) {
        const f = fileOf.get(fk.table);
        if (f === part) continue;
        if (!crossImports.has(f)) crossImports.set(f, new Set());
        crossImports.get(f).add(varName(fk.table));
      }
    }
    const head = ['// Synthetic benchmark schema (bench/generate/drizzle.mjs); do not edit.'];
    head.push(`import { ${BUILDERS.join(', ')} } from 'drizzle-orm/pg-core';`);
    if (enumImports.size > 0) head.push(`import { ${[...enumImports].sort().join(', ')} } from './enums';`);
    for (const [f, names] of [...crossImports].sort(([a], [b]) => a.localeCompare(b)))
      head.push(`import { ${[...names].sort().join(', ')} } from './${f}';`);
    files[`schema/${part}.ts`] = `${head.join('\n')}\n\n${chunk.map((t) => tableSource(t)).join('\n')}`;
  }
  files['drizzle.config.ts'] = [
    "import { defineConfig } from 'drizzle-kit';",
    '',
    'export default defineConfig({',
    "  dialect: 'postgresql',",
    "  schema: './schema/*.ts',",
    "  out: './drizzle',",
    '});',
  ].join('\n');
  files['package.json'] = JSON.stringify(
    { name: `bench-drizzle-${model.n}`, private: true, type: 'module' },
    null,
    2,
  );
  files['tsconfig.json'] = JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
      },
    },
    null,
    2,
  );
  return files;
}

export function generateDrizzle(model, dir) {
  return writeProject(dir, drizzleFiles(model));
}
