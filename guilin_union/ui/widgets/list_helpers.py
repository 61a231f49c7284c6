"""Shared pieces of the list screens: the id table, the debounced search box, the filter bar
and selection by id.

Every area's list (会员名册, 慰问记录, 入会申请, 活动, 代表 …) grew from the same copy of the
member register; these helpers keep that one look and behaviour in one place.

Example::

    self.table = make_id_table(self.model, object_name="applications_table")
    self._timer = debounced(self.search_edit, self.apply_filters, parent=self)
    add_search_bar(layout, self.search_edit, [("状态", self.state_combo, 1)])
    self.add_button, self.edit_button = push_buttons("新增申请…", "修改…", layout=row)
    self.count_label = make_label("application_count_label")
    ids = selected_ids(self.table)
    record_id = selected_id(self.table)
    select_id(self.table, self.model, saved_id)
    delete_each(ctx, self, ids, delete=service.delete, label=lambda i: f"删除 {names[i]}")
    delete_confirmed(ctx, self, row_id, title="删除…", question="…", delete=service.delete)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QWidget,
)

from guilin_union.ui.widgets.empty_text import install_empty_text

#: Typing pauses this long before a list re-queries (one query per word, not per key).
SEARCH_DEBOUNCE_MS = 150
#: Rows as compact as the register's; the same in every list.
ROW_HEIGHT = 26
#: The grey of the notes that explain a form or a list (:func:`make_hint`).
HINT_STYLE = "color: #555;"
#: Rows measured when a list fits its columns to their content (about two screenfuls).
FIT_SAMPLE_ROWS = 50


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
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting columns to their content measures this many rows, not Qt's default 1,000:
    # on twenty years of records that alone took most of a second per list (issue 11).
    header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
    if stretch_last is not None:
        header.setStretchLastSection(stretch_last)
    if center_headers:
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    install_empty_text(table)  # a sentence instead of a bare grid (issue 15)


def fit_columns(
    table: QTableView,
    stretch: int | None = None,
    *,
    extra: int = 14,
    minimum: int = 0,
    maximum: int = 320,
) -> None:
    """Columns as wide as their content plus ``extra`` pixels, within [minimum, maximum]
    (the user may still drag them); column ``stretch`` takes the spare width."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    for col in range(header.count()):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        width = header.sectionSize(col) + extra
        header.resizeSection(col, max(minimum, min(width, maximum)))
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def make_id_table(
    model: Any,
    *,
    object_name: str,
    multi: bool = True,
    sortable: bool = True,
    sort_indicator: tuple[int, Qt.SortOrder] | None = None,
    stretch_last: bool | None = None,
    stretch_column: int | None = None,
    center_headers: bool = False,
    own_model: bool = False,
    parent: QWidget | None = None,
) -> QTableView:
    """A QTableView over an :class:`~guilin_union.ui.table_model.IdTableModel` in the list style.

    Sorting is switched on before the indicator is set, as the register always did: the
    model then sorts in SQL by ``sort_indicator`` (column, order) straight away.

    The areas' own looks are options, not second passes of :func:`style_table`:
    ``stretch_column`` gives that column the spare width (the last one then does not stretch),
    ``center_headers`` centres the header text (activities, work points), and ``own_model``
    makes the table the parent of a model that has none, so the model lives as long as the
    table (a page built around a throw-away ``list_model``).

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
    if own_model and model.parent() is None:
        model.setParent(table)
    if stretch_column is not None:
        stretch_last = False  # the spare width goes to that column alone
    style_table(table, multi=multi, stretch_last=stretch_last, center_headers=center_headers)
    if stretch_column is not None:
        table.horizontalHeader().setSectionResizeMode(
            stretch_column, QHeaderView.ResizeMode.Stretch
        )
    return table


def make_search_edit(object_name: str, placeholder: str) -> QLineEdit:
    """The search box above a list: named for tests, a hint of what it searches, and a
    clear button (one click back to the whole list).

    >>> self.search_edit = make_search_edit("welfare_search_edit", "搜索：姓名、工号")  # doctest: +SKIP
    """
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def make_year_spin(
    object_name: str, *, year: int | None = None, minimum: int = 1990, suffix: str = " 年"
) -> QSpinBox:
    """A 年度 spin box (``minimum``–2100, shown as "2026 年", or with another ``suffix``) set
    to ``year``, else this year.

    >>> self.year_spin = make_year_spin("welfare_standards_year_spin")  # doctest: +SKIP
    """
    spin = QSpinBox()
    spin.setObjectName(object_name)
    spin.setRange(minimum, 2100)  # before the value: a value outside the range is clamped
    spin.setSuffix(suffix)
    spin.setValue(_dt.date.today().year if year is None else year)
    return spin


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
    timer = single_shot(callback, ms, parent if parent is not None else line_edit)
    # Each keystroke restarts the wait, so only the last one triggers the query.
    line_edit.textChanged.connect(lambda _text: timer.start())
    return timer


def single_shot(callback: Callable[[], Any], ms: int, parent: QObject) -> QTimer:
    """A stopped single-shot timer that calls ``callback`` ``ms`` milliseconds after each
    ``start()`` (a restart waits again): the pause before a query or a check."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(callback)
    return timer


