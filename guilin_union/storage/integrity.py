"""Is the database file healthy? ``quick_check`` on every open, full checks on request.

A power cut in the middle of a write is repaired by SQLite's journal; what is left is damage
from outside (a synced folder that copied half a file, a failing disk, a file copied while it
was open). Such a file must never be written to: :func:`quick_check` runs before migrations
and :class:`DatabaseDamagedError` tells the caller (GUI or CLI) to open it read-only and
offer the newest good backup.

>>> import sqlite3
>>> quick_check(sqlite3.connect(":memory:"))
'ok'
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guilin_union.core.errors import ConflictError

# Messages SQLite uses for a file that is not (or no longer) a readable database.
_DAMAGE_MARKERS = ("malformed", "not a database", "disk image", "corrupt", "file is encrypted")


def is_damage_error(exc: BaseException) -> bool:
    """True for SQLite errors that mean "the file is damaged" (not "locked" or "missing").

    >>> is_damage_error(sqlite3.DatabaseError("database disk image is malformed"))
    True
    >>> is_damage_error(sqlite3.OperationalError("database is locked"))
    False
    """
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    text = str(exc).lower()
    return any(marker in text for marker in _DAMAGE_MARKERS)


def quick_check(conn: sqlite3.Connection, *, limit: int = 20) -> str:
    """``"ok"`` or the first problems SQLite reports (``PRAGMA quick_check``: milliseconds
    for an office-sized file; it checks structure, not every index entry)."""
    return _run_check(conn, f"PRAGMA quick_check({int(limit)})")


def integrity_check(conn: sqlite3.Connection, *, limit: int = 50) -> str:
    """``"ok"`` or the problems of the full ``PRAGMA integrity_check`` (also indexes)."""
    return _run_check(conn, f"PRAGMA integrity_check({int(limit)})")


def _run_check(conn: sqlite3.Connection, pragma: str) -> str:
    try:
        rows = [r[0] for r in conn.execute(pragma)]
    except sqlite3.DatabaseError as exc:
        if is_damage_error(exc):  # so damaged that the check itself cannot read on
            return str(exc)
        raise
    return "ok" if rows == ["ok"] else "；".join(str(r) for r in rows)


@dataclass(frozen=True)
class ForeignKeyProblem:
    """A row that points at a record which does not exist (``PRAGMA foreign_key_check``)."""

    table: str
    rowid: int | None
    parent: str


def foreign_key_problems(conn: sqlite3.Connection, *, limit: int = 200) -> list[ForeignKeyProblem]:
    problems = []
    for row in conn.execute("PRAGMA foreign_key_check"):
        problems.append(ForeignKeyProblem(table=row[0], rowid=row[1], parent=row[2]))
        if len(problems) >= limit:
            break
    return problems


@dataclass
class DamageReport:
    """What is wrong with a file and which backup could replace it."""

    path: Path
    details: str
    newest_backup: Path | None = None
    backups_checked: list[Path] = field(default_factory=list)


class DatabaseDamagedError(ConflictError):
    """The file failed ``quick_check`` (or is not a database at all).

    A subclass of ConflictError so the command line reports it as a data error (exit 1)
    with its Chinese message instead of a traceback.
    """

    def __init__(self, report: DamageReport) -> None:
        self.report = report
        text = (
            f"数据文件已损坏：{report.path}\n"
            f"（SQLite 检查结果：{report.details[:300]}）\n"
            "为避免进一步损坏，程序不会写入这个文件，只能以只读方式打开它。"
        )
        if report.newest_backup is not None:
            text += f"\n建议从最近的完好备份恢复：{report.newest_backup}"
        else:
            text += "\n没有找到完好的自动备份，请联系技术人员，并保留这个文件不要删除。"
        super().__init__(text)


def damage_report(path: Path, details: str) -> DamageReport:
    """Build a report and look for the newest backup that passes ``quick_check``."""
    from guilin_union.storage.backup import newest_good_backup

    checked: list[Path] = []
    newest = newest_good_backup(path, checked=checked)
    return DamageReport(path=path, details=details, newest_backup=newest, backups_checked=checked)


def walk_tables(db: Any) -> None:
    """Read every table's b-tree (raises ``sqlite3.DatabaseError`` when one is damaged).

    A damaged index alone is tolerated (``NOT INDEXED``): the screens can still show a file
    whose tables are intact.
    """
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        db.execute(f"SELECT count(*) FROM [{table}] NOT INDEXED").fetchone()
