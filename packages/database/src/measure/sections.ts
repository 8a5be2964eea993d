import type { MeasuredSection } from '@ormdoc/core';
import type { Measurement } from './postgres.js';

/** A seq-scan-heavy table has at least this many live rows (smaller tables are read whole on purpose). */
export const SEQ_SCAN_MIN_ROWS = 1000;
const LIMIT = 20;

function bytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v >= 10 ? 0 : 1)} ${units[u]}`;
}

const count = (n: number | null) =>
  n === null ? 'not analysed' : `~${Math.round(n).toLocaleString('en-US')}`;
const qualified = (schema: string, name: string) => (schema === 'public' ? name : `${schema}.${name}`);

/** The measured regions of the documents: server version in the stack, sizes and index usage under performance. */
export function measuredSections(m: Measurement, now: Date): MeasuredSection[] {
  const stamp = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const measuredOn = `_Measured on ${m.server.host}, ${stamp}; statistics since ${m.server.statsSince?.slice(0, 16) ?? 'the server started'}. Not in \`ormdoc check\`: regenerated only by \`ormdoc generate --database-url\`._`;
  const stack = `**Server (measured on ${m.server.host}, ${stamp}):** PostgreSQL ${m.server.version}, database \`${m.server.database}\`.`;
  const performance = [measuredOn, '', ...sizes(m), '', ...unused(m), '', ...seqScans(m)].join('\n');
  return [
    { document: 'architecture.md', section: 'Technology Stack', id: 'server', body: stack },
    { document: 'architecture.md', section: 'Performance', id: 'performance', body: performance },
    { document: 'overview.md', section: 'Performance', id: 'performance', body: performance },
  ];
}

function sizes(m: Measurement): string[] {
  const top = m.tables.slice(0, LIMIT);
  if (top.length === 0) return ['**Table sizes:** no tables.'];
  const total = m.tables.reduce((s, t) => s + t.totalBytes, 0);
  return [
    `**Table sizes** (${m.tables.length} tables, ${bytes(total)} in all${m.tables.length > LIMIT ? `; the ${LIMIT} largest` : ''}):`,
    '',
    '| Table | Rows (estimate) | Data | Indexes | Total |',
    '|---|---:|---:|---:|---:|',
    ...top.map(
      (t) =>
        `| \`${qualified(t.schema, t.name)}\` | ${count(t.rows)} | ${bytes(t.tableBytes)} | ${bytes(t.indexBytes)} | ${bytes(t.totalBytes)} |`,
    ),
  ];
}

function unused(m: Measurement): string[] {
  const idle = m.indexes.filter((i) => i.scans === 0 && !i.unique);
  if (m.indexes.every((i) => i.scans === null)) return ['**Unused indexes:** no statistics yet.'];
  if (idle.length === 0) return ['**Unused indexes:** none (every non-unique index has been scanned).'];
  return [
    `**Unused indexes** (never scanned since the statistics were reset; unique and primary keys left out, they enforce rules):`,
    '',
    ...idle
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, LIMIT)
      .map((i) => `- \`${i.name}\` on \`${qualified(i.schema, i.table)}\` (${bytes(i.bytes)})`),
  ];
}

function seqScans(m: Measurement): string[] {
  const heavy = m.tables.filter(
    (t) => t.seqScans !== null && t.seqScans > (t.indexScans ?? 0) && (t.liveRows ?? 0) >= SEQ_SCAN_MIN_ROWS,
  );
  if (m.tables.every((t) => t.seqScans === null)) return ['**Sequential scans:** no statistics yet.'];
  if (heavy.length === 0)
    return [
      `**Sequential scans:** no table of ${SEQ_SCAN_MIN_ROWS.toLocaleString('en-US')}+ rows is read mostly by sequential scans.`,
    ];
  return [
    `**Sequential-scan-heavy tables** (more sequential than index scans, ${SEQ_SCAN_MIN_ROWS.toLocaleString('en-US')}+ live rows):`,
    '',
    ...heavy
      .slice(0, LIMIT)
      .map(
        (t) =>
          `- \`${qualified(t.schema, t.name)}\`: ${t.seqScans} sequential vs ${t.indexScans ?? 0} index scans, ~${(t.liveRows ?? 0).toLocaleString('en-US')} rows`,
      ),
  ];
}
