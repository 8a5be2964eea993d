import type { Extension } from '@ormdoc/core';
import {
  type AstField,
  arrayNames,
  attrArg,
  type BlockAttribute,
  fieldAttr,
  isFunc,
  parseSchemaText,
  type Schema,
  unquote,
} from './ast.js';
import { withoutBlockComments } from './comments.js';
import { datasourceAssignments } from './configBlocks.js';
import { datasourceExtensions } from './extensions.js';
import { type ScannedBlock, type ScannedSchema, scanSchema } from './scan.js';

/**
 * What the DMMF leaves out, recovered from the schema text: views, `@@ignore`d models,
 * `@ignore`d and `Unsupported(...)` fields, enum `@@schema`, FK names from `@relation(map:)`,
 * the datasource's `relationMode`, and where each block is declared (file and line).
 */
export interface SchemaText {
  blocks: Map<string, TextBlock>;
  enums: Map<string, TextEnum>;
  relationMode?: 'foreignKeys' | 'prisma';
  provider?: string;
  schemas: string[];
  /** The datasource's `extensions = [...]` (postgresqlExtensions). */
  extensions?: Extension[];
  /** Files prisma-ast could not parse: their text facts are missing (a warning says so). */
  unreadable: string[];
}

export interface TextEnum {
  schema: string | null;
  file: string;
  line: number;
  /** `///` docs of the values, by value code name. */
  valueDocs: Map<string, string>;
}

export interface TextBlock {
  kind: 'model' | 'view';
  name: string;
  file: string;
  line: number;
  ignored: boolean;
  /** `@@map` of the block (needed for ignored models, which the DMMF drops). */
  dbName?: string;
  schema: string | null;
  documentation?: string;
  fields: TextField[];
  attributes: BlockAttribute[];
  /**
   * Only kind, name, place and documentation were read: the scanner found nothing in the block's
   * text that the DMMF lacks (`fields`, `attributes`, `dbName`, `schema` are left empty).
   */
  headerOnly?: true;
}

export interface TextField {
  ast: AstField;
  name: string;
  line?: number;
  ignored: boolean;
  /** The inner SQL type of `Unsupported("...")`. */
  unsupported?: string;
  /** `@relation(map: "...")`. */
  relationMap?: string;
  /** `@relation(fields: [...])`. */
  relationFields: string[];
  documentation?: string;
  /** A numeric `@default(...)` as written (`2.50`, `"2.00"` gives `2.00`): Prisma Migrate writes it so. */
  defaultLiteral?: string;
}

export function emptySchemaText(): SchemaText {
  return { blocks: new Map(), enums: new Map(), schemas: [], unreadable: [] };
}

type SchemaFile = { path: string; content: string };

/**
 * Read the text facts of every schema file (paths as they should appear in the IR). Each file is
 * scanned line by line (`scanSchema`); only the blocks whose text adds to the DMMF (views,
 * ignored models, `Unsupported(...)` fields, `@relation(map:)`, enum `@@schema` and value docs, the
 * datasource) are parsed with prisma-ast, each on its own. A file the scanner does not understand
 * is parsed whole (`readSchemaTextByAst`). `scans` are the files' scans when already made (of the
 * contents without block comments, `withoutBlockComments`).
 */
export function readSchemaText(
  files: ReadonlyArray<SchemaFile>,
  scans?: ReadonlyArray<ScannedSchema | undefined>,
): SchemaText {
  const out = emptySchemaText();
  files.forEach((file, i) => {
    const content = withoutBlockComments(file.content);
    const scan = scans ? scans[i] : scanSchema(content);
    if (!scan || !readScanned(out, file.path, scan)) readWholeFile(out, { path: file.path, content });
  });
  return out;
}

/** The same facts from a prisma-ast parse of every whole file: the fallback, and the reference in tests. */
export function readSchemaTextByAst(files: ReadonlyArray<SchemaFile>): SchemaText {
  const out = emptySchemaText();
  for (const file of files)
    readWholeFile(out, { path: file.path, content: withoutBlockComments(file.content) });
  return out;
}

function readWholeFile(out: SchemaText, file: SchemaFile): void {
  let schema: Schema;
  try {
    schema = parseSchemaText(file.content);
  } catch {
    // The wasm parser already validated the schema; prisma-ast may trail behind Prisma's grammar.
    out.unreadable.push(file.path);
    return;
  }
  collect(out, file.path, schema.list);
}

/** Parse the blocks that need it (all or nothing), then record every block in file order. */
function readScanned(out: SchemaText, file: string, scan: ScannedSchema): boolean {
  const steps: Array<ScannedBlock | Schema['list']> = [];
  for (const block of scan.blocks) {
    if (block.plain) {
      if (block.kind === 'model' || block.kind === 'enum') steps.push(block);
      continue;
    }
    const list = simpleDatasource(scan, block) ?? parseBlock(scan, block);
    if (!list) return false;
    steps.push(list);
  }
  for (const step of steps) {
    if (Array.isArray(step)) collect(out, file, step);
    else if (step.kind === 'enum')
      out.enums.set(step.name, { schema: null, file, line: step.start + 1, valueDocs: new Map() });
    else
      out.blocks.set(step.name, {
        kind: 'model',
        name: step.name,
        file,
        line: step.start + 1,
        ignored: false,
        schema: null,
        documentation: step.docs.length > 0 ? step.docs.join('\n') : undefined,
        fields: [],
        attributes: [],
        headerOnly: true,
      });
  }
  return true;
}

