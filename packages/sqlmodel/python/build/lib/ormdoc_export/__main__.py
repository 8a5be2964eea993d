"""`python -m ormdoc_export <target> [--dialect ...] [--out FILE] [--compact] [--ddl]`."""

import sys

from .cli import run

if __name__ == "__main__":
    sys.exit(run())
