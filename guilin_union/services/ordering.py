"""Moving a row one place up or down in a list kept in order by a number column
(agenda items, motions, delegations, departments).

>>> moved([7, 8, 9], 9, -1)
[7, 9, 8]
>>> moved([7, 8, 9], 7, -1) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from guilin_union.storage import audit


def moved(ids: Sequence[int], row_id: int, delta: int) -> list[int] | None:
    """``ids`` (top to bottom) with ``row_id`` swapped with the row ``delta`` places away
    (``-1`` up, ``+1`` down); None when it is already at that end."""
    order = list(ids)
    index = order.index(row_id)
    target = index + delta
    if not 0 <= target < len(order):
        return None
    order[index], order[target] = order[target], order[index]
    return order


def move_row(
    db: sqlite_utils.Database,
    table: str,
    ids: Sequence[int],
    row_id: int,
    delta: int,
    column: str = "position",
) -> None:
    """Move ``row_id`` within ``ids`` and store the new order as 1, 2, … in ``column``
    (logged); at an end nothing changes. Call inside ``db.atomic()``."""
    order = moved(ids, row_id, delta)
    for number, each in enumerate(order or (), start=1):
        audit.update(db, table, each, {column: number})
