"""One writer per database file: the lock file, stale locks, heartbeats."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from guilin_union.storage.lock import (
    DatabaseLock,
    LockHeldError,
    computer_name,
    is_stale,
    lock_path_for,
    pid_alive,
    read_lock,
)


def _write_lock(db_path, **fields):
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    data = {
        "computer": "OTHER-PC",
        "user": "wang",
        "pid": 4242,
        "started_at": now,
        "heartbeat_at": now,
        "token": "t0",
        "program": "guilin-union",
        **fields,
    }
    lock_path_for(db_path).write_text(json.dumps(data), encoding="utf-8")
    return data


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_acquire_writes_who_and_release_removes(tmp_path):
    db_path = tmp_path / "u.db"
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    info = read_lock(db_path)
    assert info is not None and info.pid == os.getpid() and info.computer == computer_name()
    assert info.started_at and info.token == lock.info.token
    lock.release()
    assert not lock_path_for(db_path).exists()


def test_same_process_shares_the_lock(tmp_path):
    db_path = tmp_path / "u.db"
    first = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    second = DatabaseLock(db_path, heartbeat_seconds=0).acquire()  # e.g. a second window
    second.release()
    assert lock_path_for(db_path).exists()
    first.release()
    assert not lock_path_for(db_path).exists()


def test_other_computer_with_fresh_heartbeat_is_refused_with_details(tmp_path):
    db_path = tmp_path / "u.db"
    _write_lock(db_path, started_at="2024-03-05T08:30:00")
    with pytest.raises(LockHeldError) as info:
        DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    holder = info.value.holder
    assert (holder.computer, holder.user, holder.pid) == ("OTHER-PC", "wang", 4242)
    message = str(info.value)
    assert "OTHER-PC" in message and "wang" in message and "2024年3月5日 08:30" in message
    assert lock_path_for(db_path).exists()  # the other program's lock is left alone


def test_other_computer_lock_unchanged_for_long_is_cleared(tmp_path):
    """Judged by the file's own age on its file system, not by the timestamp inside it."""
    db_path = tmp_path / "u.db"
    future = (dt.datetime.now() + dt.timedelta(hours=3)).replace(microsecond=0).isoformat()
    _write_lock(db_path, heartbeat_at=future, token="stale-one")  # a PC whose clock runs ahead
    old = dt.datetime.now().timestamp() - 30 * 60
    os.utime(lock_path_for(db_path), (old, old))
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    assert lock.cleared is not None and lock.cleared.token == "stale-one"
    assert read_lock(db_path).pid == os.getpid()
    lock.release()


def test_same_computer_dead_process_is_cleared(tmp_path):
    db_path = tmp_path / "u.db"
    _write_lock(db_path, computer=computer_name(), pid=_dead_pid())
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    assert lock.owned and lock.cleared is not None
    lock.release()


def test_same_computer_reused_pid_is_recognised(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("process start times are read from /proc")
    db_path = tmp_path / "u.db"
    # A live process (the test runner's parent) but with another start time: the id was reused.
    _write_lock(db_path, computer=computer_name(), pid=os.getppid(), pid_start="1")
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    assert lock.cleared is not None
    lock.release()


def test_unreadable_lock_being_written_now_is_respected(tmp_path):
    db_path = tmp_path / "u.db"
    lock_path_for(db_path).write_text("", encoding="utf-8")
    with pytest.raises(LockHeldError, match="正在打开"):
        DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    old = dt.datetime.now().timestamp() - 3600
    os.utime(lock_path_for(db_path), (old, old))
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    assert lock.owned
    lock.release()


def test_heartbeat_refreshes_and_notices_a_stolen_lock(tmp_path):
    db_path = tmp_path / "u.db"
    lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
    data = json.loads(lock_path_for(db_path).read_text(encoding="utf-8"))
    data["heartbeat_at"] = "2000-01-01T00:00:00"
    lock_path_for(db_path).write_text(json.dumps(data), encoding="utf-8")
    assert lock.refresh()
    assert read_lock(db_path).heartbeat_at > "2000-01-01T00:00:00"
    _write_lock(db_path, token="someone-else")
    assert not lock.refresh() and lock.is_lost()
    lock.release()
    assert read_lock(db_path).token == "someone-else"  # never delete another program's lock


def test_is_stale_rules(tmp_path):
    db_path = tmp_path / "u.db"
    # The timestamps inside do not matter any more: only whether the file keeps changing.
    _write_lock(db_path, heartbeat_at="2000-01-01T00:00:00")
    info = read_lock(db_path)
    assert not is_stale(info, path=lock_path_for(db_path))
    assert not is_stale(info)  # another computer, no file to watch: never judged gone
    old = dt.datetime.now().timestamp() - 3600
    os.utime(lock_path_for(db_path), (old, old))
    assert is_stale(info, path=lock_path_for(db_path))
    assert not pid_alive(_dead_pid()) and pid_alive(os.getpid())
