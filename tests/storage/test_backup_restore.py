"""Backup -> change -> restore gives back exactly the backup; bad backups are refused."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from guilin_union.services import members
from guilin_union.storage import open_database
from guilin_union.storage.backup import (
    REPLACED_NOTE,
    BackupError,
    check_restorable,
    list_backups,
    make_backup,
    make_backups,
    restore_backup,
    verify_backup,
)
from guilin_union.storage.migrations import DatabaseTooNewError
from tests.safety_fixtures import add_person, dump, fill


def test_backup_change_restore_gives_back_exactly_the_backup(tmp_path):
    db = open_database(tmp_path / "u.db")
    ids = fill(db, 12)
    backup = make_backup(db, reason="manual", folder=tmp_path / "bk")
    expected = dump(backup)
    # Changes of every kind after the backup.
    members.delete_member(db, ids[0])
    members.update_member(
        db, ids[1], {**members.get_member(db, ids[1]).to_dict(), "name": "改名后"}
    )
    add_person(db, 99)
    assert dump(db) != expected
    live_log = dump(db)["change_log"]
    report = restore_backup(db, backup)
    after = dump(db)
    # Every table is exactly as in the backup; the change log keeps the entries written
    # after the backup (marked as belonging to the replaced data), then the restore entry.
    log = after.pop("change_log")
    expected_log = expected.pop("change_log")
    assert after == expected
    assert log[: len(expected_log)] == expected_log
    carried = log[len(expected_log) : -1]
    since = live_log[len(expected_log) :]
    assert [row[:8] for row in carried] == [row[:8] for row in since]
    assert {row[5] for row in carried} >= {"delete", "update", "insert"}
    assert all(row[8].startswith(REPLACED_NOTE) for row in carried)
    assert log[-1][5] == "restore" and f"{len(since)} 条操作日志已保留" in log[-1][8]
    assert report.safety_backup is not None and report.safety_backup.exists()
    # The state before the restore was kept and is itself restorable.
    assert (
        sqlite3.connect(report.safety_backup)
        .execute("SELECT count(*) FROM members WHERE name = '改名后'")
        .fetchone()[0]
        == 1
    )
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # the connection kept its pragmas
    db.conn.close()


def test_restore_of_an_older_schema_applies_the_missing_migrations(tmp_path):
    db = open_database(tmp_path / "u.db")
    fill(db, 3)
    backup = make_backup(db, folder=tmp_path / "bk")
    # Make the backup look as if it was taken before the safety area existed.
    conn = sqlite3.connect(backup)
    conn.execute("DROP TABLE recycle_rows")
    conn.execute("DROP TABLE recycle_groups")
    conn.execute("DELETE FROM _migrations WHERE name LIKE 'safety_0001%'")
    conn.commit()
    conn.close()
    report = restore_backup(db, backup)
    assert "safety_0001_recycle_bin" in report.migrated
    assert {"recycle_groups", "recycle_rows"} <= set(db.table_names())
    db.conn.close()


def test_damaged_foreign_and_newer_backups_are_refused(tmp_path, branch_db):
    backup = make_backup(branch_db, folder=tmp_path / "bk")
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(BackupError, match="不是本程序的数据文件"):
        check_restorable(foreign)
    newer = tmp_path / "newer.db"
    newer.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _migrations VALUES ('9999_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNewError):
        check_restorable(newer)
    with pytest.raises(BackupError, match="找不到"):
        check_restorable(tmp_path / "missing.db")
    before = dump(branch_db)
    with pytest.raises(DatabaseTooNewError):
        restore_backup(branch_db, newer)
    assert dump(branch_db) == before  # nothing changed, not even a safety backup's log entry


def test_restoring_from_the_open_file_itself_is_refused(tmp_path):
    db = open_database(tmp_path / "u.db")
    with pytest.raises(BackupError, match="本身"):
        restore_backup(db, tmp_path / "u.db")
    db.conn.close()


def test_backup_is_verified_and_listed_with_counts(tmp_path):
    db = open_database(tmp_path / "u.db")
    fill(db, 5)
    report = make_backups(db, reason="manual", now=dt.datetime(2024, 3, 5, 8, 0))
    assert verify_backup(report.primary) == "ok"
    infos = list_backups([tmp_path / "backups"])
    assert len(infos) == 1
    info = infos[0]
    assert info.counts["members"] == 5 and info.counts["welfare_payments"] == 0
    assert info.created == dt.datetime(2024, 3, 5, 8, 0) and info.recorded
    assert info.to_json()["members"] == 5 and info.to_json()["payments"] == 0
    db.conn.close()


def test_second_folder_gets_a_verified_copy_and_a_missing_one_is_only_a_problem(tmp_path):
    from guilin_union.services import settings

    db = open_database(tmp_path / "u.db")
    fill(db, 2)
    second = tmp_path / "usb"
    settings.set_many(db, {"backup_second_folder": str(second)})
    report = make_backups(db, reason="manual")
    assert len(report.copies) == 1 and verify_backup(report.copies[0]) == "ok"
    assert report.copies[0].parent == second and report.problems == []
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.set_many(db, {"backup_second_folder": str(blocker / "sub")})
    report = make_backups(db, reason="manual")
    assert report.primary.exists() and report.copies == []
    assert report.problems and "第二备份文件夹" in report.problems[0]
    db.conn.close()


def test_backup_of_a_read_only_connection(tmp_path):
    db = open_database(tmp_path / "u.db")
    fill(db, 2)
    db.conn.close()
    ro = open_database(tmp_path / "u.db", read_only=True)
    out = make_backup(ro, folder=tmp_path / "bk")
    assert verify_backup(out) == "ok"
    ro.conn.close()
