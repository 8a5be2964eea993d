"""Mapped classes (class name, file, line, docstring) and relationship() definitions."""

import dataclasses
import inspect
import os
import sys

from .sources import ClassLines


def _all_mappers():
    import sqlalchemy.orm  # noqa: F401  (registers the mapper module)

    mapper_module = sys.modules.get("sqlalchemy.orm.mapper")
    registries = []
    getter = getattr(mapper_module, "_all_registries", None)
    if getter is not None:
        registries = list(getter())
    mappers = []
    for reg in registries:
        mappers.extend(getattr(reg, "mappers", ()))
    return sorted(mappers, key=lambda m: (m.class_.__module__, m.class_.__qualname__))


def _relpath(path, cwd):
    rel = os.path.relpath(path, cwd)
    return rel.replace(os.sep, "/")


def _class_source(cls, cwd, class_lines):
    try:
        file = inspect.getsourcefile(cls)
    except TypeError:
        file = None
    line = class_lines.line(cls, file) if file else None
    return (_relpath(os.path.abspath(file), cwd) if file else None), line


def _docstring(cls):
    doc = cls.__dict__.get("__doc__")
    if not isinstance(doc, str) or not doc.strip():
        return None
    # A dataclass without a docstring (SQLAlchemy 2 MappedAsDataclass) gets its signature as __doc__,
    # `Note(body: str, account_id: Optional[int] = None)`: not a description.
    if dataclasses.is_dataclass(cls) and doc.startswith(cls.__name__ + "(") and "\n" not in doc.strip():
        return None
    return inspect.cleandoc(doc)


def _column_attributes(mapper, table):
    """column name -> mapped attribute key (SQLModel `metadata_` for a column named metadata)."""
    out = {}
    for col in table.columns:
        try:
            prop = mapper.get_property_by_column(col)
        except Exception:  # column not mapped (excluded / deferred by another mapper)
            continue
        out[col.name] = prop.key
    return out


def _table_of(mapper):
    table = getattr(mapper, "local_table", None)
    return table if table is not None and hasattr(table, "columns") and hasattr(table, "schema") else None


def mapped_tables(metadata, cwd, warnings):
    """(schema, name) -> {className, module, file, line, doc} for tables mapped by a class."""
    out = {}
    try:
        mappers = _all_mappers()
    except Exception as exc:  # private API moved: classes stay unknown, tables are still exported
        warnings.append("could not list mapped classes: %s" % exc)
        return out, []
    mine = []
    class_lines = ClassLines()
    for m in mappers:
        table = _table_of(m)
        if table is None or metadata.tables.get(table.fullname) is not table:
            continue
        mine.append(m)
        key = (table.schema, table.name)
        if key in out and m.inherits is not None:
            continue  # single-table inheritance: the base class names the table
        file, line = _class_source(m.class_, cwd, class_lines)
        out[key] = {
            "attributes": _column_attributes(m, table),
            "className": m.class_.__name__,
            "module": m.class_.__module__,
            "file": file,
            "line": line,
            "doc": _docstring(m.class_),
        }
    return out, mine


def _table_ref(table):
    if table is None or not hasattr(table, "schema"):
        return None
    return {"schema": table.schema, "name": table.name}


def export_relationships(mappers, warnings):
    from sqlalchemy.orm import configure_mappers

    try:
        configure_mappers()
    except Exception as exc:
        warnings.append(
            "relationships were not exported: SQLAlchemy could not configure the mappers (%s: %s)"
            % (type(exc).__name__, exc)
        )
        return []
    out = []
    for m in mappers:
        table = _table_of(m)
        for rel in sorted(m.relationships, key=lambda r: r.key):
            if rel.parent is not m:
                continue  # inherited from a base mapper: reported there
            target = rel.mapper
            secondary = rel.secondary if rel.secondary is not None else None
            backref = rel.backref
            if isinstance(backref, tuple):
                backref = backref[0]
            out.append(
                {
                    "className": m.class_.__name__,
                    "table": _table_ref(table),
                    "key": rel.key,
                    "targetClass": target.class_.__name__,
                    "targetTable": _table_ref(_table_of(target)),
                    "direction": rel.direction.name,
                    "uselist": bool(rel.uselist),
                    "secondary": _table_ref(secondary),
                    "backPopulates": rel.back_populates,
                    "backref": backref,
                    "cascade": sorted(str(c) for c in rel.cascade),
                    "passiveDeletes": rel.passive_deletes if isinstance(rel.passive_deletes, bool) else "all",
                    "lazy": str(rel.lazy),
                    "viewonly": bool(rel.viewonly),
                    "localRemotePairs": [[l.name, r.name] for l, r in rel.local_remote_pairs],
                    "foreignKeyColumns": sorted(
                        "%s.%s" % (c.table.name, c.name) for c in rel._calculated_foreign_keys
                    ),
                    "doc": rel.doc,
                }
            )
    return out
