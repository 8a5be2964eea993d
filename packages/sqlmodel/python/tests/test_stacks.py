"""The export of today's stacks, on the matrix stack that installs each (no skip there):
SQLAlchemy 2 typed declarative, SQLModel >= 0.0.21 with pydantic 2, Flask-SQLAlchemy 3.
The fixtures are shared with the TypeScript tests, which also compare the DDL with create_all's."""

import os

import pytest
from conftest import column, export, require, table

STACKS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "test", "fixtures", "stacks")

if not os.path.isdir(STACKS_DIR):  # an installed copy of the tests without the repository
    pytest.skip("the repository's test/fixtures/stacks is not here", allow_module_level=True)

NEW_STACKS = ("sqlalchemy20", "sqlmodel-latest", "flask-sqlalchemy3")


def test_sqlalchemy2_typed_declarative():
    require("sqlalchemy", (2, 0), stacks=NEW_STACKS)
    doc = export("sqlalchemy2.py:Base", cwd=STACKS_DIR)
    assert [t["name"] for t in doc["tables"]] == ["accounts", "notes", "orders"]
    assert table(doc, "accounts")["comment"] == "Customer accounts."
    assert table(doc, "accounts")["className"] == "Account"
    assert table(doc, "notes")["className"] == "Note"  # the dataclass mapping
    ident = column(doc, "accounts", "id")["identity"]
    assert ident["always"] is True and ident["start"] == 100
    assert column(doc, "accounts", "balance_cents")["computed"] == {"sql": "balance * 100", "persisted": True}
    assert column(doc, "accounts", "updated_at")["serverOnupdate"] == {"kind": "sql", "sql": "now()"}
    assert column(doc, "accounts", "email")["comment"] == "Login e-mail. @pii"
    status = column(doc, "accounts", "status")
    assert status["type"] == "VARCHAR(20)"
    assert status["default"] == {"kind": "scalar", "value": "active"}
    enum = next(e for e in doc["enums"] if e["pythonClass"] and e["pythonClass"].endswith("Status"))
    assert enum["native"] is False and enum["values"] == ["active", "closed"]
    [created] = [i for i in table(doc, "accounts")["indexes"] if i["name"] == "ix_accounts_created"]
    assert created["parts"] == [{"column": "created_at", "order": "desc"}]
    orders = next(r for r in doc["relationships"] if r["key"] == "orders")
    assert orders["passiveDeletes"] is True
    assert {"delete", "delete-orphan"} <= set(orders["cascade"])


def test_sqlmodel_latest_features():
    require("sqlmodel", (0, 0), stacks=NEW_STACKS)
    import sqlmodel

    if tuple(int(p) for p in sqlmodel.__version__.split(".")[:3]) < (0, 0, 21):
        pytest.skip("cascade_delete and Field(ondelete=) came in SQLModel 0.0.21")
    doc = export("sqlmodel_latest.py", cwd=STACKS_DIR)
    assert doc["metadata"] == "SQLModel.metadata"
    assert table(doc, "mission")["foreignKeys"][0]["ondelete"] == "CASCADE"
    assert column(doc, "team", "headquarters")["type"] == "TEXT"
    assert column(doc, "hero", "powers")["type"] == "JSON"
    assert column(doc, "hero", "name")["comment"] == "Public name."
    missions = next(r for r in doc["relationships"] if r["key"] == "missions")
    assert {"delete", "delete-orphan"} <= set(missions["cascade"])
    heroes = next(r for r in doc["relationships"] if r["key"] == "heroes")
    assert heroes["secondary"] == {"schema": None, "name": "teamherolink"}
    assert heroes["backPopulates"] == "teams"


def test_flask_sqlalchemy3_found_through_db():
    require("flask_sqlalchemy", (3, 0), stacks=("flask-sqlalchemy3",))
    for target in ("flask_app.py", "flask_app.py:db", "flask_app.py:db.Model"):
        doc = export(target, cwd=STACKS_DIR)
        assert [t["name"] for t in doc["tables"]] == ["post", "post_tags", "tag", "user"], target
