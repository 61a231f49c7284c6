"""The 经费 tab driven like a user: the ledger of a month, a single payment, a 分工会's
remittance whose total must match, the budget page, and the member form's dues history."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from guilin_union.services import members
from guilin_union.services.members import branches
from guilin_union.services.money import budget
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.storage import open_database
from guilin_union.ui.money import dialogs
from tests.money_fixtures import add_people
from tests.ui.helpers import make_window

MONTH = "2025-03"


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "money-gui.db"
    db = open_database(path)
    for name in ("文学院分工会", "机关分工会"):
        branches.add_branch(db, name)
    add_people(db)
    db.conn.close()
    return path


@pytest.fixture
def window(qtbot, db_path):
    window, prompts = make_window(qtbot, db_path)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    return window, prompts


def _ledger(window):
    assert window.tabs.tabText(window.tabs.count() - 1) == "经费"
    view = window.tab_widgets["经费"].ledger_view
    view.set_month(MONTH)
    return view


def _select(view, staff_no: str) -> None:
    for r in range(view.model.rowCount()):
        if view.model.row_data(r)["staff_no"] == staff_no:
            view.table.selectRow(r)
            view.table.setCurrentIndex(view.model.index(r, 0))
            return
    raise AssertionError(staff_no)


def test_open_month_and_pay_one_member(qtbot, qtmodeltester, window, monkeypatch):
    window, prompts = window
    view = _ledger(window)
    assert view.model.rowCount() == 0 and "尚未建立台账" in view.status_label.text()
    view.open_month()
    assert view.model.rowCount() == 4 and "应缴 4 人" in view.status_label.text()
    assert view.table.model() is view.model and view.table.isSortingEnabled()
    assert [(c.key, c.sort_key, c.align) for c in view.model.columns][4:8] == [
        ("due_fen", "due", "right"),
        ("paid_fen", "paid", "right"),
        ("arrears_fen", "arrears", "right"),
        ("method", "method", "center"),
    ]
    qtmodeltester.check(view.model, force_py=True)

    def fill(dialog):
        dialog.method_combo.setCurrentText("转账")
        dialog.accept()
        return 1

    monkeypatch.setattr(dialogs.PaymentDialog, "exec", fill)
    _select(view, "T003")
    view.pay()
    row = ledger.ledger_row(window.ctx.db, view.model.row_data(0)["member_id"], MONTH)
    paid = {r["staff_no"]: r for r in ledger.month_ledger(window.ctx.db, MONTH)}
    assert (paid["T003"]["paid_fen"], paid["T003"]["method"]) == (3060, "转账")
    assert row is not None
    # Edit ▸ Undo takes the payment back (the service's inverse)
    window.ctx.undo_stack.undo()
    assert ledger.ledger_row(window.ctx.db, paid["T003"]["member_id"], MONTH)["paid_fen"] == 0


def test_remittance_total_must_match_and_keeps_what_was_entered(qtbot, window, monkeypatch):
    window, prompts = window
    view = _ledger(window)
    view.open_month()
    seen = {}

    def fill(dialog):
        dialog.branch_combo.setCurrentIndex(dialog.branch_combo.findData(
            branches.find_branch_id(window.ctx.db, "文学院分工会")))  # fmt: skip
        dialog.all_check.setChecked(True)
        assert "应缴合计 48.35 元" in dialog.sum_label.text()
        dialog.total_edit.setText("48.00")
        dialog.accept()
        seen["error"] = dialog.error_label.text()
        seen["kept"] = dialog.total_edit.text()
        assert dialog.result_value is None  # still open: nothing lost
        dialog.total_edit.setText("48.35")
        dialog.accept()
        return 1

    monkeypatch.setattr(dialogs.RemittanceDialog, "exec", fill)
    view.remit()
    assert "不符" in seen["error"] and seen["kept"] == "48.00"
    paid = {r["staff_no"]: r for r in ledger.month_ledger(window.ctx.db, MONTH)}
    assert paid["T001"]["source"] == "分工会上缴" and paid["T002"]["paid_fen"] == 2000
    assert paid["T003"]["paid_fen"] == 0
    assert "欠缴 2 人" in view.status_label.text()


def test_budget_page_edits_a_plan_and_records_an_entry(qtbot, qtmodeltester, window, monkeypatch):
    window, prompts = window
    page = window.tab_widgets["经费"].budget_view
    page.year_spin.setValue(2025)
    code_rows = [i for i, c in enumerate(page._codes) if c == "50301"]
    page.table.setCurrentIndex(page.model.index(code_rows[0], 0))
    prompts.texts.append("3,000.00")
    page.edit_plan()
    assert budget.plans(window.ctx.db, 2025)["50301"] == 300000

    def fill(dialog):
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("50301"))
        dialog.amount_edit.setText("1200.5")
        dialog.description_edit.setText("分工会主席培训")
        dialog.voucher_edit.setText("记-2025-0001")
        dialog.accept()
        return 1

    monkeypatch.setattr(dialogs.EntryDialog, "exec", fill)
    page.add_entry()
    assert page.entries_model.rowCount() == 1
    assert page.entries_model.index(0, 3).data() == "1,200.50"
    row = page.model.index(code_rows[0], 2).data()
    assert row == "1,200.50" and page.model.index(code_rows[0], 4).data() == "40.0%"
    # the headings and totals are bold, the amounts right-aligned
    assert [
        page.model.index(0, 0).data(),
        page.model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold(),
    ] == ["【收入】", True]
    assert page.model.index(code_rows[0], 2).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
    )
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.entries_model, force_py=True)
    difference = page.model.index(code_rows[0], 3)
    assert difference.data(Qt.ItemDataRole.ForegroundRole) is None  # under plan
    budget.set_plan(window.ctx.db, 2025, "50301", 100000)  # 1,000.00: now overspent
    page.reload()
    difference = page.model.index(code_rows[0], 3)
    assert difference.data() == "200.50"
    assert difference.data(Qt.ItemDataRole.ForegroundRole).name() == "#b00020"


def test_member_form_dues_page_shows_the_history(qtbot, qtmodeltester, window):
    window, prompts = window
    db = window.ctx.db
    ledger.open_month(db, "2025-01")
    ledger.open_month(db, "2025-02")
    member_id = ledger.month_ledger(db, "2025-01")[0]["member_id"]
    ledger.record_payment(db, member_id, "2025-01", method="现金", paid_on="2025-01-20")
    window.tabs.setCurrentIndex(3)
    register = window.tab_widgets["会员入会"].register_view
    register.apply_filters()
    dialog = register.edit_member(member_id)
    qtbot.addWidget(dialog)
    titles = [dialog.ui.history_tabs.tabText(i) for i in range(dialog.ui.history_tabs.count())]
    page = dialog.ui.history_tabs.widget(titles.index("会费"))
    dialog.ui.history_tabs.setCurrentWidget(page)
    model = page.history.model
    assert page.history.table.model() is model and model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["2025-02", "2025-01"]
    assert model.index(1, 4).data() == "现金" and model.index(0, 3).data() != ""
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is not None  # owed: red
    assert model.index(1, 3).data() == ""  # paid: nothing owed
    qtmodeltester.check(model, force_py=True)
    assert "欠缴 1 个月" in page.history.summary_label.text()
    assert members.get_member(db, member_id)  # the form did not change the member


def test_chart_dialog_renames_adds_and_maps(qtbot, window, monkeypatch):
    window, prompts = window
    page = window.tab_widgets["经费"].budget_view

    def fill(dialog):
        codes = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        dialog.table.item(codes.index("50303"), 2).setText("专项工作")
        dialog.table.setCurrentCell(codes.index("503"), 0)
        dialog.add_sub()
        new_row = dialog.table.currentRow()
        assert dialog.table.item(new_row, 0).text() == "50304"
        dialog.table.item(new_row, 2).setText("信息化建设")
        # a duplicate name at the same level is fine; an empty one is refused
        dialog.table.item(new_row, 2).setText("")
        dialog.accept()
        assert "名称" in dialog.error_label.text() and dialog.result_value is None
        dialog.table.item(new_row, 2).setText("信息化建设")
        for r in range(dialog.map_table.rowCount()):
            if dialog.map_table.item(r, 0).text() == "慰问：生病住院":
                combo = dialog.map_table.cellWidget(r, 1)
                combo.setCurrentIndex(combo.findData("50201"))
        dialog.accept()
        return 1

    monkeypatch.setattr(dialogs.ChartDialog, "exec", fill)
    page.edit_chart()
    chart = {c.code: c for c in budget.categories(window.ctx.db)}
    assert chart["50303"].name == "专项工作" and chart["50304"].parent == "503"
    assert budget.category_maps(window.ctx.db)["welfare"]["生病住院"] == "50201"
    assert any(c == "50304" for c in page._codes)  # the page shows the new category
    window.ctx.undo_stack.undo()
    assert "50304" not in {c.code for c in budget.categories(window.ctx.db)}


def test_deduction_list_through_the_import_wizard(qtbot, window, tmp_path):
    from tests.money_fixtures import correct_rows, deduction_file

    window, prompts = window
    view = _ledger(window)
    rows = correct_rows()
    rows[0] = ("T001", "张三", "28.30")  # due 28.35
    bad = deduction_file(tmp_path / "bad.xlsx", rows)
    view.import_deductions()
    wizard = view._wizard
    wizard.background = False
    prompts.open_paths.append(bad)
    wizard.browse()
    wizard.go_next()  # -> mapping
    wizard.go_next()  # -> check
    assert not wizard.next_button.isEnabled()
    assert wizard.errors_model.rowCount() == 1
    assert "28.35" in wizard.errors_model.index(0, 3).data()
    assert not ledger.is_open(window.ctx.db, MONTH)
    wizard.reject()

    good = deduction_file(tmp_path / "good.xlsx", correct_rows())
    view.import_deductions()
    wizard = view._wizard
    wizard.background = False
    prompts.open_paths.append(good)
    wizard.browse()
    wizard.go_next()
    wizard.go_next()
    assert wizard.next_button.isEnabled()
    wizard.go_next()  # import
    assert "已导入 4 条" in wizard.done_label.text()
    assert view.model.rowCount() == 4  # the page heard the change
    assert all(r["method"] == "代扣" for r in ledger.month_ledger(window.ctx.db, MONTH))


def test_f1_on_the_money_tab_opens_its_guide_page(qtbot, window):
    window, _prompts = window
    window.help_action.trigger()
    dialog = window.guide_dialog
    qtbot.addWidget(dialog)
    assert dialog.current_file() == "06b-money.md"
    assert "代扣名单" in dialog.browser.toPlainText()


def test_ctrl_e_exports_the_ledger_month(qtbot, window, tmp_path, monkeypatch):
    import openpyxl

    from guilin_union.ui import ops

    window, prompts = window
    monkeypatch.setattr(ops, "BACKGROUND", False)
    view = _ledger(window)
    view.open_month()
    out = tmp_path / "台账.xlsx"
    prompts.save_paths.append(out)
    window.export_current()
    ws = openpyxl.load_workbook(out).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert any(r[3] == "T003" and float(r[5]) == 30.6 for r in values if len(r) > 5)
    assert "已导出 4 行" in prompts.messages[-1][2]
