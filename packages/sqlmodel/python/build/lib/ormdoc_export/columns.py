"""Columns: compiled types, server and Python-side defaults, identity/computed, flags."""

from .values import callable_name, json_value


def _python_type(type_):
    try:
        t = type_.python_type
    except (NotImplementedError, AttributeError, TypeError):
        return None
    module = getattr(t, "__module__", "builtins")
    return t.__name__ if module == "builtins" else "%s.%s" % (module, t.__name__)


def _type_repr(type_):
    try:
        return repr(type_)
    except Exception:  # some third-party types fail in repr
        return type(type_).__name__


def python_default(default, compilers):
    """ColumnDefault / Sequence / callable -> {kind, ...} (None when absent)."""
    if default is None:
        return None
    if getattr(default, "is_sequence", False):
        return {"kind": "sequence", "name": default.name, "schema": getattr(default, "schema", None)}
    if getattr(default, "is_callable", False):
        return {"kind": "callable", "name": callable_name(default.arg)}
    if getattr(default, "is_clause_element", False):
        return {"kind": "sql", "sql": compilers.sql(default.arg)}
    if getattr(default, "is_scalar", False):
        return {"kind": "scalar", "value": json_value(default.arg)}
    return {"kind": "other", "repr": repr(default)}


def server_default(col, compilers):
    """The DEFAULT clause SQLAlchemy renders in CREATE TABLE, or a FetchedValue marker."""
    sd = col.server_default
    if sd is None:
        return None
    text = None
    if hasattr(sd, "arg"):
        text = compilers.ddl.get_column_default_string(col)
    if text is None:
        return {"kind": "fetched", "sql": None}
    return {"kind": "text" if isinstance(sd.arg, str) else "sql", "sql": str(text)}


def server_onupdate(col, compilers):
    sou = col.server_onupdate
    if sou is None:
        return None
    if hasattr(sou, "arg"):
        return {"kind": "sql", "sql": compilers.sql(sou.arg)}
    return {"kind": "fetched", "sql": None}


def _identity(col, compilers):
    ident = getattr(col, "identity", None)
    if ident is None:
        return None
    out = {"always": bool(ident.always)}
    for key in ("start", "increment", "minvalue", "maxvalue", "cycle", "cache", "on_null"):
        value = getattr(ident, key, None)
        if value is not None:
            out[key] = json_value(value)
    return out


def _computed(col, compilers):
    comp = getattr(col, "computed", None)
    if comp is None:
        return None
    return {"sql": compilers.sql(comp.sqltext), "persisted": comp.persisted}


def _autoincrement_column(table):
    for attr in ("autoincrement_column", "_autoincrement_column"):
        try:
            value = getattr(table, attr)
        except Exception:
            continue
        return value
    return None


def export_column(col, table, compilers, enum_names, attribute=None):
    from sqlalchemy import types as sqltypes

    spec = compilers.ddl.get_column_specification(col)
    out = {"name": col.name}
    key = attribute or col.key
    if key != col.name:
        out["key"] = key
    out["type"] = str(compilers.type_sql(col.type))
    out["typeRepr"] = _type_repr(col.type)
    py = _python_type(col.type)
    if py:
        out["pythonType"] = py
    item = getattr(col.type, "item_type", None)
    enum_type = col.type if isinstance(col.type, sqltypes.Enum) else item
    if isinstance(enum_type, sqltypes.Enum):
        out["enum"] = enum_names.get(id(enum_type))
    if item is not None:
        out["isArray"] = True
    out["nullable"] = bool(col.nullable)
    out["primaryKey"] = bool(col.primary_key)
    out["ddl"] = str(spec)
    out["serverDefault"] = server_default(col, compilers)
    out["default"] = python_default(col.default, compilers)
    out["onupdate"] = python_default(col.onupdate, compilers)
    out["serverOnupdate"] = server_onupdate(col, compilers)
    out["autoincrement"] = col.autoincrement if isinstance(col.autoincrement, bool) else str(col.autoincrement)
    out["isAutoincrementColumn"] = _autoincrement_column(table) is col
    out["identity"] = _identity(col, compilers)
    out["computed"] = _computed(col, compilers)
    out["comment"] = col.comment
    out["doc"] = col.doc
    out["unique"] = bool(col.unique)
    out["index"] = bool(col.index)
    info = json_value(dict(col.info)) if col.info else None
    if info:
        out["info"] = info
    return out
