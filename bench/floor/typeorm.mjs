// Floor for TypeORM: node start + loading the entities the way `ts-node --transpile-only` does
// (a CommonJS require hook around TypeScript's transpileModule, decorator metadata emitted, which
// TypeORM needs) + building the entity metadata (DataSource.buildMetadatas with a stub driver, no
// database); nothing else.
// usage: node bench/floor/typeorm.mjs <project dir>
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { packageDir } from '../lib/resolve.mjs';

const dir = path.resolve(process.argv[2] ?? '.');
const require = createRequire(import.meta.url);
const ts = require(packageDir('typescript'));
const tsconfig = JSON.parse(readFileSync(path.join(dir, 'tsconfig.json'), 'utf8'));
const { options: compilerOptions } = ts.convertCompilerOptionsFromJson(tsconfig.compilerOptions, dir);
compilerOptions.module = ts.ModuleKind.CommonJS;

Module._extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(out.outputText, filename);
};

// The database driver is not installed (no database is used): an inert stand-in for `pg`.
const stub = { Pool: class {}, Client: class {}, defaults: {} };
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'pg' ? stub : load.call(this, request, ...rest);
};
const projectRequire = createRequire(path.join(dir, 'noop.js'));
projectRequire('reflect-metadata');
const { DataSource } = projectRequire('typeorm');
const { AppDataSource } = projectRequire(path.join(dir, 'src/data-source.ts'));
const ds = new DataSource({ ...AppDataSource.options, driver: stub });
await ds.buildMetadatas();
const fks = ds.entityMetadatas.reduce((n, m) => n + m.foreignKeys.length, 0);
process.stdout.write(`tables=${ds.entityMetadatas.length} foreignKeys=${fks}\n`);
