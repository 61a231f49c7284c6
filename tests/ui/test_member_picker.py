from __future__ import annotations

from guilin_union.ui.widgets.member_picker import MemberPickerDialog


def test_picker_filters_and_returns_selected_ids(qtbot, demo_db):
    dialog = MemberPickerDialog(demo_db, statuses=("在会",))
    qtbot.addWidget(dialog)
    total = dialog.model.rowCount()
    active = demo_db.execute("SELECT count(*) FROM members WHERE status = '在会'").fetchone()[0]
    assert total == active
    name = dialog.model.row_data(0)["name"]
    dialog.search_edit.setText(name)
    qtbot.waitUntil(lambda: dialog.model.rowCount() < total, timeout=2000)
    assert all(name in dialog.model.row_data(r)["name"] for r in range(dialog.model.rowCount()))
    dialog.table.selectRow(0)
    assert dialog.selected_ids() == [dialog.model.row_id(0)]
