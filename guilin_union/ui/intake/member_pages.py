"""Pages on the member form: 会籍变更 (status history + record a change) and 会费.

Listed in ``ui/members/form_pages.py`` (the member form's pages, in order).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.dates import parse_month
from guilin_union.core.errors import UserError, ValidationError
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.services import members as members_service
from guilin_union.services.intake import dues as dues_service
from guilin_union.services.members import status as member_status
from guilin_union.ui import ops, palette
from guilin_union.ui.context import AppContext
from guilin_union.ui.intake.common import this_month
from guilin_union.ui.intake.dialogs import StatusChangeDialog
from guilin_union.ui.table_model import ColumnSpec, list_model, set_rows
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.form_dialog import submit_message_op
from guilin_union.ui.widgets.list_helpers import (
    fit_columns,
    make_hint,
    make_id_table,
    make_label,
    make_line_edit,
)
from guilin_union.ui.widgets.modal import show_modal

HISTORY_COLUMNS = [
    ColumnSpec("date", "变更日期"),
    ColumnSpec("action", "变更类型"),
    ColumnSpec("from", "状态变化", formatter=lambda _v, h: f"{h['from']} → {h['to']}"),
    ColumnSpec("reason", "原因"),
    ColumnSpec("document_no", "文件号"),
    ColumnSpec("recorded_by", "经办人"),
    ColumnSpec("recorded_at", "登记时间", formatter=lambda v, _h: (v or "").replace("T", " ")),
]


class StatusHistoryPage(QWidget):
    """The member's 会籍变更 history, oldest first, with the action to record a new one."""

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        layout = QVBoxLayout(self)
        self.model = list_model(HISTORY_COLUMNS)
        self.table = make_id_table(
            self.model, object_name="status_history_table", multi=False, sortable=False
        )
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("current_status_label")
        row.addWidget(self.status_label)
        row.addStretch(1)
        self.change_button = QPushButton("办理会籍变更…")
        self.change_button.setObjectName("status_change_button")
        self.undo_button = QPushButton("撤销最近一次变更")
        row.addWidget(self.change_button)
        row.addWidget(self.undo_button)
        layout.addLayout(row)
        self.change_button.clicked.connect(self.open_change_dialog)
        self.undo_button.clicked.connect(self.undo_latest)
        self.reload()

    def reload(self) -> None:
        rows = member_status.status_history(self.ctx.db, self.member_id)
        self.events = rows
        set_rows(self.model, rows)
        fit_columns(self.table, stretch=3)
        row = members_service.get_member_row(self.ctx.db, self.member_id)
        note = "（尚无变更记录）" if not rows else ""
        self.status_label.setText(f"当前会籍状态：{row['status']}{note}")
        self.undo_button.setEnabled(bool(rows))

    def _sync_member_form(self) -> None:
        """The member form around this page shows a status too: keep it current, so saving
        the form cannot write the old status back."""
        dialog = self.window()
        ui = getattr(dialog, "ui", None)
        combo = getattr(ui, "status_combo", None)
        if combo is not None:
            status = members_service.get_member_row(self.ctx.db, self.member_id)["status"]
            combo.setCurrentText(status)

    def open_change_dialog(self) -> StatusChangeDialog:
        row = members_service.get_member_row(self.ctx.db, self.member_id)

        def submit(values: dict[str, Any]) -> str | None:
            return self.record(**values)

        dialog = StatusChangeDialog(row["name"], row["status"], submit, parent=self)
        return show_modal(dialog)

    def record(
        self, *, new_status: str, on: Any, reason: str, document_no: str | None = None
    ) -> str | None:
        """Record a change (returns the refusal message, or None when done); Edit ▸ Undo
        removes it again (the service's inverse)."""
        return submit_message_op(
            self.ctx,
            self,
            f"会籍变更：{new_status}",
            lambda db: member_status.record_status_change(
                db, self.member_id, new_status, on=on, reason=reason, document_no=document_no
            ),
            on_saved=lambda _r: self._after_change(),
        )

    def _after_change(self) -> None:
        self.reload()
        self._sync_member_form()

    def undo_latest(self) -> None:
        if not self.events:
            return
        last = self.events[-1]
        if not self.ctx.prompts.confirm(
            self,
            "撤销会籍变更",
            f"确定撤销 {last['date']} 的“{last['action']}”吗？会籍状态将恢复为“{last['from']}”。",
        ):
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "撤销会籍变更",
            lambda db: member_status.undo_status_change(db, last["id"]),
        ).success(lambda _result: self._after_change()).run()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.reload()  # another page of the form may have changed the member meanwhile
        super().showEvent(event)


