"""The 教代会 tab in the real main window: the session page, sign-in and the quorum strip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from guilin_union.services import congress
from guilin_union.services.congress import votes
from guilin_union.storage import open_database
from guilin_union.ui import ops
from tests.congress_fixtures import make_congress
from tests.ui.helpers import make_window


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "congress.db"
    db = open_database(path)
    make_congress(db)  # 6 正式代表 (quorum: 4), 1 列席, 1 特邀
    db.conn.close()
    return path


@pytest.fixture(autouse=True)
def synchronous_printing(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)


def _tab(window):
    tab = window.tab_widgets["教代会"]
    window.tabs.setCurrentWidget(tab)
    return tab


def _tick(view, name: str) -> None:
    row = view.row_for_name(name)
    assert row is not None, name
    index = view.model.index(row, 0)
    assert view.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def test_ticking_attendance_changes_the_quorum_status(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    assert tab.session_id is not None
    assert tab.expected_label.text() == "应到 6 人" and tab.present_label.text() == "实到 0 人"
    assert tab.quorum_label.text().startswith("未达到法定人数")
    tab.pages.setCurrentWidget(tab.attendance_view)
    view = tab.attendance_view
    assert view.model.rowCount() == 8
    for name in ("赵一", "钱二", "孙三"):
        _tick(view, name)
    assert tab.present_label.text() == "实到 3 人"
    assert "还差 1 人" in tab.quorum_label.text()
    _tick(view, "郑七")  # a 列席代表 does not count
    assert tab.present_label.text() == "实到 3 人"
    _tick(view, "李四")  # exactly 2/3
    assert tab.present_label.text() == "实到 4 人"
    assert tab.quorum_label.text().startswith("已达到法定人数")
    row = view.row_for_name("李四")
    assert (
        view.model.data(view.model.index(row, 0), Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )
    # Unticking brings the warning back.
    view.model.setData(
        view.model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert tab.quorum_label.text().startswith("未达到法定人数")


def test_search_and_leave(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.attendance_view
    view.search_edit.setText("钱")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    view.attendance_table.selectRow(0)
    prompts.texts.append("出差")
    view.mark_leave()
    assert tab.leave_label.text() == "请假 1 人"
    assert view.model.row_data(0)["attendance_note"] == "出差"


def test_opening_without_quorum_asks_for_a_reason(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    prompts.texts.append(None)  # cancelled: stays 筹备中
    assert tab.session_view.open_session() is False
    assert tab.session().status == "筹备中"
    prompts.texts.append("主席团决定按时开会")
    assert tab.session_view.open_session() is True
    assert tab.session().status == "召开中"
    assert "主席团决定" in tab.session_view.value_labels["override"].text()
    assert "召开中" in tab.session_status_label.text()


def test_agenda_standard_reorder_and_print(qtbot, db_path, tmp_path):
    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.agenda_view
    view.use_standard()
    assert view.model.rowCount() == 12
    view.agenda_table.selectRow(1)
    view.move(-1)
    assert view.model.row_data(0)["content"] == "代表资格审查报告"
    out = tmp_path / "议程.pdf"
    prompts.save_paths.append(out)
    view.print_agenda()
    assert out.exists()


def test_votes_dialog_computes_the_result(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.votes_view
    dialog = view.add_motion()
    qtbot.addWidget(dialog)
    dialog.ui.title_edit.setText("通过工会工作报告")
    dialog.ui.voted_check.setChecked(True)
    dialog.ui.yes_spin.setValue(3)  # exactly half of 6
    assert dialog.ui.result_value_label.text().startswith("未通过")
    dialog.ui.yes_spin.setValue(4)
    assert dialog.ui.result_value_label.text().startswith("通过")
    assert dialog.save()
    assert view.model.rowCount() == 1 and view.model.row_data(0)["result"] == "通过"
    assert votes.list_motions(window.ctx.db, tab.session_id)[0].votes_yes == 4


def test_new_session_dialog(qtbot, db_path):
    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    tab.new_session()
    dialog = tab._last_dialog
    qtbot.addWidget(dialog)
    assert dialog.ui.meeting_no_spin.value() == 2
    dialog.ui.proposal_prefix_edit.setText("2025")
    assert dialog.save()
    assert tab.session().meeting_no == 2 and tab.session().title.endswith("第二次会议")
    assert tab.session_combo.count() == 2
    assert congress.get_session(window.ctx.db, tab.session_id).proposal_prefix == "2025"


def test_member_form_shows_mandates_and_proposals(qtbot, db_path):
    from guilin_union.ui.congress.member_history import member_page
    from tests.congress_fixtures import Congress, submit

    window, _prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    c = Congress(db, 1, 1, [])
    c.members = {r[1]: r[0] for r in db.execute("SELECT id, name FROM members")}
    submit(c, "关于改善夜间照明的建议")
    page = member_page(window.ctx, c.members["钱二"])
    qtbot.addWidget(page)
    text = page.toPlainText()
    assert "第一届" in text and "正式代表" in text and "2024-001" in text and "附议人" in text
    outsider = db.execute(
        "INSERT INTO members (name, branch_id, created_at, updated_at) VALUES ('局外人', 1, 'x', 'x')"
    ).lastrowid
    assert member_page(window.ctx, outsider) is None


def test_agenda_and_motion_buttons_need_a_row_and_deletes_undo(qtbot, db_path):
    """修改/删除 act on the selected row (enabled only then); a delete is undone and redone
    from the service's inverse."""
    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    view = tab.agenda_view
    view.use_standard()
    view.agenda_table.clearSelection()
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    assert view.add_button.isEnabled()
    view.agenda_table.selectRow(0)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()
    first = view.model.row_data(0)["content"]
    view.delete_selected()
    assert view.model.rowCount() == 11
    stack = window.ctx.undo_stack
    stack.undo()
    assert view.model.rowCount() == 12 and view.model.row_data(0)["content"] == first
    stack.redo()
    assert view.model.rowCount() == 11

    votes_view = tab.votes_view
    votes_view.add_standard()
    votes_view.votes_table.clearSelection()
    assert not votes_view.delete_button.isEnabled() and not votes_view.clear_button.isEnabled()
    votes_view.votes_table.selectRow(0)
    assert votes_view.delete_button.isEnabled()
    count = votes_view.model.rowCount()
    prompts.confirms.append(True)
    votes_view.delete_selected()
    assert votes_view.model.rowCount() == count - 1
    stack.undo()
    assert votes_view.model.rowCount() == count
    stack.redo()
    assert votes_view.model.rowCount() == count - 1

    delegates_view = tab.delegates_view
    delegates_view.delegates_table.clearSelection()
    assert not delegates_view.edit_button.isEnabled()
    assert not delegates_view.delete_button.isEnabled()
    delegates_view.delegates_table.selectRow(0)
    assert delegates_view.edit_button.isEnabled() and delegates_view.delete_button.isEnabled()


def test_session_lists_are_well_behaved_qt_models(qtbot, qtmodeltester, db_path):
    """The 代表/议程/签到/表决 lists are the house IdTableModel over a ListSource (ids are the
    rows' positions): they pass Qt's checks and the selection still gives database ids."""
    from guilin_union.ui.widgets.list_helpers import selected_ids

    window, _prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    tables = (
        (tab.delegates_view, tab.delegates_view.delegates_table),
        (tab.agenda_view, tab.agenda_view.agenda_table),
        (tab.attendance_view, tab.attendance_view.attendance_table),
        (tab.votes_view, tab.votes_view.votes_table),
    )
    for view, table in tables:
        tab.pages.setCurrentWidget(view)
        qtmodeltester.check(view.model)
        if view.model.rowCount() > 1:
            record = view.model.row_data(1)
            table.selectRow(1)
            assert selected_ids(table) == [record["id"]]
            assert view.selected_row(table) == record
            assert view.model.row_of_id(record["id"]) == 1
    assert tab.attendance_view.model.rowCount() == 8
    assert tab.delegates_view.model.rowCount() > 1
