import type { Finding } from '../findings/index.js';
import { qualifiedName } from '../ir/names.js';
import type { Column, ColumnDefault, ForeignKey, Table, TableRef } from '../ir/types.js';
import type { Relationship } from '../relationships/derive.js';
import { uniqueKeys } from '../relationships/derive.js';
import { indexColumns } from '../render/parts/columns.js';
import { html, relativeUrl } from './escape.js';
import { relativeTo } from './paths.js';

/** What a table page shows beside the table itself. */
export interface TablePageInput {
  table: Table;
  /** This page's site path. */
  path: string;
  /** Site path of each table's page, by qualified name. */
  pages: Map<string, string>;
  /** The relationships this table takes part in (as either end or as the junction). */
  relationships: Relationship[];
  /** Foreign keys of other tables (or this one) that reference this table. */
  incoming: Array<{ table: Table; fk: ForeignKey }>;
  /** The findings about this table. */
  findings: Finding[];
  /** The table's neighbourhood diagram as inline SVG, when the site has diagrams. */
  diagram?: string;
}

const code = (text: string) => `<code>${html(text)}</code>`;

/** A link to a table's page, or its name as code when the site has no page for it. */
function tableLink(input: TablePageInput, ref: TableRef, columns?: string[]): string {
  const name = qualifiedName(ref);
  const label = code(columns ? `${name}(${columns.join(', ')})` : name);
  const target = input.pages.get(name);
  return target ? `<a href="${html(relativeUrl(relativeTo(input.path, target)))}">${label}</a>` : label;
}

function describeDefault(d: ColumnDefault | undefined): string {
  if (!d) return '';
  switch (d.kind) {
    case 'sql':
      return code(d.expression);
    case 'literal':
      return code(d.sql);
    case 'sequence':
      return html(d.style === 'auto-increment' ? 'AUTO_INCREMENT' : `${d.style} sequence`);
    case 'orm':
      return `${code(d.description || d.generator)} <span class="muted">(set by the ORM)</span>`;
    default: {
      const never: never = d;
      return never;
    }
  }
}

function keyBadges(input: TablePageInput, table: Table, column: Column): string {
  const out: string[] = [];
  const pk = table.primaryKey?.columns ?? [];
  if (pk.includes(column.name)) out.push('<span class="badge">PK</span>');
  if (
    uniqueKeys(table).some(
      (k) => k.length === 1 && k[0] === column.name && (pk.length !== 1 || pk[0] !== k[0]),
    )
  )
    out.push('<span class="badge">UQ</span>');
  for (const fk of table.foreignKeys) {
    const i = fk.columns.indexOf(column.name);
    if (i < 0) continue;
    const target = fk.references.columns[i];
    out.push(
      `<span class="badge">FK</span> → ${tableLink(input, fk.references, target ? [target] : undefined)}`,
    );
  }
  if (column.generated) out.push(`<span class="badge">generated</span>`);
  return out.join(' ');
}

