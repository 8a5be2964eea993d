// Floor for SQLModel/SQLAlchemy (JSON path): node start + reading and parsing the exporter's JSON;
// nothing else. (The Python export that writes that JSON is measured separately when it runs.)
// usage: node bench/floor/sqlmodel.mjs <project dir>
import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.');
const data = JSON.parse(readFileSync(path.join(dir, 'schema.json'), 'utf8'));
process.stdout.write(`tables=${data.tables.length} enums=${data.enums.length}\n`);
