"""JSON-safe values and SQL compilation helpers shared by the exporter modules."""

import datetime
import decimal
import enum
import uuid


def json_value(value):
    """A JSON-serialisable rendering of a Python value (defaults, info dicts)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else repr(value)
    if isinstance(value, enum.Enum):
        return json_value(value.value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [json_value(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    return repr(value)


def callable_name(fn):
    """`uuid.uuid4`, `datetime.datetime.utcnow`, `<lambda>` ... for a (possibly wrapped) callable."""
    target = getattr(fn, "__wrapped__", fn)
    name = getattr(target, "__qualname__", None) or getattr(target, "__name__", None)
    module = getattr(target, "__module__", None)
    if name is None:
        return type(target).__name__
    if module and module not in ("builtins", "__main__"):
        return "%s.%s" % (module, name)
    return name


class Compilers(object):
    """The dialect, its DDL compiler and helpers to render SQL fragments without a connection."""

    def __init__(self, dialect_name):
        from sqlalchemy.dialects import mysql, postgresql, sqlite

        self.dialect_name = dialect_name
        self.dialect = {"postgresql": postgresql, "mysql": mysql, "sqlite": sqlite}[dialect_name].dialect()
        self.ddl = self.dialect.ddl_compiler(self.dialect, None)
        self.preparer = self.dialect.identifier_preparer

    def sql(self, clause):
        """Render a SQL expression (server default, check, index expression) as DDL would."""
        from sqlalchemy.sql import elements

        if isinstance(clause, str):
            return clause
        if isinstance(clause, elements.TextClause):
            return clause.text
        return str(
            self.ddl.sql_compiler.process(clause, include_table=False, literal_binds=True)
        )

    def type_sql(self, type_):
        return type_.compile(dialect=self.dialect)

    def constraint_name(self, constraint):
        """The name SQLAlchemy emits for a constraint/index (naming convention applied), or None."""
        if constraint.name is None:
            return None
        try:
            name = self.preparer.format_constraint(constraint, _alembic_quote=False)
        except TypeError:  # very old/new signature without _alembic_quote
            name = self.preparer.format_constraint(constraint)
            name = name[1:-1] if name and name.startswith('"') else name
        return None if name is None else str(name)

    def name_source(self, constraint):
        """explicit (written in the source), convention (naming_convention / conv) or database (none given)."""
        from sqlalchemy.sql import base, elements

        name = constraint.name
        # SQLAlchemy 1.4 keeps the "no name" marker in sql.elements, 2.x in sql.base (an enum)
        none_names = [getattr(m, "_NONE_NAME", None) for m in (elements, base)]
        if name is None or any(name is n for n in none_names if n is not None) or not isinstance(name, str):
            return "convention" if self.constraint_name(constraint) else "database"
        if isinstance(name, elements.conv) or type(name).__name__ in ("_defer_name", "_defer_none_name"):
            return "convention"
        return "explicit"
