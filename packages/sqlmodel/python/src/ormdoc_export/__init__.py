"""ormdoc exporter: SQLAlchemy / SQLModel MetaData -> ormdoc export JSON (formatVersion 1).

Usage:
    python -m ormdoc_export <target> [--dialect postgresql|mysql|sqlite] [--out FILE] [--compact] [--ddl] [--inputs FILE]

<target> is `package.module` or `path/to/file.py`, optionally followed by `:attr` naming a
MetaData, a declarative Base (or registry) or a SQLModel class. Without `:attr` the exporter uses
`SQLModel.metadata` when sqlmodel is imported and has tables, else the only MetaData found in the
module. No database connection is made.

Exit codes (stable, read by @ormdoc/sqlmodel):
    0 ok
    1 unexpected internal error (a bug in the exporter)
    2 bad command line
    3 SQLAlchemy (or another dependency of the models) is not installed for this interpreter
    4 the user's module failed to import
    5 the target attribute was not found / no MetaData found
The last line on stderr of a failed run is `ORMDOC_ERROR {json}` with code, message, hint,
file and line when known.
"""

EXPORTER_VERSION = "0.1.0"
FORMAT_VERSION = 1

__version__ = EXPORTER_VERSION
