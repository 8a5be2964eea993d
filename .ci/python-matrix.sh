#!/usr/bin/env bash
# The Python version matrix of the SQLModel/SQLAlchemy exporter (issue 18).
#
# Runs, under each stack's interpreter, the @ormdoc/sqlmodel tests (conformance cases and the
# example against SQLAlchemy's own DDL on PGlite, SQLite and MariaDB; ORMDOC_TEST_PYTHON selects
# the interpreter) and the Python package's pytest suite (packages/sqlmodel/python/tests).
#
#   debian            /usr/bin/python3 (3.11) + Debian's SQLAlchemy 1.4, SQLModel 0.0.8, pydantic 1
#                     (its vitest run is `pnpm test` in .ci/run; here only pytest)
#   sqlalchemy20      Python 3.11    + SQLAlchemy 2.0.x, SQLModel, pydantic 2
#   sqlmodel-latest   newest Python  + SQLModel latest, pydantic 2, SQLAlchemy 2.1
#   flask-sqlalchemy3 Python 3.11    + Flask-SQLAlchemy 3, SQLAlchemy 2.1
#
# Versions are pinned with hashes in .ci/python-matrix/<stack>.txt (installed --require-hashes);
# regenerate them from the .in files with `.ci/python-matrix.sh --lock`.
# Virtual environments and uv's download cache live in $ORMDOC_CI_CACHE
# (default ${XDG_CACHE_HOME:-$HOME/.cache}/ormdoc-ci) and are reused while their lock file and
# interpreter are unchanged. `.ci/python-matrix.sh <stack>...` runs only those stacks.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LOCKS=.ci/python-matrix
PKG=packages/sqlmodel/python
CACHE=${ORMDOC_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ormdoc-ci}
export UV_CACHE_DIR="$CACHE/uv-cache" UV_NO_PROGRESS=1 PYTHONDONTWRITEBYTECODE=1
mkdir -p "$CACHE"
started=$SECONDS

# --- uv: the one on PATH, else the pinned wheel (hash-checked) installed with pip into the cache
UV=$(command -v uv || true)
if [ -z "$UV" ]; then
  UV="$CACHE/uv-tool/bin/uv"
  if [ ! -x "$UV" ]; then
    pip_python=$(command -v python3)
    "$pip_python" -m pip --version >/dev/null 2>&1 || {
      echo "python-matrix: needs uv on PATH, or a python3 with pip to install it" >&2; exit 1; }
    "$pip_python" -m pip install -q --require-hashes --no-deps --target "$CACHE/uv-tool" -r "$LOCKS/uv.txt"
  fi
fi
echo "uv: $("$UV" --version)"

