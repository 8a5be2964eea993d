import type { Diagnostic, Ir, OrmdocConfig } from '@ormdoc/core';
import * as core from '@ormdoc/core';
import type { Dialect } from '../args.js';

/**
 * The core building blocks the CLI drives (signatures from docs/dev/contracts.md), looked up on the
 * @ormdoc/core module so the CLI keeps building while core grows.
 */
export interface RenderedFile {
  path: string;
  content: string;
}

export interface FindingLike {
  ruleId: string;
  severity: string;
  message: string;
}

export interface RenderResult {
  files: RenderedFile[];
  findings: FindingLike[];
  diagnostics: Diagnostic[];
}

export interface Todo {
  file: string;
  line: number;
  section: string;
  fact?: string;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  stale: Array<{ path: string; diff: string }>;
  todos: Todo[];
}

export interface MermaidDiagram {
  title: string;
  code: string;
}

interface CoreBlocks {
  renderDocuments(options: { ir: Ir; config: OrmdocConfig; cwd: string }): Promise<RenderResult>;
  writeDocuments(options: {
    outputDir: string;
    files: RenderedFile[];
    check?: boolean;
  }): Promise<WriteResult>;
  renderDdl(ir: Ir, options?: { dialect?: Dialect }): string;
  renderMermaid(ir: Ir, options?: { maxTablesPerDiagram?: number }): MermaidDiagram[];
}

function block<K extends keyof CoreBlocks>(name: K): CoreBlocks[K] {
  const fn = (core as Record<string, unknown>)[name];
  if (typeof fn !== 'function') {
    throw new Error(`@ormdoc/core does not export ${name}(): this build of ormdoc is incomplete`);
  }
  return fn as CoreBlocks[K];
}

export const renderDocuments: CoreBlocks['renderDocuments'] = (options) => block('renderDocuments')(options);
export const writeDocuments: CoreBlocks['writeDocuments'] = (options) => block('writeDocuments')(options);
export const renderDdl: CoreBlocks['renderDdl'] = (ir, options) => block('renderDdl')(ir, options);
export const renderMermaid: CoreBlocks['renderMermaid'] = (ir, options) =>
  block('renderMermaid')(ir, options);
