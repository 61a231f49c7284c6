"""Helpers the demo generators share (they write many rows quickly, without the change log)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlite_utils


def insert_row(db: sqlite_utils.Database, table: str, row: Mapping[str, Any]) -> int:
    """Insert one row as given (no change-log entry: demo data is not anyone's edit)."""
    columns = list(row)
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [row[c] for c in columns],
    )
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return cursor.lastrowid


def insert_rows(
    db: sqlite_utils.Database, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> int:
    """Insert many rows, each a tuple of values in the order of ``columns``; returns how many."""
    db.conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        rows,
    )
    return len(rows)