if [ "${1:-}" = "--lock" ]; then
  for in_file in "$LOCKS"/*.in; do
    out=${in_file%.in}.txt
    "$UV" pip compile -q --universal --python-version 3.11 --generate-hashes "$in_file" -o "$out"
    echo "locked $out"
  done
  exit 0
fi

# --- interpreters
py_version() { "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null; }

PY311=$("$UV" python find 3.11 2>/dev/null || true)
[ -n "$PY311" ] || PY311=/usr/bin/python3.11

# The newest CPython available: a uv-managed download when the machine reaches it (this build
# environment does not: python-build-standalone is on GitHub), any `uv python list` install,
# pyenv's versions, python3.1x on PATH.
if [ "${ORMDOC_CI_PYTHON_DOWNLOAD:-1}" = 1 ]; then
  timeout 120 "$UV" python install -q 3.14 >/dev/null 2>&1 || echo "python-matrix: uv cannot download CPython 3.14 here; using the newest installed"
fi
NEWEST=$PY311
newest_version=$(py_version "$PY311")
candidates=$("$UV" python list --only-installed 2>/dev/null | awk '$1 ~ /^cpython-3/ && $1 !~ /freethreaded/ {print $2}' || true)
candidates="$candidates $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3 2>/dev/null || true)"
for minor in 12 13 14 15 16; do candidates="$candidates $(command -v "python3.$minor" 2>/dev/null || true)"; done
for c in $candidates; do
  v=$(py_version "$c") || continue
  [ -n "$v" ] || continue
  if [ "$(printf '%s\n%s\n' "$newest_version" "$v" | sort -V | tail -1)" = "$v" ] && [ "$v" != "$newest_version" ]; then
    NEWEST=$c newest_version=$v
  fi
done
echo "Python 3.11: $PY311 ($(py_version "$PY311")); newest Python: $NEWEST ($newest_version)"

# --- a stack's virtual environment, reused while the lock file and interpreter are the same
venv_for() { # stack python -> prints the venv's python
  local stack=$1 python=$2 key dir
  key=$( (cat "$LOCKS/$stack.txt"; py_version "$python"; echo "$python") | sha256sum | cut -c1-12)
  dir="$CACHE/venvs/$stack-$key"
  if [ ! -x "$dir/bin/python" ] || [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$UV" venv -q --python "$python" "$dir" >&2
    VIRTUAL_ENV=$dir "$UV" pip install -q --require-hashes -r "$LOCKS/$stack.txt" >&2
    touch "$dir/.complete"
  fi
  # the exporter as users get it from the repository path (`pip install packages/sqlmodel/python`),
  # built from a copy: setuptools writes build/ and *.egg-info next to the sources it builds
  local copy
  copy=$(mktemp -d)
  cp -r "$ROOT/$PKG/pyproject.toml" "$ROOT/$PKG/README.md" "$ROOT/$PKG/src" "$copy/"
  VIRTUAL_ENV=$dir "$UV" pip install -q --no-deps --no-build-isolation --reinstall-package ormdoc-export "$copy" >&2
  rm -rf "$copy"
  echo "$dir/bin/python"
}

versions() {
  "$1" -c 'import sys
from importlib import metadata as m
def v(n):
    try: return __import__(n.replace("-", "_")).__version__
    except Exception: pass
    try: return m.version(n)
    except Exception: return "-"
print("Python %s, SQLAlchemy %s, SQLModel %s, pydantic %s, Flask-SQLAlchemy %s" % (sys.version.split()[0], v("sqlalchemy"), v("sqlmodel"), v("pydantic"), v("flask-sqlalchemy")))'
}

failed=()
run_stack() { # stack python
  local stack=$1 python=$2 t0=$SECONDS
  echo "== python matrix: $stack"
  if [ "$stack" = debian ]; then
    python=/usr/bin/python3
    if ! "$python" -c 'import sqlalchemy, sqlmodel, pytest, jsonschema' 2>/dev/null; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sqlalchemy python3-sqlmodel python3-pytest python3-jsonschema >/dev/null
    fi
    versions "$python"
    ORMDOC_TEST_STACK=debian PYTHONPATH="$ROOT/$PKG/src" "$python" -m pytest -q "$PKG/tests" || failed+=("$stack pytest")
  else
    python=$(venv_for "$stack" "$python")
    versions "$python"
    ORMDOC_TEST_STACK=$stack "$python" -m pytest -q "$PKG/tests" || failed+=("$stack pytest")
    ORMDOC_TEST_STACK=$stack ORMDOC_TEST_PYTHON=$python CI=1 pnpm vitest run packages/sqlmodel || failed+=("$stack vitest")
  fi
  echo "-- $stack: $((SECONDS - t0)) s"
}

stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(debian sqlalchemy20 sqlmodel-latest flask-sqlalchemy3)
for stack in "${stacks[@]}"; do
  case $stack in
    debian) run_stack debian /usr/bin/python3 ;;
    sqlalchemy20 | flask-sqlalchemy3) run_stack "$stack" "$PY311" ;;
    sqlmodel-latest) run_stack "$stack" "$NEWEST" ;;
    *) echo "python-matrix: unknown stack $stack" >&2; exit 2 ;;
  esac
done

echo "== python matrix: $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "python matrix FAILED: ${failed[*]}" >&2
  exit 1
fi
