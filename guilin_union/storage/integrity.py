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

import os
import sqlite3
import sys
import threading
from collections.abc import Callable
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


# Authorizer actions that change the database file (see DeferredQuickCheck); temporary
# objects (database "temp") are not the file and stay allowed.
_WRITE_ACTIONS = frozenset(
    {
        sqlite3.SQLITE_INSERT,
        sqlite3.SQLITE_UPDATE,
        sqlite3.SQLITE_DELETE,
        sqlite3.SQLITE_CREATE_INDEX,
        sqlite3.SQLITE_CREATE_TABLE,
        sqlite3.SQLITE_CREATE_TRIGGER,
        sqlite3.SQLITE_CREATE_VIEW,
        sqlite3.SQLITE_DROP_INDEX,
        sqlite3.SQLITE_DROP_TABLE,
        sqlite3.SQLITE_DROP_TRIGGER,
        sqlite3.SQLITE_DROP_VIEW,
        sqlite3.SQLITE_ALTER_TABLE,
        sqlite3.SQLITE_REINDEX,
        sqlite3.SQLITE_ANALYZE,
        sqlite3.SQLITE_CREATE_VTABLE,
        sqlite3.SQLITE_DROP_VTABLE,
    }
)
# Pragmas that write the file when given a value (or, the last three, whenever run).
_WRITING_PRAGMAS = frozenset(
    {
        "user_version",
        "application_id",
        "schema_version",
        "journal_mode",
        "page_size",
        "auto_vacuum",
        "writable_schema",
        "max_page_count",
        "incremental_vacuum",
        "wal_checkpoint",
        "optimize",
    }
)
_ALWAYS_WRITING_PRAGMAS = frozenset({"incremental_vacuum", "wal_checkpoint", "optimize"})
WRITE_WAIT_S = 300.0  # a write waits this long at most for the verdict, then is refused


def _is_write(action: int, arg1: str | None, arg2: str | None, db_name: str | None) -> bool:
    if db_name == "temp":
        return False
    if action in _WRITE_ACTIONS:
        return True
    if action == sqlite3.SQLITE_PRAGMA and arg1 is not None:
        name = arg1.lower()
        return name in _ALWAYS_WRITING_PRAGMAS or (name in _WRITING_PRAGMAS and arg2 is not None)
    return False


def _lower_this_thread_priority() -> None:
    """Best effort: the calling thread runs at a lower priority than the UI thread (on a
    busy 2-core PC the check then takes CPU time the window does not need)."""
    try:
        if sys.platform == "win32":
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # BELOW_NORMAL
        elif hasattr(os, "setpriority"):  # Linux: a thread is a task of its own
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (OSError, AttributeError):
        pass


class DeferredQuickCheck:
    """``quick_check`` of a database file run in a background thread, on its own read-only
    connection, while the program already shows the file (issue 15: start-up; the check
    takes about a second on twenty years of records).

    Why this keeps data-safety.md's rule "a damaged file is never written to":

    * the check only reads, so running it beside the program's reads changes nothing;
    * every connection that may write before the verdict has :meth:`authorizer` installed
      (``sqlite3.Connection.set_authorizer``). SQLite consults it when a statement is
      prepared, before any byte is written: a write statement (INSERT/UPDATE/DELETE, schema
      changes, writing pragmas — whatever code path it comes from) *waits* for the verdict
      and then runs if the file is healthy, or is refused (``sqlite3.DatabaseError``: not
      authorized) if it is not. Reads are never held up;
    * what a write needs before it may run at all stays synchronous in ``open_database``:
      the empty-file and foreign-database guards, and a full ``quick_check`` before any
      migration (a schema change writes at once);
    * a failed check is reported to the caller (the main window), which reopens the file
      through the usual guarded path: damaged files open read-only with the offer of the
      newest good backup, exactly as if the check had run before the window appeared.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.db"
    >>> sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    >>> check = DeferredQuickCheck(path).start()
    >>> check.wait(30), check.passed
    ('ok', True)
    """

    def __init__(
        self, path: Path, *, check: Callable[[sqlite3.Connection], str] | None = None
    ) -> None:
        self.path = Path(path)
        self.result: str | None = None  # "ok" or what is wrong, once done
        self.writes_waited = 0  # write statements that had to wait for the verdict
        self._check = check
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="quick_check", daemon=True)

    def start(self) -> DeferredQuickCheck:
        self._thread.start()
        return self

    def _run(self) -> None:
        _lower_this_thread_priority()  # the window filling itself comes first
        try:
            from guilin_union.storage.uri import connect_read_only

            conn = connect_read_only(self.path)
            try:
                conn.execute("PRAGMA busy_timeout = 5000")
                result = (self._check or quick_check)(conn)
            finally:
                conn.close()
        except Exception as exc:  # noqa: BLE001 — any failure means "not known to be healthy"
            result = str(exc) or type(exc).__name__
        self.result = result
        self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def passed(self) -> bool:
        return self._done.is_set() and self.result == "ok"

    def wait(self, timeout: float | None = None) -> str | None:
        """The verdict (``"ok"`` or the problems), or None when not done within ``timeout``."""
        self._done.wait(timeout)
        return self.result if self._done.is_set() else None

    def authorizer(
        self,
        action: int,
        arg1: str | None,
        arg2: str | None,
        db_name: str | None,
        _trigger: str | None,
    ) -> int:
        """``set_authorizer`` callback: reads pass; writes wait for a healthy verdict."""
        if self.passed or not _is_write(action, arg1, arg2, db_name):
            return sqlite3.SQLITE_OK
        if not self._done.is_set():
            self.writes_waited += 1
            self._done.wait(WRITE_WAIT_S)
        return sqlite3.SQLITE_OK if self.passed else sqlite3.SQLITE_DENY

    def guard(self, conn: sqlite3.Connection) -> None:
        """Make ``conn``'s writes wait for the verdict (call from the connection's thread)."""
        if not self.passed:
            conn.set_authorizer(self.authorizer)
