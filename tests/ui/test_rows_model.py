"""The welfare screens' short read-only lists (fill_table: the house IdTableModel over an
in-memory ListSource) pass Qt's model checks too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from guilin_union.ui.table_model import IdTableModel, columns
from guilin_union.ui.welfare.common import cell_text, fill_table

COLUMNS = columns("type 类别 | people 人数 右 | total 金额 右")


def test_fill_table_model_is_a_well_behaved_qt_model(qtbot, qtmodeltester):
    table = QTableView()
    qtbot.addWidget(table)
    model = fill_table(
        table,
        COLUMNS,
        [
            {"type": "生病住院", "people": 3, "total": "1500.00"},
            {"type": "退休", "people": None, "total": "0.00"},
        ],
    )
    assert isinstance(model, IdTableModel) and table.model() is model
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.data(model.index(1, 1)) == ""  # None shows as an empty cell
    assert cell_text(table, 0, 1) == "3"
    right = model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole)
    assert right == int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "类别"
    # A refill keeps the model; an empty list is an empty model.
    assert fill_table(table, COLUMNS, []) is model
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    # Other columns make a new model.
    other = fill_table(table, columns("x 空"), [])
    qtmodeltester.check(other)
    assert other is not model and other.headerData(0, Qt.Orientation.Horizontal) == "空"
