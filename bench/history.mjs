// Schema history benchmarks (issue 20): `node bench/history.mjs [--runs 3] [--only diff|changelog]`,
// also run by `pnpm bench`.
//
// 1. `ormdoc diff` of two 1,000-table revisions against extracting one: a git repository holding the
//    1,000-model Prisma project with its documents (schema.json) committed, and a working tree that
//    changes it (columns dropped and added, a type narrowed, a model added). `ormdoc inspect` (one
//    extraction, the IR printed) is the reference; `ormdoc diff` extracts the working tree, reads
//    the base from the committed schema.json, diffs, classifies and renders the report.
//    Budget: diff ≤ inspect + 0.5 s.
// 2. The Changelog over 200 schema-changing commits of a 100-table schema, read from the committed
//    schema.json: a repository with 200 commits each changing docs/database/schema.json (a column
//    added to one table), and `readChangelog` with `history.rows: 200` (a process of its own: node,
//    @ormdoc/core, git log, cat-file, 201 IRs parsed and 200 diffs). Budget: under 5 s.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject } from './generate/index.mjs';
import { buildModel } from './generate/model.mjs';
import { failure, measureRuns } from './lib/measure.mjs';
import { linkNodeModules, OUT_DIR, REPO_DIR } from './lib/resolve.mjs';

export const HISTORY_BUDGET = { diffExtraSec: 0.5, changelogSec: 5 };
const CLI = path.join(REPO_DIR, 'apps/cli/dist/bin.js');
const ENV = { CHECKPOINT_DISABLE: '1', NO_COLOR: '1' };

const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function freshRepo(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'bench@example.com');
  git(dir, 'config', 'user.name', 'Bench');
  git(dir, 'config', 'commit.gpgsign', 'false');
}

/** Only what the two benchmarks need written: the schema reference and schema.json. */
const CONFIG = { output: { templates: ['schema'], artifacts: ['ir-json'] }, history: { changelog: 'off' } };

function cli(cwd, ...args) {
  execFileSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...ENV }, stdio: 'ignore' });
}

/** The 1,000-model repository: base committed with its documents, the working tree changed. */
function diffRepo(n) {
  const dir = path.join(OUT_DIR, 'history', `diff-${n}`);
  freshRepo(dir);
  const { dir: project } = generateProject('prisma', buildModel(n));
  cpSync(path.join(project, 'schema.prisma'), path.join(dir, 'schema.prisma'));
  writeFileSync(path.join(dir, 'ormdoc.config.json'), JSON.stringify(CONFIG));
  cli(dir, 'generate');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  // Every 50th model loses its first optional String column, every 25th gains one; a model is added.
  const text = readFileSync(path.join(dir, 'schema.prisma'), 'utf8');
  let model = 0;
  let dropped = false;
  const out = [];
  for (const line of text.split('\n')) {
    if (/^model /.test(line)) {
      model++;
      dropped = false;
    }
    if (model % 50 === 0 && !dropped && /^ {2}\w+ +String\? /.test(line) && !/^ {2}\w*Id /.test(line)) {
      dropped = true;
      continue;
    }
    out.push(line);
    if (model % 25 === 1 && /^model /.test(line)) out.push('  benchAdded String?');
  }
  const changed = out.join('\n');
  writeFileSync(
    path.join(dir, 'schema.prisma'),
    `${changed}\nmodel BenchNew {\n  id Int @id\n\n  @@map("bench_new")\n}\n`,
  );
  return dir;
}

