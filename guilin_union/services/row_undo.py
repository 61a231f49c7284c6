"""Undo made of rows: the ``inverse`` a service returns puts the rows it touched back.

A write names the rows it touched and how they looked before it (a list of
``(Scope, rows)`` pairs, rows ``[]`` for "did not exist"); :func:`put_back` makes them look
like that again: rows that did not exist are deleted, deleted rows come back with their
old ids, edited rows get their old values. Its own ``OpResult`` carries the inverse that
puts back what it replaced, so redo restores the very same rows (same ids) instead of
repeating the write.

>>> from guilin_union.storage import open_database
>>> db = open_database(":memory:")
>>> _ = db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
>>> new_id = audit.insert(db, "t", {"name": "甲"})
>>> undo = inverse([(Scope.row("t", new_id), [])], Changes.of("t"))
>>> redo = undo(db).inverse
>>> db.execute("SELECT count(*) FROM t").fetchone()[0]
0
>>> _ = redo(db)
>>> db.execute("SELECT id, name FROM t").fetchall() == [(new_id, "甲")]
True
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from guilin_union.core.errors import ConflictError, NotFoundError
from guilin_union.services.changes import Changes, OpResult
from guilin_union.services.common_query import dict_rows
from guilin_union.storage import audit

NOTE = "撤销或重做"


@dataclass(frozen=True)
class Scope:
    """Rows of one table chosen by a ``WHERE`` clause (all of them are saved and put back)."""

    table: str
    where: str
    params: tuple[Any, ...] = ()

    @classmethod
    def row(cls, table: str, row_id: int) -> Scope:
        return cls(table, "id = ?", (row_id,))

    def rows(self, db: sqlite_utils.Database) -> list[dict[str, Any]]:
        cursor = db.execute(
            f"SELECT * FROM [{self.table}] WHERE {self.where} ORDER BY id", list(self.params)
        )
        return dict_rows(cursor)


Saved = Sequence[tuple[Scope, Sequence[Mapping[str, Any]]]]


def capture(db: sqlite_utils.Database, *scopes: Scope) -> list[tuple[Scope, list[dict[str, Any]]]]:
    """The rows of each scope as they are now (parents first, as they are put back)."""
    return [(scope, scope.rows(db)) for scope in scopes]


def put_back(
    db: sqlite_utils.Database, saved: Saved, changes: Changes, row_id: int | None = None
) -> OpResult:
    """Make every scope hold exactly its saved rows; the result's inverse undoes this."""
    with db.atomic():
        current = capture(db, *(scope for scope, _rows in saved))
        try:
            # Children first when deleting, parents first when inserting.
            for (scope, rows), (_same, now) in reversed(list(zip(saved, current))):
                keep = {row["id"] for row in rows}
                for row in now:
                    if row["id"] not in keep and Scope.row(scope.table, row["id"]).rows(db):
                        audit.delete(db, scope.table, row["id"], note=NOTE)
            for (scope, rows), (_same, now) in zip(saved, current):
                existing = {row["id"]: row for row in now}
                for row in rows:
                    old = existing.get(row["id"])
                    if old is None:
                        audit.insert(db, scope.table, dict(row), note=NOTE)
                    elif old != dict(row):
                        values = {k: v for k, v in row.items() if k != "id"}
                        audit.update(db, scope.table, row["id"], values, note=NOTE)
        except sqlite3.IntegrityError as exc:
            raise ConflictError("记录已被其他操作修改，不能恢复到原来的样子。") from exc
    return OpResult(changes, row_id, inverse=inverse(current, changes, row_id))


def inverse(
    saved: Saved, changes: Changes, row_id: int | None = None
) -> Callable[[sqlite_utils.Database], OpResult]:
    """The inverse to hand to ``OpResult``: put the saved rows back."""
    return lambda d: put_back(d, saved, changes, row_id)


def restoring_row(
    table: str, before: Mapping[str, Any], changes: Changes
) -> Callable[[sqlite_utils.Database], OpResult]:
    """Inverse of an edit or a delete of one row: that row as it was."""
    return inverse([(Scope.row(table, before["id"]), [before])], changes, before["id"])


def removing_row(
    table: str, row_id: int, changes: Changes
) -> Callable[[sqlite_utils.Database], OpResult]:
    """Inverse of an insert: the row goes again (its own inverse brings it back)."""
    return inverse([(Scope.row(table, row_id), [])], changes, row_id)


def restorable(
    table: str, before: Mapping[str, Any], changes: Changes, *, undo: dict[str, Any] | None = None
) -> OpResult:
    """The result of an edit or a delete of one row: its inverse puts ``before`` back."""
    return OpResult(changes, before["id"], undo=undo, inverse=restoring_row(table, before, changes))


def removable(table: str, row_id: int, changes: Changes) -> OpResult:
    """The result of an insert of one row: its inverse deletes the row again."""
    return OpResult(changes, row_id, inverse=removing_row(table, row_id, changes))


def put_values_back(
    db: sqlite_utils.Database,
    table: str,
    row_id: int,
    values: Mapping[str, Any],
    changes: Changes,
    *,
    note: str,
) -> OpResult:
    """Give one row its previous ``values`` again (the undo of an edit, logged with
    ``note``); the result's inverse puts back the values this replaced (redo)."""
    with db.atomic():
        fields = {k: v for k, v in values.items() if k != "id"}
        replaced = audit.update(db, table, row_id, fields, note=note)
    return OpResult(
        changes,
        row_id,
        inverse=lambda d: put_values_back(d, table, row_id, replaced, changes, note=note),
    )


def delete_row(
    db: sqlite_utils.Database, table: str, row_id: int, changes: Changes, *, missing: str
) -> OpResult:
    """Delete one row (logged, into the recycle bin); ``missing`` is the message when it is
    gone already. ``undo`` holds the row and the inverse puts it back with its id."""
    with db.atomic():
        try:
            before = audit.delete(db, table, row_id)
        except NotFoundError:
            raise NotFoundError(missing) from None
    return restorable(table, before, changes, undo=before)
