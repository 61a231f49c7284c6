"""Commands respect the one-writer lock: they read a held file, and refuse to write it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from guilin_union.cli import main
from guilin_union.storage.lock import lock_path_for


def test_command_reads_but_does_not_write_a_file_held_by_another_program(tmp_path, capsys):
    path = tmp_path / "held.db"
    assert main(["--db", str(path), "demo"]) == 0
    # Another program (a live process on this computer) holds the file.
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        from guilin_union.storage.lock import computer_name

        lock_path_for(path).write_text(
            json.dumps(
                {
                    "computer": computer_name(),
                    "user": "secretary",
                    "pid": holder.pid,
                    "started_at": "2026-11-21T08:00:00",
                    "heartbeat_at": "2099-01-01T00:00:00",
                    "token": "x",
                }
            ),
            encoding="utf-8",
        )
        capsys.readouterr()
        assert main(["--db", str(path), "members", "list", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)
        code = main(["--db", str(path), "members", "approve", "--all-pending"])
        err = capsys.readouterr().err
        assert code == 1
        assert "secretary" in err and "未做任何修改" in err
    finally:
        holder.kill()
        holder.wait()
    assert os.path.exists(path)


def test_lock_is_released_after_a_command(tmp_path):
    path = tmp_path / "free.db"
    assert main(["--db", str(path), "check"]) == 0
    assert not lock_path_for(path).exists()
