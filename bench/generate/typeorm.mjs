// Synthetic schema -> a TypeORM 1.x project: one entity class per file (src/entities/<Class>.ts) with
// columns (some types left to decorator metadata, as real code does), ManyToOne + inverse OneToMany
// relations, indexes, unique keys, comments; src/entities/enums.ts; src/data-source.ts; tsconfig.json.
// Relations name their target entity and inverse property by string (`@ManyToOne('Target', 'inverse')`)
// and entity files import each other with `import type` only, as large real projects do: TypeORM
// resolves the names when it builds metadata, and no entity file requires another at runtime. (Class
// references, `() => Target`, need runtime imports: a require chain as deep as the FK graph, which
// overflows the stack at 10,000 tables.) Decorator metadata records `Object` for those properties.
import { foreignKeys, toCamel, toPascal } from './model.mjs';
import { writeProject } from './write.mjs';

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const ACTION = { cascade: 'CASCADE', restrict: 'RESTRICT', 'set null': 'SET NULL' };
const memberName = (value) => toPascal(value);
const relationProp = (col) => col.prop.replace(/Id$/, '');
const inverseProp = (table, col) => `${toCamel(table.name)}By${toPascal(col.name)}`;

const TS_TYPE = {
  serial: 'number',
  int: 'number',
  bigint: 'string',
  uuid: 'string',
  varchar: 'string',
  text: 'string',
  bool: 'boolean',
  ts3: 'Date',
  numeric: 'string',
  jsonb: 'Record<string, unknown>',
};

function columnOptions(col, model) {
  const o = [];
  if (col.prop !== col.name) o.push(`name: ${q(col.name)}`);
  switch (col.kind) {
    case 'int':
      // Left to decorator metadata (number -> integer) unless it is a key column.
      if (col.fk || col.primaryKey || col.nullable) o.push("type: 'integer'");
      break;
    case 'bigint':
      o.push("type: 'bigint'");
      break;
    case 'uuid':
      o.push("type: 'uuid'");
      break;
    case 'varchar':
      // string -> varchar(length) from decorator metadata; `string | null` has none (Object).
      if (col.nullable) o.push("type: 'varchar'");
      o.push(`length: ${col.length}`);
      break;
    case 'text':
      o.push("type: 'text'");
      break;
    case 'bool':
      break; // boolean from decorator metadata
    case 'ts3':
      o.push("type: 'timestamptz'", 'precision: 3');
      break;
    case 'numeric':
      o.push("type: 'numeric'", 'precision: 12', 'scale: 2');
      break;
    case 'jsonb':
      o.push("type: 'jsonb'");
      break;
    case 'enum': {
      const e = model.enumsByName.get(col.enum);
      o.push("type: 'enum'", `enum: ${e.typeName}`, `enumName: ${q(e.name)}`);
      break;
    }
    default:
      throw new Error(`unknown column kind ${col.kind}`);
  }
  if (col.nullable) o.push('nullable: true');
  if (col.unique) o.push('unique: true');
  const d = col.default;
  if (d !== null) {
    if (typeof d === 'object')
      o.push(`default: ${model.enumsByName.get(col.enum).typeName}.${memberName(d.enumValue)}`);
    else if (d === 'true' || d === 'false') o.push(`default: ${d}`);
    else if (d === 'zero') o.push('default: 0');
    else if (d === '{}') o.push(`default: () => "'{}'"`);
    else if (d === 'now') o.push("default: () => 'now()'");
  }
  if (col.comment) o.push(`comment: ${q(col.comment)}`);
  return o;
}

function tsType(col, model) {
  const base = col.kind === 'enum' ? model.enumsByName.get(col.enum).typeName : TS_TYPE[col.kind];
  return col.nullable ? `${base} | null` : base;
}

