"""Small helpers shared by the congress pages: list sources, tables, dates, colours."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QTableView

from guilin_union.ui import palette
from guilin_union.ui.widgets import list_helpers

# selected_ids is re-exported: the congress pages import it from here.
from guilin_union.ui.widgets.list_helpers import make_id_table, selected_ids  # noqa: F401

WARNING_COLOR = palette.WARNING
OK_COLOR = palette.OK
MUTED_COLOR = palette.MUTED


class ListSource:
    """A row source for :class:`IdTableModel` over one query that returns dicts with ``id``.

    The congress lists are short (a session's agenda, motions, about 150 delegates): the
    query returns them already in order, so the model's sort keys are not used.
    """

    def __init__(self, fetch: Callable[[], list[dict[str, Any]]]) -> None:
        self.fetch = fetch
        self._rows: dict[int, dict[str, Any]] = {}

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        rows = self.fetch()
        self._rows = {r["id"]: r for r in rows}
        return [r["id"] for r in rows]

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self._rows[i] for i in ids if i in self._rows}


def make_table(model: Any, name: str, *, multi: bool = False) -> QTableView:
    """An unsorted id table in the shared list look, the last column taking the spare width
    (the congress queries already return their rows in order)."""
    return make_id_table(model, object_name=name, multi=multi, sortable=False, stretch_last=True)


def fit_columns(table: QTableView, stretch: int | None = None, minimum: int = 60) -> None:
    """Columns sized to their content (at least ``minimum``); ``stretch`` takes the spare width."""
    list_helpers.fit_columns(table, stretch, minimum=minimum, maximum=100_000)


def to_qdate(value: str | _dt.date | None) -> QDate:
    if not value:
        return QDate.currentDate()
    day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(value)
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> str:
    return _dt.date(value.year(), value.month(), value.day()).isoformat()
