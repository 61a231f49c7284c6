"""The register's first page read with plain ``sqlite3`` before the storage layer is loaded.

At start-up the window shows the first rows of 会员名册 while sqlite-utils, the lock, the
migrations and the background ``quick_check`` come up behind it (issue 15). This module
imports nothing but ``sqlite3`` and the masking rules: it opens the file read-only (never
creating or changing it), reads the same columns, order and masking as the register's first
page (``services.members`` with the default ``MemberQuery``), and answers None whenever it
cannot be sure the rows are right — the program then fills the register the normal way.
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Any

from guilin_union.core.masking import mask_phone
from guilin_union.storage.uri import connect_read_only

FIRST_PAGE_ROWS = 60  # as many rows as a maximised window shows

# The register's columns for the default order (会员编号, then id: services.members.query_ids).
_FIRST_PAGE_SQL = (
    "SELECT m.id, m.member_no, m.name, m.gender, b.name AS branch, m.department, m.title,"
    " m.phone, m.join_date, m.status FROM members m JOIN branches b ON b.id = m.branch_id"
    " ORDER BY m.member_no, m.id LIMIT ?"
)


def schema_stamp(conn: sqlite3.Connection) -> str:
    """The migrations the file has (count and the last name): compared with what the program
    recorded after its last open of an up-to-date file, to know no migration is due."""
    count, last = conn.execute(
        "SELECT count(*), (SELECT name FROM _migrations ORDER BY rowid DESC LIMIT 1)"
        " FROM _migrations"
    ).fetchone()
    return f"{count}:{last}"


def _masked(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM settings WHERE key = 'mask_personal_numbers'").fetchone()
    # settings are JSON (services.settings.get); no row: the default, masked.
    return row is None or bool(json.loads(row[0]))


def read_first_page(
    path: str | os.PathLike[str], expected_stamp: str, *, limit: int = FIRST_PAGE_ROWS
) -> list[dict[str, Any]] | None:
    """The register's first ``limit`` rows as display dicts (``phone_display`` masked unless
    the file's setting turns masking off), or None: the file is missing, unreadable, not at
    ``expected_stamp`` (a migration is due, or the program never opened it), or any error."""
    if not expected_stamp or not os.path.isfile(path):
        return None
    try:
        conn = connect_read_only(path)
    except (sqlite3.Error, ValueError, OSError):
        return None
    try:
        if schema_stamp(conn) != expected_stamp:
            return None
        masked = _masked(conn)
        cursor = conn.execute(_FIRST_PAGE_SQL, [limit])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    except (sqlite3.Error, ValueError, TypeError):  # JSON errors are ValueErrors
        return None
    finally:
        conn.close()
    for row in rows:
        phone = row.pop("phone")
        row["phone_display"] = mask_phone(phone) if masked else (phone or "")
    return rows


def program_stamp() -> str:
    """:func:`schema_stamp` of a file holding every migration this program knows (imports
    the schema: call it once the storage layer is loaded)."""
    from guilin_union.storage.schema import ALL_MIGRATIONS

    return f"{len(ALL_MIGRATIONS)}:{ALL_MIGRATIONS[-1][0] if ALL_MIGRATIONS else None}"
