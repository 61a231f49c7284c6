"""Small shared pieces of the safety dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from guilin_union.ui.table_model import ListSource  # noqa: F401 — the safety dialogs import it here
from guilin_union.ui.widgets.list_helpers import style_table


def make_table(
    model: QAbstractItemModel,
    name: str,
    parent: QWidget | None = None,
    *,
    multi: bool = False,
    stretch_column: int | None = None,
) -> QTableView:
    """A read-only, row-selecting table in the program's usual style."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    style_table(table, multi=multi, stretch_last=stretch_column is None)
    if stretch_column is not None:
        table.horizontalHeader().setSectionResizeMode(
            stretch_column, QHeaderView.ResizeMode.Stretch
        )
    return table


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
