// The static HTML site's cost against `ormdoc generate` (issue 23): `node bench/site.mjs [--size 1000] [--runs 3]`.
// On the synthetic Prisma project of bench/generate, each a separate process, interleaved run by run:
// generate (defaults), generate with the SVG diagrams (`diagrams.svg`), `site --no-diagrams`, `site`.
// Prints wall time, CPU time (user + sys: steadier than wall on a shared machine) and peak RSS, medians.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel } from './generate/model.mjs';
import { prismaSchema } from './generate/prisma.mjs';
import { measure, median } from './lib/measure.mjs';
import { OUT_DIR, REPO_DIR } from './lib/resolve.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const size = Number(arg('--size', '1000'));
const runs = Number(arg('--runs', '3'));
const dir = path.join(OUT_DIR, `site-${size}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'schema.prisma'), prismaSchema(buildModel(size)));
writeFileSync(path.join(dir, 'svg.json'), '{ "diagrams": { "svg": true } }\n');
const bin = path.join(REPO_DIR, 'apps/cli/dist/bin.js');

const ROWS = [
  ['generate', ['generate', '--quiet']],
  ['generate + SVG', ['generate', '--quiet', '--config', 'svg.json']],
  ['site --no-diagrams', ['site', '--quiet', '--no-diagrams']],
  ['site', ['site', '--quiet']],
];
const results = new Map(ROWS.map(([name]) => [name, []]));
for (let i = 0; i < runs; i++)
  for (const [name, args] of ROWS) {
    rmSync(path.join(dir, 'docs'), { recursive: true, force: true });
    const r = await measure(process.execPath, [bin, ...args], { cwd: dir });
    if (!r.ok) throw new Error(`${name}: ${r.stderr || r.stdout}`);
    results.get(name).push(r);
  }
const base = median(results.get('generate').map((r) => r.cpu));
process.stdout.write(
  `| ${size} tables | wall (median) | CPU user+sys (median) | CPU vs generate | peak RSS |\n|---|---|---|---|---|\n`,
);
for (const [name, rs] of results) {
  const cpu = median(rs.map((r) => r.cpu));
  process.stdout.write(
    `| ${name} | ${median(rs.map((r) => r.wall)).toFixed(1)} s | ${cpu.toFixed(1)} s | ${(cpu / base).toFixed(2)}× | ${Math.round(median(rs.map((r) => r.rssMb)))} MB |\n`,
  );
}
