#!/usr/bin/env node
// The newcomer's checklist (docs/dev/real-world.md), checked mechanically on a folder of documents
// that `ormdoc generate` wrote for a real project:
//   node scripts/newcomer-checklist.mjs <docs folder> [--json]
//
// 1. no description holds a generator directive (schema.json: tables, columns, enums);
// 2. the dependency order inserts: schema.sql, then the documented seed (seed.sql, or the Seed
//    Script block of schema.md), executes on PostgreSQL (PGlite);
// 3. every foreign key has an edge in some diagram (.mmd files and ```mermaid blocks);
// 4. every fix snippet applies: each SQL fix of findings.md runs on that seeded database, each in a
//    transaction that is rolled back;
// 5. the overview's first section is the Start Here map, with no SQL before it.
// The precision of the rules (item "no rule under 90% precision is on by default") needs a
// person's labels: docs/dev/real-world/findings.md. Exit 1 when a check fails.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const requireFromCore = createRequire(join(root, 'packages/core/package.json'));
const pglite = (sub = '') => import(requireFromCore.resolve(`@electric-sql/pglite${sub}`));

/** Extensions PGlite ships, by name, with the export that loads each. */
const PGLITE_EXTENSIONS = {
  'uuid-ossp': ['/contrib/uuid_ossp', 'uuid_ossp'],
  pg_trgm: ['/contrib/pg_trgm', 'pg_trgm'],
  citext: ['/contrib/citext', 'citext'],
  hstore: ['/contrib/hstore', 'hstore'],
  ltree: ['/contrib/ltree', 'ltree'],
  btree_gin: ['/contrib/btree_gin', 'btree_gin'],
  btree_gist: ['/contrib/btree_gist', 'btree_gist'],
  cube: ['/contrib/cube', 'cube'],
  earthdistance: ['/contrib/earthdistance', 'earthdistance'],
  fuzzystrmatch: ['/contrib/fuzzystrmatch', 'fuzzystrmatch'],
  pgcrypto: ['/contrib/pgcrypto', 'pgcrypto'],
};

/** Directives of other generators, written independently of ormdoc's own recogniser. */
const DIRECTIVES = [
  /@zod\b/,
  /@TypeGraphQL\./,
  /@@?Gen\./,
  /@Validator\./,
  /@Dto[A-Z]\w*/,
  /@HideField\b/,
  /@gqlType\b/,
  /@kyselyType\b/,
  /^\s*!?\[[A-Za-z_][\w.<>, |[\]]*\]\s*$/m,
];

const dir = process.argv[2];
const asJson = process.argv.includes('--json');
if (!dir || !existsSync(join(dir, 'schema.json'))) {
  console.error('usage: node scripts/newcomer-checklist.mjs <docs folder with schema.json> [--json]');
  process.exit(1);
}

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const read = (name) => readFileSync(join(dir, name), 'utf8');
const ir = JSON.parse(read('schema.json'));
const files = filesUnder(dir);
const results = [];
const record = (check, ok, detail) => results.push({ check, ok, detail });

// 1. Directives
{
  const bad = [];
  const look = (where, text) => {
    if (text && DIRECTIVES.some((re) => re.test(text))) bad.push(`${where}: ${text.slice(0, 80)}`);
  };
  for (const t of ir.tables) {
    look(t.name, t.description);
    for (const c of t.columns) look(`${t.name}.${c.name}`, c.description);
  }
  for (const e of ir.enums ?? []) {
    look(e.name, e.description);
    for (const v of e.values) look(`${e.name}.${v.name}`, v.description);
  }
  record('no description holds a generator directive', bad.length === 0, bad.length ? bad : 'none found');
}

// 2 + 4. The database: schema, seed, fixes
const schemaSql = read('schema.sql');
const wanted = [...schemaSql.matchAll(/CREATE EXTENSION IF NOT EXISTS "?([\w-]+)"?/g)].map((m) => m[1]);
const missing = wanted.filter((name) => !PGLITE_EXTENSIONS[name]);
const seedSql = existsSync(join(dir, 'seed.sql'))
  ? read('seed.sql')
  : /ormdoc:begin seed-script -->[\s\S]*?```sql\n([\s\S]*?)```/.exec(read('schema.md'))?.[1];
