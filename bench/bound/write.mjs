// The write bound of a bench row: its floor (node start + the ORM's own load of the schema, the
// script in bench/floor/, run in this process) plus writing the files of an earlier ormdoc run, of
// the same sizes, through ormdoc's own writer (atomic writes, as the product requires). No IR is
// built and nothing is rendered, so ormdoc can never be faster than this; the wall-time budget of
// issue 19 is 1.5x this bound.
// usage: node bench/bound/write.mjs <floor script> <earlier ormdoc output> <empty output dir> <project dir> [floor args...]
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_DIR } from '../lib/resolve.mjs';

const [floor, earlier, out, project, ...floorArgs] = process.argv.slice(2);
if (!floor || !earlier || !out || !project)
  throw new Error('usage: write.mjs <floor script> <earlier output> <output> <project> [floor args...]');
// The floor script reads its project (and options) from process.argv, as when run on its own.
process.argv = [process.argv[0], path.resolve(floor), path.resolve(project), ...floorArgs];
await import(pathToFileURL(path.resolve(floor)).href);
const from = path.resolve(earlier);
const files = readdirSync(from, { recursive: true })
  .map(String)
  .filter((p) => statSync(path.join(from, p)).isFile() && !p.endsWith('.ormdoc-stamp'))
  .map((p) => ({
    path: p.split(path.sep).join('/'),
    content: 'x'.repeat(statSync(path.join(from, p)).size),
  }));
const { writeDocuments } = await import(
  pathToFileURL(path.join(REPO_DIR, 'packages/core/dist/index.js')).href
);
const result = await writeDocuments({ outputDir: path.resolve(out), files });
process.stdout.write(`files=${result.written.length}\n`);
