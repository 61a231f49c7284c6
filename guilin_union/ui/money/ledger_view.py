"""会费台账: one month's dues per member (due, paid, how, when, who recorded it), with the
deduction-list import, a 分工会's remittance, single payments and the printouts.

The list is the shared id model (``ui/table_model.py``): ids of the month in SQL order, rows
fetched a page at a time, so 3,000 members open at once.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.money import format_fen
from guilin_union.services.changes import Changes
from guilin_union.services.members import branches as branches_service
from guilin_union.services.money import AREA
from guilin_union.services.money import dues_ledger as ledger
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import IdTableModel, columns, nonzero
from guilin_union.ui.widgets.list_helpers import (
    action_buttons,
    call_on,
    make_combo,
    make_id_table,
    make_label,
    make_search_edit,
)
from guilin_union.ui.widgets.modal import show_modal


def _money(value: Any, _row: dict[str, Any]) -> str:
    return "" if value is None else format_fen(value)


def _arrears_colour(row: dict[str, Any]) -> str | None:
    return "#b00020" if (row.get("arrears_fen") or 0) > 0 else None


COLUMNS = columns(
    "branch 分工会 | member_no 会员编号 | name 姓名 | staff_no 工号"
    " | due_fen:due 应缴（元） 右 | paid_fen:paid 实缴（元） 右 | arrears_fen:arrears 欠缴（元） 右"
    " | method 方式 中 | paid_on 缴纳日期 中 | source:- 来源 中 | recorded_by:- 登记人 中"
    " | note:- 备注",
    formatters={"due_fen": _money, "paid_fen": _money, "arrears_fen": nonzero(format_fen)},
    colors={"arrears_fen": _arrears_colour},
)
STATES = (("全部", None), ("未缴清", "unpaid"), ("已缴", "paid"))


class _Source:
    def __init__(self, view: LedgerView) -> None:
        self.view = view

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        return ledger.ledger_ids(self.view.ctx.db, self.view.ledger_query(), sort_key, descending)

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return ledger.ledger_rows(self.view.ctx.db, ids)


class LedgerView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("月份"))
        today = _dt.date.today()
        self.month_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.month_edit.setObjectName("ledger_month_edit")
        self.month_edit.setDisplayFormat("yyyy年M月")
        bar.addWidget(self.month_edit)
        self.branch_combo = make_combo("ledger_branch_combo")
        bar.addWidget(self.branch_combo)
        self.state_combo = make_combo("ledger_state_combo", STATES)
        bar.addWidget(self.state_combo)
        self.search_edit = make_search_edit("ledger_search_edit", "姓名、工号或会员编号")
        bar.addWidget(self.search_edit, 1)
        layout.addLayout(bar)

        actions = QHBoxLayout()
        (
            self.open_button,
            self.import_button,
            self.remit_button,
            self.pay_button,
            self.unpay_button,
        ) = action_buttons(
            ("建立本月台账", self.open_month),
            ("导入代扣名单…", self.import_deductions),
            ("分工会上缴…", self.remit),
            ("登记缴费…", self.pay),
            ("撤销缴费", self.unpay),
            layout=actions,
        )
        self.open_button.setObjectName("ledger_open_button")
        self.import_button.setObjectName("ledger_import_button")
        self.remit_button.setObjectName("ledger_remit_button")
        self.pay_button.setObjectName("ledger_pay_button")
        self.unpay_button.setObjectName("ledger_unpay_button")
        actions.addStretch(1)
        self.print_month_button, self.print_year_button, self.arrears_button, self.rule_button = (
            action_buttons(
                ("本月收缴情况表…", lambda: self.print_collection(yearly=False)),
                ("全年收缴情况表…", lambda: self.print_collection(yearly=True)),
                ("欠缴会费名单…", self.print_arrears),
                ("慰问“按时缴纳会费”规则…", self.edit_rule),
                layout=actions,
            )
        )
        self.rule_button.setObjectName("ledger_rule_button")
        layout.addLayout(actions)

        self.status_label = make_label("ledger_status_label")
        layout.addWidget(self.status_label)
        self.model = IdTableModel(COLUMNS, _Source(self), self)
        self.table = make_id_table(
            self.model, object_name="ledger_table", multi=False, stretch_last=True
        )
        self.table.doubleClicked.connect(lambda _i: self.pay())
        layout.addWidget(self.table, 1)

        call_on(
            self.reload,
            self.month_edit.dateChanged,
            self.branch_combo.currentIndexChanged,
            self.state_combo.currentIndexChanged,
            self.search_edit.textChanged,
        )
        self.fill_branches()
        self.reload()

    # ------------------------------------------------------------ state
    def month(self) -> str:
        d = self.month_edit.date()
        return f"{d.year():04d}-{d.month():02d}"

    def set_month(self, month: str) -> None:
        self.month_edit.setDate(QDate(int(month[:4]), int(month[5:]), 1))

    def ledger_query(self) -> ledger.LedgerQuery:
        return ledger.LedgerQuery(
            self.month(),
            branch_id=self.branch_combo.currentData(),
            state=self.state_combo.currentData(),
            search=self.search_edit.text(),
        )

    def fill_branches(self) -> None:
        current = self.branch_combo.currentData()
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        self.branch_combo.addItem("全部分工会", None)
        for b in branches_service.list_branches(self.ctx.db, include_inactive=False):
            self.branch_combo.addItem(b.name, b.id)
        index = self.branch_combo.findData(current)
        self.branch_combo.setCurrentIndex(max(index, 0))
        self.branch_combo.blockSignals(False)

    def reload(self) -> None:
        self.model.reload()
        month = self.month()
        opened = ledger.is_open(self.ctx.db, month)
        self.open_button.setText("更新本月台账" if opened else "建立本月台账")
        self.remit_button.setEnabled(opened)
        if not opened:
            self.status_label.setText(
                f"{month} 尚未建立台账：点“建立本月台账”按当前工资基数固定每人应缴额；"
                "导入代扣名单时也会自动建立。"
            )
            return
        totals = ledger.collection_by_branch(self.ctx.db, month=month)
        due = sum(b.due_fen for b in totals)
        paid = sum(b.paid_fen for b in totals)
        owed = sum(b.arrears_fen for b in totals)
        people = sum(b.members for b in totals)
        unpaid = sum(b.unpaid_members for b in totals)
        self.status_label.setText(
            f"应缴 {people} 人 {format_fen(due)} 元；实缴 {format_fen(paid)} 元；"
            f"欠缴 {unpaid} 人 {format_fen(owed)} 元。显示 {self.model.rowCount()} 行。"
        )

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(AREA, "members", "branches", "dues"):
            if changes.touches("branches"):
                self.fill_branches()
            self.reload()

    def selected_row(self) -> dict[str, Any] | None:
        index = self.table.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    # ------------------------------------------------------------ actions
    def open_month(self) -> None:
        month = self.month()
        result = ops.CollectionOp(
            self.ctx, self, "建立会费台账", lambda db: ledger.open_month_op(db, month)
        ).run()
        if result is not None:
            n = result.row_id or 0
            self.ctx.prompts.info(
                self,
                "建立会费台账",
                f"{month}：新增 {n} 名应缴会员。" if n else f"{month} 的台账已是最新。",
            )

    def import_deductions(self) -> None:
        from guilin_union.services.money.dues_import import DeductionImporter, write_template
        from guilin_union.ui.widgets.import_wizard import ImportWizard

        importer = DeductionImporter(self.month())
        wizard = ImportWizard(
            self.ctx,
            importer,
            f"导入财务处代扣名单（{self.month()}）",
            self,
            template_writer=write_template,
        )
        show_modal(wizard)
        self._wizard = wizard

    def remit(self) -> None:
        from guilin_union.ui.money.dialogs import RemittanceDialog, RemittanceInput

        month = self.month()
        db = self.ctx.db
        unpaid: dict[int, list[dict[str, Any]]] = {}
        for row in ledger.month_ledger(db, month):
            if row["paid_fen"] == 0 and row["due_fen"] > 0:
                unpaid.setdefault(row["branch_id"], []).append(row)
        names = [
            (b.id, b.name)
            for b in branches_service.list_branches(db, include_inactive=False)
            if b.id in unpaid
        ]
        if not names:
            self.ctx.prompts.info(self, "分工会上缴", f"{month} 没有未缴会费的会员。")
            return

        def check(data: RemittanceInput) -> None:
            ledger.check_remittance(db, data.branch_id, month, data.member_ids, data.total_fen)

        dialog = RemittanceDialog(month, names, unpaid, check, self)
        current = self.branch_combo.currentData()
        if current is not None and dialog.branch_combo.findData(current) >= 0:
            dialog.branch_combo.setCurrentIndex(dialog.branch_combo.findData(current))
        if not dialog.exec() or dialog.result_value is None:
            return
        data = dialog.result_value
        ops.CollectionOp(
            self.ctx,
            self,
            "登记分工会上缴",
            lambda d: ledger.record_remittance(
                d,
                data.branch_id,
                month,
                data.member_ids,
                total_fen=data.total_fen,
                received_on=data.received_on,
                method=data.method,
                note=data.note,
            ),
        ).run()

    def pay(self) -> None:
        from guilin_union.ui.money.dialogs import PaymentDialog

        row = self.selected_row()
        if row is None:
            self.ctx.prompts.info(self, "登记缴费", "请先在列表中选择一名会员。")
            return
        if row["paid_fen"] > 0:
            self.ctx.prompts.info(
                self,
                "登记缴费",
                f"{row['name']}{row['month']}的会费已于{row['paid_on']}登记（{row['method']}）。"
                "如需更正，请先“撤销缴费”。",
            )
            return
        dialog = PaymentDialog(row, self)
        if not dialog.exec() or dialog.result_value is None:
            return
        data = dialog.result_value
        member_id, month = row["member_id"], row["month"]
        ops.CollectionOp(
            self.ctx,
            self,
            "登记缴费",
            lambda d: ledger.record_payment(
                d,
                member_id,
                month,
                method=data.method,
                paid_on=data.paid_on,
                amount_fen=data.amount_fen,
                note=data.note,
            ),
        ).run()

    def unpay(self) -> None:
        row = self.selected_row()
        if row is None or row["paid_fen"] == 0:
            self.ctx.prompts.info(self, "撤销缴费", "请先选择一笔已登记的缴费。")
            return
        member_id, month = row["member_id"], row["month"]
        ops.CollectionOp(
            self.ctx, self, "撤销缴费", lambda d: ledger.clear_payment(d, member_id, month)
        ).run_if_confirmed(
            f"撤销{row['name']}{row['month']}的缴费登记（{format_fen(row['paid_fen'])} 元，"
            f"{row['method']}）？可用“编辑 ▸ 撤销”恢复。"
        )

    def export_excel(self) -> None:
        from guilin_union.services.money import outputs

        query = self.ledger_query()
        ops.save_output(
            self.ctx,
            self,
            "导出会费台账",
            lambda db, path: outputs.export_ledger(db, path, query),
            default_name=f"{query.month}会费台账.xlsx",
            filters="Excel 工作簿 (*.xlsx)",
            open_after=False,
            message=lambda result: f"已导出 {result[1]} 行：",
        )

    def print_collection(self, *, yearly: bool) -> None:
        from guilin_union.services.money import outputs

        month = self.month()
        year = int(month[:4])
        if yearly:
            name = f"{year}年会费收缴情况表.pdf"
            build: Any = lambda db, path: outputs.collection_report(db, path, year=year)  # noqa: E731
        else:
            name = f"{month}会费收缴情况表.pdf"
            build = lambda db, path: outputs.collection_report(db, path, month=month)  # noqa: E731
        ops.save_output(self.ctx, self, "会费收缴情况表", build, default_name=name)

    def print_arrears(self) -> None:
        from guilin_union.services.money import outputs

        branch = self.branch_combo.currentData()
        ops.save_output(
            self.ctx,
            self,
            "欠缴会费名单",
            lambda db, path: outputs.arrears_report(db, path, branch_id=branch),
            default_name="欠缴会费名单.pdf",
        )

    def edit_rule(self) -> None:
        from guilin_union.services.money import dues_rule

        year = int(self.month()[:4])
        current = dues_rule.get_rule(self.ctx.db, year)
        text = self.ctx.prompts.ask_text(
            self,
            "按时缴纳会费",
            f"{year}年慰问标准：会员欠缴会费超过几个月时，登记慰问需说明理由？\n"
            "（填月数，如 3；留空表示不启用此规则）",
            "" if current is None else str(current.max_arrears_months),
        )
        if text is None:
            return
        text = text.strip()
        if text and not text.isdigit():
            self.ctx.prompts.warning(self, "按时缴纳会费", "请填写整数月数，或留空")
            return
        months = int(text) if text else None
        types = list(current.types) if current else []
        ops.CollectionOp(
            self.ctx,
            self,
            "设置按时缴纳会费规则",
            lambda d: dues_rule.set_rule(d, year, months, types),
        ).run()
