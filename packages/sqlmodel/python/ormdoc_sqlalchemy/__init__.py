"""Internals of the ormdoc SQLAlchemy/SQLModel exporter (see ../ormdoc_export.py)."""

EXPORTER_VERSION = "0.1.0"
FORMAT_VERSION = 1
