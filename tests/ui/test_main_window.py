"""The real main window on a temporary database, driven like a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from guilin_union.services.members import branches
from guilin_union.storage import open_database
from guilin_union.ui.widgets.empty_state import EmptyState
from tests.ui.helpers import make_window


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    db.conn.close()
    return path


def _view(window):
    return window.tab_widgets["会员入会"].register_view


def _add_member(qtbot, view, name, id_number, branch="文学院分工会"):
    dialog = view.add_member()
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText(name)
    dialog.ui.id_number_edit.setText(id_number)
    dialog.fill_from_id()
    dialog.ui.branch_combo.setCurrentText(branch)
    dialog.ui.phone_edit.setText("13812345678")
    dialog.save()
    return dialog


def test_title_tabs_and_honest_empty_states(qtbot, db_path):
    window, _ = make_window(qtbot, db_path)
    assert window.windowTitle().startswith("桂林学院工会工作管理系统")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["首页", "工作要点", "教代会", "会员入会", "活动", "慰问", "经费"]
    for i in range(window.tabs.count()):
        widget = window.tabs.widget(i)
        if isinstance(widget, EmptyState):  # an area not built yet says so, shows no fake data
            texts = " ".join(label.text() for label in widget.findChildren(QLabel))
            assert "开发中" in texts
    assert str(db_path) in window.db_label.text()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "设置(&S)", "帮助(&H)"]


def test_add_member_through_form_search_and_roster_pdf(qtbot, db_path, tmp_path, sample_ids):
    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    dialog = _add_member(qtbot, view, "张晓明", sample_ids["man"])
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.ui.birth_date_edit.text() == "1990-03-07"
    assert dialog.ui.gender_combo.currentText() == "男"
    _add_member(qtbot, view, "李华", sample_ids["woman"], branch="机关分工会")
    assert view.model.rowCount() == 2
    assert "会员 2 人" in window.counts_label.text()

    view.search_edit.setText("zxm")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert view.model.row_data(0)["name"] == "张晓明"
    masked_phone = view.model.data(view.model.index(0, 6))
    assert masked_phone == "138****5678"

    out = tmp_path / "roster.pdf"
    prompts.items.append("部分隐藏（推荐）")
    prompts.save_paths.append(out)
    assert view.print_roster() == out
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "张晓明" in text and "李华" not in text  # the filtered view only
    assert sample_ids["man"][:4] + "**********" + sample_ids["man"][-4:] in text
    assert sample_ids["man"] not in text
    assert "第 1 页 共 1 页" in text


def test_form_shows_chinese_errors_next_to_fields_and_keeps_input(qtbot, db_path):
    window, _ = make_window(qtbot, db_path)
    view = _view(window)
    dialog = view.add_member()
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("王五")
    dialog.ui.id_number_edit.setText("450302199003071230")
    dialog.save()
    assert dialog.isVisible()  # not closed, nothing lost
    assert dialog.ui.name_edit.text() == "王五"
    error = dialog.findChild(type(dialog.ui.summary_label), "id_number_error")
    assert error.isVisibleTo(dialog) and "校验" in error.text()
    branch_error = dialog.findChild(type(dialog.ui.summary_label), "branch_error")
    assert "分工会" in branch_error.text()
    assert view.model.rowCount() == 0


def test_delete_is_confirmed_and_undoable(qtbot, db_path, sample_ids):
    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    _add_member(qtbot, view, "张晓明", sample_ids["man"])
    view.members_table.selectRow(0)
    prompts.confirms.append(False)
    view.delete_selected()
    assert view.model.rowCount() == 1
    prompts.confirms.append(True)
    view.delete_selected()
    assert view.model.rowCount() == 0
    window.undo_action.trigger()
    assert view.model.rowCount() == 1
    assert view.model.row_data(0)["name"] == "张晓明"
    window.redo_action.trigger()
    assert view.model.rowCount() == 0


def test_edit_then_undo_restores_previous_values(qtbot, db_path, sample_ids):
    window, _ = make_window(qtbot, db_path)
    view = _view(window)
    _add_member(qtbot, view, "张晓明", sample_ids["man"])
    dialog = view.edit_member(view.model.row_id(0))
    qtbot.addWidget(dialog)
    dialog.ui.department_edit.setText("人事处")
    dialog.save()
    assert view.model.row_data(0)["department"] == "人事处"
    window.ctx.undo_stack.undo()
    assert view.model.row_data(0)["department"] in (None, "")


def test_export_excel_is_masked_unless_asked(qtbot, db_path, tmp_path, sample_ids):
    from openpyxl import load_workbook

    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    _add_member(qtbot, view, "张晓明", sample_ids["man"])
    out = tmp_path / "export.xlsx"
    prompts.items.append("部分隐藏（推荐）")
    prompts.save_paths.append(out)
    view.export_excel()
    values = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "张晓明" in values and sample_ids["man"] not in values
    full = tmp_path / "full.xlsx"
    prompts.items.append("显示完整号码（将记入操作日志）")
    prompts.save_paths.append(full)
    view.export_excel()
    values = [c.value for row in load_workbook(full).active.iter_rows() for c in row]
    assert sample_ids["man"] in values
    log = window.ctx.db.execute(
        "SELECT count(*) FROM change_log WHERE action = 'reveal'"
    ).fetchone()[0]
    assert log == 1


def test_branch_filter_and_institution_settings(qtbot, db_path, sample_ids):
    window, _ = make_window(qtbot, db_path)
    view = _view(window)
    _add_member(qtbot, view, "张晓明", sample_ids["man"])
    _add_member(qtbot, view, "李华", sample_ids["woman"], branch="机关分工会")
    view.branch_combo.setCurrentIndex(view.branch_combo.findText("机关分工会"))
    assert [view.model.row_data(r)["name"] for r in range(view.model.rowCount())] == ["李华"]
    from guilin_union.services import settings

    settings.set_many(window.ctx.db, {"institution_name": "某某学院"})
    from guilin_union.services.changes import Changes

    window.ctx.notify(Changes.of("settings"))
    assert window.windowTitle().startswith("某某学院工会工作管理系统")


def test_branch_manager_add_and_refuse_delete(qtbot, db_path, sample_ids):
    from guilin_union.ui.dialogs.branches_dialog import BranchesDialog

    window, prompts = make_window(qtbot, db_path)
    _add_member(qtbot, _view(window), "张晓明", sample_ids["man"])
    dialog = BranchesDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    prompts.texts.append("体育学院分工会")
    dialog.add_branch()
    assert dialog.model.rowCount() == 3
    dialog.branches_table.selectRow(0)  # 文学院分工会 has a member
    prompts.confirms.append(True)
    dialog.delete_branch()
    assert prompts.messages[-1][0] == "warning" and "不能删除" in prompts.messages[-1][2]
    assert _view(window).branch_combo.findText("体育学院分工会") >= 0


def test_settings_menu_reaches_every_area_settings_dialog(qtbot, db_path):
    window, _ = make_window(qtbot, db_path)
    labels = [a.text() for a in window.settings_menu.actions() if a.text()]
    assert labels[:2] == ["单位信息…", "分工会管理…"]
    for label in ("教代会与提案规则…", "会费与会员编号…", "活动设置…", "慰问设置…"):
        assert label in labels


def test_undo_redo_undo_of_a_delete_keeps_the_status_history(qtbot, db_path, sample_ids):
    from guilin_union.services.members import status as member_status

    window, prompts = make_window(qtbot, db_path)
    view = _view(window)
    _add_member(qtbot, view, "张晓明", sample_ids["man"])
    member_id = view.model.row_id(0)
    db = window.ctx.db
    db.execute("UPDATE members SET join_date = '2010-09-01' WHERE id = ?", [member_id])
    member_status.record_status_change(db, member_id, "转出", on="2024-03-01", reason="调往他校")
    view.members_table.selectRow(0)
    prompts.confirms.append(True)
    view.delete_selected()
    for _ in range(2):
        window.undo_action.trigger()
        assert [e["to"] for e in member_status.status_history(db, member_id)] == ["转出"]
        window.redo_action.trigger()
        assert view.model.rowCount() == 0


def test_empty_register_explains_the_first_steps(qtbot, tmp_path, sample_ids):
    from guilin_union.storage import open_database as _open

    path = tmp_path / "fresh.db"
    _open(path).conn.close()
    window, _ = make_window(qtbot, path)
    view = _view(window)
    assert view.first_run_label.isVisibleTo(view)
    assert "分工会管理" in view.first_run_label.text()
    db = window.ctx.db
    branches.add_branch(db, "文学院分工会")
    from guilin_union.services.changes import Changes

    window.ctx.notify(Changes.of("branches"))
    assert "分工会管理" not in view.first_run_label.text() and "导入" in view.first_run_label.text()
    _add_member(qtbot, view, "张晓明", sample_ids["man"])
    assert not view.first_run_label.isVisibleTo(view)


def test_demo_database_from_the_file_menu_is_not_remembered(qtbot, db_path, tmp_path, monkeypatch):
    demo = tmp_path / "demo" / "demo.db"
    monkeypatch.setattr("guilin_union.storage.demo_db_path", lambda: demo)
    window, _ = make_window(qtbot, db_path)
    window.ctx.qsettings.setValue("database/last", str(db_path))
    window.open_demo_database()
    replacement = window._replacement
    qtbot.addWidget(replacement)
    assert replacement.ctx.db_path == demo
    assert replacement.ctx.db.execute("SELECT count(*) FROM members").fetchone()[0] > 500
    assert window.ctx.qsettings.value("database/last") == str(db_path)
