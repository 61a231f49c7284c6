from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from guilin_union.ui.table_model import ColumnSpec, IdTableModel


class ListSource:
    def __init__(self, rows):
        self.data = {r["id"]: r for r in rows}
        self.fetched: list[list[int]] = []

    def ids(self, sort_key, descending):
        key = sort_key or "id"
        return [
            r["id"] for r in sorted(self.data.values(), key=lambda r: r[key], reverse=descending)
        ]

    def rows(self, ids):
        self.fetched.append(list(ids))
        return {i: dict(self.data[i]) for i in ids}


COLUMNS = [
    ColumnSpec("name", "姓名", sort_key="name"),
    ColumnSpec("age", "年龄", sort_key="age", align="right"),
    ColumnSpec("note", "备注"),
]


def make(n=450):
    rows = [
        {"id": i, "name": f"会员{i:04d}", "age": 20 + (i * 7) % 40, "note": None}
        for i in range(1, n + 1)
    ]
    source = ListSource(rows)
    model = IdTableModel(COLUMNS, source)
    model.reload()
    return model, source


def test_model_passes_qtmodeltester(qtmodeltester):
    model, _ = make()
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_lazily_in_pages():
    model, source = make()
    assert source.fetched == []  # nothing fetched until a cell is read
    assert model.data(model.index(0, 0)) == "会员0001"
    assert model.data(model.index(449, 0)) == "会员0450"
    assert [len(p) for p in source.fetched] == [
        IdTableModel.PAGE_SIZE,
        450 - 2 * IdTableModel.PAGE_SIZE,
    ]
    model.data(model.index(5, 1))
    assert len(source.fetched) == 2  # cached


def test_sort_is_delegated_to_the_source_and_none_shows_empty():
    model, _ = make(10)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    ages = [int(model.data(model.index(r, 1))) for r in range(10)]
    assert ages == sorted(ages, reverse=True)
    assert model.data(model.index(0, 2)) == ""
    assert model.headerData(1, Qt.Orientation.Horizontal) == "年龄"


def test_mark_stale_refetches(qtbot):
    model, source = make(3)
    model.data(model.index(0, 0))
    source.data[1]["name"] = "改名"
    with qtbot.waitSignal(model.dataChanged):
        model.mark_stale()
    assert model.data(model.index(0, 0)) == "改名"


def test_columns_spec_state_column_and_nonzero():
    from guilin_union.ui.table_model import columns, nonzero, state_column

    spec = columns(
        "name 姓名 | gender:- 性别 中 | due:amount 应缴 右",
        formatters={"due": nonzero(str)},
        colors={"name": lambda row: "#b00020"},
    )
    assert [(c.key, c.header, c.sort_key, c.align) for c in spec] == [
        ("name", "姓名", "name", "left"),
        ("gender", "性别", None, "center"),
        ("due", "应缴", "amount", "right"),
    ]
    assert spec[2].formatter(0, {}) == "" and spec[2].formatter(12, {}) == "12"
    assert spec[0].foreground({}) == "#b00020" and spec[1].foreground is None
    with pytest.raises(ValueError, match="expected key header"):
        columns("name")
    status = state_column("status", "状态", {"退会": "#777777"}, sortable=False)
    assert (status.sort_key, status.align) == (None, "center")
    assert status.foreground({"status": "退会"}) == "#777777"
    assert status.foreground({"status": "在会"}) is None


def test_list_model_with_id_key_uses_record_ids(qtmodeltester):
    from PySide6.QtWidgets import QTableView

    from guilin_union.ui.table_model import columns, list_model, set_rows
    from guilin_union.ui.widgets.list_helpers import select_id, selected_ids

    rows = [{"id": 12, "name": "b"}, {"id": 5, "name": "a"}]
    model = list_model(columns("name 姓名"), rows, id_key="id")
    qtmodeltester.check(model, force_py=True)
    assert model.ids() == [12, 5] and model.row_data(1)["name"] == "a"
    model.sort(0)
    assert model.ids() == [5, 12] and model.index(0, 0).data() == "a"
    table = QTableView()
    table.setModel(model)
    assert select_id(table, model, 12) and selected_ids(table) == [12]
    set_rows(model, [{"id": 3, "name": "丙"}])
    assert model.ids() == [3] and model.row_of_id(12) is None


def test_cell_notes_model_tints_noted_cells_and_columns_can_change(qtmodeltester):
    from guilin_union.ui.table_model import CellNotesModel, ListSource, columns, set_rows

    model = CellNotesModel(columns("a 甲 | b 乙"), ListSource(), notes_key="_notes")
    set_rows(model, [{"a": "1", "b": "x", "_notes": {"b": "不对"}}, {"a": "2", "b": "y"}])
    qtmodeltester.check(model, force_py=True)
    tip, back = Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 1).data(tip) == "不对" and model.note(0, 1) == "不对"
    assert model.index(0, 1).data(back).name() == "#ffd6d6"
    assert model.index(0, 0).data(back) is None and model.index(0, 0).data(tip) == "1"
    assert model.index(1, 1).data(back) is None and model.note(1, 1) is None
    model.set_columns(columns("b 乙"))
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == 1 and model.headerData(0, Qt.Orientation.Horizontal) == "乙"
    assert model.index(0, 0).data(tip) == "不对"
