"""Tables and their constraints, indexes and enums."""

import re

from .columns import export_column
from .values import json_value


def _named(constraint, compilers):
    return {"name": compilers.constraint_name(constraint), "nameSource": compilers.name_source(constraint)}


def _deferrable(constraint):
    if constraint.deferrable is None and constraint.initially is None:
        return None
    return {"deferrable": constraint.deferrable, "initially": constraint.initially}


def _check_emitted(constraint, compilers):
    """Checks created by Enum/Boolean types are only emitted on some dialects: ask SQLAlchemy."""
    rule = getattr(constraint, "_create_rule", None)
    if rule is None:
        return True
    try:
        return bool(rule(compilers.ddl))
    except Exception:
        return True


def export_check(constraint, compilers):
    out = _named(constraint, compilers)
    out["sql"] = compilers.sql(constraint.sqltext)
    out["typeBound"] = bool(getattr(constraint, "_type_bound", False))
    out["deferrable"] = _deferrable(constraint)
    return out


def export_foreign_key(fkc, compilers):
    out = _named(fkc, compilers)
    out["columns"] = [e.parent.name for e in fkc.elements]
    try:
        target = fkc.referred_table
        out["referredSchema"] = target.schema
        out["referredTable"] = target.name
        out["referredColumns"] = [e.column.name for e in fkc.elements]
    except Exception:  # the referenced table is not in this MetaData: keep the spelled target
        parts = [e.target_fullname.split(".") for e in fkc.elements]
        first = parts[0]
        out["referredSchema"] = ".".join(first[:-2]) or None
        out["referredTable"] = first[-2]
        out["referredColumns"] = [p[-1] for p in parts]
        out["unresolved"] = True
    out["ondelete"] = fkc.ondelete.upper() if fkc.ondelete else None
    out["onupdate"] = fkc.onupdate.upper() if fkc.onupdate else None
    out["deferrable"] = _deferrable(fkc)
    out["useAlter"] = bool(fkc.use_alter)
    out["match"] = fkc.match
    return out


# A text() index part as users write it: `published_on DESC`, `"slug" varchar_pattern_ops`,
# `lower(title) DESC NULLS LAST`. SQLAlchemy writes the text as is; ormdoc needs the column (or the
# expression) apart from its ordering, or it would wrap `published_on DESC` in parentheses.
_TEXT_PART = re.compile(
    r"^\s*(?P<body>.+?)(?:\s+(?P<order>ASC|DESC))?(?:\s+NULLS\s+(?P<nulls>FIRST|LAST))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_TEXT_COLUMN = re.compile(
    r'^(?:"(?P<quoted>[^"]+)"|`(?P<backtick>[^`]+)`|(?P<plain>[A-Za-z_][A-Za-z0-9_$]*))'
    r"(?:\s+(?P<opclass>[A-Za-z_][A-Za-z0-9_.]*))?$"
)


def _text_part(sql, table, part, ops):
    m = _TEXT_PART.match(sql)
    if not m:
        part["expression"] = sql.strip()
        return part
    if m.group("order"):
        part.setdefault("order", m.group("order").lower())
    if m.group("nulls"):
        part.setdefault("nulls", m.group("nulls").lower())
    body = m.group("body").strip()
    col = _TEXT_COLUMN.match(body)
    name = col and (col.group("quoted") or col.group("backtick") or col.group("plain"))
    if name and name in table.c:
        part["column"] = table.c[name].name
        if col.group("opclass"):
            ops.setdefault(part["column"], col.group("opclass"))
    else:
        part["expression"] = body
    return part


def _index_part(expr, table, compilers, ops):
    from sqlalchemy.schema import Column
    from sqlalchemy.sql import operators
    from sqlalchemy.sql.elements import ColumnClause, TextClause

    part = {}
    modifiers = {
        operators.desc_op: ("order", "desc"),
        operators.asc_op: ("order", "asc"),
        getattr(operators, "nulls_first_op", getattr(operators, "nullsfirst_op", None)): ("nulls", "first"),
        getattr(operators, "nulls_last_op", getattr(operators, "nullslast_op", None)): ("nulls", "last"),
    }
    modifiers.pop(None, None)
    while getattr(expr, "modifier", None) in modifiers and hasattr(expr, "element"):
        key, value = modifiers[expr.modifier]
        part.setdefault(key, value)
        expr = expr.element
    if isinstance(expr, Column) and expr.table is table:
        part["column"] = expr.name
    elif (
        isinstance(expr, ColumnClause)
        and not isinstance(expr, Column)
        and getattr(expr, "table", None) is None
        and expr.name in table.c
    ):
        part["column"] = table.c[expr.name].name  # desc("name"): a column named by a string
    elif isinstance(expr, TextClause):
        _text_part(compilers.sql(expr), table, part, ops)
    else:
        part["expression"] = compilers.sql(expr)
    return part


