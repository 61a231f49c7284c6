"""Opening the database file: pragmas, migrations, default locations.

Every connection is opened through :func:`open_database` so the safety pragmas of
data-safety.md are never forgotten (``foreign_keys`` is off by default in Python's sqlite3).
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlite_utils

from guilin_union.storage.migrations import DatabaseTooNewError, migrate

__all__ = [
    "DatabaseTooNewError",
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


def default_data_dir() -> Path:
    """The user's data folder (``%APPDATA%\\guilin-union`` on Windows)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    """Database path: ``$GUILIN_UNION_DB`` if set, else ``<data dir>/guilin-union.db``."""
    env = os.environ.get("GUILIN_UNION_DB")
    if env:
        return Path(env).expanduser()
    return default_data_dir() / "guilin-union.db"


def demo_db_path() -> Path:
    """The demo database lives apart from the real one so a newcomer cannot mix them up."""
    return default_data_dir() / "demo" / "guilin-union-demo.db"


def apply_pragmas(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    for name, value in SAFETY_PRAGMAS.items():
        if read_only and name == "journal_mode":
            continue
        conn.execute(f"PRAGMA {name}={value}")


def open_database(
    path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    run_migrations: bool = True,
) -> sqlite_utils.Database:
    """Open (creating if needed) the union database with every safety pragma set.

    >>> db = open_database(":memory:")
    >>> db.execute("PRAGMA foreign_keys").fetchone()[0]
    1
    """
    if path is None:
        path = default_db_path()
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
    else:
        file = Path(path)
        if read_only:
            conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(file))
    # Autocommit mode: transactions are explicit through db.atomic().
    conn.isolation_level = None
    apply_pragmas(conn, read_only=read_only)
    db = sqlite_utils.Database(conn)
    if run_migrations and not read_only:
        migrate(db, path=None if str(path) == ":memory:" else Path(path))
    elif read_only:
        from guilin_union.storage.migrations import check_not_newer

        check_not_newer(db)
    return db


def database_path(db: sqlite_utils.Database) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None
