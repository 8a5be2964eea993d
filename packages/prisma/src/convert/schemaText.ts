import {
  type AstField,
  arrayNames,
  attrArg,
  type BlockAttribute,
  fieldAttr,
  isFunc,
  parseSchemaText,
  unquote,
} from './ast.js';

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
}

export function emptySchemaText(): SchemaText {
  return { blocks: new Map(), enums: new Map(), schemas: [] };
}

/** Read the text facts of every schema file (paths as they should appear in the IR). */
export function readSchemaText(files: ReadonlyArray<{ path: string; content: string }>): SchemaText {
  const out = emptySchemaText();
  for (const file of files) {
    let schema: ReturnType<typeof parseSchemaText>;
    try {
      schema = parseSchemaText(file.content);
    } catch {
      // The wasm parser already validated the schema; prisma-ast may trail behind Prisma's grammar.
      continue;
    }
    let pendingDocs: string[] = [];
    for (const block of schema.list) {
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
          if (e.type === 'enumerator' && docsOfValue.length > 0)
            valueDocs.set(e.name, docsOfValue.join('\n'));
          docsOfValue = [];
        }
        out.enums.set(block.name, {
          schema: unquote(attrArg(schemaAttr, null)) ?? null,
          file: file.path,
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
          file: file.path,
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
  return out;
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
  };
}

/**
 * Prisma 7 rejects `url`/`directUrl`/`shadowDatabaseUrl` in schema files; Prisma 6 schemas have
 * them. Blank those lines out of datasource blocks (keeping line numbers) before validation.
 */
export function stripDatasourceUrls(content: string): string {
  const lines = content.split('\n');
  let inDatasource = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*datasource\s+\w+\s*\{/.test(line)) inDatasource = true;
    else if (inDatasource && /^\s*}/.test(line)) inDatasource = false;
    else if (inDatasource && /^\s*(url|directUrl|shadowDatabaseUrl)\s*=/.test(line)) lines[i] = '';
  }
  return lines.join('\n');
}
