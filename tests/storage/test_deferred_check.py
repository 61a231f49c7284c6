"""quick_check in the background (issue 15: start-up) without ever writing a damaged file:
reads go ahead at once, writes wait for the verdict and are refused when it is bad."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time

import pytest

from guilin_union.services import members
from guilin_union.storage import integrity, open_database
from guilin_union.storage.integrity import DatabaseDamagedError, DeferredQuickCheck
from tests.safety_fixtures import add_person, corrupt_index, filled_file


@pytest.fixture
def db_path(tmp_path):
    return filled_file(tmp_path / "union.db")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _slow_check(verdict: str, release: threading.Event):
    def check(_conn: sqlite3.Connection) -> str:
        release.wait(30)
        return verdict

    return check


def _guarded(db_path, verdict: str, release: threading.Event):
    db = open_database(db_path, check_integrity=False)
    check = DeferredQuickCheck(db_path, check=_slow_check(verdict, release))
    check.guard(db.conn)
    check.start()
    return db, check


def test_healthy_file_opens_with_the_check_running_behind(db_path):
    db = open_database(db_path, defer_quick_check=True)
    check = db.deferred_check
    assert isinstance(check, DeferredQuickCheck)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 60  # reads at once
    assert check.wait(30) == "ok" and check.passed
    add_person(db, 61)  # and writes once it passed
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 61
    db.conn.close()


def test_a_write_before_the_verdict_waits_for_it_then_runs(db_path):
    release = threading.Event()
    db, check = _guarded(db_path, "ok", release)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 60  # not held up
    threading.Timer(0.4, release.set).start()
    started = time.perf_counter()
    add_person(db, 61)
    assert time.perf_counter() - started >= 0.35  # it waited for the check …
    assert check.writes_waited >= 1 and check.passed
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 61  # … then ran
    db.conn.close()


def test_a_write_before_a_bad_verdict_never_reaches_the_file(db_path):
    release = threading.Event()
    db, check = _guarded(
        db_path, "*** in database main ***\nPage 7: btreeInitPage() error", release
    )
    before = _digest(db_path)
    threading.Timer(0.3, release.set).start()
    with pytest.raises(sqlite3.DatabaseError):
        add_person(db, 61)
    assert check.done and not check.passed and check.writes_waited >= 1
    for statement in (
        "UPDATE members SET name = '改' WHERE id = 1",
        "DELETE FROM members",
        "CREATE TABLE x (y)",
        "PRAGMA user_version = 7",
    ):
        with pytest.raises(sqlite3.DatabaseError):
            db.execute(statement)
    assert db.execute("SELECT count(*) FROM members").fetchone()[0] == 60  # reads still work
    db.execute("CREATE TEMP TABLE scratch (x)")  # not the file: allowed
    db.conn.close()
    assert _digest(db_path) == before


def test_damaged_file_found_behind_the_open(db_path):
    corrupt_index(db_path)  # tables readable, quick_check fails
    before = _digest(db_path)
    db = open_database(db_path, defer_quick_check=True)  # opens: the check runs behind
    assert db.deferred_check.wait(30) != "ok"
    with pytest.raises(sqlite3.DatabaseError):
        members.add_member(db, {"name": "新会员", "branch": "文学院分工会"})
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM members")
    db.conn.close()
    assert _digest(db_path) == before


def test_a_file_that_needs_a_migration_is_checked_before_it(db_path):
    conn = sqlite3.connect(db_path)
    last = conn.execute("SELECT name FROM _migrations ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    conn.execute("DELETE FROM _migrations WHERE name = ?", [last])
    conn.commit()
    conn.close()
    corrupt_index(db_path)
    with pytest.raises(DatabaseDamagedError):
        open_database(db_path, defer_quick_check=True)


def test_check_that_cannot_run_is_not_a_pass(db_path, monkeypatch):
    def broken(_conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(integrity, "quick_check", broken)
    check = DeferredQuickCheck(db_path).start()
    assert check.wait(30) == "disk I/O error" and not check.passed
