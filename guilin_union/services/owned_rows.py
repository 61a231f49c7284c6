"""Deleting the rows that belong to a record (its candidates, sign-ins, co-departments …):
each one is logged and kept in the recycle bin like every other delete.

>>> from guilin_union.storage import open_database
>>> db = open_database(":memory:")
>>> _ = db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, owner INTEGER)")
>>> for owner in (1, 1, 2):
...     _ = audit.insert(db, "t", {"owner": owner})
>>> delete_owned(db, "t", "owner = ?", [1])
>>> db.execute("SELECT owner FROM t").fetchall()
[(2,)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlite_utils

from guilin_union.storage import audit


def delete_owned(
    db: sqlite_utils.Database,
    table: str,
    where: str,
    params: Sequence[Any],
    *,
    note: str | None = None,
) -> None:
    """Delete (logged, one row at a time) the rows of ``table`` matching ``where`` (which
    may end in an ``ORDER BY`` when the order matters).

    ``table`` and ``where`` are the program's own SQL, never user input."""
    for (row_id,) in db.execute(f"SELECT id FROM [{table}] WHERE {where}", list(params)).fetchall():
        audit.delete(db, table, row_id, note=note)