/** The 100-table repository with `commits` commits, each changing the committed schema.json. */
function changelogRepo(n, commits) {
  const dir = path.join(OUT_DIR, 'history', `changelog-${n}x${commits}`);
  freshRepo(dir);
  const { dir: project } = generateProject('prisma', buildModel(n));
  cpSync(path.join(project, 'schema.prisma'), path.join(dir, 'schema.prisma'));
  writeFileSync(path.join(dir, 'ormdoc.config.json'), JSON.stringify(CONFIG));
  cli(dir, 'generate');
  const file = path.join(dir, 'docs/database/schema.json');
  const ir = JSON.parse(readFileSync(file, 'utf8'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  for (let i = 1; i < commits; i++) {
    const table = ir.tables[i % ir.tables.length];
    const template = table.columns.find((c) => c.nullable) ?? table.columns[0];
    table.columns.push({ ...template, name: `bench_${i}`, codeName: `bench${i}`, source: undefined });
    writeFileSync(file, `${JSON.stringify(ir, null, 2)}\n`);
    git(dir, 'commit', '-q', '-a', '-m', `change ${i}`);
  }
  return dir;
}

const CHANGELOG_SCRIPT = `
import { readChangelog, OrmdocConfig, parseIr } from ${JSON.stringify(path.join(REPO_DIR, 'packages/core/dist/index.js'))};
import { readFileSync } from 'node:fs';
const dir = process.argv[2];
const ir = parseIr(JSON.parse(readFileSync(dir + '/docs/database/schema.json', 'utf8')));
const config = OrmdocConfig.parse({ history: { changelog: 'commits', rows: Number(process.argv[3]) } });
const started = performance.now();
const log = await readChangelog({ cwd: dir, outputDir: dir + '/docs/database', ir, config, schemaDocument: 'schema.md' });
process.stdout.write('rows=' + (log?.rows?.length ?? 0) + ' ms=' + Math.round(performance.now() - started) + '\\n');
`;

export async function historyBench({ runs = 3, only, log = (s) => process.stderr.write(`${s}\n`) } = {}) {
  linkNodeModules();
  // The machine's load when the run started: wall times on a shared machine grow with it.
  const results = { loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) };

  if (only !== 'changelog') await diffBench(results, runs, log);
  if (only !== 'diff') await changelogBench(results, runs, log);
  return results;
}

async function diffBench(results, runs, log) {
  log('[history] diff of two 1,000-table revisions: preparing the repository ...');
  const dDir = diffRepo(1000);
  const opts = { cwd: dDir, env: ENV, timeoutSec: 600 };
  const extract = await measureRuns(runs, process.execPath, [CLI, 'inspect', '--format', 'json'], opts);
  const diff = await measureRuns(runs, process.execPath, [CLI, 'diff', '--base', 'HEAD'], opts);
  if (!extract.ok || !diff.ok) {
    results.diff = { ok: false, error: failure((extract.ok ? diff : extract).last) };
  } else {
    const extra = diff.wall - extract.wall;
    results.diff = {
      ok: true,
      extractWall: extract.wall,
      diffWall: diff.wall,
      extraSec: extra,
      extractCpu: extract.cpu,
      diffCpu: diff.cpu,
      extraCpu: diff.cpu - extract.cpu,
      diffRssMb: diff.rssMb,
      changes: Number(/\*\*(\d+) changes?\*\*/.exec(diff.last.stdout)?.[1] ?? 0),
      verdict: extra <= HISTORY_BUDGET.diffExtraSec ? 'PASS' : 'FAIL',
    };
  }
  // Where the extra time goes: the phases ormdoc diff reports (head extraction, base from git).
  const verbose = await measureRuns(1, process.execPath, [CLI, 'diff', '--base', 'HEAD', '--verbose'], opts);
  results.diff.phases = verbose.last.stderr
    .split('\n')
    .filter((l) => /extract/.test(l))
    .map((l) => l.replace(/^\S+\s+/, '').trim());
  log(`[history] diff: ${JSON.stringify(results.diff)}`);
}

async function changelogBench(results, runs, log) {
  log('[history] Changelog over 200 schema-changing commits of 100 tables: preparing the repository ...');
  const cDir = changelogRepo(100, 200);
  const script = path.join(OUT_DIR, 'history', 'changelog.mjs');
  writeFileSync(script, CHANGELOG_SCRIPT);
  const changelog = await measureRuns(runs, process.execPath, [script, cDir, '200'], {
    cwd: cDir,
    env: ENV,
    timeoutSec: 120,
  });
  if (!changelog.ok) results.changelog = { ok: false, error: failure(changelog.last) };
  else {
    const [, rows, ms] = /rows=(\d+) ms=(\d+)/.exec(changelog.last.stdout) ?? [];
    results.changelog = {
      ok: true,
      wall: changelog.wall,
      cpu: changelog.cpu,
      readMs: Number(ms),
      rows: Number(rows),
      rssMb: changelog.rssMb,
      verdict: changelog.wall < HISTORY_BUDGET.changelogSec ? 'PASS' : 'FAIL',
    };
  }
  log(`[history] changelog: ${JSON.stringify(results.changelog)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(CLI)) {
    process.stderr.write('bench: apps/cli/dist/bin.js is missing; run `pnpm build` first.\n');
    process.exit(1);
  }
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const results = await historyBench({ runs: Number(arg('--runs') ?? 3), only: arg('--only') });
  mkdirSync(path.join(OUT_DIR, 'history'), { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'history', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  process.exit([results.diff, results.changelog].every((r) => !r || (r.ok && r.verdict === 'PASS')) ? 0 : 1);
}
