"""SQLAlchemy's own DDL: exactly what `metadata.create_all()` would send, without a database."""


def create_all_ddl(metadata, dialect_name):
    from sqlalchemy import create_mock_engine

    statements = []
    schemas = sorted({t.schema for t in metadata.tables.values() if t.schema})

    def executor(sql, *multiparams, **params):
        statements.append(str(sql.compile(dialect=engine.dialect)).strip())

    engine = create_mock_engine("%s://" % dialect_name, executor)
    metadata.create_all(engine, checkfirst=False)
    # create_all never creates schemas; a database needs them first
    head = ["CREATE SCHEMA IF NOT EXISTS %s" % engine.dialect.identifier_preparer.quote(s) for s in schemas]
    return "".join(s + ";\n\n" for s in head + statements)
