"""The 慰问 tab driven like a user: a payment over the cap shows the warning, is saved only
with a reason; batches, standards, hardship file, statistics and the member form page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from guilin_union.services import welfare
from guilin_union.services.welfare import batches as welfare_batches
from guilin_union.services.welfare import standards as welfare_standards
from guilin_union.storage import open_database
from guilin_union.ui.welfare.common import cell_text
from tests.ui.helpers import ScriptedPrompts, make_window
from tests.welfare_fixtures import add_member, setup

YEAR = QDate.currentDate().year()


class RecordingPrompts(ScriptedPrompts):
    """Also remembers what each text question said (the warning shown to the user)."""

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[tuple[str, str]] = []

    def ask_text(self, parent, title, label, text=""):
        self.questions.append((title, label))
        return super().ask_text(parent, title, label, text)


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "welfare-gui.db"
    db = open_database(path)
    setup(db, year=YEAR)
    add_member(db, "张三", staff_no="T001")
    add_member(db, "李四", staff_no="T002", branch="机关分工会")
    db.conn.close()
    return path


@pytest.fixture
def window(qtbot, db_path, monkeypatch):
    monkeypatch.setattr("tests.ui.helpers.ScriptedPrompts", RecordingPrompts)
    window, prompts = make_window(qtbot, db_path)
    window.tabs.setCurrentIndex(4)
    return window, prompts


def tab(window):
    return window.tab_widgets["慰问"]


def test_payment_over_the_cap_warns_and_is_saved_with_a_reason(qtbot, window):
    window, prompts = window
    view = tab(window).payments_view
    member = window.ctx.db.execute("SELECT id FROM members WHERE name = '张三'").fetchone()[0]
    prompts.picks.append([member])
    dialog = view.add_payment()
    qtbot.addWidget(dialog)
    dialog.ui.pick_member_button.click()
    assert "张三" in dialog.ui.member_value.text()
    dialog.ui.type_combo.setCurrentText("结婚")
    dialog.ui.pay_date_edit.setDate(QDate(YEAR, 5, 1))
    dialog.ui.amount_edit.setText("600.01")
    dialog.ui.reason_edit.setText("新婚慰问")
    dialog.run_check()
    # The warning is visible in the form before saving.
    assert (
        "单次上限" in dialog.ui.check_label.text()
        and "超出 0.01 元" in dialog.ui.check_label.text()
    )
    assert "600.00" in dialog.ui.standard_label.text()
    # First save: the user is shown the warning and cancels: nothing is written.
    prompts.texts.append(None)
    dialog.save()
    assert dialog.isVisible()
    assert "单次上限" in prompts.questions[-1][1]
    assert welfare.count(window.ctx.db) == 0
    # Second save: a reason is given; the payment is saved with it.
    prompts.texts.append("校工会主席同意，另含贺礼")
    dialog.save()
    assert not dialog.isVisible()
    rows = welfare.list_payments(window.ctx.db)
    assert [(r["name"], r["amount_fen"], r["override_reason"]) for r in rows] == [
        ("张三", 60001, "校工会主席同意，另含贺礼")
    ]
    # The list shows it under 有超标准/需复核.
    view.year_combo.setCurrentIndex(view.year_combo.findData(YEAR))
    view.flagged_check.setChecked(True)
    assert view.model.rowCount() == 1
    flag_col = next(i for i, c in enumerate(view.model.columns) if c.header == "复核")
    assert view.model.data(view.model.index(0, flag_col)) == "需复核"
    assert "1 笔需复核" in view.summary_label.text()
    # Undo removes it again.
    window.ctx.undo_stack.undo()
    assert welfare.count(window.ctx.db) == 0


def test_payment_within_the_rules_needs_no_question(qtbot, window):
    window, prompts = window
    view = tab(window).payments_view
    member = window.ctx.db.execute("SELECT id FROM members WHERE name = '李四'").fetchone()[0]
    prompts.picks.append([member])
    dialog = view.add_payment()
    qtbot.addWidget(dialog)
    dialog.ui.pick_member_button.click()
    dialog.ui.type_combo.setCurrentText("生病住院")
    dialog.ui.pay_date_edit.setDate(QDate(YEAR, 1, 10))
    dialog.ui.amount_edit.setText("1000")
    dialog.run_check()
    assert dialog.ui.check_label.text() == ""
    dialog.save()
    assert not dialog.isVisible() and prompts.questions == []
    assert welfare.list_payments(window.ctx.db)[0]["amount_fen"] == 100000
    view.year_combo.setCurrentIndex(view.year_combo.findData(YEAR))
    view.table.selectRow(0)
    prompts.texts.append(f"{YEAR}-01-12")
    view.set_state_selected("已发放")
    assert welfare.list_payments(window.ctx.db)[0]["paid_on"] == f"{YEAR}-01-12"


def test_festival_batch_preview_create_roster_and_reverse(qtbot, window, tmp_path):
    window, prompts = window
    page = tab(window).batches_view
    dialog = page.new_batch()
    qtbot.addWidget(dialog)
    dialog.ui.occasion_combo.setCurrentText("春节")
    dialog.ui.pay_date_edit.setDate(QDate(YEAR, 1, 20))
    dialog.ui.amount_edit.setText("300")
    preview = dialog.run_preview()
    assert preview is not None and len(preview.eligible) == 2
    assert dialog.ui.eligible_table.model().rowCount() == 2 and dialog.ok_button.isEnabled()
    dialog.ui.amount_edit.setText("400")
    assert not dialog.ok_button.isEnabled()  # a changed form needs a fresh preview
    dialog.run_preview()
    prompts.confirms.append(True)
    pdf = tmp_path / "签领表.pdf"
    prompts.save_paths.append(pdf)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    qtbot.waitUntil(pdf.exists, timeout=20000)  # written in the background
    batches = welfare_batches.list_batches(window.ctx.db)
    assert batches[0]["payment_count"] == 2 and batches[0]["total_fen"] == 80000
    assert page.table.model().rowCount() == 1
    page.table.clearSelection()
    page.select_batch(batches[0]["id"])  # by the batch's id, not the row's place
    assert page.selected_batch() == batches[0]["id"]
    prompts.texts.append("金额有误")
    page.reverse()
    assert welfare.count(window.ctx.db) == 0
    assert welfare_batches.list_batches(window.ctx.db)[0]["state"] == "已撤销"


def test_standards_page_copy_and_edit(qtbot, window):
    window, prompts = window
    page = tab(window).standards_view
    assert page.table.model().rowCount() == 11 and "示例" in page.notice_label.text()
    page.copy(YEAR, YEAR + 1)
    assert page.year == YEAR + 1
    assert len(welfare_standards.list_standards(window.ctx.db, YEAR + 1)) == 11
    row = page.types.index("生日")
    page.table.selectRow(row)
    dialog = page.edit_selected()
    qtbot.addWidget(dialog)
    dialog.ui.cap_edit.setText("350")
    dialog.ui.source_edit.setText("校工会〔2025〕2号")
    dialog.save()
    assert welfare_standards.get_standard(window.ctx.db, YEAR + 1, "生日").cap_fen == 35000
    assert "350.00" in cell_text(page.table, row, 1)
    window.ctx.undo_stack.undo()
    assert welfare_standards.get_standard(window.ctx.db, YEAR + 1, "生日").cap_fen == 30000


def test_hardship_and_member_form_page(qtbot, window):
    window, prompts = window
    page = tab(window).hardship_view
    member = window.ctx.db.execute("SELECT id FROM members WHERE name = '张三'").fetchone()[0]
    prompts.picks.append([member])
    dialog = page.add_entry()
    qtbot.addWidget(dialog)
    dialog.ui.pick_member_button.click()
    dialog.ui.category_combo.setCurrentText("因病致困")
    dialog.ui.household_edit.setPlainText("配偶长期住院")
    dialog.ui.wage_edit.setText("3200")
    dialog.ui.household_income_edit.setText("4500.50")
    dialog.ui.household_size_spin.setValue(3)
    dialog.ui.decision_edit.setText("同意补助 2000 元")
    dialog.save()
    assert page.table.model().rowCount() == 1 and "尚未发放" in cell_text(page.table, 0, 7)
    from guilin_union.services.welfare import hardship as welfare_hardship

    entry = welfare_hardship.list_hardship(window.ctx.db, YEAR)[0]
    assert (entry["wage_fen"], entry["household_income_fen"], entry["household_size"]) == (
        320000,
        450050,
        3,
    )
    assert (
        welfare_hardship.per_capita_fen(entry) == 150016 and entry["decision"] == "同意补助 2000 元"
    )
    welfare.record_payment(
        window.ctx.db,
        {"member_id": member, "type": "结婚", "pay_date": f"{YEAR}-03-01", "amount_fen": "600"},
    )
    from guilin_union.ui.members.form_pages import page_factory

    factory = page_factory("慰问记录")
    member_page = factory(window.ctx, member)
    qtbot.addWidget(member_page)
    assert (
        member_page.table.model().rowCount() == 1 and "600.00" in member_page.summary_label.text()
    )


def _over_standard_payment(window):
    """张三's 结婚 payment of 700.00, over the standard and kept with a reason (特批); the tab
    is told of the change. Returns the database."""
    db = window.ctx.db
    member = db.execute("SELECT id FROM members WHERE name = '张三'").fetchone()[0]
    welfare.record_payment(
        db,
        {"member_id": member, "type": "结婚", "pay_date": f"{YEAR}-03-01", "amount_fen": "700"},
        override_reason="特批",
    )
    from guilin_union.services.changes import Changes

    window.ctx.notify(Changes.of("welfare"))
    return db


def test_stats_page_and_review(qtbot, window):
    window, prompts = window
    db = _over_standard_payment(window)
    page = tab(window).stats_view
    page.year_combo.setCurrentIndex(page.year_combo.findData(YEAR))
    assert "700.00" in page.total_label.text() and page.warnings_table.model().rowCount() == 1
    page.warnings_table.selectRow(0)
    page.mark(True)
    assert page.warnings_table.model().rowCount() == 0
    assert welfare.list_open_warnings(db) == []


def test_welfare_lists_are_well_behaved_qt_models(qtbot, qtmodeltester, window):
    """Every fill_table list of the 慰问 tab is the house IdTableModel and passes Qt's checks;
    the columns declared as data show the texts the lists always showed."""
    window, _prompts = window
    _over_standard_payment(window)
    stats = tab(window).stats_view
    stats.year_combo.setCurrentIndex(stats.year_combo.findData(YEAR))
    tables = [
        stats.type_table,
        stats.branch_table,
        stats.member_table,
        stats.warnings_table,
        tab(window).standards_view.table,
        tab(window).hardship_view.table,
        tab(window).batches_view.table,
    ]
    for table in tables:
        qtmodeltester.check(table.model())
    warning = stats.warnings_table.model()
    texts = [warning.index(0, c).data() for c in range(warning.columnCount())]
    assert texts[4] == "700.00" and texts[5].startswith("【") and texts[6:] == ["特批", "待复核"]
    right = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
    assert warning.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert (
        cell_text(stats.type_table, 0, 0) == "结婚"
        and cell_text(stats.type_table, 0, 3) == "700.00"
    )
    assert cell_text(stats.member_table, 0, 0) == "张三"


def test_import_wizard_rule_violation_then_accepted_with_reason(qtbot, window, tmp_path):
    from openpyxl import Workbook
    from PySide6.QtWidgets import QCheckBox, QLineEdit

    window, prompts = window
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "工号", "慰问类型", "慰问日期", "金额"])
    sheet.append(["张三", "T001", "结婚", f"{YEAR}-05-01", "650"])
    path = tmp_path / "慰问.xlsx"
    book.save(path)
    view = tab(window).payments_view
    view.import_excel()
    wizard = view._wizard
    qtbot.addWidget(wizard)
    wizard.background = False
    wizard.file_edit.setText(str(path))
    wizard.load_sheets()
    wizard.go_next()
    wizard.go_next()  # check: the cap violation is an error row
    assert wizard.plan is not None and len(wizard.plan.errors) == 1
    assert "单次上限" in wizard.plan.errors[0].message and not wizard.next_button.isEnabled()
    wizard.findChild(QCheckBox, "welfare_accept_warnings_check").setChecked(True)
    wizard.findChild(QLineEdit, "welfare_accept_reason_edit").setText("分工会补报，已审核")
    wizard.go_back()
    wizard.go_next()
    assert wizard.plan.errors == [] and wizard.next_button.isEnabled()
    wizard.go_next()
    rows = welfare.list_payments(window.ctx.db)
    assert [(r["amount_fen"], r["override_reason"]) for r in rows] == [
        (65000, "分工会补报，已审核")
    ]
    assert view.model.rowCount() == 1  # the list refreshed through the change fan-out


def test_roster_of_the_filtered_list(qtbot, window, tmp_path):
    from pypdf import PdfReader

    window, prompts = window
    db = window.ctx.db
    ids = [r[0] for r in db.execute("SELECT id FROM members ORDER BY id")]
    welfare.record_payment(
        db,
        {
            "member_id": ids[0],
            "type": "生病住院",
            "pay_date": f"{YEAR}-02-01",
            "amount_fen": "800.50",
        },
    )
    welfare.record_payment(
        db,
        {
            "member_id": ids[1],
            "type": "生病住院",
            "pay_date": f"{YEAR}-02-03",
            "amount_fen": "1000",
        },
    )
    welfare.record_payment(
        db, {"member_id": ids[1], "type": "结婚", "pay_date": f"{YEAR}-02-03", "amount_fen": "600"}
    )
    from guilin_union.services.changes import Changes

    window.ctx.notify(Changes.of("welfare"))
    view = tab(window).payments_view
    view.year_combo.setCurrentIndex(view.year_combo.findData(YEAR))
    view.type_combo.setCurrentIndex(view.type_combo.findData("生病住院"))
    assert view.model.rowCount() == 2 and "1,800.50" in view.summary_label.text()
    pdf = tmp_path / "住院签领表.pdf"
    prompts.save_paths.append(pdf)
    view.print_roster()
    qtbot.waitUntil(pdf.exists, timeout=20000)
    text = (
        "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
        .replace(" ", "")
        .replace("\n", "")
    )
    assert "1,800.50元（大写：壹仟捌佰元伍角）" in text and "结婚" not in text


def test_case_fields_in_the_payment_form(qtbot, window):
    """Issue 22: relative, cause, event date and account are entered, checked live and kept."""
    window, prompts = window
    view = tab(window).payments_view
    member = window.ctx.db.execute("SELECT id FROM members WHERE name = '李四'").fetchone()[0]

    def fill(dialog, relation, name):
        dialog.ui.pick_member_button.click()
        dialog.ui.type_combo.setCurrentText("直系亲属去世")
        dialog.ui.pay_date_edit.setDate(QDate(YEAR, 3, 1))
        dialog.ui.amount_edit.setText("800")
        dialog.ui.relation_combo.setCurrentText(relation)
        dialog.ui.relative_name_edit.setText(name)
        dialog.ui.event_date_edit.setDate(QDate(YEAR, 2, 26))
        dialog.ui.pay_method_combo.setCurrentText("银行转账")
        dialog.ui.bank_account_edit.setText("6222021234567890")

    prompts.picks.append([member])
    first = view.add_payment()
    qtbot.addWidget(first)
    fill(first, "父亲", "李大山")
    boxes = {box.text(): box for box in first.ui.evidence_boxes}
    assert set(boxes) == {"死亡证明", "亲属关系证明"}  # the year's standard asks for these
    boxes["死亡证明"].setChecked(True)
    first.save()
    assert not first.isVisible()
    saved = welfare.list_payments(window.ctx.db)[0]
    assert (saved["relative_relation"], saved["relative_name"]) == ("父亲", "李大山")
    assert saved["event_date"] == f"{YEAR}-02-26" and saved["bank_account"] == "6222021234567890"
    assert saved["evidence_checked"] == '["死亡证明"]'

    prompts.picks.append([member])
    again = view.add_payment()
    qtbot.addWidget(again)
    fill(again, "父亲", "李大山")
    again.run_check()
    assert "该亲属" in again.ui.check_label.text()
    again.ui.relation_combo.setCurrentText("母亲")
    again.ui.relative_name_edit.setText("王秀英")
    again.run_check()
    assert again.ui.check_label.text() == ""
    reopened = view.edit_payment(saved["id"])
    qtbot.addWidget(reopened)
    assert reopened.ui.relative_name_edit.text() == "李大山"
    assert reopened.ui.pay_method_combo.currentText() == "银行转账"
    assert reopened.evidence_checked() == ["死亡证明"]


def test_standard_dialog_keeps_the_case_rules(qtbot, window):
    window, _prompts = window
    page = tab(window).standards_view
    row = page.types.index("生病住院")
    page.table.selectRow(row)
    dialog = page.edit_selected()
    qtbot.addWidget(dialog)
    assert dialog.ui.min_edit.text() == "300.00"  # the example's range
    dialog.ui.frequency_key_combo.setCurrentText("病因")
    dialog.ui.report_within_spin.setValue(30)
    dialog.ui.sub_kinds_edit.setText("手术 200-600；外地 -1500")
    dialog.ui.excluded_employment_edit.setText("返聘，临时")
    dialog.save()
    saved = welfare_standards.get_standard(window.ctx.db, YEAR, "生病住院")
    assert saved.frequency_key == "病因" and saved.report_within_days == 30
    assert saved.sub_kinds == [
        {"name": "手术", "cap_fen": 60000, "min_fen": 20000},
        {"name": "外地", "cap_fen": 150000, "min_fen": None},
    ]
    assert saved.excluded_employment == ["返聘", "临时"]


def test_branch_standards_dialog_refuses_above_the_school(qtbot, qtmodeltester, window):
    window, prompts = window
    page = tab(window).standards_view
    dialog = page.edit_branch_standards()
    qtbot.addWidget(dialog)
    dialog.branch_combo.setCurrentText("机关分工会")
    dialog.type_combo.setCurrentText("生病住院")
    dialog.cap_edit.setText("1200")
    model = dialog.table.model()
    dialog.save()
    assert model.rowCount() == 0
    assert any("不能高于学校标准" in text for _kind, _title, text in prompts.messages)
    dialog.cap_edit.setText("800")
    dialog.save()
    assert model.rowCount() == 1 and model.index(0, 3).data() == "800.00"
    assert model.headerData(3, Qt.Orientation.Horizontal) == "上限（元）"
    qtmodeltester.check(model)
    assert not dialog.delete_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.delete_button.isEnabled()
    dialog.delete_selected()
    assert model.rowCount() == 0 and not dialog.delete_button.isEnabled()


def test_approval_and_application_forms_from_the_lists(qtbot, window, tmp_path, monkeypatch):
    from guilin_union.services.welfare import hardship as welfare_hardship
    from guilin_union.ui import ops

    monkeypatch.setattr(ops, "BACKGROUND", False, raising=False)
    window, prompts = window
    db = window.ctx.db
    member = db.execute("SELECT id FROM members WHERE name = '张三'").fetchone()[0]
    welfare.record_payment(
        db, {"member_id": member, "type": "结婚", "pay_date": f"{YEAR}-03-01", "amount_fen": "500"}
    )
    view = tab(window).payments_view
    view.year_combo.setCurrentIndex(view.year_combo.findData(YEAR))
    view.table.selectRow(0)
    out = tmp_path / "审批表.pdf"
    prompts.save_paths.append(out)
    view.print_approval_forms()
    qtbot.waitUntil(out.exists, timeout=20000)
    welfare_hardship.save_hardship(db, {"year": YEAR, "member_id": member, "category": "因病致困"})
    page = tab(window).hardship_view
    page.reload()
    page.table.selectRow(0)
    application = tmp_path / "申请表.pdf"
    prompts.save_paths.append(application)
    page.print_application()
    qtbot.waitUntil(application.exists, timeout=20000)


def test_hardship_add_and_remove_undo_redo_from_the_list(qtbot, window):
    window, prompts = window
    page = tab(window).hardship_view
    member_id = window.ctx.db.execute("SELECT id FROM members WHERE name = '李四'").fetchone()[0]
    # What the dialog's 保存 calls (the dialog itself is tested above).
    entry = {"year": YEAR, "member_id": member_id, "category": "因病致困"}
    assert page._submit(None)(entry) is None
    assert page.table.model().rowCount() == 1
    stack = window.ctx.undo_stack
    assert stack.undoText() == "加入困难帮扶档案"
    stack.undo()
    assert page.table.model().rowCount() == 0
    stack.redo()
    assert page.table.model().rowCount() == 1
    page.table.selectRow(0)
    prompts.confirms.append(True)
    page.delete_selected()
    assert page.table.model().rowCount() == 0
    stack.undo()
    assert page.table.model().rowCount() == 1
    stack.redo()
    assert page.table.model().rowCount() == 0


def test_deleting_a_standard_is_undone_and_redone(qtbot, window):
    window, _prompts = window
    page = tab(window).standards_view
    db = window.ctx.db
    before = welfare_standards.get_standard(db, YEAR, "生日")
    page.table.selectRow(page.types.index("生日"))
    page.delete_selected()
    assert welfare_standards.get_standard(db, YEAR, "生日") is None
    window.ctx.undo_stack.undo()
    assert welfare_standards.get_standard(db, YEAR, "生日") == before
    window.ctx.undo_stack.redo()
    assert welfare_standards.get_standard(db, YEAR, "生日") is None
