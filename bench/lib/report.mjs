// The results table (stdout) and the budget verdicts.

/**
 * Issue 19's budgets: wall time within 1.5x the write bound (the floor plus writing the same files,
 * bench/bound/write.mjs), peak memory within 2x the floor, from 1,000 tables on; the unchanged run
 * (the same command again, nothing changed) within 1.2x the floor at every size.
 */
export const BUDGET = { wallRatio: 1.5, memRatio: 2, fromSize: 1000, unchangedRatio: 1.2 };

/** A run stopped at its time limit: its numbers are lower bounds. */
const gt = (m) => (m.timedOut ? '>' : '');
const f = (x, d = 2) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toFixed(d));

/** PASS/FAIL of one row against the issue's budgets (sizes below 1,000 are informative only). */
export function verdict(row) {
  if (!row.floor.ok) return { status: 'FAIL', reasons: [`floor failed: ${row.floor.error}`] };
  if (!row.ormdoc.ok && row.ormdoc.timedOut)
    return {
      status: 'FAIL',
      reasons: [`ormdoc stopped at the time limit, ${f(row.ratio.wall)}x its floor, unfinished`],
    };
  if (!row.ormdoc.ok) return { status: 'FAIL', reasons: [`ormdoc failed: ${row.ormdoc.error}`] };
  const reasons = [];
  if (row.ratio.bound === undefined)
    reasons.push(`write bound failed: ${row.bound?.error ?? 'not measured'}`);
  else if (row.ratio.bound > BUDGET.wallRatio)
    reasons.push(`wall ${f(row.ratio.bound)}x the write bound > ${BUDGET.wallRatio}x`);
  if (row.ratio.mem > BUDGET.memRatio) reasons.push(`memory ${f(row.ratio.mem)}x > ${BUDGET.memRatio}x`);
  for (const p of row.peers) if (p.ok && row.ormdoc.wall > p.wall) reasons.push(`slower than ${p.id}`);
  if (row.output && !row.output.usable) reasons.push(...row.output.problems);
  const unchanged = unchangedVerdict(row);
  if (unchanged.status === 'FAIL') reasons.push(unchanged.reason);
  // A row whose floor does not contain the ORM's own load (sqlmodel-json) is never held to the budget.
  if (row.infoOnly) return { status: 'info', reasons: [`${row.infoOnly} (not a budget)`, ...reasons] };
  if (row.n < BUDGET.fromSize) return { status: reasons.length ? 'info' : 'ok', reasons };
  return { status: reasons.length ? 'FAIL' : 'PASS', reasons };
}

/** The unchanged run against its own budget (1.2x the floor, at every size, also for info rows). */
export function unchangedVerdict(row) {
  if (!row.unchanged) return { status: '-', reason: 'unchanged run not measured' };
  if (!row.unchanged.ok) return { status: 'FAIL', reason: `unchanged run failed: ${row.unchanged.error}` };
  const ratio = row.ratio.unchanged;
  return ratio > BUDGET.unchangedRatio
    ? { status: 'FAIL', reason: `unchanged run ${f(ratio)}x the floor > ${BUDGET.unchangedRatio}x` }
    : { status: 'PASS', reason: '' };
}

export function formatRow(row) {
  const peers = row.peers
    .map((p) =>
      p.ok ? `${p.id} ${f(p.wall)}s/${f(p.rssMb, 0)}MB (${f(row.ormdoc.wall / p.wall)}x)` : `${p.id} n/a`,
    )
    .join('; ');
  return [
    row.orm.padEnd(13),
    String(row.n).padStart(6),
    `${f(row.floor.wall).padStart(7)}s ${f(row.floor.rssMb, 0).padStart(5)}MB`,
    `${gt(row.ormdoc)}${f(row.ormdoc.wall).padStart(7)}s ${f(row.ormdoc.rssMb, 0).padStart(5)}MB`,
    `${gt(row.ormdoc)}${f(row.ratio.wall).padStart(6)}x ${f(row.ratio.mem).padStart(5)}x`,
    `${f(row.bound?.wall).padStart(7)}s ${gt(row.ormdoc)}${f(row.ratio.bound).padStart(5)}x`,
    row.verdict.status.padEnd(4),
    peers || '-',
  ].join(' | ');
}

export const HEADER = [
  'row          ',
  '  size',
  '  floor (wall, RSS)',
  ' ormdoc (wall, RSS)',
  'ratio wall  mem',
  '  bound (wall, ormdoc/bound)',
  'budget',
  'peers (wall/RSS, ormdoc/peer)',
].join(' | ');

/** Markdown table for BENCHMARKS.md. */
export function markdownTable(rows) {
  const out = [
    '| ORM | tables | floor s | floor MB | write bound s | ormdoc s | ormdoc MB | ÷ floor (wall) | ÷ bound (wall) | mem ratio | CPU ratio | unchanged s (÷ floor) | budget | peers: s / MB (ormdoc÷peer) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const peers = r.peers
      .map((p) =>
        p.ok
          ? `${p.id}: ${f(p.wall)} / ${f(p.rssMb, 0)} (${f(r.ormdoc.wall / p.wall)}×)`
          : `${p.id}: failed (${p.error})`,
      )
      .join('<br>');
    const unchanged = r.unchanged?.ok
      ? `${f(r.unchanged.wall)} (${f(r.ratio.unchanged)}×, ${unchangedVerdict(r).status})`
      : r.unchanged
        ? 'failed'
        : '—';
    const v = r.verdict.status + (r.verdict.reasons.length ? `: ${r.verdict.reasons.join('; ')}` : '');
    out.push(
      `| ${r.orm} | ${r.n} | ${f(r.floor.wall)} | ${f(r.floor.rssMb, 0)} | ${f(r.bound?.wall)} | ${r.ormdoc.ok || r.ormdoc.timedOut ? `${gt(r.ormdoc)}${f(r.ormdoc.wall)}` : 'failed'} | ${gt(r.ormdoc)}${f(r.ormdoc.rssMb, 0)} | ${gt(r.ormdoc)}${f(r.ratio.wall)} | ${gt(r.ormdoc)}${f(r.ratio.bound)} | ${gt(r.ormdoc)}${f(r.ratio.mem)} | ${gt(r.ormdoc)}${f(r.ratio.cpu)} | ${unchanged} | ${v} | ${peers || '—'} |`,
    );
  }
  return out.join('\n');
}