function columnsSection(input: TablePageInput): string {
  const t = input.table;
  const rows = t.columns.map((c) => {
    const notes = [
      c.description ? html(c.description) : '',
      c.tags.length
        ? html(c.tags.map((tag) => `@${tag.name}${tag.value ? `(${tag.value})` : ''}`).join(' '))
        : '',
      c.codeName ? `code name ${code(c.codeName)}` : '',
      c.onUpdate
        ? c.onUpdate.kind === 'orm'
          ? `refreshed on update by the ORM (${html(c.onUpdate.description)})`
          : `ON UPDATE ${code(c.onUpdate.expression)}`
        : '',
      c.generated ? `GENERATED ${code(c.generated.expression)}` : '',
    ].filter(Boolean);
    return `<tr><td>${code(c.name)}</td><td>${code(c.type.sql)}</td><td>${c.nullable ? 'yes' : 'no'}</td><td>${describeDefault(c.default)}</td><td>${keyBadges(input, t, c)}</td><td>${notes.join('<br>')}</td></tr>`;
  });
  return `<h2 id="columns">Columns</h2>
<table class="columns"><thead><tr><th>Name</th><th>Type</th><th>Null</th><th>Default</th><th>Keys</th><th>Description</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function list(items: string[], empty: string): string {
  return items.length
    ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
    : `<p class="muted">${empty}</p>`;
}

function keysSection(input: TablePageInput): string {
  const t = input.table;
  const keys: string[] = [];
  if (t.primaryKey)
    keys.push(`PRIMARY KEY ${code(t.primaryKey.name)} (${t.primaryKey.columns.map(code).join(', ')})`);
  for (const u of t.uniques) keys.push(`UNIQUE ${code(u.name)} (${u.columns.map(code).join(', ')})`);
  for (const c of t.checks) keys.push(`CHECK ${code(c.name)} ${code(c.expression)}`);
  const indexes = t.indexes.map((ix) => {
    const method = ix.method && ix.method !== 'btree' ? ` USING ${ix.method}` : '';
    const include = ix.include?.length ? ` INCLUDE (${ix.include.join(', ')})` : '';
    const where = ix.where ? ` WHERE ${ix.where}` : '';
    return `${ix.unique ? 'UNIQUE ' : ''}${code(ix.name)} ${code(`(${indexColumns(ix)})${method}${include}${where}`)}`;
  });
  const out = t.foreignKeys.map(
    (fk) =>
      `${code(fk.columns.join(', '))} → ${tableLink(input, fk.references, fk.references.columns)} ON DELETE ${html(fk.onDelete)} ON UPDATE ${html(fk.onUpdate)} ${code(fk.name)}${fk.enforcedBy === 'orm' ? ' <span class="badge">emulated by the ORM</span>' : ''}`,
  );
  const incoming = input.incoming.map(
    ({ table, fk }) =>
      `${tableLink(input, table, fk.columns)} → ${code(fk.references.columns.join(', '))} ${code(fk.name)}`,
  );
  return `<h2 id="keys">Keys and constraints</h2>${list(keys, 'No primary key, unique or check constraint.')}
<h2 id="indexes">Indexes</h2>${list(indexes, 'No index beyond the keys.')}
<h2 id="foreign-keys">Foreign keys</h2>${list(out, 'None.')}
<h3 id="referenced-by">Referenced by</h3>${list(incoming, 'No foreign key references this table.')}`;
}

function relationshipsSection(input: TablePageInput): string {
  const items = input.relationships.flatMap((r) => {
    if (r.kind === 'many-to-many') {
      return [
        `${tableLink(input, r.left)} <span class="badge">many-to-many</span> ${tableLink(input, r.right)} through ${tableLink(input, r.junction)}`,
      ];
    }
    const optional = r.optional ? ' (optional)' : '';
    return [
      `${tableLink(input, r.parent, r.parent.columns)} <span class="badge">${r.kind}${optional}</span> ${tableLink(input, r.child, r.child.columns)}`,
    ];
  });
  return `<h2 id="relationships">Relationships</h2>${list(items, 'No relationship with another table.')}`;
}

function findingsSection(input: TablePageInput): string {
  const items = input.findings.map((f) => {
    const fix = f.fix?.sql ? `<pre><code>${html(f.fix.sql)}</code></pre>` : '';
    const orm = f.fix?.orm ? `<pre><code>${html(f.fix.orm)}</code></pre>` : '';
    return `<span class="sev-${html(f.severity)}">${html(f.severity)}</span> ${html(f.message)}${f.hint ? ` <span class="muted">${html(f.hint)}</span>` : ''} <span class="badge">${html(f.ruleId)}</span>${orm}${fix}`;
  });
  return `<h2 id="findings">Findings</h2>${list(items, 'No findings for this table.')}`;
}

/** The body of a table's page: summary, diagram, columns, keys, indexes, relationships, findings. */
export function tablePageBody(input: TablePageInput): string {
  const t = input.table;
  const meta = [
    `<span class="badge">${html(t.kind)}</span>`,
    t.codeName ? `code name ${code(t.codeName)}` : '',
    t.source ? `defined in ${code(`${t.source.file}${t.source.line ? `:${t.source.line}` : ''}`)}` : '',
    t.rls?.enabled ? `<span class="badge">row-level security${t.rls.forced ? ' (forced)' : ''}</span>` : '',
  ].filter(Boolean);
  const diagram = input.diagram
    ? `<h2 id="diagram">Neighbourhood</h2><div class="diagram">${input.diagram}</div>`
    : '';
  const view = t.definition
    ? `<h2 id="definition">Definition</h2><pre><code>${html(t.definition)}</code></pre>`
    : '';
  return [
    `<h1>${html(qualifiedName(t))}</h1>`,
    `<p>${meta.join(' · ')}</p>`,
    t.description ? `<p class="description">${html(t.description)}</p>` : '',
    diagram,
    columnsSection(input),
    keysSection(input),
    relationshipsSection(input),
    findingsSection(input),
    view,
  ]
    .filter(Boolean)
    .join('\n');
}
