import {
  buildIr,
  type Column,
  canonicalizeIr,
  type Diagnostic,
  type Dialect,
  type Enum,
  type ExtractResult,
  IR_VERSION,
  OrmdocError,
  parseDescription,
  type Table,
} from '@ormdoc/core';
import { type EnumInfo, scalarColumn, unsupportedColumn } from './columns.js';
import { docText } from './comments.js';
import type { ConvertContext, ModelInfo } from './context.js';
import type { PrismaDatamodel, PrismaField, PrismaIndex, PrismaModel } from './dmmf.js';
import { keysAndIndexes } from './indexes.js';
import { foreignKeysOf, implicitJunctions, navigationRelations } from './relations.js';
import { emptySchemaText, type SchemaText, type TextBlock } from './schemaText.js';
import { synthField, synthModel } from './synth.js';

export interface FromDmmfInput {
  datamodel: PrismaDatamodel;
  /** The datasource provider (`postgresql`, `mysql`, `sqlite`, `sqlserver`, `cockroachdb`). */
  provider: string;
  /** The datasource's `schemas` (multiSchema). */
  schemas?: readonly string[];
  /** Facts the DMMF omits, read from the schema text (`readSchemaText`). */
  text?: SchemaText;
  /** Schema files relative to the project root. */
  files?: readonly string[];
  ormVersion?: string;
}

export function dialectOf(provider: string): Dialect {
  switch (provider) {
    case 'postgresql':
    case 'postgres':
      return 'postgresql';
    case 'mysql':
    case 'sqlite':
    case 'sqlserver':
    case 'cockroachdb':
      return provider;
    default:
      throw new OrmdocError('UNSUPPORTED', `The Prisma datasource provider "${provider}" is not supported.`, {
        hint: 'ormdoc documents relational databases: postgresql, mysql, sqlite, sqlserver or cockroachdb.',
      });
  }
}

/**
 * The pure conversion shared by the generator and the CLI: Prisma's DMMF datamodel (plus the
 * facts recovered from the schema text) -> the ormdoc IR, as Prisma Migrate would create it.
 */
export function fromDmmf(input: FromDmmfInput): ExtractResult {
  const dialect = dialectOf(input.provider);
  const text = input.text ?? emptySchemaText();
  const diagnostics: Diagnostic[] = text.unreadable.map((file) => ({
    severity: 'warning' as const,
    code: 'prisma/text-unreadable',
    message: `${file}: Prisma accepts this file, but its text could not be read (prisma-ast): views, @ignore'd and Unsupported fields, @relation(map:) names and source lines from it are missing.`,
    file,
    hint: 'Report the construct to ormdoc; the rest of the schema is documented from Prisma itself.',
  }));
  const enumNames = new Set(input.datamodel.enums.map((e) => e.name));
  const enums = new Map<string, EnumInfo>(
    input.datamodel.enums.map((e) => [
      e.name,
      { prisma: e, schema: text.enums.get(e.name)?.schema ?? null, dbName: e.dbName ?? e.name },
    ]),
  );

  const models: PrismaModel[] = [...input.datamodel.models];
  const indexes: PrismaIndex[] = [...(input.datamodel.indexes ?? [])];
  const modelNames = new Set(models.map((m) => m.name));
  for (const block of text.blocks.values()) {
    if (!block.ignored || modelNames.has(block.name)) continue;
    const synth = synthModel(block, enumNames);
    models.push(synth.model);
    indexes.push(...synth.indexes);
  }
  const indexesByModel = new Map<string, PrismaIndex[]>();
  for (const ix of indexes) {
    const list = indexesByModel.get(ix.model);
    if (list) list.push(ix);
    else indexesByModel.set(ix.model, [ix]);
  }

  const ctx: ConvertContext = {
    dialect,
    relationMode: text.relationMode ?? 'foreignKeys',
    models: new Map(),
  };
  const columnsByModel = new Map<string, Column[]>();
  for (const model of models) {
    const block = text.blocks.get(model.name);
    const columns = modelColumns(dialect, model, block, enums, enumNames, diagnostics);
    columnsByModel.set(model.name, columns.list);
    ctx.models.set(model.name, {
      model,
      kind: block?.kind === 'view' ? 'view' : 'table',
      schema: model.schema ?? block?.schema ?? null,
      table: model.dbName ?? model.name,
      columns: columns.byField,
    });
  }

  const tables = new Map<ModelInfo, Table>();
  for (const info of ctx.models.values()) {
    const block = text.blocks.get(info.model.name);
    const { text: description, tags } = parseDescription(
      docText(info.model.documentation ?? block?.documentation),
    );
    tables.set(info, {
      kind: info.kind,
      schema: info.schema,
      name: info.table,
      ...(info.table !== info.model.name ? { codeName: info.model.name } : {}),
      ...(description ? { description } : {}),
      tags,
      columns: columnsByModel.get(info.model.name) ?? [],
      ...keysAndIndexes(ctx, info, indexesByModel.get(info.model.name) ?? []),
      uniques: [],
      foreignKeys: [],
      checks: [],
      ...(block?.ignored ? { ignoredByOrm: true } : {}),
      ...(block ? { source: { file: block.file, line: block.line } } : {}),
    });
  }
  for (const [info, table] of tables) {
    table.foreignKeys = foreignKeysOf(ctx, info, text);
    if (dialect === 'sqlite') sqliteIntegerKey(table);
  }
  const junctions = implicitJunctions(ctx, tables);

  const irEnums: Enum[] = [...enums.values()].map((e) => {
    const { text: description, tags } = parseDescription(docText(e.prisma.documentation));
    const where = text.enums.get(e.prisma.name);
    return {
      schema: e.schema,
      name: e.dbName,
      ...(e.dbName !== e.prisma.name ? { codeName: e.prisma.name } : {}),
      values: e.prisma.values.map((v) => {
        const doc = where?.valueDocs.get(v.name);
        return {
          name: v.dbName ?? v.name,
          ...(v.dbName && v.dbName !== v.name ? { codeName: v.name } : {}),
          ...(doc ? { description: doc } : {}),
        };
      }),
      native: dialect === 'postgresql' || dialect === 'cockroachdb',
      // Prisma's SQLite connector stores enums as plain text, with no CHECK (its SQL Server
      // connector refuses enums).
      ...(dialect === 'sqlite' ? { enforcedBy: 'orm' as const } : {}),
      ...(description ? { description } : {}),
      tags,
      ...(where ? { source: { file: where.file, line: where.line } } : {}),
    };
  });

  const ir = buildIr({
    irVersion: IR_VERSION,
    dialect,
    source: {
      orm: 'prisma',
      ...(input.ormVersion ? { ormVersion: input.ormVersion } : {}),
      files: [...(input.files ?? [])],
      relationMode: ctx.relationMode,
    },
    namespaces: [...(input.schemas ?? [])],
    tables: [...tables.values(), ...junctions.values()],
    enums: irEnums,
    relations: navigationRelations(ctx, tables, junctions),
    // Prisma accepts a datasource's `extensions` on PostgreSQL only
    ...(text.extensions?.length ? { extensions: text.extensions } : {}),
  });
  return { ir: canonicalizeIr(ir), diagnostics };
}

