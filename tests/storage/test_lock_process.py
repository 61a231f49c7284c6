"""A second process is refused with the holder's details and gets the lock after the first
is killed (SIGKILL: no chance to clean up)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from guilin_union.storage.lock import DatabaseLock, LockHeldError, lock_path_for, read_lock

HOLDER = """
import sys, time
from pathlib import Path
from guilin_union.storage.lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]), heartbeat_seconds=0).acquire()
print("READY", flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_second_process_refused_then_gets_lock_after_first_is_killed(tmp_path):
    db_path = tmp_path / "u.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "READY"
        with pytest.raises(LockHeldError) as info:
            DatabaseLock(db_path, heartbeat_seconds=0).acquire()
        assert info.value.holder.pid == holder.pid
        assert info.value.holder.user and info.value.holder.computer
        assert f"进程 {holder.pid}" in str(info.value)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        assert lock_path_for(db_path).exists()  # the killed program could not clean up
        lock = DatabaseLock(db_path, heartbeat_seconds=0).acquire()
        assert lock.cleared is not None and lock.cleared.pid == holder.pid
        assert read_lock(db_path).pid == os.getpid()
        lock.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
