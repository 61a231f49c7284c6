"""The shared list helpers: id table look, debounced search, filter bar, selection by id."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.list_helpers import (
    add_filter_bar,
    debounced,
    make_id_table,
    select_id,
    selected_ids,
    style_table,
)


class _Source:
    """Rows 10, 20, 30 … with a name; sorts by id only."""

    def __init__(self, n: int) -> None:
        self.items = {10 * (i + 1): {"name": f"第{i + 1}行"} for i in range(n)}
        self.sorted_with: list[tuple[str | None, bool]] = []

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        self.sorted_with.append((sort_key, descending))
        return sorted(self.items, reverse=descending)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self.items[i] for i in ids}


def _model(n: int = 5) -> IdTableModel:
    model = IdTableModel([ColumnSpec("name", "名称", sort_key="id")], _Source(n))
    model.reload()
    return model


def test_make_id_table_has_the_list_look(qtbot):
    model = _model()
    table = make_id_table(model, object_name="things_table")
    qtbot.addWidget(table)
    assert table.objectName() == "things_table"
    assert table.model() is model
    assert table.isSortingEnabled()
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.verticalHeader().isVisible()
    assert table.verticalHeader().defaultSectionSize() == 26
    assert table.alternatingRowColors()
    assert not table.wordWrap()


def test_make_id_table_single_unsorted_and_sort_indicator(qtbot):
    single = make_id_table(_model(), object_name="a", multi=False, sortable=False, stretch_last=True)
    qtbot.addWidget(single)
    assert single.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert not single.isSortingEnabled()
    assert single.horizontalHeader().stretchLastSection()

    model = _model()
    table = make_id_table(model, object_name="b", sort_indicator=(0, Qt.SortOrder.DescendingOrder))
    qtbot.addWidget(table)
    header = table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)
    # The model re-queried in that order.
    assert model.row_id(0) == 50
    assert model.source.sorted_with[-1] == ("id", True)


def test_style_table_optional_parts_only_when_asked(qtbot):
    from PySide6.QtWidgets import QTableView

    plain, centred = QTableView(), QTableView()
    qtbot.addWidget(plain)
    qtbot.addWidget(centred)
    default_stretch = plain.horizontalHeader().stretchLastSection()
    default_align = plain.horizontalHeader().defaultAlignment()
    style_table(plain)
    style_table(centred, stretch_last=not default_stretch, center_headers=True)
    assert plain.horizontalHeader().stretchLastSection() == default_stretch
    assert plain.horizontalHeader().defaultAlignment() == default_align
    assert centred.horizontalHeader().stretchLastSection() == (not default_stretch)
    assert centred.horizontalHeader().defaultAlignment() == Qt.AlignmentFlag.AlignCenter


def test_debounced_calls_once_after_typing_stops(qtbot):
    edit = QLineEdit()
    qtbot.addWidget(edit)
    calls: list[str] = []
    timer = debounced(edit, lambda: calls.append(edit.text()), ms=30)
    assert timer.isSingleShot() and timer.interval() == 30
    assert timer.parent() is edit
    for text in ("张", "张三", "张三丰"):
        edit.setText(text)
    assert calls == []  # nothing before the pause
    qtbot.waitUntil(lambda: calls == ["张三丰"], timeout=2000)
    qtbot.wait(80)
    assert calls == ["张三丰"]


def test_debounced_timer_parent_can_be_given(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    edit = QLineEdit(owner)
    timer = debounced(edit, lambda: None, parent=owner)
    assert timer.parent() is owner
    assert timer.interval() == 150


def test_add_filter_bar_adds_label_then_widget_with_stretch(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    bar = QHBoxLayout(host)
    first, second = QComboBox(), QComboBox()
    labels = add_filter_bar(bar, [("状态", first, 1), ("分工会", second, 2)])
    assert [label.text() for label in labels] == ["状态", "分工会"]
    assert bar.count() == 4
    assert isinstance(bar.itemAt(0).widget(), QLabel) and bar.itemAt(0).widget().text() == "状态"
    assert bar.itemAt(1).widget() is first
    assert bar.itemAt(3).widget() is second
    assert [bar.stretch(i) for i in range(4)] == [0, 1, 0, 2]


def test_selected_ids_in_row_order(qtbot):
    model = _model()
    table = make_id_table(model, object_name="t", sortable=False)
    qtbot.addWidget(table)
    assert selected_ids(table) == []
    table.selectRow(3)
    table.selectionModel().select(model.index(1, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    assert selected_ids(table) == [20, 40]
    assert selected_ids(table, model) == [20, 40]


def test_selected_ids_without_model_is_empty(qtbot):
    from PySide6.QtWidgets import QTableView

    table = QTableView()
    qtbot.addWidget(table)
    assert selected_ids(table, _model()) == []


def test_select_id_selects_known_and_ignores_unknown(qtbot):
    model = _model(300)  # more than a screen, so scrolling matters
    table = make_id_table(model, object_name="t", sortable=False)
    qtbot.addWidget(table)
    table.resize(300, 200)
    table.show()
    assert select_id(table, model, 2500)
    assert selected_ids(table) == [2500]
    assert table.viewport().rect().contains(table.visualRect(model.index(249, 0)).center())
    assert not select_id(table, model, 99999)
    assert not select_id(table, model, None)
    assert selected_ids(table) == [2500]  # a miss leaves the selection alone
