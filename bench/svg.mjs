// `node bench/svg.mjs [--sizes 1000,10000] [--runs N]`: the cost of `diagrams.svg`. For each size,
// the synthetic schema (bench/generate/model.mjs) as the SQLModel export (read without Python, so
// the ORM's own cost is not in the ratio), then `ormdoc generate` with SVG off and on, alternating
// (GNU time, median of N runs). Budget: SVG adds at most 2x generate's time at 1,000 tables (judged
// on CPU time, user + sys, steadier than wall time on a shared machine; both printed). Also
// reports what was drawn: SVG files and bytes, parts, overview pages and the boxes on the largest.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildModel } from './generate/model.mjs';
import { generateSqlmodel } from './generate/sqlmodel.mjs';
import { measureRuns, median } from './lib/measure.mjs';
import { OUT_DIR, REPO_DIR } from './lib/resolve.mjs';

const argv = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const sizes = opt('--sizes', '1000,10000').split(',').map(Number);
const CLI = path.join(REPO_DIR, 'apps/cli/dist/bin.js');
/** SVG on top of `generate` may add at most this many times generate's own time. */
const SVG_BUDGET = 2;
const log = (s) => process.stderr.write(`${s}\n`);

/** What the SVG run wrote: files, bytes, parts, overview pages and the most boxes on one of them. */
function inspectSvg(dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.svg'));
  const boxes = (f) => (readFileSync(path.join(dir, f), 'utf8').match(/class="node"/g) ?? []).length;
  // The overview: its regions' pages when it has some, else the first diagram.
  const regions = files.filter((f) => /^er-diagram-overview(-\d+)?\.svg$/.test(f));
  const overviews = regions.length > 0 ? regions : files.filter((f) => f === 'er-diagram-1.svg');
  const sizes = files.map((f) => statSync(path.join(dir, String(f))).size);
  return {
    files: files.length,
    mb: Number((sizes.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(1)),
    largestKb: Math.round(Math.max(0, ...sizes) / 1024),
    parts: files.filter((f) => /^er-diagram-\d+\.svg$/.test(f)).length,
    neighbourhoods: files.filter((f) => String(f).startsWith('tables/')).length,
    overviewPages: regions.length,
    mostOverviewBoxes: Math.max(0, ...overviews.map(boxes)),
  };
}

const rows = [];
for (const n of sizes) {
  const runs = Number(opt('--runs', n >= 10000 ? '1' : '3'));
  const dir = path.join(OUT_DIR, 'svg', `sqlmodel-${n}`);
  generateSqlmodel(buildModel(n), dir);
  writeFileSync(path.join(dir, 'svg.config.json'), `${JSON.stringify({ diagrams: { svg: true } })}\n`);
  const walls = { off: [], on: [] };
  const rss = { off: [], on: [] };
  const cpus = { off: [], on: [] };
  const out = (mode) => path.join(OUT_DIR, 'svg', `docs-${mode}-${n}`);
  for (let i = 0; i < runs; i++)
    for (const mode of ['off', 'on']) {
      log(`[svg ${n}] generate, SVG ${mode} (${i + 1}/${runs}) ...`);
      const args = [
        CLI,
        'generate',
        '--cwd',
        dir,
        '--orm',
        'sqlmodel',
        '--json',
        'schema.json',
        '--out',
        out(mode),
        '--quiet',
      ];
      if (mode === 'on') args.push('--config', 'svg.config.json');
      const m = await measureRuns(1, process.execPath, args, {
        cwd: dir,
        timeoutSec: 3600,
        beforeEach: () => rmSync(out(mode), { recursive: true, force: true }),
      });
      if (!m.ok) throw new Error(`generate (SVG ${mode}) failed: ${m.error}`);
      walls[mode].push(m.wall);
      rss[mode].push(m.rssMb);
      cpus[mode].push(m.cpu);
    }
  const off = median(walls.off);
  const on = median(walls.on);
  const added = (on - off) / off;
  const cpu = { off: median(cpus.off), on: median(cpus.on) };
  const row = {
    n,
    runs,
    loadAvg: Number(os.loadavg()[0].toFixed(2)),
    wall: { off, on },
    rssMb: { off: Math.round(median(rss.off)), on: Math.round(median(rss.on)) },
    cpu,
    added: Number(added.toFixed(2)),
    // CPU time (user + sys) is the steadier measure on a shared, loaded machine.
    addedCpu: Number(((cpu.on - cpu.off) / cpu.off).toFixed(2)),
    verdict: n >= 1000 && n < 10000 ? ((cpu.on - cpu.off) / cpu.off <= SVG_BUDGET ? 'PASS' : 'FAIL') : 'info',
    drawn: inspectSvg(out('on')),
  };
  rows.push(row);
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
mkdirSync(path.join(OUT_DIR, 'svg'), { recursive: true });
writeFileSync(
  path.join(OUT_DIR, 'svg', 'results.json'),
  `${JSON.stringify({ cpus: os.cpus().length, rows }, null, 2)}\n`,
);
process.stdout.write(
  `\n| tables | generate (s) | with SVG (s) | SVG adds (wall) | SVG adds (CPU) | peak RSS off / on (MB) | SVG files (MB) | parts | neighbourhoods | overview pages (most boxes) | verdict |\n|---|---|---|---|---|---|---|---|---|---|---|\n${rows
    .map(
      (r) =>
        `| ${r.n} | ${r.wall.off.toFixed(2)} | ${r.wall.on.toFixed(2)} | ${r.added.toFixed(2)}× | ${r.addedCpu.toFixed(2)}× | ${r.rssMb.off} / ${r.rssMb.on} | ${r.drawn.files} (${r.drawn.mb}) | ${r.drawn.parts} | ${r.drawn.neighbourhoods} | ${r.drawn.overviewPages} (${r.drawn.mostOverviewBoxes}) | ${r.verdict} |`,
    )
    .join('\n')}\n`,
);
