"""`python -m ormdoc_export` as users run it: JSON valid against the TypeScript reader's schema,
the npm shim gives the same document, exit codes and errors."""

import json
import os
import subprocess
import sys

import pytest
from conftest import EXPORT_SCHEMA, FIXTURES, STACK, column, error_of, export, run_exporter, table

import ormdoc_export


def validate(document):
    if STACK is None:
        jsonschema = pytest.importorskip("jsonschema")
    else:
        import jsonschema  # every matrix stack installs it
    if not os.path.exists(EXPORT_SCHEMA):
        pytest.skip("export.schema.json is not next to this checkout")
    with open(EXPORT_SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.validate(document, schema)


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_json_is_what_the_typescript_reader_validates(dialect):
    doc = export("shop.py:metadata", "--dialect", dialect)
    validate(doc)
    assert doc["formatVersion"] == ormdoc_export.FORMAT_VERSION
    assert doc["dialect"] == dialect
    assert doc["exporter"] == {"name": "ormdoc_export", "version": ormdoc_export.__version__}
    assert [t["name"] for t in doc["tables"]] == ["customers", "orders"]
    assert table(doc, "customers")["comment"] == "People who buy."
    assert column(doc, "customers", "email")["comment"] == "Login e-mail. @pii"
    assert table(doc, "orders")["foreignKeys"][0]["ondelete"] == "CASCADE"


def test_the_npm_shim_prints_the_same_document():
    shim = os.path.join(os.path.dirname(FIXTURES), "..", "ormdoc_export.py")
    if not os.path.exists(shim):
        pytest.skip("not a checkout (installed package)")
    via_shim = subprocess.run(
        [sys.executable, os.path.abspath(shim), "shop.py:metadata"],
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert via_shim == run_exporter("shop.py:metadata").stdout


def test_ddl_is_sqlalchemys_own():
    done = run_exporter("shop.py:metadata", "--ddl")
    assert done.returncode == 0, done.stderr
    assert "CREATE TABLE customers" in done.stdout
    assert "CREATE INDEX ix_orders_placed_on ON orders (placed_on DESC)" in done.stdout


def test_import_failure_shows_the_users_traceback_exit_4():
    done = run_exporter("broken.py")
    assert done.returncode == 4
    err = error_of(done)
    assert err["code"] == "MODULE_LOAD_FAILED"
    assert err["file"].endswith("broken.py") and err["line"] == 5
    assert "ORMDOC_TEST_SURELY_UNSET_DATABASE_URL" in done.stderr
    assert 'broken.py", line 5' in done.stderr
    assert "ormdoc_export" not in done.stderr.split("ormdoc-export: error")[0]


def test_missing_attribute_exit_5():
    done = run_exporter("shop.py:nothing_here")
    assert done.returncode == 5
    assert error_of(done)["code"] == "ATTR_NOT_FOUND"


def test_usage_error_exit_2():
    assert run_exporter("shop.py", "--dialect", "oracle").returncode == 2


def test_a_project_for_a_newer_python_is_named():
    done = run_exporter("models.py", cwd=os.path.join(FIXTURES, "newer_python"))
    assert done.returncode == 4
    hint = error_of(done)["hint"]
    assert "requires Python >=3.99 (requires-python in pyproject.toml)" in hint
    assert "Python %d.%d" % sys.version_info[:2] in hint


def test_globals_that_raise_when_touched_are_skipped():
    # found without naming it, past a proxy whose attributes raise (Flask's current_app)
    assert [t["name"] for t in export("proxies.py")["tables"]] == ["things"]


def test_a_missing_third_party_module_says_to_install_the_projects_dependencies(tmp_path):
    (tmp_path / "models.py").write_text("import a_queue_library_not_installed\n")
    done = run_exporter("models.py", cwd=str(tmp_path))
    assert done.returncode == 4
    err = error_of(done)
    assert (err["file"], err["line"]) == ("models.py", 1)
    assert err["hint"].startswith("a_queue_library_not_installed is not installed for %s" % sys.executable)


def test_a_pydantic_major_version_mismatch_is_named():
    pydantic = pytest.importorskip("pydantic")
    done = run_exporter("pydantic_mismatch.py")
    assert done.returncode == 4
    hint = error_of(done)["hint"]
    if pydantic.VERSION.startswith("1."):
        assert hint.startswith("The models use pydantic 2 (field_validator) but pydantic %s is installed" % pydantic.VERSION)
    else:
        assert hint.startswith("The models (or a library they import) were written for pydantic 1 but pydantic %s" % pydantic.VERSION)
