"""Shared pieces of the list screens: the id table, the debounced search box, the filter bar
and selection by id.

Every area's list (会员名册, 慰问记录, 入会申请, 活动, 代表 …) grew from the same copy of the
member register; these helpers keep that one look and behaviour in one place.

Example::

    self.table = make_id_table(self.model, object_name="applications_table")
    self._timer = debounced(self.search_edit, self.apply_filters, parent=self)
    add_filter_bar(bar, [("状态", self.state_combo, 1), ("分工会", self.branch_combo, 2)])
    ids = selected_ids(self.table)
    select_id(self.table, self.model, saved_id)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTableWidget,
    QWidget,
)

#: Typing pauses this long before a list re-queries (one query per word, not per key).
SEARCH_DEBOUNCE_MS = 150
#: Rows as compact as the register's; the same in every list.
ROW_HEIGHT = 26


def style_table(
    table: QTableView | QTableWidget,
    *,
    multi: bool = True,
    stretch_last: bool | None = None,
    center_headers: bool = False,
) -> None:
    """Give ``table`` the look every list shares: whole rows selected, no in-place editing,
    no row numbers, compact alternating rows, interactive column widths.

    ``stretch_last`` is left at Qt's default when None (some lists size their own columns);
    ``center_headers`` centres the header text (the activity and work-point screens).

    >>> style_table(QTableView(), multi=False)  # doctest: +SKIP
    """
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch_last is not None:
        header.setStretchLastSection(stretch_last)
    if center_headers:
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)


def make_id_table(
    model: Any,
    *,
    object_name: str,
    multi: bool = True,
    sortable: bool = True,
    sort_indicator: tuple[int, Qt.SortOrder] | None = None,
    stretch_last: bool | None = None,
    parent: QWidget | None = None,
) -> QTableView:
    """A QTableView over an :class:`~guilin_union.ui.table_model.IdTableModel` in the list style.

    Sorting is switched on before the indicator is set, as the register always did: the
    model then sorts in SQL by ``sort_indicator`` (column, order) straight away.

    >>> table = make_id_table(model, object_name="members_table",
    ...                       sort_indicator=(0, Qt.SortOrder.AscendingOrder))  # doctest: +SKIP
    """
    table = QTableView(parent)
    table.setObjectName(object_name)
    table.setModel(model)
    if sortable:
        table.setSortingEnabled(True)
    if sort_indicator is not None:
        table.horizontalHeader().setSortIndicator(*sort_indicator)
    style_table(table, multi=multi, stretch_last=stretch_last)
    return table


def debounced(
    line_edit: QLineEdit,
    callback: Callable[[], Any],
    ms: int = SEARCH_DEBOUNCE_MS,
    parent: QObject | None = None,
) -> QTimer:
    """Call ``callback`` once typing in ``line_edit`` has paused for ``ms`` milliseconds.

    Returns the single-shot timer (parented to ``parent``, else the line edit) so a caller
    can stop it or fire it early.

    >>> self._timer = debounced(self.search_edit, self.apply_filters, parent=self)  # doctest: +SKIP
    """
    timer = QTimer(parent if parent is not None else line_edit)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(callback)
    # Each keystroke restarts the wait, so only the last one triggers the query.
    line_edit.textChanged.connect(lambda _text: timer.start())
    return timer


def add_filter_bar(layout: QBoxLayout, pairs: Iterable[tuple[str, QWidget, int]]) -> list[QLabel]:
    """Add a label and its widget for each ``(label, widget, stretch)`` to ``layout``.

    Returns the labels (in order) for callers that hide or re-word one.

    >>> add_filter_bar(bar, [("状态", self.state_combo, 1)])  # doctest: +SKIP
    """
    labels: list[QLabel] = []
    for text, widget, stretch in pairs:
        label = QLabel(text)
        layout.addWidget(label)
        layout.addWidget(widget, stretch)
        labels.append(label)
    return labels


def selected_ids(table: QTableView, model: Any | None = None) -> list[int]:
    """Ids of the selected rows of an id table, top to bottom (rows without an id skipped).

    ``model`` defaults to the table's own model; it must have ``row_id(row)``.
    """
    model = model if model is not None else table.model()
    selection = table.selectionModel()
    if selection is None:  # no model set yet
        return []
    rows = sorted({index.row() for index in selection.selectedRows()})
    return [rid for rid in (model.row_id(r) for r in rows) if rid is not None]


def select_id(table: QTableView, model: Any, row_id: int | None) -> bool:
    """Select the row showing ``row_id`` and scroll it into view.

    Returns False (selection untouched) when the id is None or not in the list, e.g. a record
    just saved that the current filter hides.
    """
    row = model.row_of_id(row_id) if row_id is not None else None
    if row is None:
        return False
    table.selectRow(row)
    table.scrollTo(model.index(row, 0))
    return True
