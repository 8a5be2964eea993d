// `pnpm bench`: for each ORM and size, generate the synthetic project, then measure as separate
// processes (GNU time: wall seconds, peak RSS) (a) the ORM's own floor, (b) `ormdoc generate` with
// all five templates, (c) the peer tools that run here on the same input; print ratios and budget
// verdicts and write bench/.out/results.json.
//
//   pnpm bench                                   # sizes 100,1000,10000; all ORMs; peers
//   pnpm bench -- --sizes 100,1000 --orms prisma,sqlmodel --runs 3 --no-peers
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateProject } from './generate/index.mjs';
import { buildModel } from './generate/model.mjs';
import { historyBench } from './history.mjs';
import { GENERATOR_BUDGET, generatorCommands } from './lib/generator.mjs';
import { inspectOutput } from './lib/inspect.mjs';
import { failure, measureRuns } from './lib/measure.mjs';
import { PEERS, preparePeer } from './lib/peers.mjs';
import { BUDGET, formatRow, HEADER, markdownTable, verdict } from './lib/report.mjs';
import { BENCH_DIR, linkNodeModules, OUT_DIR, REPO_DIR } from './lib/resolve.mjs';
import { allRows, selectRows } from './lib/rows.mjs';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const ROWS = allRows({ python: opt('--python', undefined) });
if (argv.includes('--help')) {
  process.stdout.write(
    `usage: pnpm bench -- [--sizes 100,1000,10000] [--orms ${ROWS.map((r) => r.id).join(',')}] [--runs N]\n       [--no-peers] [--no-generator] [--no-history] [--timeout SEC] [--cap-factor F] [--cap-from N] [--python PATH]\n       | --report (Markdown table of the last run)\n       (--orms sqlmodel selects both SQLModel rows: the Python project and the saved JSON)\n`,
  );
  process.exit(0);
}
if (argv.includes('--report')) {
  // Print the Markdown table of the last run (bench/.out/results.json) again.
  const { readFileSync } = await import('node:fs');
  const last = JSON.parse(readFileSync(path.join(OUT_DIR, 'results.json'), 'utf8'));
  process.stdout.write(`${markdownTable(last.rows)}\n`);
  process.exit(0);
}
const sizes = opt('--sizes', '100,1000,10000').split(',').map(Number);
const rows = selectRows(ROWS, opt('--orms', ROWS.map((r) => r.id).join(',')).split(','));
const runsFor = (n) => Number(opt('--runs', n >= 10000 ? '1' : '3'));
const timeoutSec = Number(opt('--timeout', '3600'));
// At 10,000 tables ormdoc is stopped once it has used capFactor x its floor (the 1.5x budget is
// failed by then): ormdoc's runs stay bounded when something is super-linear. (The floors are not
// capped: TypeORM's own metadata build takes 11-15 minutes at 10,000 entities.)
const capFactor = Number(opt('--cap-factor', '3'));
const capFrom = Number(opt('--cap-from', '10000'));
// One run decides the verdict when it is this far over budget; repeats would not change it.
const farOver = 2 * BUDGET.wallRatio;
const withPeers = !argv.includes('--no-peers');
// Generator mode (`prisma generate` with a no-op generator vs with ormdoc-prisma) for the Prisma row
// up to 1,000 models (Prisma's own getDMMF does not finish at 10,000 models here).
const withGenerator = !argv.includes('--no-generator');

const CLI = path.join(REPO_DIR, 'apps/cli/dist/bin.js');
if (!existsSync(CLI)) {
  process.stderr.write(`bench: ${path.relative(process.cwd(), CLI)} is missing; run \`pnpm build\` first.\n`);
  process.exit(1);
}

mkdirSync(OUT_DIR, { recursive: true });
linkNodeModules();
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const results = { machine, budget: BUDGET, startedAt: new Date().toISOString(), rows: [] };
const save = () => writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const log = (s) => process.stderr.write(`${s}\n`);

const summary = (m) => ({
  ok: m.ok,
  runs: m.runs,
  wall: m.wall,
  rssMb: m.rssMb,
  cpu: m.cpu,
  ...(m.walls ? { walls: m.walls } : {}),
  ...(m.ok ? {} : { error: m.error, timedOut: Boolean(m.last?.timedOut) }),
});

/** The floor must load the whole schema: its `tables=N` line is the generator's correctness check. */
function checkTables(m, n, what) {
  if (!m.ok) return m;
  const got = /tables=(\d+)/.exec(m.last.stdout)?.[1];
  if (Number(got) !== n)
    return { ...m, ok: false, error: `${what} loaded ${got ?? 'no'} tables, expected ${n}` };
  return m;
}

