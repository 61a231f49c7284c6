"""A zero-byte file where the database should be: a new database, or lost data?

SQLite happily opens an empty file as a new, empty database and the program would then write
a fresh schema over it. That is right for a file the user just created, and wrong when the
file used to hold the union's records (a sync client or a failed copy truncated it): the
secretary would see an empty register and start over, while the newest good backup sits in
the folder beside it.

So an empty file is treated as damage when anything beside it says a database existed:
our backups (or the backup index) in the ``backups`` folder, a rollback journal, a lock file
not held by this process, or attachments. Then the file is left untouched and the caller gets
:class:`~guilin_union.storage.integrity.DatabaseDamagedError` naming the newest good backup,
as for any other damage. Only an empty file with none of these is a new database.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     db = Path(folder) / "union.db"
...     _ = db.write_bytes(b"")
...     before = evidence_of_a_database(db)
...     _ = (Path(folder) / "union.db-journal").write_bytes(b"x")
...     before, evidence_of_a_database(db)
([], ['回滚日志文件 union.db-journal'])
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from guilin_union.core.errors import ConflictError

__all__ = [
    "EMPTY_FILE_DETAILS",
    "ForeignDatabaseError",
    "evidence_of_a_database",
    "guard_empty_file",
    "guard_foreign_database",
]

EMPTY_FILE_DETAILS = "数据文件是空的（0 字节），但旁边有{evidence}，说明这里原本有数据"


def _has_files(folder: Path) -> bool:
    try:
        return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))
    except OSError:
        return False


def evidence_of_a_database(db_path: Path) -> list[str]:
    """What beside ``db_path`` says a database existed there (Chinese phrases)."""
    from guilin_union.storage.backup import MANIFEST_NAME, backup_dir_for, parse_backup_name
    from guilin_union.storage.lock import _held, cleared_locks, lock_path_for

    found: list[str] = []
    backups = backup_dir_for(db_path)
    try:
        names = [p.name for p in backups.iterdir()] if backups.is_dir() else []
    except OSError:
        names = []
    if MANIFEST_NAME in names or any(parse_backup_name(n) for n in names):
        found.append(f"备份文件夹 {backups}")
    journal = db_path.with_name(db_path.name + "-journal")
    if journal.exists():
        found.append(f"回滚日志文件 {journal.name}")
    lock = lock_path_for(db_path)
    try:
        ours = os.path.normcase(str(lock.resolve())) in _held
    except OSError:
        ours = False
    try:
        key = os.path.normcase(str(lock.resolve()))
    except OSError:
        key = ""
    if (lock.exists() and not ours) or key in cleared_locks:  # also one cleared on opening
        found.append(f"锁文件 {lock.name}")
    if _has_files(db_path.parent / "attachments"):
        found.append("附件文件夹 attachments")
    return found


def guard_empty_file(path: Path, *, check_integrity: bool) -> None:
    """Refuse a zero-byte ``path`` that is not a new database (see the module docstring).

    With ``check_integrity`` the refusal is ``DatabaseDamagedError`` (offer the newest good
    backup); a read-only inspection without checks gets ``sqlite3.DatabaseError`` instead,
    so it reports "cannot be opened" rather than showing an empty database.
    """
    try:
        if not path.is_file() or path.stat().st_size != 0:
            return
    except OSError:
        return
    evidence = evidence_of_a_database(path)
    if not evidence:
        return
    details = EMPTY_FILE_DETAILS.format(evidence="、".join(evidence))
    if not check_integrity:
        raise sqlite3.DatabaseError(details)
    from guilin_union.storage.integrity import DatabaseDamagedError, damage_report

    raise DatabaseDamagedError(damage_report(path, details))


class ForeignDatabaseError(ConflictError):
    """The file is an SQLite database of another program: never migrated or written."""


def guard_foreign_database(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a database that has tables but none of this program's bookkeeping
    (``_migrations``): migrating it would write our tables into someone else's file.

    Runs before any pragma that could write (``journal_mode``)."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if not tables or "_migrations" in tables:
        return
    shown = "、".join(tables[:5]) + ("等" if len(tables) > 5 else "")
    raise ForeignDatabaseError(
        f"“{path.name}”不是本程序的数据文件（其中是其他程序的数据表：{shown}）。"
        "为免改动它，程序没有打开也没有写入这个文件。请选择本程序的数据文件，或新建一个数据库。"
    )
