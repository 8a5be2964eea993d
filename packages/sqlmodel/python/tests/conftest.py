"""Shared helpers: run the exporter the way users do (`python -m ormdoc_export`) on the fixtures."""

import importlib.util
import json
import os
import subprocess
import sys
from typing import Any, Dict, List, Optional

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
SRC = os.path.join(os.path.dirname(HERE), "src")
# The JSON Schema the TypeScript reader's format is generated into (repository layout).
EXPORT_SCHEMA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "export.schema.json")
# Which matrix stack runs the suite (.ci/python-matrix.sh); a stack's own features must not be skipped.
STACK = os.environ.get("ORMDOC_TEST_STACK")

# The exporter runs in the fixtures' folder: a relative PYTHONPATH (PYTHONPATH=src) must stay valid.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in os.environ["PYTHONPATH"].split(os.pathsep) if p)
# Not installed (a checkout), or shadowed by the npm shim ../ormdoc_export.py when run from its
# folder: use the package in src/.
_spec = importlib.util.find_spec("ormdoc_export")
if _spec is None or _spec.submodule_search_locations is None:
    sys.path.insert(0, SRC)
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH")) if p)


def run_exporter(*args: str, cwd: str = FIXTURES, env: Optional[Dict[str, str]] = None) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, "-m", "ormdoc_export", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def export(target: str, *args: str, cwd: str = FIXTURES) -> Dict[str, Any]:
    done = run_exporter(target, "--compact", *args, cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def error_of(done: "subprocess.CompletedProcess[str]") -> Dict[str, Any]:
    """The `ORMDOC_ERROR {json}` payload of a failed run."""
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("ORMDOC_ERROR "), done.stderr
    return json.loads(last[len("ORMDOC_ERROR ") :])


def table(doc: Dict[str, Any], name: str) -> Dict[str, Any]:
    return next(t for t in doc["tables"] if t["name"] == name)


def column(doc: Dict[str, Any], table_name: str, name: str) -> Dict[str, Any]:
    return next(c for c in table(doc, table_name)["columns"] if c["name"] == name)


def version_of(module: str) -> Optional[List[int]]:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    raw = getattr(mod, "__version__", "0")
    return [int(p) for p in raw.split(".")[:2] if p.isdigit()]


def require(module: str, at_least: "tuple[int, ...]" = (), stacks: "tuple[str, ...]" = ()) -> None:
    """Skip unless `module` (at this version) is importable; on the stacks that install it, fail instead."""
    found = version_of(module)
    if found is not None and tuple(found) >= at_least:
        return
    want = "%s %s" % (module, ".".join(map(str, at_least)) or "")
    if STACK in stacks:
        pytest.fail("stack %s must provide %s (found %s)" % (STACK, want, found))
    pytest.skip("needs %s (found %s)" % (want, found))
