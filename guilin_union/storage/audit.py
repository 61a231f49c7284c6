"""Audited writes: every service write goes through these so the change log is complete.

Each call writes the row and its change-log entry in the caller's transaction, so a
rolled-back action leaves neither behind.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import sqlite_utils

from guilin_union.core.errors import NotFoundError


@lru_cache(maxsize=1)
def os_user() -> str:
    """The Windows (or POSIX) user name recorded as "who" in the change log."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in some service contexts
        return "unknown"


def now_iso() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def _json(row: Mapping[str, Any] | None) -> str | None:
    if row is None:
        return None
    return json.dumps(dict(row), ensure_ascii=False, default=str, sort_keys=True)


def log_event(
    db: sqlite_utils.Database,
    table: str,
    row_id: int | None,
    action: str,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    note: str | None = None,
) -> None:
    """Append one entry to the change log (also used for non-write events such as
    revealing a full ID number or printing an unmasked roster)."""
    db.execute(
        "INSERT INTO change_log (ts, os_user, table_name, row_id, action, before_json,"
        " after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [now_iso(), os_user(), table, row_id, action, _json(before), _json(after), note],
    )


def get_row(db: sqlite_utils.Database, table: str, row_id: int) -> dict[str, Any]:
    cursor = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
    values = cursor.fetchone()
    if values is None:
        raise NotFoundError(f"记录不存在（{table} #{row_id}）")
    return dict(zip([d[0] for d in cursor.description], values))


def insert(
    db: sqlite_utils.Database, table: str, row: Mapping[str, Any], *, note: str | None = None
) -> int:
    """Insert ``row`` (may carry an explicit ``id``) and log it; returns the new id."""
    columns = list(row)
    placeholders = ", ".join("?" for _ in columns)
    names = ", ".join(f"[{c}]" for c in columns)
    cursor = db.execute(
        f"INSERT INTO [{table}] ({names}) VALUES ({placeholders})", [row[c] for c in columns]
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
    row_id = int(row["id"]) if row.get("id") is not None else cursor.lastrowid
    log_event(db, table, row_id, "insert", after={**row, "id": row_id}, note=note)
    if row.get("id") is not None:
        # An undo that puts a deleted row back: the recycle bin stops offering it.
        from guilin_union.storage import recycle

        recycle.note_reinserted(db, table, row_id, row)
    return row_id


def insert_many(
    db: sqlite_utils.Database,
    table: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    note: str | None = None,
) -> list[int]:
    return [insert(db, table, row, note=note) for row in rows]


def update(
    db: sqlite_utils.Database,
    table: str,
    row_id: int,
    changes: Mapping[str, Any],
    *,
    note: str | None = None,
) -> dict[str, Any]:
    """Update the given columns; logs only the columns whose value really changed.

    Returns the row as it was before the change (for undo).
    """
    before = get_row(db, table, row_id)
    real = {k: v for k, v in changes.items() if before.get(k) != v}
    if not real:
        return before
    assignments = ", ".join(f"[{c}] = ?" for c in real)
    db.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*real.values(), row_id])
    log_event(
        db,
        table,
        row_id,
        "update",
        before={k: before.get(k) for k in real},
        after=real,
        note=note,
    )
    return before


def delete(
    db: sqlite_utils.Database, table: str, row_id: int, *, note: str | None = None
) -> dict[str, Any]:
    """Delete one row and log its full content; returns the deleted row (for undo).

    The row first goes to the recycle bin (``storage.recycle``), together with the rows its
    delete takes along (ON DELETE CASCADE, also logged here); every delete of one
    transaction forms one recycle-bin group, restored together. A savepoint keeps the copy
    and the delete together when the delete is refused (e.g. by a foreign key).
    """
    from guilin_union.storage import recycle

    before = get_row(db, table, row_id)
    with db.atomic():
        log_event(db, table, row_id, "delete", before=before, note=note)
        recycle.capture(db, table, row_id, before, note=note)
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
    return before
