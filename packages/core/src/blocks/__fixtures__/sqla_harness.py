"""Test harness for ormdoc's Python outputs, runnable with SQLAlchemy 1.4 or 2.x.

usage: python3 sqla_harness.py alembic|models < file.py
Prints the PostgreSQL DDL the file would create, one statement per `;\n`:
- alembic: runs upgrade() against a stand-in `alembic.op` that builds real sqlalchemy Tables and
  compiles them (enum types created through the real ENUM.create on a mock engine);
- models:  executes the declarative models, configures the mappers (relationship() pairs are
  checked) and compiles metadata.create_all. On SQLAlchemy 1.4 the 2.0 names (DeclarativeBase,
  Mapped, mapped_column) are provided by a small shim; annotations are never evaluated.
"""
import sys
import types

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable

out = []
dialect = postgresql.dialect()


def executor(sql, *multiparams, **params):
    out.append(str(sql.compile(dialect=dialect)))


mock = sa.create_mock_engine('postgresql://', executor)


def run_alembic(source):
    md = sa.MetaData()
    create = postgresql.ENUM.create
    postgresql.ENUM.create = lambda self, bind=None, checkfirst=False: create(self, bind=bind, checkfirst=False)
    op = types.SimpleNamespace()
    op.get_bind = lambda: mock
    op.execute = lambda sql: out.append(str(sql))

    def create_table(name, *cols, **kw):
        t = sa.Table(name, md, *cols, **kw)
        out.append(str(CreateTable(t).compile(dialect=dialect)))
        return t

    def create_index(name, table, cols, unique=False, schema=None, **kw):
        t = md.tables[f'{schema}.{table}' if schema else table]
        exprs = [t.c[c] if isinstance(c, str) else c for c in cols]
        out.append(str(CreateIndex(sa.Index(name, *exprs, unique=unique, _table=t, **kw)).compile(dialect=dialect)))

    def create_foreign_key(name, source, referent, local, remote, source_schema=None, referent_schema=None, **kw):
        q = lambda s, n: f'"{s}"."{n}"' if s else f'"{n}"'
        extra = ''
        if kw.get('ondelete'):
            extra += ' ON DELETE ' + kw['ondelete']
        if kw.get('onupdate'):
            extra += ' ON UPDATE ' + kw['onupdate']
        if kw.get('deferrable'):
            extra += ' DEFERRABLE INITIALLY ' + kw.get('initially', 'IMMEDIATE')
        cols = lambda cs: ', '.join(f'"{c}"' for c in cs)
        out.append(f'ALTER TABLE {q(source_schema, source)} ADD CONSTRAINT "{name}" FOREIGN KEY ({cols(local)}) REFERENCES {q(referent_schema, referent)} ({cols(remote)}){extra}')

    op.create_table = create_table
    op.create_index = create_index
    op.create_foreign_key = create_foreign_key
    alembic = types.ModuleType('alembic')
    alembic.op = op
    sys.modules['alembic'] = alembic
    ns = {}
    exec(compile(source, 'migration.py', 'exec'), ns)
    ns['upgrade']()


def run_models(source):
    import sqlalchemy.orm as orm
    if not hasattr(orm, 'DeclarativeBase'):
        # SQLAlchemy 1.4: the 2.0 spelling on top of declarative_base()/Column.
        base = orm.declarative_base()
        source = source.replace('class Base(DeclarativeBase):\n    pass', 'Base = _declarative_base()')
        orm.DeclarativeBase = object
        orm.Mapped = object
        orm.mapped_column = sa.Column
        ns = {'_declarative_base': lambda: base}
    else:
        ns = {}
    exec(compile(source, 'models.py', 'exec'), ns)
    orm.configure_mappers()
    schemas = sorted({t.schema for t in ns['Base'].metadata.tables.values() if t.schema})
    for s in schemas:
        out.append(f'CREATE SCHEMA IF NOT EXISTS "{s}"')
    ns['Base'].metadata.create_all(mock, checkfirst=False)


if __name__ == '__main__':
    text = sys.stdin.read()
    {'alembic': run_alembic, 'models': run_models}[sys.argv[1]](text)
    print(';\n'.join(s.strip() for s in out) + ';')
