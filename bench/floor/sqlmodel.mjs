// Floor of the `sqlmodel-json` row (ormdoc --json schema.json): node start + reading and parsing the
// exporter's JSON, nothing else. No ORM code runs in it, so that row is informative only; the
// `sqlmodel` row measures the real path against floor/sqlmodel-python.mjs.
// usage: node bench/floor/sqlmodel.mjs <project dir>
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.');
const data = JSON.parse(readFileSync(path.join(dir, 'schema.json'), 'utf8'));
process.stdout.write(`tables=${data.tables.length} enums=${data.enums.length}\n`);
