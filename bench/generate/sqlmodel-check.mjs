// Check that the generated schema.json is what the ormdoc exporter prints for the generated SQLModel
// package (so the `sqlmodel` and `sqlmodel-json` rows document the same schema): generate the
// project in a temporary folder, run the exporter on `app.models`, compare the two documents value by
// value (the exporter's own text layout aside).
// usage: node bench/generate/sqlmodel-check.mjs [--size 100] [--python PATH] [--exporter PATH]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_PYTHON, REPO_DIR } from '../lib/resolve.mjs';
import { buildModel } from './model.mjs';
import { generateSqlmodel } from './sqlmodel.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const n = Number(opt('--size', '100'));
const python = opt('--python', DEFAULT_PYTHON);
const exporter = path.resolve(
  opt('--exporter', path.join(REPO_DIR, 'packages/sqlmodel/python/ormdoc_export.py')),
);

/** JSON paths where `a` and `b` differ. */
function differences(a, b, at = '$', out = []) {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    out.push(`${at}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  } else if (Array.isArray(a)) {
    if (a.length !== b.length) out.push(`${at}: ${a.length} items != ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${at}[${i}]`, out);
  } else if (a !== null && typeof a === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (!(key in a) || !(key in b))
        out.push(`${at}.${key}: only in ${key in a ? 'the export' : 'schema.json'}`);
      else differences(a[key], b[key], `${at}.${key}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), 'ormdoc-bench-sqlmodel-'));
try {
  generateSqlmodel(buildModel(n), dir);
  const started = Date.now();
  execFileSync(python, [exporter, 'app.models', '--out', 'export.json'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const exported = JSON.parse(readFileSync(path.join(dir, 'export.json'), 'utf8'));
  const generated = JSON.parse(readFileSync(path.join(dir, 'schema.json'), 'utf8'));
  const diffs = differences(exported, generated);
  if (diffs.length > 0) {
    process.stderr.write(`${n} tables: schema.json differs from the export in ${diffs.length} places:\n`);
    process.stderr.write(`${diffs.slice(0, 20).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(
      `${n} tables: schema.json = the exporter's output (${exported.tables.length} tables, ${exported.relationships.length} relationships; export ${seconds} s)\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
