"""The export document (formatVersion 1): see packages/sqlmodel/FORMAT.md."""

import os
import platform
import sys

from . import EXPORTER_VERSION, FORMAT_VERSION
from .mappers import export_relationships, mapped_tables
from .objects import export_ddl_events, export_sequences
from .tables import collect_enums, export_table
from .values import Compilers


def _version(module_name):
    mod = sys.modules.get(module_name)
    return getattr(mod, "__version__", None) if mod is not None else None


def export_metadata(loaded, dialect_name, cwd):
    import sqlalchemy

    compilers = Compilers(dialect_name)
    warnings = list(getattr(loaded, "warnings", []))
    metadata = loaded.metadata
    enums, enum_names = collect_enums(metadata, compilers)
    mapped, mappers = mapped_tables(metadata, cwd, warnings)
    tables = [
        export_table(t, compilers, enum_names, mapped.get((t.schema, t.name)))
        for t in sorted(metadata.tables.values(), key=lambda t: (t.schema or "", t.name))
    ]
    relationships = export_relationships(mappers, warnings)
    module_file = loaded.module_file
    return {
        "formatVersion": FORMAT_VERSION,
        "exporter": {"name": "ormdoc_export", "version": EXPORTER_VERSION},
        "python": platform.python_version(),
        "sqlalchemyVersion": sqlalchemy.__version__,
        "sqlmodelVersion": _version("sqlmodel"),
        "dialect": dialect_name,
        "module": loaded.module.__name__,
        "moduleFile": os.path.relpath(module_file, cwd).replace(os.sep, "/") if module_file else None,
        "metadata": loaded.description,
        "namingConvention": {str(k): str(v) for k, v in sorted(metadata.naming_convention.items(), key=lambda kv: str(kv[0]))},
        "tables": tables,
        "enums": enums,
        "relationships": relationships,
        "sequences": export_sequences(metadata, compilers),
        "ddlEvents": export_ddl_events(metadata, compilers),
        "warnings": warnings,
    }
