from __future__ import annotations

import sqlite3

import pytest

from guilin_union.storage import DatabaseTooNewError, open_database
from guilin_union.storage.migrations import run_script, schema_version


@pytest.mark.parametrize(
    "pragma, expected",
    [
        ("foreign_keys", 1),
        ("journal_mode", "delete"),
        ("synchronous", 2),
        ("secure_delete", 1),
        ("trusted_schema", 0),
        ("busy_timeout", 5000),
    ],
)
def test_safety_pragmas_are_set(db, pragma, expected):
    assert db.execute(f"PRAGMA {pragma}").fetchone()[0] == expected


def test_migrations_are_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    first = open_database(path)
    version = schema_version(first)
    assert version >= 1
    assert {"settings", "branches", "members", "change_log"} <= set(first.table_names())
    first.conn.close()
    again = open_database(path)
    assert schema_version(again) == version


def test_database_from_newer_program_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = open_database(path)
    db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('9999_future', '2030-01-01')")
    db.conn.close()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        open_database(path)


def test_failing_multi_row_write_leaves_nothing(branch_db):
    db = branch_db
    before = db.execute("SELECT count(*) FROM branches").fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError):
        with db.atomic():
            db["branches"].insert({"name": "新分工会甲", "code": "91"})
            db["branches"].insert({"name": "新分工会乙", "code": "92"})
            db["branches"].insert({"name": "新分工会甲", "code": "93"})  # duplicate name
    assert db.execute("SELECT count(*) FROM branches").fetchone()[0] == before


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO members (name, branch_id, created_at, updated_at) VALUES ('张三', 999, 'x', 'x')"
        )


def test_run_script_keeps_trigger_bodies_together(db):
    with db.atomic():
        run_script(
            db,
            """
            CREATE TABLE t (x INTEGER);
            CREATE TRIGGER t_check BEFORE INSERT ON t
            BEGIN SELECT RAISE(ABORT, 'no'); SELECT 1; END;
            """,
        )
    with pytest.raises(sqlite3.IntegrityError, match="no"):
        db.execute("INSERT INTO t VALUES (1)")


def test_read_only_open_refuses_writes(tmp_path):
    path = tmp_path / "ro.db"
    open_database(path).conn.close()
    ro = open_database(path, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
