from __future__ import annotations

import json
import sqlite3

import pytest

from guilin_union.storage import audit


def _log(db):
    return [
        dict(zip(("table_name", "row_id", "action", "before_json", "after_json"), r))
        for r in db.execute(
            "SELECT table_name, row_id, action, before_json, after_json FROM change_log ORDER BY id"
        )
    ]


def test_insert_update_delete_are_logged(db):
    with db.atomic():
        row_id = audit.insert(db, "branches", {"name": "文学院分工会", "code": "01"})
    with db.atomic():
        audit.update(db, "branches", row_id, {"chair": "李华", "name": "文学院分工会"})
    with db.atomic():
        audit.delete(db, "branches", row_id)
    log = _log(db)
    assert [e["action"] for e in log] == ["insert", "update", "delete"]
    assert json.loads(log[1]["after_json"]) == {"chair": "李华"}  # only the changed column
    assert json.loads(log[2]["before_json"])["name"] == "文学院分工会"
    assert all(e["row_id"] == row_id for e in log)


def test_rolled_back_write_leaves_no_log(db):
    with pytest.raises(RuntimeError):
        with db.atomic():
            audit.insert(db, "branches", {"name": "机关分工会", "code": "02"})
            raise RuntimeError("boom")
    assert _log(db) == []
    assert db.execute("SELECT count(*) FROM branches").fetchone()[0] == 0


def test_change_log_cannot_be_deleted_or_rewritten(db):
    with db.atomic():
        audit.log_event(db, "members", None, "reveal", note="x")
    with pytest.raises(sqlite3.IntegrityError, match="不可删除"):
        db.execute("DELETE FROM change_log")
    with pytest.raises(sqlite3.IntegrityError, match="不可修改"):
        db.execute("UPDATE change_log SET note = 'y'")


def test_log_records_os_user(db):
    with db.atomic():
        audit.log_event(db, "members", 1, "event")
    assert db.execute("SELECT os_user FROM change_log").fetchone()[0] == audit.os_user()
