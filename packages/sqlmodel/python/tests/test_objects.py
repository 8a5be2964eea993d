"""Objects beyond tables: Sequence (standalone, on a column, optional) and DDL on create events."""

from conftest import export


def test_sequences_as_written_with_their_column_and_optional_ones_left_out():
    doc = export("objects.py:metadata")
    assert doc["sequences"] == [
        {
            "schema": None,
            "name": "standalone",
            "dataType": None,
            "start": "5",
            "increment": "-1",
            "minValue": "-100",
            "maxValue": "5",
            "cache": None,
            "cycle": True,
            "column": None,
        },
        {
            "schema": None,
            "name": "things_id_seq",
            "dataType": None,
            "start": None,
            "increment": None,
            "minValue": None,
            "maxValue": None,
            "cache": "3",
            "cycle": False,
            "column": {"schema": None, "table": "things", "column": "id"},
        },
    ]


def test_ddl_events_compiled_against_their_table_functions_named_type_listeners_left_out():
    events = export("objects.py:metadata")["ddlEvents"]
    assert events == [
        {"table": None, "event": "before_create", "sql": None, "listener": "objects.prepare"},
        {"table": {"schema": None, "name": "things"}, "event": "after_create", "sql": "COMMENT ON TABLE things IS 'things'"},
        {"table": {"schema": None, "name": "things"}, "event": "after_create", "sql": "SELECT 'postgres only'"},
    ]


def test_execute_if_leaves_out_ddl_for_another_dialect():
    events = export("objects.py:metadata", "--dialect", "sqlite")["ddlEvents"]
    assert [e["sql"] for e in events] == [None, "COMMENT ON TABLE things IS 'things'"]
