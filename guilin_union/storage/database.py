"""Opening the database file: pragmas, migrations, default locations.

Every connection is opened through :func:`open_database` so the safety pragmas of
data-safety.md are never forgotten (``foreign_keys`` is off by default in Python's sqlite3).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from guilin_union.storage.migrations import DatabaseTooNewError, migrate
from guilin_union.storage.paths import default_data_dir, default_db_path, demo_db_path
from guilin_union.storage.uri import connect_read_only

__all__ = [
    "DatabaseTooNewError",
    "UnionDatabase",
    "open_database",
    "apply_pragmas",
    "default_data_dir",
    "default_db_path",
    "demo_db_path",
    "SAFETY_PRAGMAS",
]

APP_NAME = "guilin-union"

# Pragmas set on every connection; see data-safety.md for why each one matters.
SAFETY_PRAGMAS: dict[str, object] = {
    "foreign_keys": "ON",
    "journal_mode": "DELETE",  # one file: safer than WAL in synced/network folders
    "synchronous": "FULL",
    "secure_delete": "ON",  # deleted ID numbers must not stay readable in the file
    "trusted_schema": "OFF",
    "busy_timeout": 5000,
}


# The path functions live in storage.paths (no sqlite-utils import: the GUI needs them before
# its window is shown); they are re-exported here as before.


def apply_pragmas(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    for name, value in SAFETY_PRAGMAS.items():
        if read_only and name == "journal_mode":
            continue
        conn.execute(f"PRAGMA {name}={value}")


class UnionDatabase(sqlite_utils.Database):
    """sqlite-utils' Database that numbers its outermost transactions.

    sqlite3 has no commit hook, so the recycle bin recognises "rows deleted by one user
    action" (one ``with db.atomic():``) by this counter. Everything else is unchanged.
    """

    transaction_serial: int = 0
    read_only: bool = False
    deferred_check: Any = None  # a DeferredQuickCheck while quick_check runs in the background

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        if not self.conn.in_transaction:
            self.transaction_serial += 1
        with super().atomic() as db:
            yield db


def _connect(path: str | os.PathLike[str], read_only: bool) -> sqlite3.Connection:
    if str(path) == ":memory:":
        return sqlite3.connect(":memory:", check_same_thread=False)
    file = Path(path)
    if read_only:
        return connect_read_only(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(str(file))


def open_database(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    run_migrations: bool = True,
    check_integrity: bool = True,
    defer_quick_check: bool = False,
) -> sqlite_utils.Database:
    """Open (creating if needed) the union database with every safety pragma set.

    ``PRAGMA quick_check`` runs on every open of a file (before any migration): a damaged
    file raises :class:`~guilin_union.storage.integrity.DatabaseDamagedError`, whose report
    names the newest good backup. To look inside a damaged file anyway, open it with
    ``read_only=True, check_integrity=False``.

    ``defer_quick_check`` (the GUI's start, issue 15): the other guards still run now, but
    ``quick_check`` runs in the background (``db.deferred_check``, a
    :class:`~guilin_union.storage.integrity.DeferredQuickCheck`) and every write on this
    connection waits for its verdict; a file that needs a migration is checked now.

    >>> db = open_database(":memory:")
    >>> db.execute("PRAGMA foreign_keys").fetchone()[0]
    1
    """
    from guilin_union.storage.backup import clean_interrupted
    from guilin_union.storage.empty_file import guard_empty_file, guard_foreign_database
    from guilin_union.storage.integrity import (
        DatabaseDamagedError,
        damage_report,
        is_damage_error,
        quick_check,
    )

    if path is None:
        path = default_db_path()
    in_memory = str(path) == ":memory:"
    if not in_memory:  # a zero-byte file beside backups is lost data, not a new database
        guard_empty_file(Path(path), check_integrity=check_integrity)
    conn = _connect(path, read_only)
    try:
        # Autocommit mode: transactions are explicit through db.atomic().
        conn.isolation_level = None
        if check_integrity and not in_memory:  # another program's SQLite file: untouched
            guard_foreign_database(conn, Path(path))
        apply_pragmas(conn, read_only=read_only)
        defer = defer_quick_check and check_integrity and not in_memory
        if check_integrity and not in_memory and not defer:
            result = quick_check(conn)
            if result != "ok":
                raise DatabaseDamagedError(damage_report(Path(path), result))
    except sqlite3.DatabaseError as exc:
        conn.close()
        if check_integrity and is_damage_error(exc):
            raise DatabaseDamagedError(damage_report(Path(path), str(exc))) from exc
        raise
    except BaseException:
        conn.close()
        raise
    # No sqlite-utils plugins: the program uses none, and looking for them scans every
    # installed package's entry points (20–40 ms of start-up; issue 11).
    db = UnionDatabase(conn, execute_plugins=False)
    db.read_only = read_only
    db.deferred_check = None
    if defer:
        from guilin_union.storage.integrity import DeferredQuickCheck
        from guilin_union.storage.migrations import pending

        try:
            needs_migration = run_migrations and not read_only and bool(pending(db))
            # A migration writes at once: check the file first, as without deferral.
            verdict = quick_check(conn) if needs_migration else None
        except sqlite3.DatabaseError as exc:
            conn.close()
            if is_damage_error(exc):
                raise DatabaseDamagedError(damage_report(Path(path), str(exc))) from exc
            raise
        if verdict is not None and verdict != "ok":
            conn.close()
            raise DatabaseDamagedError(damage_report(Path(path), verdict))
        if verdict is None:
            db.deferred_check = DeferredQuickCheck(Path(path))
            db.deferred_check.guard(conn)  # before any write below (clean_interrupted reads)
            db.deferred_check.start()
    if run_migrations and not read_only:
        migrate(db, path=None if in_memory else Path(path))
        if not in_memory:  # temporary files of interrupted backups (storage/backup.py)
            clean_interrupted(db, Path(path))
    elif read_only:
        from guilin_union.storage.migrations import check_not_newer

        check_not_newer(db)
    return db


def database_path(db: sqlite_utils.Database) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def stop_writes(db: sqlite_utils.Database) -> None:
    """Refuse every further write on this connection (``PRAGMA query_only``): the program lost
    its lock, so another program may be writing the file now."""
    db.execute("PRAGMA query_only = ON")
    if isinstance(db, UnionDatabase):
        db.read_only = True
