// A lower bound for ormdoc on a Prisma schema: the floor (node start + Prisma's own parse of the
// schema, as bench/floor/prisma.mjs) plus writing the files of an earlier ormdoc run, of the same
// sizes, through ormdoc's own writer (atomic writes, as the product requires). No IR is built and
// nothing is rendered, so ormdoc can never be faster than this.
// usage: node bench/bound/prisma-write.mjs <project dir> <earlier ormdoc output> <empty output dir>
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir, REPO_DIR } from '../lib/resolve.mjs';

const [project, earlier, out] = process.argv.slice(2).map((p) => path.resolve(p));
if (!project || !earlier || !out)
  throw new Error('usage: prisma-write.mjs <project> <earlier output> <output>');
const file = path.join(project, 'schema.prisma');
const wasm = createRequire(import.meta.url)(packageDir('@prisma/prisma-schema-wasm'));
const datamodel = JSON.parse(
  wasm.get_datamodel(JSON.stringify({ prismaSchema: [[file, readFileSync(file, 'utf8')]], noColor: true })),
);
const files = readdirSync(earlier, { recursive: true })
  .map(String)
  .filter((p) => statSync(path.join(earlier, p)).isFile())
  .map((p) => ({
    path: p.split(path.sep).join('/'),
    content: 'x'.repeat(statSync(path.join(earlier, p)).size),
  }));
const { writeDocuments } = await import(path.join(REPO_DIR, 'packages/core/dist/index.js'));
const result = await writeDocuments({ outputDir: out, files });
process.stdout.write(`tables=${datamodel.models.length} files=${result.written.length}\n`);