def call_on(callback: Callable[[], Any], *signals: Any) -> None:
    """Call ``callback()`` whenever one of ``signals`` is emitted, whatever it carries.

    >>> call_on(self.reload, self.month_edit.dateChanged, self.search_edit.textChanged)  # doctest: +SKIP
    """
    for signal in signals:
        signal.connect(lambda *_args: callback())


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


def add_button_row(
    layout: QBoxLayout, left: Iterable[QWidget], right: Iterable[QWidget] = ()
) -> QHBoxLayout:
    """A toolbar row: record actions on the left, printing/setup actions on the right.

    >>> # add_button_row(layout, [add, edit, delete], [print_button])
    """
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    layout.addLayout(row)
    return row


def add_search_bar(
    layout: QBoxLayout, search_edit: QLineEdit, filters: Iterable[tuple[str, QWidget, int]] = ()
) -> QHBoxLayout:
    """The row above a list: the search box, the widest, then the ``(label, widget, stretch)``
    filters (see :func:`add_filter_bar`). Returns the row for callers that add more to it.

    >>> add_search_bar(layout, self.search_edit, [("状态", self.state_combo, 1)])  # doctest: +SKIP
    """
    bar = QHBoxLayout()
    bar.addWidget(search_edit, 3)
    add_filter_bar(bar, filters)
    layout.addLayout(bar)
    return bar


def push_buttons(*texts: str, layout: QBoxLayout | None = None) -> list[QPushButton]:
    """A button for each text, in order, each added to ``layout`` when one is given.

    >>> # self.add_button, self.edit_button, self.delete_button = push_buttons(
    >>> #     "新增申请…", "修改…", "删除", layout=actions
    >>> # )
    """
    buttons = [QPushButton(text) for text in texts]
    if layout is not None:
        for button in buttons:
            layout.addWidget(button)
    return buttons


def action_buttons(
    *actions: tuple[str, Callable[[], Any]], layout: QBoxLayout | None = None
) -> list[QPushButton]:
    """:func:`push_buttons` for ``(text, what a click does)`` pairs: a click calls the
    function with no arguments.

    >>> # self.print_button, self.export_button = action_buttons(
    >>> #     ("打印…", self.print_list), ("导出 Excel…", self.export), layout=row
    >>> # )
    """
    buttons = push_buttons(*(text for text, _do in actions), layout=layout)
    for button, (_text, do) in zip(buttons, actions, strict=True):
        button.clicked.connect(lambda _checked=False, do=do: do())
    return buttons