/** A datasource of plain `key = value` lines, in prisma-ast's shape without parsing it. */
function simpleDatasource(scan: ScannedSchema, block: ScannedBlock): Schema['list'] | undefined {
  if (block.kind !== 'datasource') return undefined;
  const assignments = datasourceAssignments(scan, block);
  if (!assignments) return undefined;
  const datasource = {
    type: 'datasource',
    name: block.name,
    assignments: assignments.map((a) => ({ type: 'assignment', key: a.key, value: a.value })),
  };
  return [datasource as Schema['list'][number]];
}

/**
 * One block with its leading comments, parsed alone, locations moved back to the file's lines and
 * offsets. `undefined` when prisma-ast rejects it or finds something else than that block.
 */
function parseBlock(scan: ScannedSchema, block: ScannedBlock): Schema['list'] | undefined {
  let list: Schema['list'];
  try {
    list = parseSchemaText(scan.lines.slice(block.lead, block.end + 1).join('\n')).list;
  } catch {
    return undefined;
  }
  const components = list.filter((b) => b.type !== 'comment' && b.type !== 'break');
  const only = components[0] as { type: string; name?: string } | undefined;
  if (components.length !== 1 || only?.type !== block.kind || only.name !== block.name) return undefined;
  shiftLocations(list, block.lead, block.leadOffset, new WeakSet());
  return list;
}

function shiftLocations(node: unknown, lines: number, chars: number, seen: WeakSet<object>): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) shiftLocations(item, lines, chars, seen);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'location') shiftLocations(value, lines, chars, seen);
    else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      const loc = value as Record<string, unknown>;
      for (const k of ['startLine', 'endLine'] as const)
        if (typeof loc[k] === 'number') loc[k] = (loc[k] as number) + lines;
      for (const k of ['startOffset', 'endOffset'] as const)
        if (typeof loc[k] === 'number') loc[k] = (loc[k] as number) + chars;
    }
  }
}

/** The facts of a prisma-ast block list (a whole file, or one block with its leading comments). */
function collect(out: SchemaText, file: string, list: Schema['list']): void {
  let pendingDocs: string[] = [];
  for (const block of list) {
    if (block.type === 'comment') {
      if (block.text.startsWith('///')) pendingDocs.push(block.text.slice(3).trim());
      continue;
    }
    if (block.type === 'break') {
      pendingDocs = [];
      continue;
    }
    const docs = pendingDocs;
    pendingDocs = [];
    if (block.type === 'datasource') {
      for (const a of block.assignments) {
        if (a.type !== 'assignment') continue;
        if (a.key === 'relationMode') {
          const v = unquote(a.value);
          if (v === 'prisma' || v === 'foreignKeys') out.relationMode = v;
        }
        if (a.key === 'provider') out.provider = unquote(a.value);
        if (a.key === 'schemas') out.schemas = arrayNames(a.value).map((s) => unquote(s) ?? s);
        if (a.key === 'extensions')
          out.extensions = datasourceExtensions(a.value, { file, line: block.location?.startLine ?? 1 });
      }
    } else if (block.type === 'enum') {
      const schemaAttr = block.enumerators.find(
        (e): e is BlockAttribute => e.type === 'attribute' && e.name === 'schema',
      );
      const valueDocs = new Map<string, string>();
      let docsOfValue: string[] = [];
      for (const e of block.enumerators) {
        if (e.type === 'comment') {
          if (e.text.startsWith('///')) docsOfValue.push(e.text.slice(3).trim());
          continue;
        }
        if (e.type === 'enumerator' && docsOfValue.length > 0) valueDocs.set(e.name, docsOfValue.join('\n'));
        docsOfValue = [];
      }
      out.enums.set(block.name, {
        schema: unquote(attrArg(schemaAttr, null)) ?? null,
        file,
        line: block.location?.startLine ?? 1,
        valueDocs,
      });
    } else if (block.type === 'model' || block.type === 'view') {
      const attributes = block.properties.filter((p): p is BlockAttribute => p.type === 'attribute');
      const blockAttr = (name: string) => attributes.find((a) => a.name === name);
      const fields: TextField[] = [];
      let fieldDocs: string[] = [];
      for (const p of block.properties) {
        if (p.type === 'comment') {
          if (p.text.startsWith('///')) fieldDocs.push(p.text.slice(3).trim());
          continue;
        }
        if (p.type !== 'field') {
          fieldDocs = [];
          continue;
        }
        fields.push(textField(p, fieldDocs));
        fieldDocs = [];
      }
      out.blocks.set(block.name, {
        kind: block.type,
        name: block.name,
        file,
        line: block.location?.startLine ?? 1,
        ignored: blockAttr('ignore') !== undefined,
        dbName: unquote(attrArg(blockAttr('map'), null)),
        schema: unquote(attrArg(blockAttr('schema'), null)) ?? null,
        documentation: docs.length > 0 ? docs.join('\n') : undefined,
        fields,
        attributes,
      });
    }
  }
}

function textField(field: AstField, docs: string[]): TextField {
  const relation = fieldAttr(field, 'relation');
  const unsupported =
    isFunc(field.fieldType) && field.fieldType.name === 'Unsupported'
      ? unquote(field.fieldType.params?.[0])
      : undefined;
  return {
    ast: field,
    name: field.name,
    line: field.location?.startLine,
    ignored: fieldAttr(field, 'ignore') !== undefined,
    unsupported,
    relationMap: unquote(attrArg(relation, 'map')),
    relationFields: arrayNames(attrArg(relation, 'fields')),
    documentation: docs.length > 0 ? docs.join('\n') : undefined,
    ...numericDefault(field),
  };
}

function numericDefault(field: AstField): { defaultLiteral?: string } {
  const raw = attrArg(fieldAttr(field, 'default'), null);
  const text = typeof raw === 'string' || typeof raw === 'number' ? unquote(String(raw)) : undefined;
  return text !== undefined && /^-?\d*\.\d+$/.test(text) ? { defaultLiteral: text } : {};
}
