// Floor for SQLModel: node start + the ORM's own load of the models, nothing else: one Python
// process importing the models package (SQLModel classes -> SQLAlchemy MetaData, the analogue of
// importing the Drizzle modules), `sqlalchemy.orm.configure_mappers()` (SQLAlchemy builds the
// mapper metadata of every class: relationships, join conditions, the analogue of TypeORM's
// `buildMetadatas()` in its floor) and sorting `SQLModel.metadata.sorted_tables` (resolves every
// foreign key). Like `ormdoc generate` it runs Debian's /usr/bin/python3 as a child of node, and
// GNU time measures the tree (max RSS of the largest process). No bytecode is written, as ormdoc's
// exporter runs with PYTHONDONTWRITEBYTECODE=1; the generated project has no __pycache__, so both
// compile the models from source. Both raise Python's collector thresholds the same way and freeze
// what the import built (`gc.freeze()`) before `configure_mappers()`.
// usage: node bench/floor/sqlmodel-python.mjs <project dir> [--module app.models] [--python PATH]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_PYTHON } from '../lib/resolve.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const dir = path.resolve(argv[0] ?? '.');
const module = opt('--module', 'app.models');
const python = opt('--python', DEFAULT_PYTHON);

// The same collector settings as ormdoc's exporter (ormdoc_export.py): thresholds, and the import's
// objects frozen out of the collector's sight; so the floor is the fastest load of the models and
// the exporter gains nothing the floor does not have.
const code = [
  'import gc, importlib, sys',
  'gc.set_threshold(10000, 10, 100)',
  'sys.path.insert(0, sys.argv[1])',
  'importlib.import_module(sys.argv[2])',
  'gc.freeze()',
  'from sqlalchemy.orm import configure_mappers',
  'configure_mappers()',
  'from sqlmodel import SQLModel',
  'print("tables=%d" % len(SQLModel.metadata.sorted_tables))',
].join('\n');
const r = spawnSync(python, ['-c', code, dir, module], {
  cwd: dir,
  env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 1024 * 1024,
});
if (r.error) throw r.error;
process.stdout.write(r.stdout);
process.exit(r.status ?? 1);
