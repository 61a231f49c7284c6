"""The intake pages of the 会员入会 tab, driven through the real main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from guilin_union.services import intake, members
from guilin_union.services.intake import dues
from guilin_union.services.members import branches
from guilin_union.storage import open_database
from tests.intake_fixtures import person_row, resident_id, write_book
from tests.ui.helpers import make_window


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    db.conn.close()
    return path


def _tab(window):
    return window.tab_widgets["会员入会"]


def _counts(db):
    return {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("intake_applications", "members", "change_log")
    }


def _wizard(qtbot, window, prompts, path):
    view = _tab(window).applications_view
    wizard = view.import_excel()
    qtbot.addWidget(wizard)
    wizard.background = False
    prompts.open_paths.append(path)
    wizard.browse()
    wizard.go_next()  # -> column mapping
    assert wizard.pages.currentIndex() == 1
    return wizard


def test_import_wizard_one_bad_row_changes_nothing(qtbot, qtmodeltester, db_path, tmp_path):
    good = [person_row(resident_id(seq=i), f"人{i}", phone=f"1390000{i:04d}") for i in range(1, 6)]
    bad_id = resident_id(seq=9)[:17] + "0"
    if bad_id == resident_id(seq=9):
        bad_id = bad_id[:17] + "1"
    rows = good[:2] + [person_row(bad_id, "错行", phone="13800009999")] + good[2:]
    path = write_book(tmp_path / "新进人员.xlsx", rows, title="2025年新进教职工名单")
    window, prompts = make_window(qtbot, db_path)
    before = _counts(window.ctx.db)
    wizard = _wizard(qtbot, window, prompts, path)
    wizard.go_next()  # -> check
    assert wizard.pages.currentIndex() == 2
    errors = wizard.errors_model
    assert errors.rowCount() == 1
    assert errors.index(0, 0).data() == "5"  # title row + header: the bad person is Excel row 5
    assert errors.index(0, 1).data() == "身份证号"
    assert "校验位" in errors.index(0, 3).data()
    qtmodeltester.check(errors, force_py=True)
    assert "发现 1 处错误" in wizard.check_summary.text()
    assert not wizard.next_button.isEnabled()  # nothing can be imported
    # The bad cell is marked in the preview, with the reason as its tooltip.
    preview = wizard.preview_model
    qtmodeltester.check(preview, force_py=True)
    marked = [
        preview.index(r, c)
        for r in range(preview.rowCount())
        for c in range(preview.columnCount())
        if preview.index(r, c).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert marked and {m.data() for m in marked} == {bad_id}
    assert all("校验位" in m.data(Qt.ItemDataRole.ToolTipRole) for m in marked)
    assert {preview.index(m.row(), 0).data() for m in marked} == {"5"}
    # The error list can be saved with its explanation column.
    from openpyxl import load_workbook

    prompts.save_paths.append(tmp_path / "错误清单.xlsx")
    wizard.save_errors()
    saved = [
        [c.value for c in r] for r in load_workbook(tmp_path / "错误清单.xlsx").active.iter_rows()
    ]
    assert saved[1] == ["行号", "列", "值", "错误说明"] and "校验位" in saved[2][3]
    wizard.reject()
    assert _counts(window.ctx.db) == before


def test_import_wizard_as_members_with_progress_and_summary(qtbot, db_path, tmp_path):
    rows = [person_row(resident_id(seq=i), f"人{i}", phone=f"1390000{i:04d}") for i in range(1, 4)]
    path = write_book(tmp_path / "ok.xlsx", rows)
    window, prompts = make_window(qtbot, db_path)
    wizard = _wizard(qtbot, window, prompts, path)
    wizard.options.as_members.setChecked(True)
    wizard.go_next()
    assert wizard.next_button.isEnabled() and wizard.next_button.text() == "导入 3 条"
    wizard.go_next()
    assert wizard.pages.currentIndex() == 3
    assert "已导入 3 条" in wizard.done_label.text()
    register = _tab(window).register_view
    assert register.model.rowCount() == 3
    assert all(register.model.row_data(r)["member_no"] for r in range(3))


def _three_applications(qtbot, db_path):
    """The main window with 甲, 乙, 丙 applying to 文学院分工会, shown in 申请审批."""
    window, prompts = make_window(qtbot, db_path)
    ids = [
        intake.add_application(window.ctx.db, {"name": n, "branch": "文学院分工会"}).row_id
        for n in ("甲", "乙", "丙")
    ]
    view = _tab(window).applications_view
    view.apply_filters()
    return window, prompts, view, ids


def test_workflow_batch_actions(qtbot, db_path):
    window, prompts, view, ids = _three_applications(qtbot, db_path)
    db = window.ctx.db
    view.select_ids(ids[:2])
    assert view.review_button.isEnabled() and view.approve_button.isEnabled()
    view.review_selected()
    assert {intake.get_application(db, i)["state"] for i in ids[:2]} == {"待校工会批准"}
    view.select_ids(ids[:2])
    prompts.confirms.append(True)
    view.approve_selected()
    approved = [intake.get_application(db, i) for i in ids[:2]]
    assert all(a["state"] == "已批准" and a["member_no"] for a in approved)
    assert any("会员编号" in m[2] for m in prompts.messages if m[0] == "info")
    view.select_ids([ids[2]])
    prompts.texts.append("材料不全")
    view.reject_selected()
    assert intake.get_application(db, ids[2])["reject_reason"] == "材料不全"
    # Ctrl+Z undoes the rejection.
    window.ctx.undo_stack.undo()
    assert intake.get_application(db, ids[2])["state"] == "待分工会审核"


def test_buttons_and_delete_question_read_the_lists_rows_not_the_database(
    qtbot, db_path, monkeypatch
):
    """The selection's states and names come from the rows the list already holds: no
    second query (intake.fetch_rows is only the list's own page load)."""
    window, prompts, view, ids = _three_applications(qtbot, db_path)
    for row in range(view.model.rowCount()):
        view.model.row_data(row)  # the list's rows are loaded (as when shown)
    fetched: list[list[int]] = []
    real_fetch = intake.fetch_rows
    monkeypatch.setattr(
        intake, "fetch_rows", lambda d, i, **k: fetched.append(list(i)) or real_fetch(d, i, **k)
    )
    view.select_ids(ids[:2])
    assert view.review_button.isEnabled() and view.delete_button.isEnabled()
    assert not view.edit_button.isEnabled() and not view.reopen_button.isEnabled()
    view.select_ids([ids[2]])
    assert view.edit_button.isEnabled()
    view.select_ids(ids[:2])
    prompts.confirms.append(False)
    view.delete_selected()
    question = prompts.messages[-1]
    assert question[0] == "confirm" and "2 条入会申请（甲、乙）" in question[2]
    assert fetched == []
    view.select_ids([])
    assert not view.delete_button.isEnabled() and not view.approve_button.isEnabled()


def test_member_form_shows_status_history_and_dues(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    member_id = members.add_member(
        db, {"name": "李老师", "branch": "文学院分工会", "join_date": "2000-09-01"}
    ).row_id
    dues.set_dues_record(db, member_id, salary_base_fen=567890)
    register = _tab(window).register_view
    register.apply_filters()
    dialog = register.edit_member(member_id)
    qtbot.addWidget(dialog)
    titles = [dialog.ui.history_tabs.tabText(i) for i in range(dialog.ui.history_tabs.count())]
    assert "会籍变更" in titles and "会费" in titles
    page = dialog.ui.history_tabs.widget(titles.index("会籍变更"))
    assert page.record(new_status="退休（保留会籍）", on="2024-06-30", reason="到龄退休") is None
    assert page.model.rowCount() == 1
    assert page.model.index(0, 2).data() == "在会 → 保留会籍"
    assert (
        dialog.ui.status_combo.currentText() == "保留会籍"
    )  # the form cannot write the old status back
    assert page.record(new_status="退休（保留会籍）", on="2024-07-01", reason="x") is not None
    dues_page = dialog.ui.history_tabs.widget(titles.index("会费"))
    dialog.ui.history_tabs.setCurrentWidget(dues_page)  # shown again: reflects the retirement
    assert dues_page.base_edit.text() == "5678.90"
    assert "免缴" in dues_page.dues_label.text()
    dues_page.base_edit.setText("6000")
    assert dues_page.save()
    assert dues.get_dues_record(db, member_id)["salary_base_fen"] == 600000


def test_dues_and_stats_pages(qtbot, qtmodeltester, db_path, tmp_path):
    window, prompts = make_window(qtbot, db_path)
    db = window.ctx.db
    member_id = members.add_member(
        db,
        {
            "name": "甲",
            "branch": "文学院分工会",
            "join_date": "2000-01-01",
            "id_number": resident_id(),
        },
    ).row_id
    dues.set_dues_record(db, member_id, salary_base_fen=567890)
    tab = _tab(window)
    tab.dues_view.reload()
    summary = tab.dues_view.summary_model
    qtmodeltester.check(summary, force_py=True)
    assert summary.index(0, 0).data() == "文学院分工会" and summary.index(0, 6).data() == "28.35"
    total = summary.index(summary.rowCount() - 1, 0)
    assert total.data() == "合计" and total.data(Qt.ItemDataRole.FontRole).bold()
    assert summary.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    tab.dues_view.summary_table.selectRow(0)
    assert tab.dues_view.detail_model.rowCount() == 1
    prompts.save_paths.append(tmp_path / "会费.pdf")
    assert tab.dues_view.print_pdf() == tmp_path / "会费.pdf"
    tab.stats_view.reload()
    first = tab.stats_view.tables.widget(0)
    from guilin_union.ui.table_model import IdTableModel

    assert isinstance(first.model(), IdTableModel)
    assert first.model().index(0, 0).data() == "文学院分工会"
    qtmodeltester.check(first.model(), force_py=True)
    prompts.save_paths.append(tmp_path / "统计.xlsx")
    assert tab.stats_view.export_excel() == tmp_path / "统计.xlsx"
    prompts.save_paths.append(tmp_path / "证.pdf")
    assert tab.stats_view.print_cards() == tmp_path / "证.pdf"


def test_stats_reload_keeps_one_set_of_tables(qtbot, db_path):
    """Reloading the statistics replaces its tables: the old ones are deleted, not kept as
    hidden children of the view."""
    from PySide6.QtWidgets import QTableView

    window, _prompts = make_window(qtbot, db_path)
    view = _tab(window).stats_view
    view.reload()
    shown = view.tables.count()
    assert shown > 1
    for _ in range(3):
        view.reload()
    tables = view.findChildren(QTableView)
    assert len(tables) == shown == view.tables.count()
    assert {view.tables.widget(i) for i in range(shown)} == set(tables)


def test_new_application_through_the_form(qtbot, db_path, sample_ids):
    window, prompts = make_window(qtbot, db_path)
    view = _tab(window).applications_view
    dialog = view.add_application()
    qtbot.addWidget(dialog)
    assert not dialog.ui.member_no_edit.isVisible() and not dialog.ui.status_combo.isVisible()
    dialog.ui.name_edit.setText("王小明")
    dialog.ui.id_number_edit.setText(sample_ids["man"])
    dialog.fill_from_id()
    dialog.ui.branch_combo.setCurrentText("机关分工会")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert view.model.rowCount() == 1 and view.model.row_data(0)["state"] == "待分工会审核"
    # The same person again is refused on the form, next to the ID field.
    again = view.add_application()
    qtbot.addWidget(again)
    again.ui.name_edit.setText("王小明")
    again.ui.id_number_edit.setText(sample_ids["man"])
    again.ui.branch_combo.setCurrentText("机关分工会")
    again.save()
    assert again.result() != again.DialogCode.Accepted
    assert (
        "已有“王小明”的入会申请"
        in again.findChild(type(again.ui.summary_label), "id_number_error").text()
    )


def test_dues_settings_dialog_validates(qtbot):
    from guilin_union.ui.application import ensure_application
    from guilin_union.ui.intake.dialogs import DuesSettingsDialog

    ensure_application()
    dialog = DuesSettingsDialog(
        {
            "dues_rate_percent": "0.5",
            "dues_base_unit_fen": 1000,
            "dues_start_rule": "join_month",
            "member_no_rule": "{年份}{分工会代码}{序号}",
            "member_no_sequence_digits": 4,
        }
    )
    qtbot.addWidget(dialog)
    assert dialog.ui.unit_edit.text() == "10"
    dialog.ui.number_rule_edit.setText("{年份}{姓名}{序号}")
    dialog.save()
    assert dialog.result_values is None and "无法识别" in dialog.ui.error_label.text()
    dialog.ui.number_rule_edit.setText("GL{年份2}{序号}")
    dialog.ui.rate_edit.setText("1%")
    dialog.save()
    assert dialog.result_values == {
        "dues_rate_percent": "1",
        "dues_base_unit_fen": 1000,
        "dues_start_rule": "join_month",
        "member_no_rule": "GL{年份2}{序号}",
        "member_no_sequence_digits": 4,
    }
