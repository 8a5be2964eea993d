#!/usr/bin/env python3
"""ormdoc exporter as shipped in the npm package @ormdoc/sqlmodel: runs the Python package in ./src
(the same code `pip install` installs as `ormdoc-export`) without installing anything.

Usage: python ormdoc_export.py <target> [--dialect postgresql|mysql|sqlite] [--out FILE] [--compact] [--ddl]
(see src/ormdoc_export/__init__.py for the exit codes).
"""

import os
import sys

if __name__ == "__main__":
    # src/ first: this file's own folder (sys.path[0]) would otherwise shadow the package with this script.
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))
    from ormdoc_export.cli import run

    sys.exit(run())
