"""What is installed for this interpreter, and whether a failure is a pydantic 1/2 mismatch."""

import os
import re
import sys
from typing import Optional

_DISTRIBUTIONS = (
    ("SQLAlchemy", "sqlalchemy", "sqlalchemy"),
    ("SQLModel", "sqlmodel", "sqlmodel"),
    ("pydantic", "pydantic", "pydantic"),
    ("Flask-SQLAlchemy", "flask-sqlalchemy", "flask_sqlalchemy"),
)

# Names pydantic 2 added: importing one of them under pydantic 1 fails.
_PYDANTIC2_ONLY = (
    "field_validator",
    "model_validator",
    "ConfigDict",
    "computed_field",
    "TypeAdapter",
    "field_serializer",
    "model_serializer",
    "pydantic_settings",
)
# What pydantic 2 says about pydantic 1 code (moved or removed names, v1-only settings).
_PYDANTIC1_SIGNS = ("pydantic-settings", "pydantic.v1", "PydanticImportError", "`orm_mode`", "__fields__", "V1")


def distribution_version(name: str, module: Optional[str] = None) -> Optional[str]:
    """The installed version; the imported module's __version__ first (Debian's sqlmodel says "0")."""
    imported = getattr(sys.modules.get(module or name), "__version__", None)
    if isinstance(imported, str):
        return imported
    try:
        from importlib import metadata
    except ImportError:  # Python < 3.8
        return None
    try:
        return metadata.version(name)
    except Exception:
        return None


def installed_versions() -> str:
    """`Python 3.13.0 (/venv/bin/python), SQLAlchemy 2.1.9, SQLModel 0.0.50, pydantic 2.14.4`."""
    parts = ["Python %s (%s)" % (sys.version.split()[0], sys.executable)]
    for label, dist, module in _DISTRIBUTIONS:
        version = distribution_version(dist, module)
        if version:
            parts.append("%s %s" % (label, version))
    return ", ".join(parts)


def pydantic_mismatch(exc: BaseException, details: str) -> Optional[str]:
    """A sentence naming the pydantic 1/2 mismatch behind `exc`, or None when it is not one."""
    version = distribution_version("pydantic")
    if not version:
        return None
    major = version.split(".")[0]
    text = "%s: %s\n%s" % (type(exc).__name__, exc, details)
    from_pydantic = type(exc).__module__.split(".")[0] == "pydantic" or "site-packages%spydantic" % os.sep in details
    if major == "1" and any(name in text for name in _PYDANTIC2_ONLY):
        return (
            "The models use pydantic 2 (%s) but pydantic %s is installed for %s: install pydantic>=2 "
            "(and SQLModel>=0.0.14 if you use SQLModel), or run ormdoc with the project's own interpreter."
            % (next(n for n in _PYDANTIC2_ONLY if n in text), version, sys.executable)
        )
    if major != "1" and (from_pydantic or "pydantic" in text) and any(s in text for s in _PYDANTIC1_SIGNS):
        return (
            "The models (or a library they import) were written for pydantic 1 but pydantic %s is "
            "installed for %s: install pydantic<2 (and SQLModel<0.0.14 if you use SQLModel), or run "
            "ormdoc with the project's own interpreter." % (version, sys.executable)
        )
    sqlmodel = distribution_version("sqlmodel")
    if sqlmodel and major != "1" and from_pydantic and _older(sqlmodel, (0, 0, 14)):
        return "SQLModel %s needs pydantic 1, but pydantic %s is installed for %s." % (sqlmodel, version, sys.executable)
    return None


def _older(version: str, than: "tuple[int, ...]") -> bool:
    numbers = []
    for piece in version.split(".")[: len(than)]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        numbers.append(int(digits or 0))
    return tuple(numbers) < than


_REQUIRES = re.compile(r"""^\s*requires-python\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def python_requirement_unmet(cwd: str) -> Optional[str]:
    """The project's `requires-python` (pyproject.toml) when this interpreter does not satisfy it."""
    path = os.path.join(cwd, "pyproject.toml")
    try:
        with open(path, encoding="utf-8") as fh:
            m = _REQUIRES.search(fh.read())
    except OSError:
        return None
    if not m:
        return None
    spec = m.group(1)
    here = sys.version_info[:3]
    for clause in spec.split(","):
        cm = re.match(r"^\s*(>=|>|<=|<|==|~=|!=)\s*([0-9]+(?:\.[0-9]+){0,2})(\.\*)?\s*$", clause)
        if not cm:
            continue
        op, version = cm.group(1), tuple(int(p) for p in cm.group(2).split("."))
        mine = here[: len(version)]
        ok = {
            ">=": mine >= version,
            ">": mine > version,
            "<=": mine <= version,
            "<": mine < version,
            "==": mine == version,
            "~=": mine >= version and here[: len(version) - 1] == version[:-1],
            "!=": mine != version,
        }[op]
        if not ok:
            return (
                "The project requires Python %s (requires-python in pyproject.toml) but %s is Python %s: "
                "run ormdoc with the project's interpreter (--python)."
                % (spec, sys.executable, ".".join(map(str, here)))
            )
    return None
