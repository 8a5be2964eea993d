"""What a MetaData declares beyond tables: sequences, and the DDL attached to create events."""

from .values import callable_name

_EVENTS = ("before_create", "after_create")


def _text(value):
    return None if value is None else str(value)


def export_sequences(metadata, compilers):
    """Sequences create_all creates: standalone (Sequence(metadata=...)) and on columns.

    `optional=True` sequences are left out where the dialect has other means (PostgreSQL's SERIAL),
    as create_all leaves them out. Options are as written (None: the database's default)."""
    out = []
    for seq in sorted(metadata._sequences.values(), key=lambda s: (s.schema or "", s.name)):
        if getattr(seq, "optional", False) and getattr(compilers.dialect, "sequences_optional", False):
            continue
        column = getattr(seq, "column", None)
        table = getattr(column, "table", None) if column is not None else None
        data_type = getattr(seq, "data_type", None)
        out.append(
            {
                "schema": seq.schema,
                "name": seq.name,
                "dataType": compilers.dialect.type_compiler.process(data_type) if data_type is not None else None,
                "start": _text(seq.start),
                "increment": _text(seq.increment),
                "minValue": _text(seq.minvalue),
                "maxValue": _text(seq.maxvalue),
                "cache": _text(seq.cache),
                "cycle": bool(seq.cycle),
                "column": (
                    {"schema": table.schema, "table": table.name, "column": column.name}
                    if table is not None and getattr(table, "name", None)
                    else None
                ),
            }
        )
    return out


def _is_ddl_element(listener):
    from sqlalchemy.sql import ddl

    base = getattr(ddl, "ExecutableDDLElement", None) or ddl.DDLElement
    return isinstance(listener, base)


def _is_type_machinery(listener):
    """SQLAlchemy's own listeners: a type (Enum, a SchemaType) creating itself with its table."""
    from sqlalchemy.types import SchemaType, TypeEngine

    fn = listener
    while getattr(fn, "func", None) is not None:  # functools.partial (SQLAlchemy 2.1)
        fn = fn.func
    owner = getattr(fn, "target", None) or getattr(fn, "__self__", None)  # portable_instancemethod, bound method
    return isinstance(owner, (SchemaType, TypeEngine)) or callable_name(fn).startswith("sqlalchemy.")


def _runs_here(listener, target, bind):
    """`execute_if(dialect=..., callable_=...)` as create_all would evaluate it for this dialect."""
    try:
        return bool(listener._should_execute(target, bind, checkfirst=False))
    except Exception:
        return True


def export_ddl_events(metadata, compilers):
    """DDL elements listening to before_create / after_create of the MetaData or its tables.

    A DDL element (DDL("CREATE TRIGGER ..."), a custom DDLElement compiled with @compiles) is
    compiled for the dialect against its target, as create_all would execute it; one whose
    execute_if excludes the dialect is left out. A plain function listener cannot be read: it is
    listed with its name and no SQL. SQLAlchemy's own listeners (enum types) are not listed."""
    from sqlalchemy import create_mock_engine

    bind = create_mock_engine("%s://" % compilers.dialect_name, lambda *a, **k: None)
    targets = [(None, metadata)] + [
        ({"schema": t.schema, "name": t.name}, t)
        for t in sorted(metadata.tables.values(), key=lambda t: (t.schema or "", t.name))
    ]
    out = []
    for ref, target in targets:
        for event in _EVENTS:
            for listener in getattr(target.dispatch, event):
                entry = {"table": ref, "event": event}
                if _is_ddl_element(listener):
                    if not _runs_here(listener, target, bind):
                        continue
                    try:
                        entry["sql"] = str(listener.against(target).compile(dialect=compilers.dialect)).strip()
                    except Exception as e:  # a DDL the dialect cannot compile offline
                        entry["sql"] = None
                        entry["listener"] = "%s (%s)" % (type(listener).__name__, e)
                else:
                    if _is_type_machinery(listener):
                        continue
                    entry["sql"] = None
                    entry["listener"] = callable_name(getattr(listener, "func", listener))
                out.append(entry)
    return out