class DuesPage(QWidget):
    """The member's salary base, dues start month and this month's dues."""

    def __init__(self, ctx: AppContext, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        form = QFormLayout(self)
        self.base_edit = make_line_edit("salary_base_edit", "月工资基数，如 6543.21（可不填）")
        self.start_edit = QDateEdit()  # a month picked, 未设定 when not set (issue 15)
        self.start_edit.setObjectName("dues_start_edit")
        optional_date_edit(self.start_edit)
        self.start_edit.setDisplayFormat("yyyy-MM")
        self.dues_label = make_label("monthly_dues_label")
        self.rule_label = make_hint()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(palette.ERROR_TEXT_STYLE)
        self.save_button = QPushButton("保存会费信息")
        self.save_button.setObjectName("save_dues_button")
        form.addRow("工资基数（元）", self.base_edit)
        form.addRow("会费起始月", self.start_edit)
        form.addRow("本月会费", self.dues_label)
        form.addRow("", self.rule_label)
        form.addRow("", self.error_label)
        form.addRow("", self.save_button)
        from guilin_union.ui.money.member_page import DuesHistory  # issue 21: the dues ledger

        self.history = DuesHistory(ctx, member_id)
        form.addRow(self.history)
        self.save_button.clicked.connect(self.save)
        self.base_edit.textChanged.connect(lambda _t: self.preview())
        self.reload()

    def reload(self) -> None:
        record = dues_service.get_dues_record(self.ctx.db, self.member_id)
        base = record["salary_base_fen"]
        self.base_edit.blockSignals(True)  # preview() runs once, below (it sums the member's dues)
        self.base_edit.setText("" if base is None else format_fen(base).replace(",", ""))
        self.base_edit.blockSignals(False)
        month = record["dues_start_month"]
        set_optional_date(self.start_edit, f"{month}-01" if month else None)
        self._loaded = (self.base_edit.text(), self.start_edit.text())
        self.rule_label.setText(
            dues_service.current_rule(self.ctx.db).describe()
            + "；退休（保留会籍）自退休次月起免缴。"
        )
        self.preview()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # A status change on the 会籍变更 page changes what is owed: show it afresh, unless
        # the user has typed something not yet saved.
        if (self.base_edit.text(), self.start_edit.text()) == self._loaded:
            self.reload()
        else:
            self.preview()
        super().showEvent(event)

    def preview(self) -> None:
        """Show this month's dues as the user types the base."""
        text = self.base_edit.text().strip()
        self.error_label.clear()
        line = dues_service.member_month_dues(self.ctx.db, self.member_id, this_month())
        if line is None or not line.liable:
            self.dues_label.setText(f"0.00 元（{line.note if line else '本月不是会员'}）")
            return
        if not text:
            self.dues_label.setText("未录入工资基数")
            return
        try:
            fen = parse_yuan(text)
        except ValidationError as exc:
            self.dues_label.setText("—")
            self.error_label.setText(exc.message)
            return
        self.dues_label.setText(
            f"{format_fen(dues_service.current_rule(self.ctx.db).dues(fen))} 元"
        )

    def save(self) -> bool:
        try:
            text = self.base_edit.text().strip()
            base = parse_yuan(text, field="salary_base") if text else None
            start = optional_date(self.start_edit)[:7]
            start = parse_month(start, field="dues_start_month") if start else None
        except UserError as exc:
            self.error_label.setText(str(exc))
            return False
        self.error_label.clear()
        result = (
            ops.CollectionOp(  # undo puts the previous values back (the service's inverse)
                self.ctx,
                self,
                "修改工资基数",
                lambda db: dues_service.set_dues_record(
                    db, self.member_id, salary_base_fen=base, dues_start_month=start
                ),
            )
            .failure(lambda exc: self.error_label.setText(str(exc)))
            .run()
        )
        if result is None:
            if not self.error_label.text():
                self.error_label.setText(ops.READ_ONLY_MESSAGE)
            return False
        self.reload()
        self.error_label.setText("")
        self.dues_label.setText(self.dues_label.text() + "（已保存）")
        return True


def status_history_page(ctx: AppContext, member_id: int) -> QWidget:
    """The 会籍变更 page of the member form (listed in ``ui/members/form_pages.py``)."""
    return StatusHistoryPage(ctx, member_id)


def dues_page(ctx: AppContext, member_id: int) -> QWidget:
    """The 会费 page of the member form (listed in ``ui/members/form_pages.py``)."""
    return DuesPage(ctx, member_id)
