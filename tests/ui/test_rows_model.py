"""The welfare screens' RowsModel (short read-only lists) passes Qt's model checks too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from guilin_union.ui.welfare.common import RowsModel


def test_rows_model_is_a_well_behaved_qt_model(qtmodeltester):
    model = RowsModel()
    model.set_rows(
        ["类别", "人数", "金额"], [["生病住院", 3, "1500.00"], ["退休", None, "0.00"]], [1, 2]
    )
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.data(model.index(1, 1)) == ""  # None shows as an empty cell
    right = model.data(model.index(0, 2), Qt.ItemDataRole.TextAlignmentRole)
    assert right == int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "类别"
    model.set_rows(["空"], [])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
