"""The 活动 tab in the real main window: create an activity, register members, record a result."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from guilin_union.services import activities as activities_service
from guilin_union.storage import open_database
from guilin_union.ui import ops
from tests import activities_fixtures as fx
from tests.ui.helpers import make_window


@pytest.fixture
def app(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "ui.db"
    db = open_database(path)
    people = fx.setup(db)
    db.conn.close()
    window, prompts = make_window(qtbot, path)
    view = window.tab_widgets["活动"]
    window.tabs.setCurrentWidget(view)
    monkeypatch.setattr(ops, "BACKGROUND", False)  # write printouts directly
    return window, prompts, view, people


def _save(dialog) -> None:
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()


def _create_activity(view, *, places: int = 2):
    dialog = view.new_activity()
    ui = dialog.ui
    ui.name_edit.setText("教职工气排球比赛")
    ui.type_combo.setCurrentText("文体活动")
    ui.start_date_edit.setDate(QDate(2024, 5, 16))
    ui.place_edit.setText("体育馆")
    ui.places_spin.setValue(places)
    ui.event_limit_spin.setValue(1)
    dialog.add_event_row("男子组")
    dialog.add_event_row("混合团体", "团体", 2)
    _save(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    return activities_service.list_activities(view.ctx.db)[0]["id"]


def test_create_register_and_record_a_result(qtbot, qtmodeltester, app):
    window, prompts, view, people = app
    db = view.ctx.db

    # 1. A new activity appears in the list, selected, with its events.
    activity_id = _create_activity(view)
    assert view.current_id == activity_id
    assert view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, 1)) == "教职工气排球比赛"
    assert "体育馆" in view.detail_page.info_label.text()

    # 2. Three members picked from the register for two places: the third waits.
    page = view.participants_page
    prompts.picks.append([people["张伟"], people["王强"], people["陈杰"]])
    dialog = page.add_participants()
    dialog.set_events([fx.event_ids(db, activity_id)["男子组"]])
    _save(dialog)
    assert page.model.rowCount() == 3
    statuses = [page.model.row_data(r)["status"] for r in range(3)]
    assert statuses == ["已报名", "已报名", "候补"]
    assert any("陈杰 列入候补" in m[2] for m in prompts.messages if m[0] == "info")
    assert "候补 1 人" in page.count_label.text()
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(view.model, force_py=True)

    # 3. A result for 张伟 in 男子组, then the team table shows his 分工会 first.
    results = view.results_page
    dialog = results.add_result()
    dialog.ui.event_combo.setCurrentIndex(
        dialog.ui.event_combo.findData(fx.event_ids(db, activity_id)["男子组"])
    )
    zhang = fx.participant_id(db, activity_id, people["张伟"])
    dialog.ui.participant_combo.setCurrentIndex(dialog.ui.participant_combo.findData(zhang))
    dialog.ui.rank_spin.setValue(1)
    dialog.ui.score_edit.setText("21:15")
    dialog.ui.award_combo.setCurrentText("一等奖")
    _save(dialog)
    assert results.results_model.rowCount() == 1
    assert results.results_model.index(0, 2).data() == "张伟"
    assert results.team_model.index(0, 1).data() == "文学院分工会"
    assert results.team_model.index(0, 2).data() == "7"
    assert results.results_table.model() is results.results_model
    qtmodeltester.check(results.results_model, force_py=True)
    qtmodeltester.check(results.team_model, force_py=True)
    assert fx.statuses(db, activity_id)["张伟"] == "已参加"  # a result proves attendance

    # 4. Undo takes the result back (and the attendance it implied).
    view.ctx.undo_stack.undo()
    assert results.results_model.rowCount() == 0
    assert fx.statuses(db, activity_id)["张伟"] == "已报名"


def test_cancelling_promotes_the_waiting_list_in_the_table(qtbot, app):
    _window, prompts, view, people = app
    db = view.ctx.db
    activity_id = _create_activity(view, places=1)
    page = view.participants_page
    prompts.picks.append([people["张伟"], people["李娜"]])
    _save(page.add_participants())
    page.table.selectRow(0)
    prompts.confirms.append(True)
    page.set_status("已取消")
    assert fx.statuses(db, activity_id) == {"张伟": "已取消", "李娜": "已报名"}
    assert any("李娜 由候补转为已报名" in m[2] for m in prompts.messages)
    view.ctx.undo_stack.undo()
    assert fx.statuses(db, activity_id) == {"张伟": "已报名", "李娜": "候补"}


def test_event_limit_message_is_shown_in_the_form(qtbot, app):
    _window, prompts, view, people = app
    db = view.ctx.db
    activity_id = _create_activity(view)
    prompts.picks.append([people["张伟"]])
    dialog = view.participants_page.add_participants()
    dialog.set_events(list(fx.event_ids(db, activity_id).values()))
    assert "超过限报项数" in dialog.ui.limit_value.text()
    _save(dialog)
    assert dialog.isVisible()
    assert (
        "张伟报了 2 个项目" in dialog.ui.summary_label.text()
        and "限报 1 项" in dialog.ui.summary_label.text()
    )
    assert fx.statuses(db, activity_id) == {}


def test_activity_form_shows_errors_next_to_fields(qtbot, app):
    _window, _prompts, view, _people = app
    dialog = view.new_activity()
    assert dialog.ui.start_date_edit.text() == "未设定"  # picked, never typed (issue 15)
    _save(dialog)
    assert dialog.isVisible()
    assert (
        "请填写活动名称" in dialog.ui.summary_label.text()
        and "请填写开始日期" in dialog.ui.summary_label.text()
    )
    assert dialog.ui.start_date_edit.styleSheet()
    assert dialog.ui.name_edit.styleSheet()
    assert activities_service.count(view.ctx.db) == 0


def test_member_form_shows_the_activities_taken_part_in(qtbot, qtmodeltester, app):
    window, prompts, view, people = app
    activity_id = _create_activity(view)
    prompts.picks.append([people["张伟"]])
    _save(view.participants_page.add_participants())
    register = window.tab_widgets["会员入会"].register_view
    dialog = register.edit_member(people["张伟"])
    tabs = dialog.ui.history_tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "参加活动" in titles
    page = tabs.widget(titles.index("参加活动"))
    table = page.findChild(type(view.results_page.results_table), "member_activities_table")
    assert table.model().index(0, 2).data() == "教职工气排球比赛"
    qtmodeltester.check(table.model(), force_py=True)
    dialog.reject()
    assert activity_id


def test_budget_lines_and_over_budget_warning(qtbot, qtmodeltester, app):
    _window, prompts, view, _people = app
    _create_activity(view)
    budget = view.budget_page
    dialog = budget.add_line("预算")
    dialog.ui.category_combo.setCurrentText("奖品")
    dialog.ui.amount_edit.setText("1,000")
    _save(dialog)
    dialog = budget.add_line("支出")
    dialog.ui.category_combo.setCurrentText("奖品")
    dialog.ui.amount_edit.setText("1200.5")
    dialog.ui.spent_on_edit.setDate(QDate(2024, 5, 20))
    _save(dialog)
    assert budget.lines_model.rowCount() == 2
    qtmodeltester.check(budget.lines_model, force_py=True)
    qtmodeltester.check(budget.category_model, force_py=True)
    from PySide6.QtCore import Qt

    from guilin_union.ui.activities.common import WARNING_COLOR

    category = budget.category_model
    cells = [[category.index(r, c).data() for c in range(4)] for r in range(category.rowCount())]
    assert ["奖品", "1,000.00", "1,200.50", "-200.50"] in cells and cells[-1][0] == "合计"
    prize, total = cells.index(["奖品", "1,000.00", "1,200.50", "-200.50"]), len(cells) - 1
    red = Qt.ItemDataRole.ForegroundRole
    assert category.index(prize, 2).data(red).name() == WARNING_COLOR.lower()
    assert category.index(prize, 1).data(red) is None
    assert category.index(total, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert category.index(prize, 0).data(Qt.ItemDataRole.FontRole) is None

    summary = budget.show_year_summary()
    qtmodeltester.check(summary.model, force_py=True)
    row = [summary.model.index(0, c).data() for c in range(6)]
    assert row[3:] == ["1,000.00", "1,200.50", "-200.50"]
    assert summary.model.index(0, 5).data(red).name() == WARNING_COLOR.lower()
    summary.reject()
    assert "实际支出 1,200.50 元" in budget.totals_label.text()
    assert "超支 200.50 元" in budget.warning_label.text()
    assert any(m[1] == "超出预算" for m in prompts.messages)


def test_printouts_and_the_signup_import_wizard(qtbot, app, tmp_path):
    _window, prompts, view, people = app
    db = view.ctx.db
    activity_id = _create_activity(view, places=5)
    prompts.save_paths.append(tmp_path / "报名表.pdf")
    assert view.print_signup_forms().exists()
    prompts.save_paths.append(tmp_path / "报名表.xlsx")
    template = view.save_signup_template()
    wb = load_workbook(template)
    ws = wb["报名表"]
    ws["C5"], ws["D5"], ws["G5"] = "李娜", "S002", "√"
    wb.save(template)

    wizard = view.participants_page.import_signups()
    qtbot.addWidget(wizard)
    wizard.background = False
    wizard.file_edit.setText(str(template))
    wizard.go_next()
    wizard.go_next()
    assert wizard.pages.currentIndex() == 2 and wizard.next_button.isEnabled(), (
        wizard.check_summary.text()
    )
    wizard.go_next()
    assert "已导入 1 条" in wizard.done_label.text()
    assert fx.statuses(db, activity_id) == {"李娜": "已报名"}
    assert view.participants_page.model.rowCount() == 1

    prompts.save_paths.append(tmp_path / "名单.pdf")
    assert view.print_participants().exists()
    prompts.items.append("部分隐藏（推荐）")
    prompts.save_paths.append(tmp_path / "参加人员.xlsx")
    assert view.export_participants().exists()


def test_filters_and_delete_with_undo(qtbot, app):
    _window, prompts, view, _people = app
    activity_id = _create_activity(view)
    view.search_edit.setText("不存在的活动")
    view.apply_filters()
    assert view.model.rowCount() == 0 and view.current_id is None
    view.search_edit.setText("")
    view.apply_filters()
    view.select_activity(activity_id)
    prompts.confirms.append(True)
    view.delete_current()
    assert activities_service.count(view.ctx.db) == 0 and view.model.rowCount() == 0
    view.ctx.undo_stack.undo()
    assert view.model.rowCount() == 1
    assert view.model.row_data(0)["name"] == "教职工气排球比赛"


def test_the_work_point_item_is_chosen_among_the_years_items(qtbot, app):
    _window, _prompts, view, _people = app
    db = view.ctx.db
    if activities_service.workpoint_table(db) is None:
        pytest.skip("the work-points schema is not there")
    items = {}
    for year in (2023, 2024):
        plan = db.execute(
            "INSERT INTO workpoint_plans (year, kind, title, imported_at) VALUES (?, 'school', ?, ?)",
            [year, f"{year}年工作要点", f"{year}-01-05"],
        ).lastrowid
        items[year] = db.execute(
            "INSERT INTO workpoint_items (plan_id, level, position, heading, created_at, updated_at)"
            " VALUES (?, 2, 1, ?, ?, ?)",
            [plan, f"举办{year}年气排球比赛", f"{year}-01-05", f"{year}-01-05"],
        ).lastrowid
    dialog = view.new_activity()
    ui = dialog.ui
    assert not ui.workpoint_combo.isHidden()
    ui.name_edit.setText("教职工气排球比赛")
    ui.start_date_edit.setDate(QDate(2024, 5, 16))
    labels = [ui.workpoint_combo.itemText(i) for i in range(ui.workpoint_combo.count())]
    assert labels == ["（不关联）", "2024年 举办2024年气排球比赛"]
    ui.workpoint_combo.setCurrentIndex(1)
    _save(dialog)
    activity = activities_service.get_activity(db, view.current_id)
    assert activity["workpoint_item_id"] == items[2024]


def test_activity_settings_dialog(qtbot, app):
    _window, _prompts, view, _people = app
    dialog = view.edit_settings()
    dialog.list_edits["activity_expense_categories"].setPlainText("器材\n奖品\n宣传")
    dialog.scheme_edit.setText("9,7,5")
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert activities_service.expense_categories(view.ctx.db) == ["器材", "奖品", "宣传"]
    dialog = view.edit_settings()
    dialog.scheme_edit.setText("一二三")
    dialog.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and "不是非负整数" in dialog.summary_label.text()
    dialog.reject()


def test_record_for_edit_reads_the_selected_record_or_says_why_not(qtbot):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QWidget

    from guilin_union.core.errors import UserError
    from guilin_union.ui.activities.common import record_for_edit

    warnings = []
    ctx = SimpleNamespace(
        db="DB", prompts=SimpleNamespace(warning=lambda *args: warnings.append(args[1:]))
    )
    page = QWidget()
    qtbot.addWidget(page)

    def gone(db, record_id):
        raise UserError(f"记录 {record_id} 已被删除。")

    assert record_for_edit(page, ctx, None, gone, "修改成绩") is None and not warnings
    assert record_for_edit(page, ctx, 7, lambda db, i: {"db": db, "id": i}, "修改成绩") == {
        "db": "DB",
        "id": 7,
    }
    assert record_for_edit(page, ctx, 7, gone, "修改成绩") is None
    assert warnings == [("修改成绩", "记录 7 已被删除。")]
