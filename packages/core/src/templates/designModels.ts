import { fieldName } from '../blocks/_names.js';
import { tableInterface } from '../blocks/index.js';
import { findTable, qualifiedName } from '../ir/names.js';
import type { Table } from '../ir/types.js';
import type { RenderContext } from '../render/context.js';
import type { Doc } from '../render/doc.js';
import {
  anchor,
  bullets,
  code,
  escapeCell,
  escapeHeading,
  escapeText,
  fence,
  headingText,
  link,
  table,
} from '../render/markdown.js';
import {
  columnConstraints,
  describeDefault,
  descriptionCell,
  keyAndIndexItems,
} from '../render/parts/columns.js';
import { tableLink } from '../render/parts/links.js';
import { relationshipSummary } from '../render/parts/relationships.js';
import { purpose } from '../render/parts/tableSection.js';
import { isSplit, renderSamples } from '../render/shared.js';

const modelHeading = (t: Table, number: string) => `${number} ${escapeHeading(qualifiedName(t))}`;

function modelSection(ctx: RenderContext, t: Table, number: string): string {
  const fields = table(
    ['Field', 'Type', 'Constraints', 'Description'],
    t.columns.map((c) => {
      const def = describeDefault(c.default);
      return [
        code(c.name),
        code(c.type.sql),
        [...columnConstraints(t, c), ...(def ? [`DEFAULT ${def}`] : [])].join(', '),
        // The code names are in the interface above.
        descriptionCell(c, { codeName: false }),
      ];
    }),
  );
  // The enum types it names are declared in section 5.
  const iface = tableInterface(ctx.ir, t);
  return [
    `### ${modelHeading(t, number)}`,
    `**Purpose**: ${purpose(t)}${ctx.documents.schema ? ` Reference: ${tableLink(ctx, t)}.` : ''}`,
    iface ? `**Schema**:\n\n${fence('typescript', iface)}` : '',
    `**Fields**:\n\n${fields}`,
    `**Indexes**:\n${bullets(keyAndIndexItems(t), '_None._')}`,
    `**Relationships**:\n${bullets(relationshipSummary(ctx, t), '_None._')}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Section 3: one sub-section per table, core tables first. */
export function renderDataModels(ctx: RenderContext, doc: Doc): void {
  const tables = ctx.readingOrder;
  if (tables.length === 0) {
    doc.region('models', '_The schema defines no tables._');
    return;
  }
  if (isSplit(ctx)) {
    doc.region('models-index', splitModelsIndex(ctx, tables));
    return;
  }
  doc.region(
    'models-intro',
    `Core tables first, each after the tables it references${ctx.documents.schema ? ` (the ${link('schema reference', ctx.documents.schema)} lists them alphabetically)` : ''}. Each model shows its row type as TypeScript (code names, \`| null\` for nullable columns) and its fields as the database sees them.\n\n${tables
      .map((t, i) => {
        const heading = modelHeading(t, `3.${i + 1}`);
        return `${i + 1}. [${code(qualifiedName(t))}](#${anchor(headingText(heading))})${t.description ? ` — ${escapeText(t.description)}` : ''}`;
      })
      .join('\n')}`,
  );
  tables.forEach((t, i) => {
    doc.region(
      `model:${qualifiedName(t)}`.replace(/[^A-Za-z0-9._:-]/g, '_'),
      modelSection(ctx, t, `3.${i + 1}`),
    );
  });
}

/**
 * Section 3 of a large schema: the reference is one file per table, so the models are an index in
 * reading order (core tables first) linking to those files rather than a second copy of them.
 */
function splitModelsIndex(ctx: RenderContext, tables: readonly Table[]): string {
  const rows = tables.map((t, i) => [
    String(i + 1),
    tableLink(ctx, t),
    t.description ? escapeCell(t.description) : '—',
    String(t.columns.length),
    t.foreignKeys.length
      ? [...new Set(t.foreignKeys.map((fk) => code(qualifiedName(fk.references))))].join(', ')
      : '—',
  ]);
  return `The ${tables.length} models in reading order: core tables first, each after the tables it references. Each table's file in the schema reference has its fields, keys, indexes, relationships and an example row.\n\n${table(['#', 'Table', 'Purpose', 'Columns', 'References'], rows)}`;
}

/** A value as a TypeScript literal on one line: `{ id: 1, settings: { theme: "light" } }`. */
export function tsLiteral(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v)}`,
    );
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** Tables whose sample rows the design document shows when the schema reference is split. */
export const SPLIT_SAMPLE_TABLES = 10;

const identifier = (name: string) =>
  `seed${name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase()).replace(/^[0-9]/, '_$&')}`;

/** Section 9.1: sample rows as TypeScript objects keyed by code names, one row per line, FK-safe order. */
export function developmentData(ctx: RenderContext): string {
  const rows = renderSamples(ctx);
  // A large schema shows the first tables of the order; the seed file has every table.
  const refs = isSplit(ctx) ? ctx.order.order.slice(0, SPLIT_SAMPLE_TABLES) : ctx.order.order;
  const seeds = refs.flatMap((ref) => {
    const data = rows.get(qualifiedName(ref)) ?? [];
    const t = findTable(ctx.ir, ref);
    if (!t || data.length === 0) return [];
    const keyOf = new Map(t.columns.map((c) => [c.name, fieldName(c)]));
    const lines = data.map((row) => {
      const obj = Object.fromEntries(Object.entries(row).map(([k, v]) => [keyOf.get(k) ?? k, v]));
      return `  ${tsLiteral(obj)},`;
    });
    return [`const ${identifier(t.name)} = [\n${lines.join('\n')}\n];`];
  });
  return fence('typescript', seeds.join('\n\n') || '// no tables');
}
