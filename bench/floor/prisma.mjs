// Floor for Prisma: node start + Prisma's own parse of the schema (prisma-schema-wasm `get_datamodel`,
// the DMMF datamodel without getDMMF's query schema), nothing else.
// usage: node bench/floor/prisma.mjs <project dir>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir } from '../lib/resolve.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const file = path.join(dir, 'schema.prisma');
const wasm = createRequire(import.meta.url)(packageDir('@prisma/prisma-schema-wasm'));
const json = wasm.get_datamodel(
  JSON.stringify({ prismaSchema: [[file, readFileSync(file, 'utf8')]], noColor: true }),
);
const datamodel = JSON.parse(json);
process.stdout.write(`tables=${datamodel.models.length} enums=${datamodel.enums.length}\n`);
