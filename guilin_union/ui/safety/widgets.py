"""Small shared pieces of the safety dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QTableView

from guilin_union.ui.table_model import ListSource  # noqa: F401 — the safety dialogs import it here
from guilin_union.ui.widgets.list_helpers import make_id_table

#: ``make_table(model, object_name=…, stretch_column=…)``: the shared
#: :func:`~guilin_union.ui.widgets.list_helpers.make_id_table`, unsorted, one row selected
#: at a time, the last column (or ``stretch_column``) taking the spare width.
make_table = partial(make_id_table, multi=False, sortable=False, stretch_last=True)


def set_widths(table: QTableView, widths: Sequence[int]) -> None:
    for column, width in enumerate(widths):
        if width:
            table.setColumnWidth(column, width)


def selected_rows(table: QTableView) -> list[int]:
    model = table.selectionModel()
    if model is None:
        return []
    return sorted({index.row() for index in model.selectedRows()})


def busy(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` with the wait cursor (short synchronous work such as a restore)."""
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        return fn()
    finally:
        QGuiApplication.restoreOverrideCursor()