function entitySource(table, model, byName, inverse) {
  const decorators = new Set(['Column', 'Entity']);
  const imports = new Map(); // class -> file, imported for its type only
  const enumImports = new Set();
  const body = [];
  const single = table.primaryKey.length === 1;
  for (const col of table.columns) {
    if (col.kind === 'enum') enumImports.add(model.enumsByName.get(col.enum).typeName);
    let deco;
    if (col.primaryKey && single) {
      decorators.add('PrimaryGeneratedColumn');
      deco = col.kind === 'uuid' ? "@PrimaryGeneratedColumn('uuid')" : '@PrimaryGeneratedColumn()';
    } else if (col.primaryKey || table.primaryKey.includes(col.name)) {
      decorators.add('PrimaryColumn');
      deco = `@PrimaryColumn({ ${columnOptions(col, model).join(', ')} })`;
    } else if (col.name === 'created_at' || col.name === 'updated_at') {
      const kind = col.name === 'created_at' ? 'CreateDateColumn' : 'UpdateDateColumn';
      decorators.add(kind);
      deco = `@${kind}({ name: ${q(col.name)}, type: 'timestamptz', precision: 3 })`;
    } else {
      const opts = columnOptions(col, model);
      deco = opts.length > 0 ? `@Column({ ${opts.join(', ')} })` : '@Column()';
    }
    body.push(`  ${deco}`, `  ${col.prop}: ${tsType(col, model)};`, '');
  }
  for (const { column, fk } of foreignKeys(table)) {
    const target = byName.get(fk.table);
    if (target !== table) imports.set(target.className, target.className);
    decorators.add('ManyToOne').add('JoinColumn');
    body.push(
      `  @ManyToOne(${q(target.className)}, ${q(inverseProp(table, column))}, { onDelete: ${q(ACTION[fk.onDelete])}${column.nullable ? '' : ', nullable: false'} })`,
      `  @JoinColumn({ name: ${q(column.name)} })`,
      `  ${relationProp(column)}: ${target.className}${column.nullable ? ' | null' : ''};`,
      '',
    );
  }
  for (const ref of inverse.get(table.name)) {
    if (ref.table !== table) imports.set(ref.table.className, ref.table.className);
    decorators.add('OneToMany');
    body.push(
      `  @OneToMany(${q(ref.table.className)}, ${q(relationProp(ref.column))})`,
      `  ${inverseProp(ref.table, ref.column)}: ${ref.table.className}[];`,
      '',
    );
  }
  const prop = (name) => q(table.columns.find((c) => c.name === name).prop);
  const classDecos = [`@Entity({ name: ${q(table.name)}, comment: ${q(table.comment)} })`];
  for (const u of table.uniques) {
    decorators.add('Unique');
    classDecos.push(`@Unique([${u.map(prop).join(', ')}])`);
  }
  for (const ix of table.indexes) {
    decorators.add('Index');
    classDecos.push(`@Index([${ix.columns.map(prop).join(', ')}])`);
  }
  const head = [`import { ${[...decorators].sort().join(', ')} } from 'typeorm';`];
  if (enumImports.size > 0) head.push(`import { ${[...enumImports].sort().join(', ')} } from './enums';`);
  for (const cls of [...imports.keys()].sort()) head.push(`import type { ${cls} } from './${cls}';`);
  while (body.at(-1) === '') body.pop();
  return `${head.join('\n')}\n\n${classDecos.join('\n')}\nexport class ${table.className} {\n${body.join('\n')}\n}\n`;
}

export function typeormFiles(model) {
  model.enumsByName ??= new Map(model.enums.map((e) => [e.name, e]));
  const byName = new Map(model.tables.map((t) => [t.name, t]));
  const inverse = new Map(model.tables.map((t) => [t.name, []]));
  for (const table of model.tables)
    for (const { column, fk } of foreignKeys(table)) inverse.get(fk.table).push({ table, column });
  const files = {};
  const enumLines = [];
  for (const e of model.enums) {
    enumLines.push(`/** ${e.comment} */`, `export enum ${e.typeName} {`);
    for (const v of e.values) enumLines.push(`  ${memberName(v)} = ${q(v)},`);
    enumLines.push('}', '');
  }
  files['src/entities/enums.ts'] = enumLines.join('\n');
  for (const table of model.tables)
    files[`src/entities/${table.className}.ts`] = entitySource(table, model, byName, inverse);
  files['src/data-source.ts'] = [
    "import 'reflect-metadata';",
    "import { DataSource } from 'typeorm';",
    ...model.tables.map((t) => `import { ${t.className} } from './entities/${t.className}';`),
    '',
    'export const AppDataSource = new DataSource({',
    "  type: 'postgres',",
    '  url: process.env.DATABASE_URL,',
    '  entities: [',
    ...model.tables.map((t) => `    ${t.className},`),
    '  ],',
    '});',
  ].join('\n');
  files['package.json'] = JSON.stringify({ name: `bench-typeorm-${model.n}`, private: true }, null, 2);
  files['tsconfig.json'] = JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'CommonJS',
        moduleResolution: 'Node10',
        strict: true,
        strictPropertyInitialization: false,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
      },
      include: ['src'],
    },
    null,
    2,
  );
  return files;
}

export function generateTypeorm(model, dir) {
  return writeProject(dir, typeormFiles(model));
}
