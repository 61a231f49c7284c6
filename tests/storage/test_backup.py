from __future__ import annotations

import sqlite3

from guilin_union.services.members import branches
from guilin_union.storage.backup import BACKUP_PREFIX, make_backup


def test_backup_is_a_verified_copy(branch_db, tmp_path):
    out = make_backup(branch_db, reason="manual", folder=tmp_path / "bk")
    assert out.name.startswith(BACKUP_PREFIX) and out.suffix == ".db"
    assert not list((tmp_path / "bk").glob("*.tmp"))
    copy = sqlite3.connect(out)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM branches").fetchone()[0] == 3


def test_two_backups_in_the_same_second_do_not_collide(branch_db, tmp_path):
    import datetime as dt

    now = dt.datetime(2024, 3, 5, 8, 0, 0)
    a = make_backup(branch_db, folder=tmp_path, now=now)
    branches.add_branch(branch_db, "体育学院分工会")
    b = make_backup(branch_db, folder=tmp_path, now=now)
    assert a != b and a.exists() and b.exists()
