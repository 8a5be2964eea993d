"""Finding the models in a real project's layout: a package of lazily imported model modules, a
Base in another module, its registry, settings from .env."""

import os

from conftest import FIXTURES, error_of, export, run_exporter, table
from ormdoc_export.dotenv import parse_env_file

PROJECT = os.path.join(FIXTURES, "project")


def test_a_models_package_imports_its_modules():
    # only the modules that declare models (not api.py, whose import fails), namespace folders too
    doc = export("app.models", cwd=PROJECT)
    assert [t["name"] for t in doc["tables"]] == ["orders", "tags", "users"]
    assert doc["metadata"] == "app.models.order.Base"
    assert doc["warnings"] == []


def test_settings_come_from_the_projects_env_file():
    assert table(export("app.models", cwd=PROJECT), "users")["comment"] == "Accounts of the shop"
    done = run_exporter("app.models", "--no-env-file", cwd=PROJECT)
    assert done.returncode == 4
    err = error_of(done)
    assert err["code"] == "MODULE_LOAD_FAILED"
    assert (err["file"], err["line"]) == ("app/settings.py", 3)
    assert "APP_DATABASE_URL" in err["message"]


def test_the_environment_wins_over_the_env_file():
    done = run_exporter("app.models", "--compact", cwd=PROJECT, env={"APP_SCHEMA_COMMENT": "from the environment"})
    assert done.returncode == 0, done.stderr
    assert '"comment":"from the environment"' in done.stdout


def test_a_base_whose_models_are_not_imported_warns():
    doc = export("app.db.base:Base", cwd=PROJECT)
    assert doc["tables"] == []
    assert "were not imported" in doc["warnings"][0]


def test_module_colon_base_and_its_registry():
    for target in ("app.models.user:Base", "app.models.user:Base.registry", "app.models.user:Base.metadata"):
        doc = export(target, cwd=PROJECT)
        assert [t["name"] for t in doc["tables"]] == ["users"], target
        assert doc["metadata"] == target.split(":")[1]


def test_a_foreign_key_to_a_model_not_imported_is_unresolved_not_a_crash():
    # orders.user_id references users, whose module app.models.order does not import
    doc = export("app.models.order:Base", cwd=PROJECT)
    [fk] = table(doc, "orders")["foreignKeys"]
    assert fk["referredTable"] == "users" and fk["unresolved"] is True


def test_env_file_syntax():
    text = 'EMPTY=\nA=1\n# c\nexport B="two words" # note\nC=\'x # y\'\nD=plain # note\nE="line\\nnext"\n'
    assert parse_env_file(text) == {"EMPTY": "", "A": "1", "B": "two words", "C": "x # y", "D": "plain", "E": "line\nnext"}