def export_index(index, table, compilers):
    out = _named(index, compilers)
    out["unique"] = bool(index.unique)
    kwargs = dict(index.dialect_kwargs)
    d = compilers.dialect_name
    ops = dict(kwargs.get("%s_ops" % d) or {})
    out["parts"] = [_index_part(e, table, compilers, ops) for e in index.expressions]
    using = kwargs.get("%s_using" % d)
    where = kwargs.get("%s_where" % d)
    include = kwargs.get("%s_include" % d)
    out["using"] = using
    out["where"] = compilers.sql(where) if where is not None else None
    out["ops"] = {str(k): str(v) for k, v in sorted(ops.items())}
    out["include"] = [getattr(c, "name", c) for c in include] if include else None
    out["nullsNotDistinct"] = bool(kwargs.get("%s_nulls_not_distinct" % d)) or None
    out["dialectOptions"] = {k: json_value(v) for k, v in sorted(kwargs.items()) if v is not None}
    if "postgresql_where" in out["dialectOptions"] and where is not None:
        out["dialectOptions"]["postgresql_where"] = out["where"]
    return out


def export_table(table, compilers, enum_names, mapped):
    from sqlalchemy.schema import CheckConstraint, PrimaryKeyConstraint, UniqueConstraint

    out = {"schema": table.schema, "name": table.name, "comment": table.comment}
    if table.info:
        out["info"] = json_value(dict(table.info))
    mapped = dict(mapped or {})
    attributes = mapped.pop("attributes", {})
    out.update(mapped)
    out["columns"] = [export_column(c, table, compilers, enum_names, attributes.get(c.name)) for c in table.columns]
    pk = table.primary_key
    out["primaryKey"] = (
        dict(_named(pk, compilers), columns=[c.name for c in pk.columns]) if len(pk.columns) else None
    )
    uniques, checks = [], []
    for c in sorted(table.constraints, key=lambda c: getattr(c, "_creation_order", 0)):
        if isinstance(c, PrimaryKeyConstraint):
            continue
        if isinstance(c, UniqueConstraint):
            u = dict(_named(c, compilers), columns=[col.name for col in c.columns])
            u["deferrable"] = _deferrable(c)
            u["nullsNotDistinct"] = bool(c.dialect_kwargs.get("postgresql_nulls_not_distinct")) or None
            uniques.append(u)
        elif isinstance(c, CheckConstraint) and _check_emitted(c, compilers):
            checks.append(dict(export_check(c, compilers), column=None))
    for col in table.columns:
        for c in sorted(col.constraints, key=lambda c: getattr(c, "_creation_order", 0)):
            if isinstance(c, CheckConstraint) and _check_emitted(c, compilers):
                checks.append(dict(export_check(c, compilers), column=col.name))
    out["uniqueConstraints"] = uniques
    out["checkConstraints"] = checks
    fks = sorted(table.foreign_key_constraints, key=lambda c: getattr(c, "_creation_order", 0))
    out["foreignKeys"] = [export_foreign_key(fk, compilers) for fk in fks]
    indexes = sorted(table.indexes, key=lambda i: str(compilers.constraint_name(i)))
    out["indexes"] = [export_index(i, table, compilers) for i in indexes]
    return out


def collect_enums(metadata, compilers):
    """Every Enum type used by a column (also inside ARRAY), keyed by id(type) -> {schema, name}."""
    from sqlalchemy import types as sqltypes

    enums, names = {}, {}
    # not metadata.sorted_tables: it raises on a foreign key to a table that was not imported
    for table in sorted(metadata.tables.values(), key=lambda t: (t.schema or "", t.name)):
        for col in table.columns:
            t = col.type
            t = getattr(t, "item_type", t)
            if not isinstance(t, sqltypes.Enum):
                continue
            name = t.name or "%s_%s" % (table.name, col.name)
            schema = t.schema if t.name else table.schema
            key = (schema or "", name)
            names[id(t)] = {"schema": schema, "name": name}
            if key in enums:
                continue
            entry = {"schema": schema, "name": name, "named": t.name is not None}
            entry["values"] = [str(v) for v in t.enums]
            members = getattr(t, "_object_lookup", None) or {}
            keys = {}
            for db_value, member in members.items():
                member_name = getattr(member, "name", None)
                if member_name is not None and member_name != db_value:
                    keys[str(db_value)] = member_name
            entry["valueKeys"] = keys
            enum_class = getattr(t, "enum_class", None)
            entry["pythonClass"] = enum_class.__name__ if enum_class is not None else None
            entry["native"] = bool(t.native_enum) and bool(getattr(compilers.dialect, "supports_native_enum", False))
            entry["createType"] = bool(getattr(t, "create_type", True))
            entry["firstUse"] = {"table": table.name, "schema": table.schema, "column": col.name}
            enums[key] = entry
    return [enums[k] for k in sorted(enums)], names
