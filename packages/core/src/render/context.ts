import type { OrmdocConfig, TemplateId } from '../config/schema.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Finding, FindingCategory } from '../findings/index.js';
import type { Changelog } from '../history/types.js';
import { qualifiedName } from '../ir/names.js';
import type { Ir, Table, TableRef } from '../ir/types.js';
import { deriveRelationships, type Relationship } from '../relationships/derive.js';
import { type DependencyOrder, dependencyOrder } from '../relationships/order.js';
import { type Domain, domainsOf } from './domains.js';
import { type ByTable, indexEnumUsage, indexFindings, indexRelationships, ofTable } from './memo.js';
import { schemaTableAnchors } from './parts/links.js';
import { readingOrder } from './parts/order.js';
import { computeSchemaMap, type SchemaMap } from './schemaMap.js';

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
  /** The schema reference's Changelog from git, when there is one (see history/changelog.ts). */
  changelog?: Changelog;
  /** Core tables first, FK-safe (see `readingOrder`); views last. */
  readingOrder: readonly Table[];
  /** Key tables, the one set of core tables, the ownership chain: the same in every document. */
  map: SchemaMap;
  /** The subject areas, each with its tables (every base table in exactly one). */
  domains: Domain[];
  /** Per-table indexes of `relationships` and `findings`, and enum → columns using it. */
  index: {
    relationships: ByTable<Relationship>;
    findings: ByTable<Finding>;
    enumUsage: ByTable<string>;
  };
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
  const relationships = deriveRelationships(ir);
  const ctx: RenderContext = {
    ir,
    config,
    findings,
    relationships,
    order: dependencyOrder(ir),
    tables: ir.tables,
    documents,
    tableFiles,
    diagnostics: [],
    anchors: new Map(),
    shared: new Map(),
    readingOrder: readingOrder({ tables: ir.tables }),
    map: computeSchemaMap(ir.tables),
    domains: domainsOf(ir, config),
    index: {
      relationships: indexRelationships(relationships),
      findings: indexFindings(findings),
      enumUsage: indexEnumUsage(ir.tables),
    },
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
  return ofTable(ctx.index.findings, table).filter((f) => categories.includes(f.category));
}

export function tableKey(ref: TableRef): string {
  return qualifiedName(ref);
}

/** Base tables only (no views), IR order. */
export function baseTables(ctx: RenderContext): Table[] {
  return ctx.tables.filter((t) => t.kind === 'table');
}
