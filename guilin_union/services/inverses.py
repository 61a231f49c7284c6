"""Building blocks for the ``inverse`` of a write (Edit ▸ Undo from the service).

A service that edits a row returns ``inverse=lambda d: put_back_item(d, before)`` where
``put_back_item`` is a one-liner around :func:`put_back`; a delete returns an inverse that
re-inserts the row (:func:`reinsert`), whose own inverse deletes it again (redo).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import sqlite_utils

from guilin_union.services.changes import Changes, OpResult
from guilin_union.storage import audit

Again = Callable[[sqlite_utils.Database, Mapping[str, Any]], OpResult]


def put_back(
    db: sqlite_utils.Database,
    table: str,
    row: Mapping[str, Any],
    changes: Changes,
    again: Again,
    *,
    note: str = "撤销",
) -> OpResult:
    """Write the stored values of ``row`` (a full row with its ``id``) back; the result's
    ``inverse`` is ``again(d, replaced)``: the same function with the values it replaced."""
    row_id = int(row["id"])
    with db.atomic():
        replaced = audit.update(
            db, table, row_id, {k: v for k, v in row.items() if k != "id"}, note=note
        )
    return OpResult(changes, row_id, inverse=lambda d: again(d, replaced))


def reinsert(
    db: sqlite_utils.Database,
    table: str,
    row: Mapping[str, Any],
    changes: Changes,
    delete: Callable[[sqlite_utils.Database, int], OpResult],
    *,
    note: str = "撤销删除",
) -> OpResult:
    """Put a deleted row back with its id; the result's ``inverse`` deletes it again."""
    with db.atomic():
        row_id = audit.insert(db, table, dict(row), note=note)
    return OpResult(changes, row_id, inverse=lambda d: delete(d, row_id))
