"""The lock between two PCs is judged by whether the holder keeps rewriting it, never by
comparing the two PCs' clocks (issue 14): office PCs drift, and a live lock must not be
cleared because its timestamps look old."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time

import pytest

from guilin_union.cli import main
from guilin_union.services import members
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.storage.database import stop_writes
from guilin_union.storage.lock import (
    DatabaseLock,
    LockHeldError,
    lock_path_for,
    read_lock,
    server_age,
    unchanged_for,
)

OTHER_PC = "财务处-PC7"


class Rewriter:
    """Another PC whose clock is three hours behind, rewriting its lock every 0.1 s."""

    def __init__(self, db_path) -> None:
        self.path = lock_path_for(db_path)
        self.stop = threading.Event()
        self.rewrites = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _write(self) -> None:
        behind = (dt.datetime.now() - dt.timedelta(hours=3)).replace(microsecond=0).isoformat()
        data = {
            "computer": OTHER_PC,
            "user": "li",
            "pid": 4242,
            "started_at": "2026-12-07T05:00:00",
            "heartbeat_at": behind,
            "token": "other-pc",
        }
        temp = self.path.with_name(self.path.name + ".other.new")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, self.path)
        self.rewrites += 1

    def _run(self) -> None:
        while not self.stop.wait(0.1):
            self._write()

    def __enter__(self) -> Rewriter:
        self._write()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def test_a_lock_that_keeps_changing_is_never_cleared(tmp_path):
    db_path = tmp_path / "u.db"
    with Rewriter(db_path) as other:
        start = other.rewrites
        # Try for several stale periods (stale_after shortened to 0.5 s for the test).
        while other.rewrites < start + 25:
            with pytest.raises(LockHeldError) as info:
                DatabaseLock(
                    db_path, stale_after=dt.timedelta(seconds=0.5), heartbeat_seconds=0
                ).acquire()
            assert info.value.holder is None or info.value.holder.computer == OTHER_PC
            time.sleep(0.05)
    assert read_lock(db_path).token == "other-pc"


def test_once_the_other_pc_stops_its_lock_is_cleared(tmp_path):
    db_path = tmp_path / "u.db"
    with Rewriter(db_path):
        pass
    stale_after = dt.timedelta(seconds=0.3)
    deadline = time.monotonic() + 30
    while True:
        try:
            lock = DatabaseLock(db_path, stale_after=stale_after, heartbeat_seconds=0).acquire()
            break
        except LockHeldError:
            assert time.monotonic() < deadline, "a lock nobody rewrites was never cleared"
            time.sleep(0.1)
    assert lock.cleared is not None and lock.cleared.computer == OTHER_PC
    lock.release()


def test_a_write_command_exits_1_naming_that_computer(tmp_path, capsys):
    db_path = tmp_path / "u.db"
    db = open_database(db_path)
    branches.add_branch(db, "机关分工会")
    members.add_member(db, {"name": "李明", "branch": "机关分工会", "join_date": "2000-01-01"})
    db.conn.close()
    with Rewriter(db_path):
        capsys.readouterr()
        code = main(
            [
                "--db",
                str(db_path),
                "members",
                "status",
                "1",
                "--change",
                "退休",
                "--on",
                "2024-06-30",
                "--reason",
                "到龄退休",
            ]
        )
        err = capsys.readouterr().err
        assert code == 1
        assert OTHER_PC in err
        # Reading still works.
        assert main(["--db", str(db_path), "members", "list", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)[0]["name"] == "李明"
    assert read_lock(db_path).token == "other-pc"  # left alone


def test_unchanged_for_uses_only_this_pcs_monotonic_clock(tmp_path):
    path = tmp_path / "x.db.lock"
    path.write_text('{"heartbeat_at": "2000-01-01T00:00:00"}', encoding="utf-8")
    clock = iter([100.0, 400.0, 800.0, 900.0])
    assert unchanged_for(path, clock=lambda: next(clock)) == 0.0
    assert unchanged_for(path, clock=lambda: next(clock)) == 300.0
    path.write_text('{"heartbeat_at": "2000-01-01T00:00:01"}', encoding="utf-8")
    assert unchanged_for(path, clock=lambda: next(clock)) == 0.0  # it changed: watch anew
    assert unchanged_for(path, clock=lambda: next(clock)) == 100.0
    path.unlink()
    assert unchanged_for(path) is None


def test_server_age_compares_two_stamps_of_the_same_file_system(tmp_path):
    path = tmp_path / "x.db.lock"
    path.write_text("{}", encoding="utf-8")
    assert server_age(path) < 60
    old = time.time() - 3600
    os.utime(path, (old, old))
    assert 3500 < server_age(path) < 3700
    assert [p.name for p in tmp_path.iterdir()] == ["x.db.lock"]  # the probe is gone
    assert server_age(tmp_path / "missing.lock") is None


def test_the_holder_that_lost_its_lock_stops_writing(tmp_path):
    db_path = tmp_path / "u.db"
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    db = open_database(db_path)
    # Another PC decided we were gone and took the file.
    lock_path_for(db_path).write_text(
        json.dumps({"computer": OTHER_PC, "user": "li", "pid": 1, "token": "theirs"}),
        encoding="utf-8",
    )
    assert not lock.refresh() and lock.is_lost()
    stop_writes(db)
    with pytest.raises(Exception, match="readonly|read-only|query_only"):
        branches.add_branch(db, "机关分工会")
    assert db.execute("SELECT count(*) FROM branches").fetchone()[0] == 0
    db.conn.close()
    lock.release()
    assert read_lock(db_path).token == "theirs"
