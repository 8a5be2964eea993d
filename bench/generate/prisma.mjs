// Synthetic schema -> a Prisma 7 project: schema.prisma (PostgreSQL), one model per table with
// relation fields, back-relations, enums, indexes, unique keys and `///` comments.
import { foreignKeys, toCamel, toPascal } from './model.mjs';
import { writeProject } from './write.mjs';

const ACTION = { cascade: 'Cascade', restrict: 'Restrict', 'set null': 'SetNull' };

function scalarType(col, model) {
  switch (col.kind) {
    case 'serial':
    case 'int':
      return ['Int', ''];
    case 'bigint':
      return ['BigInt', ''];
    case 'uuid':
      return ['String', '@db.Uuid'];
    case 'varchar':
      return ['String', `@db.VarChar(${col.length})`];
    case 'text':
      return ['String', ''];
    case 'bool':
      return ['Boolean', ''];
    case 'ts3':
      return ['DateTime', '@db.Timestamptz(3)'];
    case 'numeric':
      return ['Decimal', '@db.Decimal(12, 2)'];
    case 'jsonb':
      return ['Json', ''];
    case 'enum':
      return [model.enumsByName.get(col.enum).typeName, ''];
    default:
      throw new Error(`unknown column kind ${col.kind}`);
  }
}

function defaultAttr(col) {
  if (col.kind === 'serial') return '@default(autoincrement())';
  const d = col.default;
  if (d === null) return '';
  if (typeof d === 'object') return `@default(${d.enumValue})`;
  switch (d) {
    case 'now':
      return col.name === 'updated_at' ? '@default(now()) @updatedAt' : '@default(now())';
    case 'uuid':
      return '@default(dbgenerated("gen_random_uuid()"))';
    case 'true':
    case 'false':
      return `@default(${d})`;
    case 'zero':
      return '@default(0)';
    case '{}':
      return '@default("{}")';
    default:
      throw new Error(`unknown default ${d}`);
  }
}

const relationName = (table, col) => `${table.className}_${col.prop}`;
const relationField = (col) => col.prop.replace(/Id$/, '');
const backField = (table, col) => `${toCamel(table.name)}By${toPascal(col.name)}`;

/** schema.prisma text for a logical model. */
export function prismaSchema(model) {
  model.enumsByName ??= new Map(model.enums.map((e) => [e.name, e]));
  const byName = new Map(model.tables.map((t) => [t.name, t]));
  const back = new Map(model.tables.map((t) => [t.name, []]));
  for (const table of model.tables)
    for (const { column, fk } of foreignKeys(table)) back.get(fk.table).push({ table, column });

  const out = ['// Synthetic benchmark schema (bench/generate/prisma.mjs); do not edit.', ''];
  out.push('datasource db {', '  provider = "postgresql"', '}', '');
  for (const e of model.enums) {
    out.push(`/// ${e.comment}`, `enum ${e.typeName} {`);
    for (const v of e.values) out.push(`  ${v}`);
    out.push('', `  @@map("${e.name}")`, '}', '');
  }
  for (const table of model.tables) {
    out.push(`/// ${table.comment}`, `model ${table.className} {`);
    const single = table.primaryKey.length === 1;
    for (const col of table.columns) {
      if (col.comment) out.push(`  /// ${col.comment}`);
      const [type, db] = scalarType(col, model);
      const attrs = [
        single && col.primaryKey ? '@id' : '',
        defaultAttr(col),
        col.unique ? '@unique' : '',
        col.prop !== col.name ? `@map("${col.name}")` : '',
        db,
      ].filter(Boolean);
      out.push(`  ${col.prop} ${type}${col.nullable ? '?' : ''} ${attrs.join(' ')}`.trimEnd());
    }
    for (const { column, fk } of foreignKeys(table)) {
      const target = byName.get(fk.table);
      out.push(
        `  ${relationField(column)} ${target.className}${column.nullable ? '?' : ''} @relation("${relationName(table, column)}", fields: [${column.prop}], references: [id], onDelete: ${ACTION[fk.onDelete]}, onUpdate: NoAction)`,
      );
    }
    for (const ref of back.get(table.name))
      out.push(
        `  ${backField(ref.table, ref.column)} ${ref.table.className}[] @relation("${relationName(ref.table, ref.column)}")`,
      );
    out.push('');
    const prop = (name) => table.columns.find((c) => c.name === name).prop;
    if (!single) out.push(`  @@id([${table.primaryKey.map(prop).join(', ')}])`);
    for (const u of table.uniques) out.push(`  @@unique([${u.map(prop).join(', ')}])`);
    for (const ix of table.indexes) out.push(`  @@index([${ix.columns.map(prop).join(', ')}])`);
    out.push(`  @@map("${table.name}")`, '}', '');
  }
  return out.join('\n');
}

export function generatePrisma(model, dir) {
  return writeProject(dir, { 'schema.prisma': prismaSchema(model) });
}
