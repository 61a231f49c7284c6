"""Verified backups: ``VACUUM INTO`` a temporary name, ``integrity_check`` it, then rename.

Copying the file while it is open can copy a torn state; VACUUM INTO reads a consistent
snapshot through SQLite itself. The data-safety issue extends this module (retention,
second folder, restore); the foundation needs it before migrations.
"""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from pathlib import Path

import sqlite_utils

BACKUP_PREFIX = "guilin-union-backup-"


class BackupError(RuntimeError):
    """A backup could not be made or did not verify (message in Chinese)."""


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / "backups"


def make_backup(
    db: sqlite_utils.Database,
    *,
    reason: str = "manual",
    folder: Path | None = None,
    now: _dt.datetime | None = None,
) -> Path:
    """Write a verified copy of ``db`` and return its path."""
    from guilin_union.storage.database import database_path

    source = database_path(db)
    if folder is None:
        if source is None:
            raise BackupError("内存数据库无法备份到默认文件夹，请指定备份文件夹。")
        folder = backup_dir_for(source)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or _dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    safe_reason = "".join(ch for ch in reason if ch.isalnum() or ch in "-_") or "manual"
    final = folder / f"{BACKUP_PREFIX}{stamp}-{safe_reason}.db"
    n = 1
    while final.exists():
        n += 1
        final = folder / f"{BACKUP_PREFIX}{stamp}-{safe_reason}-{n}.db"
    temp = final.with_name(final.name + ".tmp")
    if temp.exists():
        temp.unlink()
    db.execute("VACUUM INTO ?", [str(temp)])
    try:
        check = sqlite3.connect(str(temp))
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise BackupError(f"备份文件校验失败：{result}")
        os.replace(temp, final)
    finally:
        if temp.exists():
            temp.unlink()
    return final