def add_record_buttons(
    layout: QBoxLayout, add_text: str, *more: str
) -> tuple[QHBoxLayout, list[QPushButton]]:
    """The row of buttons above a record list, added to ``layout``: ``add_text`` (e.g.
    新增会员…), 修改…, 删除, then ``more``. Returns the row, for the caller to add the rest
    (count, printing …), and the buttons.

    >>> # row, (self.add_button, self.edit_button, self.delete_button) = add_record_buttons(
    >>> #     layout, "新增申请…"
    >>> # )
    """
    row = QHBoxLayout()
    buttons = push_buttons(add_text, "修改…", "删除", *more, layout=row)
    layout.addLayout(row)
    return row, buttons


def add_check_item(
    list_widget: QListWidget, text: str, data: Any = None, *, checked: bool = False
) -> QListWidgetItem:
    """Add a row that can be ticked to ``list_widget``, carrying ``data`` (UserRole) when
    given; returns it."""
    item = QListWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    list_widget.addItem(item)
    return item


def refill_combo(
    combo: QComboBox, first: tuple[str, Any] | None, items: Iterable[tuple[str, Any]]
) -> None:
    """Replace a filter combo's ``(text, data)`` items, keeping the chosen data if it is
    still there (else the first item), without emitting change signals: the caller reloads
    the list once afterwards instead of once per item.

    ``first`` is the "all" entry such as ``("全部分工会", None)``. ``items`` is read after
    the combo is cleared.
    """
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(*first)
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


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


def selected_rows(table: QTableView, model: Any | None = None) -> list[dict[str, Any]]:
    """The rows the selected lines of an id table show (as the model holds them, no new
    query), top to bottom; ``model`` defaults to the table's own (it must have ``row_data``).

    >>> states = {row["state"] for row in selected_rows(self.table, self.model)}  # doctest: +SKIP
    """
    model = model if model is not None else table.model()
    selection = table.selectionModel()
    if model is None or selection is None:  # no model set yet
        return []
    rows = sorted({index.row() for index in selection.selectedRows()})
    return [data for data in (model.row_data(r) for r in rows) if data is not None]


def selected_id(table: QTableView) -> int | None:
    """The id of the first selected row of an id table (see :func:`selected_ids`), None
    when nothing is selected: the record a one-record action such as 修改 acts on."""
    ids = selected_ids(table)
    return ids[0] if ids else None


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


def names_preview(ids: Sequence[int], name: Callable[[int], str], limit: int) -> str:
    """Names of the first ``limit`` ids joined with 、, and 等 when there are more (for a
    confirmation). Only those names are computed, so ``name`` may look rows up.

    >>> names_preview([1, 2, 3], {1: "张三", 2: "李四", 3: "王五"}.__getitem__, 2)
    '张三、李四等'
    """
    return "、".join(name(i) for i in ids[:limit]) + ("等" if len(ids) > limit else "")


def delete_each(
    ctx: Any,
    parent: QWidget,
    ids: Iterable[int],
    *,
    delete: Callable[[Any, int], Any],
    label: Callable[[int], str],
    restore: Callable[[Any, dict[str, Any]], Any] | None = None,
) -> int:
    """Delete records one by one through ``ops.CollectionOp``, each its own undo step;
    returns how many were deleted.

    ``delete(db, id)`` returns an OpResult whose ``inverse`` restores the row (a service
    not yet giving one may pass ``restore(db, row)``, called with the result's ``undo``);
    ``label(id)`` names the undo step. The first refusal (any ``UserError``, e.g. a
    ConflictError) is shown as 无法删除 and stops the rest, so the user sees one message
    rather than one per record. Each deletion is announced at once so the other screens
    follow even when a later one fails.
    """
    from guilin_union.ui import ops

    def op(db: Any, row_id: int) -> Any:
        result = delete(db, row_id)
        if getattr(result, "inverse", None) is None and restore is not None:
            row = dict(result.undo or {})
            result = replace(result, inverse=lambda d: restore(d, row))
        return result

    done = 0
    for row_id in ids:
        outcome = ops.CollectionOp(
            ctx, parent, "无法删除", lambda db, rid=row_id: op(db, rid), undo_text=label(row_id)
        ).run()
        if outcome is None:
            break
        done += 1
    return done