log(
  `bench: sizes ${sizes.join(',')}; rows ${rows.map((r) => r.id).join(',')}; peers ${withPeers ? 'on' : 'off'}; ${machine.cpus} CPUs, ${machine.memoryGb} GB, node ${machine.node}`,
);
process.stdout.write(`${HEADER}\n`);
for (const n of sizes) {
  const model = buildModel(n);
  const runs = runsFor(n);
  const generated = new Map();
  for (const { id, orm, floor: floorScript, floorArgs = [], cliArgs: ormArgs, infoOnly } of rows) {
    if (!generated.has(orm)) generated.set(orm, generateProject(orm, model).dir);
    const dir = generated.get(orm);
    const load = os.loadavg()[0];
    log(`[${id} ${n}] floor x${runs} ...`);
    const floor = checkTables(
      await measureRuns(
        runs,
        process.execPath,
        [path.join(BENCH_DIR, 'floor', floorScript), dir, ...floorArgs],
        {
          cwd: dir,
          timeoutSec,
        },
      ),
      n,
      'floor',
    );
    const outDir = path.join(OUT_DIR, 'docs', `${id}-${n}`);
    const cliArgs = [CLI, 'generate', '--cwd', dir, ...ormArgs, '--out', outDir, '--quiet'];
    const cap =
      n >= capFrom && floor.ok
        ? Math.min(timeoutSec, Math.max(60, Math.ceil(capFactor * floor.wall)))
        : timeoutSec;
    log(`[${id} ${n}] ormdoc generate x${runs} (time limit ${cap} s) ...`);
    const ormdoc = await measureRuns(runs, process.execPath, cliArgs, {
      cwd: dir,
      timeoutSec: cap,
      beforeEach: () => rmSync(outDir, { recursive: true, force: true }),
      enough: (r) => floor.ok && r.wall > farOver * floor.wall,
    });
    const output = ormdoc.ok ? inspectOutput(outDir, n) : undefined;
    // The unchanged run: the same command again over the documents it just wrote (nothing changed
    // since: the stamp answers without extracting; budget 1.2x the floor).
    log(`[${id} ${n}] ormdoc generate, unchanged x${runs} ...`);
    const unchanged = ormdoc.ok
      ? await measureRuns(runs, process.execPath, cliArgs, { cwd: dir, timeoutSec: cap })
      : { ok: false, error: 'ormdoc failed' };
    // The write bound: the floor plus writing files of the sizes ormdoc just wrote (bench/bound/write.mjs).
    const boundOut = path.join(OUT_DIR, 'bound', `${id}-${n}`);
    log(`[${id} ${n}] write bound x${runs} ...`);
    const bound = ormdoc.ok
      ? await measureRuns(
          runs,
          process.execPath,
          [
            path.join(BENCH_DIR, 'bound', 'write.mjs'),
            path.join(BENCH_DIR, 'floor', floorScript),
            outDir,
            boundOut,
            dir,
            ...floorArgs,
          ],
          { cwd: dir, timeoutSec, beforeEach: () => rmSync(boundOut, { recursive: true, force: true }) },
        )
      : { ok: false, error: 'ormdoc failed' };
    const peers = [];
    if (withPeers)
      for (const peer of PEERS.filter((p) => p.orm === orm && id === orm)) {
        if (!peer.available()) {
          peers.push({ id: peer.id, ok: false, error: peer.missing });
          continue;
        }
        const prepared = preparePeer(peer, dir, orm, n);
        log(`[${id} ${n}] peer ${peer.id} x${runs} ...`);
        const m = await measureRuns(runs, prepared.cmd, prepared.args, {
          cwd: prepared.cwd,
          env: prepared.env,
          timeoutSec: n >= capFrom ? Math.min(timeoutSec, 300) : timeoutSec,
          beforeEach: () => {
            rmSync(prepared.outDir, { recursive: true, force: true });
            mkdirSync(prepared.outDir, { recursive: true });
          },
          // Repeat only while the comparison with ormdoc could still go either way.
          enough: (r) => ormdoc.ok && (ormdoc.wall > 2 * r.wall || ormdoc.wall < 0.5 * r.wall),
        });
        const wrote = m.ok && existsSync(prepared.outDir);
        peers.push({ id: peer.id, label: peer.label, version: peer.version(), ...summary(m), ok: wrote });
      }
    const generator =
      withGenerator && id === 'prisma' && n <= 1000 ? await measureGenerator(dir, n, runs) : undefined;
    const row = {
      orm: id,
      project: path.relative(REPO_DIR, dir),
      n,
      ...(infoOnly ? { infoOnly } : {}),
      loadAvgAtStart: Number(load.toFixed(2)),
      floor: summary(floor),
      bound: bound.ok ? summary(bound) : { ok: false, error: bound.error ?? failure(bound.last) },
      ormdoc: { ...summary(ormdoc), ...(ormdoc.ok ? {} : { error: failure(ormdoc.last) }) },
      unchanged: unchanged.ok
        ? summary(unchanged)
        : { ok: false, error: unchanged.error ?? failure(unchanged.last) },
      ratio: {
        wall: ormdoc.wall / floor.wall,
        mem: ormdoc.rssMb / floor.rssMb,
        cpu: ormdoc.cpu / floor.cpu,
        ...(bound.ok ? { bound: ormdoc.wall / bound.wall } : {}),
        ...(unchanged.ok
          ? { unchanged: unchanged.wall / floor.wall, unchangedCpu: unchanged.cpu / floor.cpu }
          : {}),
      },
      peers,
      output,
      ...(generator ? { generator } : {}),
    };
    row.verdict = verdict(row);
    results.rows.push(row);
    save();
    process.stdout.write(`${formatRow(row)}\n`);
    if (!floor.ok) log(`  floor failed: ${floor.error}`);
    if (!ormdoc.ok) log(`  ormdoc failed: ${row.ormdoc.error}`);
    for (const p of peers) if (!p.ok) log(`  peer ${p.id} failed: ${p.error}`);
    if (generator) log(`  generator mode: ${generator.line}`);
    if (unchanged.ok)
      log(
        `  unchanged run: ${unchanged.wall.toFixed(2)} s wall (${row.ratio.unchanged.toFixed(2)}x the floor), ` +
          `${unchanged.cpu.toFixed(2)} s CPU (${row.ratio.unchangedCpu.toFixed(2)}x); budget ${BUDGET.unchangedRatio}x`,
      );
    if (row.verdict.reasons.length) log(`  ${row.verdict.status}: ${row.verdict.reasons.join('; ')}`);
  }
}
/**
 * `prisma generate` with a no-op generator, with ormdoc-prisma into an empty folder, and with
 * ormdoc-prisma again over its own documents (the unchanged run), alternating so load drifts hit all three.
 */