/** Columns in declaration order, including `@ignore`d and `Unsupported(...)` fields from the text. */
function modelColumns(
  dialect: Dialect,
  model: PrismaModel,
  block: TextBlock | undefined,
  enums: Map<string, EnumInfo>,
  enumNames: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): { list: Column[]; byField: Map<string, string> } {
  const list: Column[] = [];
  const byField = new Map<string, string>();
  const dmmfFields = new Map(model.fields.map((f) => [f.name, f]));
  const add = (field: PrismaField, extra: Parameters<typeof scalarColumn>[3] = {}) => {
    if (field.kind === 'object') return;
    const column = scalarColumn(dialect, field, enums, extra);
    byField.set(field.name, column.name);
    list.push(column);
  };
  const seen = new Set<string>();
  for (const tf of block?.fields ?? []) {
    seen.add(tf.name);
    const known = dmmfFields.get(tf.name);
    if (known) {
      add(known, {
        documentation: tf.documentation,
        ...(tf.defaultLiteral ? { defaultLiteral: tf.defaultLiteral } : {}),
      });
      continue;
    }
    // Unsupported(...) fields (Prisma refuses `@ignore` on them: Prisma Client never reads them)
    if (tf.unsupported !== undefined) {
      const synth = synthField({ ...tf.ast, fieldType: 'String' }, enumNames);
      const column = unsupportedColumn(dialect, {
        name: tf.name,
        dbName: synth?.dbName ?? undefined,
        sqlType: tf.unsupported,
        optional: tf.ast.optional === true,
        isList: tf.ast.array === true,
        documentation: tf.documentation,
        default: synth?.default,
      });
      byField.set(tf.name, column.name);
      list.push(column);
      diagnostics.push({
        severity: 'info',
        code: 'prisma/unsupported-column',
        message: `${model.name}.${tf.name} is Unsupported("${tf.unsupported}"): Prisma Client cannot read or write it.`,
        file: block?.file,
        line: tf.line,
      });
      continue;
    }
    const synth = synthField(tf.ast, enumNames);
    if (synth) add(synth, { documentation: tf.documentation, ignored: tf.ignored || block?.ignored });
  }
  for (const f of model.fields) if (!seen.has(f.name)) add(f);
  return { list, byField };
}

/** Prisma's SQLite connector makes every single-column `Int @id` `INTEGER PRIMARY KEY AUTOINCREMENT`. */
function sqliteIntegerKey(table: Table): void {
  const pk = table.primaryKey?.columns;
  if (pk?.length !== 1) return;
  const column = table.columns.find((c) => c.name === pk[0]);
  if (column && column.type.sql === 'integer' && !column.type.isArray && column.default === undefined)
    column.default = { kind: 'sequence', style: 'auto-increment' };
}