UNDO_DELETE_HINT = "删除后可用“编辑 ▸ 撤销”（Ctrl+Z）恢复。"


def confirm_delete(ctx: Any, parent: QWidget, title: str, question: str) -> bool:
    """Ask ``question`` (with the hint that Edit ▸ Undo brings the records back) under a
    删除 button; True when the user agreed."""
    return bool(
        ctx.prompts.confirm(parent, title, f"{question}\n{UNDO_DELETE_HINT}", ok_text="删除")
    )


def delete_confirmed(
    ctx: Any,
    parent: QWidget,
    record_id: Any,
    *,
    title: str,
    question: str,
    delete: Callable[[Any, Any], Any],
    undo_text: str | None = None,
) -> Any:
    """Delete the selected record ``record_id`` by ``delete(db, record_id)`` through
    ``ops.CollectionOp`` (titled ``title``, its undo step ``undo_text``) once the user agreed
    to ``question`` under a 删除 button. Returns the service's result; None when nothing is
    selected (``record_id`` None), the user cancelled or the write was refused."""
    if record_id is None:
        return None
    from guilin_union.ui import ops

    return ops.CollectionOp(
        ctx, parent, title, lambda db: delete(db, record_id), undo_text=undo_text
    ).run_if_confirmed(question, ok_text="删除")


def confirm_delete_each(
    ctx: Any,
    parent: QWidget,
    ids: list[int],
    *,
    title: str,
    question: str,
    delete: Callable[[Any, int], Any],
    label: Callable[[int], str],
) -> int:
    """:func:`confirm_delete`, then :func:`delete_each`; how many were deleted (0 when
    cancelled)."""
    if not ids or not confirm_delete(ctx, parent, title, question):
        return 0
    return delete_each(ctx, parent, ids, delete=delete, label=label)


def make_combo(
    object_name: str, items: Iterable[tuple[str, Any]] = (), *, min_chars: int = 0
) -> QComboBox:
    """A filter or choice combo: named for tests, filled with ``(text, data)`` items, wide
    enough for ``min_chars`` characters when given."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    for text, data in items:
        combo.addItem(text, data)
    if min_chars:
        combo.setMinimumContentsLength(min_chars)
    return combo


def make_line_edit(object_name: str = "", placeholder: str = "", text: str = "") -> QLineEdit:
    """A text field, named for tests when ``object_name`` is given, with a hint of what to
    type."""
    edit = QLineEdit(text)
    if object_name:
        edit.setObjectName(object_name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def make_label(object_name: str, text: str = "", *, wrap: bool = False) -> QLabel:
    """A label the code fills in later, named for tests (its text wrapped if ``wrap``)."""
    label = QLabel(text)
    label.setObjectName(object_name)
    if wrap:
        label.setWordWrap(True)
    return label


def make_hint(text: str = "", object_name: str = "") -> QLabel:
    """A note in grey that wraps to the width it is given (what a form or list is for, the
    rule behind a number), named for tests when ``object_name`` is given."""
    label = QLabel(text)
    if object_name:
        label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def refilter_on(view: Any, search_edit: QLineEdit, *combos: QComboBox) -> QTimer:
    """Run ``view.apply_filters()`` when typing in ``search_edit`` pauses and whenever one
    of ``combos`` changes; returns the search timer (see :func:`debounced`)."""
    for combo in combos:
        combo.currentIndexChanged.connect(lambda _i: view.apply_filters())
    return debounced(search_edit, view.apply_filters, parent=view)
