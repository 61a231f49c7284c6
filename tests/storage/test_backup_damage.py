"""A corrupted copy (bytes overwritten in the middle) opens read-only with the restore offer."""

from __future__ import annotations

import sqlite3

import pytest

from guilin_union.storage import open_database
from guilin_union.storage.backup import make_backup, newest_good_backup, recover_damaged
from guilin_union.storage.integrity import DatabaseDamagedError, is_damage_error, quick_check
from tests.safety_fixtures import corrupt_middle, dump, fill


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "u.db"
    db = open_database(path)
    fill(db, 120)
    good = make_backup(db, reason="on-close")
    db.conn.close()
    corrupt_middle(path)
    return path, good


def test_damaged_file_is_refused_for_writing_and_names_the_good_backup(damaged):
    path, good = damaged
    with pytest.raises(DatabaseDamagedError) as info:
        open_database(path)
    report = info.value.report
    assert report.path == path and report.details
    assert report.newest_backup == good
    assert "损坏" in str(info.value) and "只读" in str(info.value) and good.name in str(info.value)


def test_damaged_file_can_still_be_looked_at_read_only(damaged):
    path, _good = damaged
    db = open_database(path, read_only=True, check_integrity=False)
    assert db.read_only
    assert quick_check(db.conn) != "ok"
    with pytest.raises(sqlite3.OperationalError):
        db.execute("INSERT INTO settings (key, value) VALUES ('x', '1')")
    db.conn.close()


def test_a_damaged_newest_backup_is_skipped(damaged, tmp_path):
    path, good = damaged
    newer = good.parent / "guilin-union-backup-29990101-000000-on-open.db"
    newer.write_bytes(path.read_bytes())  # a "backup" that is as damaged as the file
    assert newest_good_backup(path) == good


def test_recover_replaces_the_damaged_file_and_keeps_it_aside(damaged):
    path, good = damaged
    expected = dump(good)
    damaged_copy = recover_damaged(path, good)
    assert damaged_copy.exists() and "damaged" in damaged_copy.name
    db = open_database(path)  # quick_check passes again
    after = dump(db)
    log, expected_log = after.pop("change_log"), expected.pop("change_log")
    assert after == expected
    # The backup's log, then what the damaged file's log still had, then the restore entry.
    assert log[: len(expected_log)] == expected_log
    assert log[-1][5] == "restore" and damaged_copy.name in log[-1][8]
    db.conn.close()


def test_a_file_that_is_not_a_database_is_reported_as_damaged(tmp_path):
    path = tmp_path / "u.db"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(DatabaseDamagedError):
        open_database(path)


def test_damage_errors_are_told_apart_from_locks():
    assert is_damage_error(sqlite3.DatabaseError("file is not a database"))
    assert not is_damage_error(sqlite3.OperationalError("database is locked"))
    assert not is_damage_error(ValueError("malformed"))
