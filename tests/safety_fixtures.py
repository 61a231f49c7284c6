"""Shared helpers for the data-safety tests (imported, not a conftest)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from guilin_union.core.ids import make_resident_id
from guilin_union.services import members as members_service
from guilin_union.services.members import branches

BRANCHES = ("文学院分工会", "机关分工会")


def setup_branches(db) -> None:  # noqa: ANN001
    for name in BRANCHES:
        branches.add_branch(db, name)


def person_id(n: int, gender: str = "男") -> str:
    """A distinct valid resident ID number for person ``n``."""
    return make_resident_id(
        "450302", dt.date(1980 + n % 20, 1 + n % 12, 1 + n % 27), n % 100, gender
    )


def add_person(
    db, n: int, *, name: str | None = None, status: str = "在会", branch: str = BRANCHES[0]
) -> int:  # noqa: ANN001
    """A member with name, ID number, phone and staff number derived from ``n``."""
    data = {
        "name": name or f"测员{'甲乙丙丁戊己庚辛壬癸'[n % 10]}{n}",
        "id_number": person_id(n),
        "phone": f"139{n:08d}",
        "staff_no": f"G{n:05d}",
        "branch": branch,
        "join_date": "2010-09-01",
        "status": status,
    }
    return members_service.add_member(db, data).row_id


def dump(source: Any, *, skip: tuple[str, ...] = ()) -> dict[str, list[tuple]]:
    """Every table's rows in rowid order: ``dump(db)`` or ``dump(path)``."""
    if isinstance(source, (str, Path)):
        conn = sqlite3.connect(str(source))
        close = True
    else:
        conn = source.conn
        close = False
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            t: list(conn.execute(f"SELECT * FROM [{t}] ORDER BY rowid"))
            for t in tables
            if t not in skip
        }
    finally:
        if close:
            conn.close()


def corrupt_middle(path: Path, *, pages: int = 3, at: float = 0.5) -> None:
    """Overwrite whole pages in the middle of a database file with garbage bytes (what a
    sync client or a failing disk does), leaving the header intact. ``at`` places the damage
    (0.5: the middle; later pages hold data rather than the schema)."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big") or 65536
    count = len(data) // page_size
    assert count >= 6, "the database is too small to corrupt in the middle"
    first = max(2, int(count * at) - pages // 2)
    for page in range(first, first + pages):
        start = page * page_size
        data[start : start + page_size] = bytes((i * 37 + 11) % 251 for i in range(page_size))
    path.write_bytes(bytes(data))


def fill(db, n: int = 40) -> list[int]:  # noqa: ANN001
    """Branches plus ``n`` members: a database with enough pages to damage in the middle."""
    setup_branches(db)
    return [add_person(db, i) for i in range(1, n + 1)]


def corrupt_index(path: Path, index: str = "idx_recycle_rows_row") -> None:
    """Overwrite the root page of one index: ``quick_check`` fails, the tables stay readable."""
    conn = sqlite3.connect(str(path))
    try:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [index]
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = bytes((i * 53 + 7) % 251 for i in range(page_size))
    path.write_bytes(bytes(data))


def filled_file(path: Path, n: int = 60) -> Path:
    """A database file at ``path`` with branches and ``n`` members, closed again."""
    from guilin_union.storage import open_database

    db = open_database(path)
    fill(db, n)
    db.conn.close()
    return path
