"""`--inputs FILE`: what an export depended on, for ormdoc's unchanged run (the project's files the
import loaded, the site-packages folders and the interpreter; never a standard library or an
installed distribution's file)."""

import json
import os
import sys
import sysconfig

import sqlalchemy
from conftest import FIXTURES, run_exporter

PROJECT = os.path.join(FIXTURES, "project")


def inputs_of(target, cwd, tmp_path):
    out = tmp_path / "inputs.json"
    done = run_exporter(target, "--compact", "--inputs", str(out), cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_project_files_the_import_loaded_are_listed(tmp_path):
    found = inputs_of("app.models", PROJECT, tmp_path)
    assert found["complete"] is True
    project = sorted(os.path.relpath(f, PROJECT) for f in found["files"] if f.startswith(PROJECT + os.sep))
    # every module the package imported, two levels down included, and api.py, which the search for
    # model modules read (and did not import: it declares none)
    for rel in ["app/__init__.py", "app/settings.py", "app/db/base.py", "app/models/order.py",
                "app/models/user.py", "app/models/extra/tag.py", "app/models/api.py"]:
        assert rel.replace("/", os.sep) in project
    folders = [os.path.relpath(f, PROJECT) for f in found["folders"]]
    assert folders == [os.path.join("app", "models"), os.path.join("app", "models", "extra")]


def test_installed_and_standard_library_files_are_represented_not_listed(tmp_path):
    found = inputs_of("app.models", PROJECT, tmp_path)
    sqlalchemy_site = os.path.realpath(os.path.dirname(os.path.dirname(sqlalchemy.__file__)))
    assert sqlalchemy_site in found["sitePackages"]
    stdlib = os.path.realpath(sysconfig.get_paths()["stdlib"])
    for f in found["files"]:
        assert not f.startswith(sqlalchemy_site + os.sep)
        assert not f.startswith(stdlib + os.sep)
    assert found["executable"] == os.path.realpath(sys.executable)
    assert found["version"] == sys.version
