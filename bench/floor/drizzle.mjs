// Floor for Drizzle: node start + importing the project's schema modules and counting the tables;
// nothing else. TypeScript is loaded with tsx's CommonJS API (esbuild), as drizzle-kit loads them;
// `--loader jiti` uses jiti instead (ormdoc's fallback for files tsx cannot require).
// usage: node bench/floor/drizzle.mjs <project dir> [--loader tsx|jiti]
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir } from '../lib/resolve.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const loader = process.argv.includes('--loader') ? process.argv[process.argv.indexOf('--loader') + 1] : 'tsx';
const schemaDir = path.join(dir, 'schema');
const files = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  .map((f) => path.join(schemaDir, f));

let load;
if (loader === 'tsx') {
  const kit = createRequire(path.join(packageDir('drizzle-kit'), 'package.json'));
  const tsxDir = path.dirname(kit.resolve('tsx/package.json'));
  // tsx's CommonJS API registered once, as drizzle-kit loads config and schema files: every module
  // (drizzle-orm, the shared enums file) is evaluated once. (`tsImport` per file would start a new
  // namespace each time and evaluate every imported part file again: out of memory at 10,000.)
  const api = createRequire(path.join(tsxDir, 'package.json'))('./dist/cjs/api/index.cjs');
  api.register();
  const req = createRequire(path.join(dir, 'noop.js'));
  load = async (file) => req(file);
} else {
  const { createJiti } = await import(pathToFileURL(path.join(packageDir('jiti'), 'lib/jiti.mjs')).href);
  const jiti = createJiti(path.join(dir, 'noop.js'));
  load = (file) => jiti.import(file);
}
const { is } = createRequire(path.join(dir, 'noop.js'))('drizzle-orm');
const { PgTable } = createRequire(path.join(dir, 'noop.js'))('drizzle-orm/pg-core');
let tables = 0;
for (const file of files) {
  const mod = await load(file);
  for (const value of Object.values(mod)) if (is(value, PgTable)) tables++;
}
process.stdout.write(`tables=${tables} files=${files.length} loader=${loader}\n`);
