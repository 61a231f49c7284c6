"""The 工作要点 tab in the real main window: import with the preview (fixing a node's level
before saving), tracking an item, notes, evidence, links, the overview, outputs, roll-over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar

from guilin_union.services import workpoints as wp
from guilin_union.services.members import branches
from guilin_union.services.workpoints import links as wl
from guilin_union.storage import open_database
from guilin_union.ui import ops
from guilin_union.ui.tabs.workpoints_tab import KEEP_BOTH
from tests.reports._pdf import page_texts, squash
from tests.ui.helpers import make_window
from tests.workpoints_fixtures import REGION_2025, SCHOOL_2024, item_ids, save_school, save_upper


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "gui.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    db.conn.close()
    return path


@pytest.fixture
def tracked_path(db_path) -> Path:
    """Both samples saved (2024 school, 2025 upper)."""
    db = open_database(db_path)
    save_school(db)
    save_upper(db)
    db.conn.close()
    return db_path


@pytest.fixture(autouse=True)
def _synchronous_ops(monkeypatch):
    monkeypatch.setattr(ops, "BACKGROUND", False)  # write printouts directly so tests read them


def _tab(window):
    return window.tab_widgets["工作要点"]


def _node_index(dialog, number: str, level: int) -> int:
    return next(i for i, n in enumerate(dialog.flat) if n.number == number and n.level == level)


def test_empty_state_then_import_fixing_a_level(qtbot, db_path) -> None:
    window, prompts = make_window(qtbot, db_path)
    tab = _tab(window)
    assert tab.stack.currentIndex() == 0  # the honest empty state with an import button
    dialog = tab.open_import(REGION_2025)
    qtbot.addWidget(dialog)
    assert dialog.year_spin.value() == 2025
    assert dialog.kind_combo.currentData() == "upper"
    assert dialog.title_edit.text() == "自治区教育工会2025年工作要点"
    assert dialog.tree.topLevelItemCount() == 4
    assert "共 24 个条目，其中需跟踪 19 项" in dialog.count_label.text()
    # Fix one node's level: （十二） becomes the fourth sub-item of （十一）.
    twelve = _node_index(dialog, "十二", 2)
    dialog.select(twelve)
    assert dialog.demote_button.isEnabled()
    dialog.demote_button.click()
    item = dialog.item_for(twelve)
    assert item.parent().text(0) == "（十一）" and item.parent().childCount() == 4
    assert dialog.flat[twelve].level == 3
    # The source text follows the selection.
    assert dialog.source_edit.textCursor().selectedText() in dialog.flat[twelve].text
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert prompts.messages[-1][:2] == ("info", "导入完成")
    db = window.ctx.db
    plans = wp.list_plans(db)
    assert [(p["year"], p["kind"], p["source_name"]) for p in plans] == [
        (2025, "upper", REGION_2025.name)
    ]
    ids = item_ids(db, plans[0]["id"])
    moved = wp.get_item(db, ids["十一/十二"])
    assert moved["level"] == 3 and moved["lead_unit"] == "自治区教育工会"
    assert tab.stack.currentIndex() == 1 and tab.current_plan_id() == plans[0]["id"]
    assert tab.overview.data.totals.total == 19


def test_preview_split_merge_and_edit(qtbot, db_path, tmp_path) -> None:
    window, _ = make_window(qtbot, db_path)
    tab = _tab(window)
    text = (
        "桂林学院2026年工会工作要点\n一、思想引领\n（一）组织学习。开展宣讲。\n"
        "（二）宣传工作。\n二、民主管理\n（三）召开教代会。"
    )
    source = tmp_path / "要点.txt"
    source.write_text(text, encoding="gb18030")
    dialog = tab.open_import(source)
    qtbot.addWidget(dialog)
    first = _node_index(dialog, "一", 2)
    dialog.select_text_position(first, len("组织学习。"))
    dialog.split_button.click()
    assert [n.text for n in dialog.flat[1:3]] == ["组织学习。", "开展宣讲。"]
    dialog.select(2)
    dialog.merge_button.click()  # merge it back with （二）
    assert dialog.flat[2].text == "开展宣讲。（二）宣传工作。"
    dialog.select(2)
    dialog.units_edit.setText("宣传部、各分工会")
    dialog.units_edit.textEdited.emit(dialog.units_edit.text())
    dialog.heading_edit.setText("开展宣讲和宣传")
    dialog.heading_edit.textEdited.emit(dialog.heading_edit.text())
    assert dialog.tree.currentItem().text(3) == "宣传部、各分工会"
    dialog.select(0)
    dialog.remove_button.click()  # the section heading goes; its items follow the one before
    assert dialog.flat[0].number == "一" and dialog.flat[0].level == 1
    dialog.year_spin.setValue(2026)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("school"))
    dialog.save()
    plan_id = wp.list_plans(window.ctx.db)[0]["id"]
    nodes = wp.plan_items(window.ctx.db, plan_id)
    edited = next(n for n in nodes if n["heading"] == "开展宣讲和宣传")
    assert edited["responsible_units"] == ["宣传部", "各分工会"]
    assert wp.get_plan(window.ctx.db, plan_id)["source_text"] == text


def test_preview_of_pasted_text_without_items(qtbot, db_path) -> None:
    window, _ = make_window(qtbot, db_path)
    dialog = _tab(window).open_import()
    qtbot.addWidget(dialog)
    dialog.load_text("这是一段没有编号的说明文字。")
    assert not dialog.button_box.button(dialog.button_box.StandardButton.Save).isEnabled()
    assert "未识别到任何条目" in dialog.warnings_label.text()
    dialog.source_edit.setPlainText("1.第一项。\n2.第二项。")
    dialog.reparse()
    assert [n.number for n in dialog.flat] == ["1", "2"]


def test_second_import_asks_replace_or_keep(qtbot, tracked_path) -> None:
    window, prompts = make_window(qtbot, tracked_path)
    tab = _tab(window)
    db = window.ctx.db
    school = wp.list_plans(db, year=2024)[0]["id"]
    dialog = tab.open_import(SCHOOL_2024)
    qtbot.addWidget(dialog)
    prompts.items.append(KEEP_BOTH)
    dialog.save()
    assert len(wp.list_plans(db, year=2024)) == 2
    # Once tracked, a plan is not offered for replacement.
    wp.update_item(db, item_ids(db, school)["一"], {"owner": "王宁"})
    dialog = tab.open_import(SCHOOL_2024)
    qtbot.addWidget(dialog)
    prompts.items.append(None)  # the user cancels the question: nothing is saved
    dialog.save()
    assert len(wp.list_plans(db, year=2024)) == 2


def test_track_an_item_and_undo(qtbot, tracked_path) -> None:
    window, _ = make_window(qtbot, tracked_path)
    tab = _tab(window)
    db = window.ctx.db
    ids = item_ids(db, tab.current_plan_id())
    assert wp.get_plan(db, tab.current_plan_id())["kind"] == "school"  # the school plan comes first
    view = tab.tracking
    assert view.select_item(ids["八"])
    panel = view.panel
    panel.form.owner_edit.setText("王宁")
    panel.form.owner_edit.textEdited.emit("王宁")
    panel.form.units_edit.setText("体育学院、各分工会")
    panel.form.deadline_edit.setDate(dt.date(2024, 11, 30))
    panel.form.status_combo.setCurrentIndex(panel.form.status_combo.findData("进行中"))
    assert panel.form.save_button.isEnabled()
    panel.form.save_button.click()
    item = wp.get_item(db, ids["八"])
    assert (item["owner"], item["deadline"], item["status"]) == ("王宁", "2024-11-30", "进行中")
    assert item["responsible_units"] == ["体育学院", "各分工会"]
    row = view.model.row_of_id(ids["八"])
    assert view.model.data(view.model.index(row, 2)) == "王宁"
    window.ctx.undo_stack.undo()
    assert wp.get_item(db, ids["八"])["owner"] is None
    window.ctx.undo_stack.redo()
    assert wp.get_item(db, ids["八"])["owner"] == "王宁"
    # A section row has no tracking form.
    view.select_item(ids["§一"])
    assert not panel.form_widget.isEnabled() and "子条目" in panel.info_label.text()


def test_unsaved_edits_are_saved_when_moving_on(qtbot, tracked_path) -> None:
    window, _ = make_window(qtbot, tracked_path)
    view = _tab(window).tracking
    ids = item_ids(window.ctx.db, _tab(window).current_plan_id())
    view.select_item(ids["一"])
    view.panel.form.owner_edit.setText("李静")
    view.panel.form.owner_edit.textEdited.emit("李静")
    view.items_table.selectRow(view.model.row_of_id(ids["二"]))
    assert wp.get_item(window.ctx.db, ids["一"])["owner"] == "李静"
    assert view.panel.item["id"] == ids["二"]


def test_notes_evidence_and_records(qtbot, qtmodeltester, tracked_path, tmp_path) -> None:
    window, prompts = make_window(qtbot, tracked_path)
    tab = _tab(window)
    db = window.ctx.db
    ids = item_ids(db, tab.current_plan_id())
    panel = tab.tracking.panel
    tab.tracking.select_item(ids["四"])
    dialog = panel.add_note()
    qtbot.addWidget(dialog)
    dialog.ui.text_edit.setPlainText("第一届教代会第三次会议顺利召开。")
    dialog.ui.date_edit.setDate(dt.date(2024, 3, 20))
    assert dialog.ui.status_combo.currentData() == "进行中"  # the first note starts the work
    dialog.save()
    assert [n["text"] for n in wp.list_notes(db, ids["四"])] == ["第一届教代会第三次会议顺利召开。"]
    assert wp.get_item(db, ids["四"])["status"] == "进行中"
    assert panel.notes_model.rowCount() == 1 and "进展情况（1）" == panel.pages.tabText(0)
    assert panel.notes_table.model() is panel.notes_model
    assert panel.notes_model.index(0, 1).data() == "第一届教代会第三次会议顺利召开。"
    qtmodeltester.check(panel.notes_model, force_py=True)
    window.ctx.undo_stack.undo()
    assert wp.list_notes(db, ids["四"]) == [] and wp.get_item(db, ids["四"])["status"] == "未开始"
    window.ctx.undo_stack.redo()
    assert (
        len(wp.list_notes(db, ids["四"])) == 1 and wp.get_item(db, ids["四"])["status"] == "进行中"
    )
    # An empty note is refused inside the dialog, which stays open.
    dialog = panel.add_note()
    qtbot.addWidget(dialog)
    dialog.save()
    assert "不能为空" in dialog.ui.error_label.text() and dialog.isVisible()
    dialog.reject()

    evidence = tmp_path / "会议纪要.txt"
    evidence.write_text("纪要", encoding="utf-8")
    prompts.open_paths.append(evidence)
    panel.add_evidence()
    assert (
        panel.evidence_model.rowCount() == 1
        and panel.evidence_model.index(0, 0).data() == "会议纪要.txt"
    )
    assert panel.evidence_table.model() is panel.evidence_model
    qtmodeltester.check(panel.evidence_model, force_py=True)
    panel.evidence_table.selectRow(0)
    panel.open_evidence()  # a no-op under tests, but the file must resolve
    assert (
        wp.evidence_path(db, wp.list_evidence(db, ids["四"])[0]["id"]).read_text(encoding="utf-8")
        == "纪要"
    )
    prompts.confirms.append(True)
    panel.remove_evidence()
    assert wp.list_evidence(db, ids["四"]) == []

    session = db.execute(
        "INSERT INTO congress_terms (number, start_year, end_year, length_years)"
        " VALUES (1, 2022, 2027, 5)"
    ).lastrowid
    db.execute(
        "INSERT INTO congress_sessions (term_id, meeting_no, title, start_date, proposal_prefix, created_at)"
        " VALUES (?, 3, '第一届教代会第三次会议', '2024-03-20', 'P', '2024-01-01')",
        [session],
    )
    picker = panel.choose_record()
    qtbot.addWidget(picker)
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData("congress_session"))
    assert picker.list.count() == 1
    picker.accept()
    assert [r["target_kind"] for r in wl.record_links(db, ids["四"])] == ["congress_session"]
    assert "第一届教代会第三次会议" in panel.records_list.item(0).text()


def test_link_upper_items_and_coverage(qtbot, tracked_path) -> None:
    window, _ = make_window(qtbot, tracked_path)
    tab = _tab(window)
    db = window.ctx.db
    school = item_ids(db, wp.list_plans(db, year=2024)[0]["id"])
    upper_plan = wp.list_plans(db, year=2025, kind="upper")[0]["id"]
    upper = item_ids(db, upper_plan)
    tab.tracking.select_item(school["八"])
    picker = tab.tracking.panel.choose_upper_items()
    qtbot.addWidget(picker)
    assert picker.plan_combo.currentData() == upper_plan
    picker.set_checked(upper["十三"], True)
    picker.accept()
    assert [r["id"] for r in wl.upper_links(db, school["八"])] == [upper["十三"]]
    coverage = tab.coverage
    tab.pages.setCurrentWidget(coverage)
    assert coverage.upper_combo.currentData() == upper_plan
    assert "本校已有条目对应 1 项" in coverage.summary_label.text()
    coverage.unanswered_check.setChecked(True)
    shown = []
    for i in range(coverage.upper_tree.topLevelItemCount()):
        top = coverage.upper_tree.topLevelItem(i)
        shown += [top.child(j).data(0, Qt.ItemDataRole.UserRole) for j in range(top.childCount())]
    assert upper["十三"] not in shown and upper["一"] in shown
    coverage.unanswered_check.setChecked(False)
    coverage.select_ids(upper["一"], school["一"])
    assert coverage.link_selected()
    assert "本校已有条目对应 2 项" in coverage.summary_label.text()
    window.ctx.undo_stack.undo()
    assert wl.upper_links(db, school["一"]) == []


def test_overview_shortcuts_filter_the_list(qtbot, qtmodeltester, tracked_path) -> None:
    db = open_database(tracked_path)
    plan_id = wp.list_plans(db, year=2024)[0]["id"]
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["四"], {"deadline": "2024-04-30", "owner": "李静"})
    wp.update_item(db, ids["七"], {"deadline": "2024-09-10", "status": "进行中", "owner": "王宁"})
    db.conn.close()
    window, _ = make_window(qtbot, tracked_path)
    tab = _tab(window)
    assert "逾期未完成 2 项" in tab.overview.overdue_button.text()
    tab.overview.overdue_button.click()
    view = tab.tracking
    assert view.overdue_check.isChecked()
    assert sorted(view.model.ids()) == sorted([ids["四"], ids["七"]])
    assert "筛选出 2 项" in view.count_label.text()
    tab.overview.no_owner_button.click()
    assert len(view.model.ids()) == 10
    tab.overview.all_button.click()
    assert len(view.model.ids()) == 16
    view.search_edit.setText("运动会")
    view.apply_filters()
    assert view.model.ids() == [ids["八"]]
    assert view.items_table.model() is view.model and view.items_table.isSortingEnabled()
    qtmodeltester.check(view.model, force_py=True)


def test_overview_sections_table(qtbot, qtmodeltester, tracked_path) -> None:
    db = open_database(tracked_path)
    plan_id = wp.list_plans(db, year=2024)[0]["id"]
    ids = item_ids(db, plan_id)
    wp.update_item(db, ids["四"], {"deadline": "2024-04-30"})
    db.conn.close()
    window, _ = make_window(qtbot, tracked_path)
    overview = _tab(window).overview
    model, table = overview.sections_model, overview.sections_table
    sections = overview.data.sections
    assert table.model() is model and model.rowCount() == len(sections)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "板块",
        "条目",
        "已完成",
        "进行中",
        "未开始",
        "逾期",
        "完成进度",
    ]
    for row, section in enumerate(sections):
        assert model.index(row, 0).data() == section.label
        assert model.index(row, 1).data() == str(section.total)
        coloured = model.index(row, 5).data(Qt.ItemDataRole.ForegroundRole) is not None
        assert coloured == bool(section.overdue)
        assert isinstance(table.indexWidget(model.index(row, 6)), QProgressBar)
    assert any(section.overdue for section in sections)
    qtmodeltester.check(model, force_py=True)
    asked: list[int] = []
    overview.item_requested.connect(asked.append)
    table.clicked.emit(model.index(0, 0))
    assert asked == [sections[0].items[0]["id"]]


def test_outputs_from_the_tab(qtbot, tracked_path, tmp_path) -> None:
    window, prompts = make_window(qtbot, tracked_path)
    tab = _tab(window)
    prompts.save_paths.append(tmp_path / "台账.pdf")
    tab.print_ledger()
    text = squash("".join(page_texts(tmp_path / "台账.pdf")))
    assert "2024年工作要点落实台账" in text and "健全工会经费收缴和财务管理规范" in text
    prompts.save_paths.append(tmp_path / "台账.xlsx")
    tab.export_excel()
    sheet = load_workbook(tmp_path / "台账.xlsx").active
    assert sheet["A1"].value.startswith("2024年工作要点落实台账")
    prompts.save_paths.append(tmp_path / "总结.pdf")
    tab.print_summary()
    assert "全年工作要点共12项" in squash("".join(page_texts(tmp_path / "总结.pdf")))
    assert prompts.messages[-1][1] != "工作要点年终总结失败"


def test_carry_over_and_delete_plan(qtbot, tracked_path) -> None:
    window, prompts = make_window(qtbot, tracked_path)
    tab = _tab(window)
    db = window.ctx.db
    source = tab.current_plan_id()
    ids = item_ids(db, source)
    wp.set_status(
        db,
        [i for k, i in ids.items() if not k.startswith("§") and k not in ("十", "十一")],
        "已完成",
    )
    dialog = tab.carry_over()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    new_plan = tab.current_plan_id()
    plan = wp.get_plan(db, new_plan)
    assert (plan["year"], plan["kind"]) == (2025, "school")
    carried = [n for n in wp.plan_items(db, new_plan) if n["carried_from_item_id"]]
    assert [n["carried_from_item_id"] for n in carried] == [ids["十一"]]
    assert tab.tracking.panel.item is not None
    window.ctx.undo_stack.undo()
    assert wp.list_plans(db, year=2025, kind="school") == []
    prompts.confirms.append(True)
    tab.select_plan(source)
    assert tab.delete_plan()
    assert [p["kind"] for p in wp.list_plans(db)] == ["upper"]
    assert tab.current_plan_id() is not None and tab.current_plan_id() != source
    # Undo brings the plan back with every item (same ids); redo deletes it again.
    window.ctx.undo_stack.undo()
    assert item_ids(db, source) == ids
    assert tab.year_combo.findData(2024) >= 0
    window.ctx.undo_stack.redo()
    assert [p["kind"] for p in wp.list_plans(db)] == ["upper"]


def test_member_form_page_lists_owned_items(qtbot, qtmodeltester, tracked_path) -> None:
    from guilin_union.services import members
    from guilin_union.ui.members.form_pages import member_form_pages
    from guilin_union.ui.workpoints.member_page import member_workpoints_page

    window, _ = make_window(qtbot, tracked_path)
    db = window.ctx.db
    owner = members.add_member(db, {"name": "王宁", "branch": "文学院分工会"}).row_id
    other = members.add_member(db, {"name": "李静", "branch": "机关分工会"}).row_id
    ids = item_ids(db, wp.list_plans(db, year=2024)[0]["id"])
    wp.update_item(db, ids["八"], {"owner": "王宁", "status": "进行中"})
    assert "负责的工作要点" in [page.title for page in member_form_pages()]
    page = member_workpoints_page(window.ctx, owner)
    qtbot.addWidget(page)
    table = page.findChild(
        type(window.tab_widgets["工作要点"].overview.sections_table), "member_workpoints_table"
    )
    model = table.model()
    assert model.rowCount() == 1 and model.index(0, 3).data() == "进行中"
    page.setParent(window)  # the model outlives the test body for qtmodeltester's teardown
    qtmodeltester.check(model, force_py=True)
    assert member_workpoints_page(window.ctx, other) is None