async function measureGenerator(dir, n, runs) {
  const c = generatorCommands(dir, n);
  if (c.error) return { ok: false, error: c.error, line: `n/a (${c.error})` };
  const out = { noop: [], ormdoc: [], unchanged: [] };
  const peaks = { noop: [], ormdoc: [], unchanged: [] };
  for (let i = 0; i < runs; i++)
    for (const id of ['noop', 'ormdoc', 'unchanged']) {
      log(`[prisma ${n}] prisma generate, ${id} generator (${i + 1}/${runs}) ...`);
      const { cmd, args, env, cwd, beforeEach } = c[id];
      const m = await measureRuns(1, cmd, args, {
        cwd,
        env,
        timeoutSec,
        ...(beforeEach ? { beforeEach } : {}),
      });
      if (!m.ok) return { ok: false, error: `${id}: ${failure(m.last)}`, line: `${id} failed` };
      out[id].push(m.wall);
      peaks[id].push(m.rssMb);
    }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const wall = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, med(v)]));
  const rssMb = Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, med(v)]));
  const ratio = { ormdoc: wall.ormdoc / wall.noop, unchanged: wall.unchanged / wall.noop };
  const pass = (r) => (r <= GENERATOR_BUDGET ? 'PASS' : 'FAIL');
  const line =
    `noop ${wall.noop.toFixed(2)} s, ormdoc ${wall.ormdoc.toFixed(2)} s (${ratio.ormdoc.toFixed(2)}x ${pass(ratio.ormdoc)}), ` +
    `unchanged ${wall.unchanged.toFixed(2)} s (${ratio.unchanged.toFixed(2)}x ${pass(ratio.unchanged)}); budget ${GENERATOR_BUDGET}x`;
  return { ok: true, walls: out, wall, rssMb, ratio, budget: GENERATOR_BUDGET, line };
}

// Schema history (issue 20): ormdoc diff of two 1,000-table revisions, the Changelog over 200 commits.
if (!argv.includes('--no-history')) {
  results.history = await historyBench({ runs: Number(opt('--runs', '3')), log });
  save();
}

results.finishedAt = new Date().toISOString();
save();
writeFileSync(path.join(OUT_DIR, 'results.md'), `${markdownTable(results.rows)}\n`);
const failed = results.rows.filter((r) => r.verdict.status === 'FAIL').length;
log(
  `bench: ${results.rows.length} rows, ${failed} over budget; bench/.out/results.json and results.md written.`,
);