if (missing.length) {
  record('the dependency order inserts', null, `not run: PGlite has no ${missing.join(', ')}`);
  record('every fix snippet applies', null, `not run: PGlite has no ${missing.join(', ')}`);
} else {
  const { PGlite } = await pglite();
  const extensions = {};
  for (const name of wanted) {
    const [sub, exported] = PGLITE_EXTENSIONS[name];
    extensions[exported] = (await pglite(sub))[exported];
  }
  const db = await PGlite.create({ extensions });
  await db.exec(schemaSql);
  if (!seedSql) record('the dependency order inserts', false, 'no seed script found');
  else {
    try {
      await db.exec(seedSql);
      record(
        'the dependency order inserts',
        true,
        `${(seedSql.match(/INSERT INTO/g) ?? []).length} INSERT statements`,
      );
    } catch (error) {
      record('the dependency order inserts', false, String(error.message ?? error));
    }
  }
  const findings = existsSync(join(dir, 'findings.md')) ? read('findings.md') : '';
  const snippets = [
    ...[
      ...findings.matchAll(/`((?:CREATE|ALTER|DROP|UPDATE|COMMENT|GRANT|REVOKE|DELETE|INSERT) [^`]+)`/g),
    ].map((m) => m[1]),
    ...[...findings.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]),
  ];
  const failed = [];
  for (const sql of snippets) {
    try {
      await db.exec('BEGIN');
      await db.exec(sql);
    } catch (error) {
      failed.push(`${sql.slice(0, 100)} -> ${error.message ?? error}`);
    } finally {
      await db.exec('ROLLBACK');
    }
  }
  record(
    'every fix snippet applies',
    failed.length === 0,
    failed.length ? failed : `${snippets.length} of ${snippets.length} snippets executed`,
  );
  await db.close();
}

// 3. Every FK has an edge in some diagram
{
  const edges = new Set();
  const edge = /^\s*"([^"]+)"\s+\S*--\S*\s+"([^"]+)"/gm;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const blocks = file.endsWith('.mmd')
      ? [text]
      : [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
    for (const block of blocks) for (const m of block.matchAll(edge)) edges.add(`${m[1]}\0${m[2]}`);
  }
  const label = (schema, name) => (schema ? `${schema}.${name}` : name);
  const missingEdges = [];
  let count = 0;
  for (const t of ir.tables) {
    for (const fk of t.foreignKeys ?? []) {
      count += 1;
      const child = label(t.schema, t.name);
      const parent = label(fk.references.schema, fk.references.name);
      if (!edges.has(`${parent}\0${child}`) && !edges.has(`${child}\0${parent}`))
        missingEdges.push(`${child} -> ${parent}`);
    }
  }
  record(
    'every FK has an edge in some diagram',
    missingEdges.length === 0,
    missingEdges.length ? missingEdges : `${count} of ${count} foreign keys drawn`,
  );
}

// 5. The overview opens with the map
{
  const overview = read('overview.md');
  const first = /^## (.+)$/m.exec(overview);
  const beforeMap = first ? overview.slice(0, first.index) : overview;
  const ok = first?.[1].trim() === 'Start Here' && !beforeMap.includes('```sql');
  record("the overview's first screen is the map", ok, first ? `first section: ${first[1]}` : 'no section');
}

if (asJson) console.log(JSON.stringify({ dir: relative(process.cwd(), dir), results }, null, 2));
else {
  for (const r of results) {
    const mark = r.ok === null ? 'SKIP' : r.ok ? 'PASS' : 'FAIL';
    const detail = Array.isArray(r.detail)
      ? `\n    ${r.detail.slice(0, 20).join('\n    ')}`
      : ` (${r.detail})`;
    console.log(`${mark}  ${r.check}${detail}`);
  }
}
process.exit(results.some((r) => r.ok === false) ? 1 : 0);
