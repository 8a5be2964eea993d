import type { OrmdocConfig, TemplateId } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Finding, FindingCategory } from '../findings/index.js';
import { qualifiedName } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { deriveRelationships, type Relationship } from '../relationships/derive.js';
import { type DependencyOrder, dependencyOrder } from '../relationships/order.js';
import { findingsAbout } from './memo.js';
import { schemaTableAnchors } from './parts/links.js';

/** Everything a template needs, computed once per render. */
export interface RenderContext {
  ir: Ir;
  config: OrmdocConfig;
  findings: Finding[];
  relationships: Relationship[];
  order: DependencyOrder;
  /** Tables and views in IR order. */
  tables: Table[];
  /** Output file of each built-in template written in this run (for cross-links). */
  documents: Partial<Record<TemplateId, string>>;
  /** The per-table file of a table (relative to the output dir) when the schema reference is split. */
  tableFiles: Map<string, string>;
  diagnostics: Diagnostic[];
  /** Anchor of each table's section in the single-file schema reference, by qualified name. */
  anchors: Map<string, string>;
  /** Values several documents of one render share (the DDL, the diagrams), computed on first use: see `once`. */
  shared: Map<string, unknown>;
}

export const DOCUMENT_TITLES: Record<TemplateId, string> = {
  overview: 'Database Architecture Overview',
  schema: 'Database Schema Reference',
  design: 'Database Design Document',
  'target-state': 'Database Architecture (Target State)',
  architecture: 'Database Architecture',
};

export function createContext(
  ir: Ir,
  config: OrmdocConfig,
  findings: Finding[],
  documents: Partial<Record<TemplateId, string>>,
  tableFiles: Map<string, string>,
): RenderContext {
  const ctx: RenderContext = {
    ir,
    config,
    findings,
    relationships: deriveRelationships(ir),
    order: dependencyOrder(ir),
    tables: ir.tables,
    documents,
    tableFiles,
    diagnostics: [],
    anchors: new Map(),
    shared: new Map(),
  };
  ctx.anchors = schemaTableAnchors(ctx);
  return ctx;
}

/** `compute()` the first time `key` is asked for in this render, the same value after that. */
export function once<T>(ctx: RenderContext, key: string, compute: () => T): T {
  if (ctx.shared.has(key)) return ctx.shared.get(key) as T;
  const value = compute();
  ctx.shared.set(key, value);
  return value;
}

/** Project name from the config, else undefined (templates then use a neutral title). */
export function projectName(ctx: RenderContext): string | undefined {
  return ctx.config.project.name ?? ctx.config.title;
}

export function findingsOf(ctx: RenderContext, categories: FindingCategory[], table?: TableRef): Finding[] {
  if (table === undefined) return ctx.findings.filter((f) => categories.includes(f.category));
  return findingsAbout(ctx.findings, table).filter((f) => categories.includes(f.category));
}

export function tableKey(ref: TableRef): string {
  return qualifiedName(ref);
}

/** Base tables only (no views), IR order. */
export function baseTables(ctx: RenderContext): Table[] {
  return ctx.tables.filter((t) => t.kind === 'table');
}
