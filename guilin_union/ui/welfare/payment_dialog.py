"""The payment form (慰问登记): member, type, date, cash or goods, approval, evidence files.

Like every record dialog it never writes: it hands a plain dict to ``submit`` (the caller
calls the service, asks for an override reason when a check fails) and shows the errors that
come back. While the user types, ``check`` shows the rule warnings live, so an amount over
the cap is visible before saving.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QWidget,
)

from guilin_union.core.errors import ValidationError
from guilin_union.core.money import format_fen, parse_yuan
from guilin_union.core.welfare import FORMS, PAYMENT_STATES
from guilin_union.ui.forms.ui_welfare_payment_dialog import Ui_WelfarePaymentDialog
from guilin_union.ui.welfare.common import ERROR_STYLE
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit
from guilin_union.ui.widgets.list_helpers import call_on, make_line_edit, single_shot

Check = Callable[[dict[str, Any]], tuple[str, str]]  # data -> (standard text, warnings text)

FIELD_WIDGETS = {
    "member_id": "pick_member_button",
    "type": "type_combo",
    "occasion": "occasion_combo",
    "pay_date": "pay_date_edit",
    "year": "year_spin",
    "form": "form_combo",
    "amount_fen": "amount_edit",
    "goods": "goods_edit",
    "reason": "reason_edit",
    "handler": "handler_combo",
    "state": "state_combo",
    "applied_on": "applied_on_edit",
    "branch_reviewed_on": "branch_reviewed_on_edit",
    "approved_on": "approved_on_edit",
    "paid_on": "paid_on_edit",
    "notes": "notes_edit",
    # issue 22: the case (built in code beside the attachments, see _build_case_group)
    "relative_relation": "relation_combo",
    "relative_name": "relative_name_edit",
    "cause": "cause_combo",
    "event_date": "event_date_edit",
    "sub_kind": "sub_kind_edit",
    "recipient_name": "recipient_edit",
    "pay_method": "pay_method_combo",
    "bank_account": "bank_account_edit",
    "bank_name": "bank_name_edit",
}
CASE_KEYS = (
    "relative_relation",
    "relative_name",
    "cause",
    "event_date",
    "sub_kind",
    "recipient_name",
    "pay_method",
    "bank_account",
    "bank_name",
)
CHECK_DELAY_MS = 250


class PaymentDialog(QDialog):
    """``pick_member`` returns ``(member_id, label)`` or None; ``open_attachment`` opens a
    stored file; existing attachments come as ``[(id, name)]``."""

    def __init__(
        self,
        submit: Submit,
        *,
        types: Sequence[str],
        occasions: Callable[[str], list[str]],
        pick_member: Callable[[], tuple[int, str] | None],
        check: Check | None = None,
        handlers: Sequence[str] = (),
        data: dict[str, Any] | None = None,
        member_label: str = "",
        attachments: Sequence[tuple[int, str]] = (),
        open_attachment: Callable[[int], None] | None = None,
        choose_file: Callable[[], Path | None] | None = None,
        evidence_items: Callable[[str, int], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._evidence_items = evidence_items
        self._evidence_checked: set[str] = set()
        self.ui = Ui_WelfarePaymentDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self._occasions = occasions
        self._pick_member = pick_member
        self._check = check
        self._open_attachment = open_attachment
        self._choose_file = choose_file
        self.member_id: int | None = None
        self.new_files: list[Path] = []
        self.removed_attachments: list[int] = []
        self.result_data: dict[str, Any] | None = None
        ui = self.ui
        self._build_case_group()
        for key in ("applied_on", "branch_reviewed_on", "approved_on", "paid_on"):
            optional_date_edit(getattr(ui, f"{key}_edit"))
        ui.type_combo.addItems(list(types))
        ui.form_combo.addItems(list(FORMS))
        ui.state_combo.addItems(list(PAYMENT_STATES))
        ui.handler_combo.addItems(list(handlers))
        ui.handler_combo.setCurrentText("")
        today = _dt.date.today()
        ui.pay_date_edit.setDate(QDate(today.year, today.month, today.day))
        ui.year_spin.setValue(today.year)
        self._year_follows_date = True
        self._refresh_occasions()
        self.setWindowTitle("修改慰问记录" if data else "登记慰问")
        for attachment_id, name in attachments:
            item = QListWidgetItem(name)
            item.setData(256, attachment_id)
            ui.attachments_list.addItem(item)
        if data:
            self.set_data(data, member_label)
        self._update_goods()
        self._check_timer = single_shot(self.run_check, CHECK_DELAY_MS, self)
        call_on(
            self._check_timer.start,
            ui.type_combo.currentTextChanged,
            ui.occasion_combo.currentTextChanged,
            ui.amount_edit.textChanged,
            ui.form_combo.currentTextChanged,
            ui.year_spin.valueChanged,
            ui.pay_date_edit.dateChanged,
            ui.relation_combo.currentTextChanged,
            ui.relative_name_edit.textChanged,
            ui.cause_combo.currentTextChanged,
            ui.event_date_edit.dateChanged,
            ui.sub_kind_edit.textChanged,
        )
        call_on(self._refresh_occasions, ui.type_combo.currentTextChanged)
        call_on(self.refresh_evidence, ui.type_combo.currentTextChanged, ui.year_spin.valueChanged)
        self.refresh_evidence()
        ui.form_combo.currentTextChanged.connect(lambda _t: self._update_goods())
        ui.pay_date_edit.dateChanged.connect(self._date_changed)
        ui.year_spin.valueChanged.connect(self._year_edited)
        ui.pick_member_button.clicked.connect(self.choose_member)
        ui.add_attachment_button.clicked.connect(self.add_file)
        ui.remove_attachment_button.clicked.connect(self.remove_file)
        ui.open_attachment_button.clicked.connect(self.open_file)
        save_cancel(ui.button_box, self, self.save)
        self.run_check()

    def _build_case_group(self) -> None:
        """案情与收款 (issue 22): which relative, what cause, when it happened, which sub-kind,
        who receives it and how. Built beside the attachments so the form keeps its height."""
        from guilin_union.core.welfare_cases import COMMON_CAUSES, PAY_METHODS, RELATION_CHOICES

        ui = self.ui
        group = QGroupBox("案情与收款")
        group.setObjectName("case_group")
        grid = QGridLayout(group)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(3)
        ui.relation_combo = QComboBox()
        ui.relation_combo.addItems(["", *RELATION_CHOICES])
        ui.relative_name_edit = make_line_edit(placeholder="亲属姓名")
        ui.cause_combo = QComboBox()
        ui.cause_combo.setEditable(True)
        ui.cause_combo.addItems(["", *COMMON_CAUSES])
        ui.event_date_edit = QDateEdit()
        optional_date_edit(ui.event_date_edit)  # picked, 未设定 when not known (issue 15)
        ui.sub_kind_edit = make_line_edit(placeholder="细项，如 手术")
        ui.pay_method_combo = QComboBox()
        ui.pay_method_combo.addItems(["", *PAY_METHODS])
        ui.recipient_edit = make_line_edit(placeholder="空 = 会员本人")
        ui.bank_account_edit = make_line_edit(placeholder="银行转账时填写")
        ui.bank_name_edit = make_line_edit(placeholder="开户行")
        rows = (
            (
                ("亲属", ui.relation_combo),
                ("姓名", ui.relative_name_edit),
                ("事件日期", ui.event_date_edit),
            ),
            (
                ("病因/事由", ui.cause_combo),
                ("细项", ui.sub_kind_edit),
                ("收款人", ui.recipient_edit),
            ),
            (
                ("发放方式", ui.pay_method_combo),
                ("账号", ui.bank_account_edit),
                ("开户行", ui.bank_name_edit),
            ),
        )
        for r, row in enumerate(rows):
            for c, (label, widget) in enumerate(row):
                grid.addWidget(QLabel(label), r, c * 2)
                grid.addWidget(widget, r, c * 2 + 1)
        grid.addWidget(QLabel("已收材料"), len(rows), 0)
        ui.evidence_row = QHBoxLayout()
        ui.evidence_boxes = []
        grid.addLayout(ui.evidence_row, len(rows), 1, 1, 5)
        attachments = ui.attachments_group
        index = ui.main_layout.indexOf(attachments)
        ui.main_layout.removeWidget(attachments)
        row_layout = QHBoxLayout()
        row_layout.addWidget(group, 3)
        row_layout.addWidget(attachments, 2)
        ui.main_layout.insertLayout(index, row_layout)
        ui.case_group = group

    def refresh_evidence(self) -> None:
        """One box per item of evidence the year's standard for the type asks for."""
        from PySide6.QtWidgets import QCheckBox

        ui = self.ui
        for box in ui.evidence_boxes:
            if box.isChecked():
                self._evidence_checked.add(box.text())
            else:
                self._evidence_checked.discard(box.text())
            ui.evidence_row.removeWidget(box)
            box.deleteLater()
        ui.evidence_boxes = []
        items = (
            self._evidence_items(ui.type_combo.currentText(), ui.year_spin.value())
            if self._evidence_items
            else []
        )
        for item in items + sorted(self._evidence_checked - set(items)):
            box = QCheckBox(item)
            box.setProperty("noAccessKey", True)  # the text is the item of evidence (data)
            box.setChecked(item in self._evidence_checked)
            ui.evidence_row.addWidget(box)
            ui.evidence_boxes.append(box)
        if not items and not self._evidence_checked:
            box = QCheckBox("（标准未列材料）")
            box.setEnabled(False)
            ui.evidence_row.addWidget(box)
            ui.evidence_boxes.append(box)

    def evidence_checked(self) -> list[str]:
        return [b.text() for b in self.ui.evidence_boxes if b.isChecked() and b.isEnabled()]

    def _case_data(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "evidence_checked": self.evidence_checked(),
            "relative_relation": ui.relation_combo.currentText(),
            "relative_name": ui.relative_name_edit.text().strip(),
            "cause": ui.cause_combo.currentText().strip(),
            "event_date": optional_date(ui.event_date_edit) or None,
            "sub_kind": ui.sub_kind_edit.text().strip(),
            "recipient_name": ui.recipient_edit.text().strip(),
            "pay_method": ui.pay_method_combo.currentText(),
            "bank_account": ui.bank_account_edit.text().strip(),
            "bank_name": ui.bank_name_edit.text().strip(),
        }

    def _set_case_data(self, data: dict[str, Any]) -> None:
        ui = self.ui
        checked = data.get("evidence_checked") or []
        if isinstance(checked, str):
            import json

            checked = json.loads(checked) if checked.startswith("[") else checked.split("、")
        self._evidence_checked = set(checked)
        ui.relation_combo.setCurrentText(data.get("relative_relation") or "")
        ui.relative_name_edit.setText(data.get("relative_name") or "")
        ui.cause_combo.setCurrentText(data.get("cause") or "")
        set_optional_date(ui.event_date_edit, data.get("event_date"))
        ui.sub_kind_edit.setText(data.get("sub_kind") or "")
        ui.recipient_edit.setText(data.get("recipient_name") or "")
        ui.pay_method_combo.setCurrentText(data.get("pay_method") or "")
        ui.bank_account_edit.setText(data.get("bank_account") or "")
        ui.bank_name_edit.setText(data.get("bank_name") or "")

    # ---- values
    def set_data(self, data: dict[str, Any], member_label: str = "") -> None:
        ui = self.ui
        self._set_case_data(data)
        if data.get("member_id"):
            self.set_member(int(data["member_id"]), member_label)
        if data.get("type"):
            ui.type_combo.setCurrentText(data["type"])
        self._refresh_occasions()
        ui.occasion_combo.setCurrentText(data.get("occasion") or "")
        if data.get("pay_date"):
            day = _dt.date.fromisoformat(str(data["pay_date"]))
            ui.pay_date_edit.setDate(QDate(day.year, day.month, day.day))
        if data.get("year"):
            ui.year_spin.setValue(int(data["year"]))
            self._year_follows_date = int(data["year"]) == ui.pay_date_edit.date().year()
        ui.form_combo.setCurrentText(data.get("form") or "现金")
        amount = data.get("amount_fen")
        ui.amount_edit.setText(
            format_fen(amount).replace(",", "") if isinstance(amount, int) else str(amount or "")
        )
        ui.goods_edit.setText(data.get("goods") or "")
        ui.reason_edit.setText(data.get("reason") or "")
        ui.handler_combo.setCurrentText(data.get("handler") or "")
        ui.state_combo.setCurrentText(data.get("state") or "申请")
        for key in ("applied_on", "branch_reviewed_on", "approved_on", "paid_on"):
            set_optional_date(getattr(ui, f"{key}_edit"), data.get(key))
        ui.notes_edit.setText(data.get("notes") or "")

    def data(self) -> dict[str, Any]:
        """The form as a plain dict; the amount stays text (the service parses it to 分)."""
        ui = self.ui
        day = ui.pay_date_edit.date()
        return {
            "member_id": self.member_id,
            "type": ui.type_combo.currentText(),
            "occasion": ui.occasion_combo.currentText().strip(),
            "pay_date": f"{day.year():04d}-{day.month():02d}-{day.day():02d}",
            "year": ui.year_spin.value(),
            "form": ui.form_combo.currentText(),
            "amount_fen": ui.amount_edit.text().strip(),
            "goods": ui.goods_edit.text().strip(),
            "reason": ui.reason_edit.text().strip(),
            "handler": ui.handler_combo.currentText().strip(),
            "state": ui.state_combo.currentText(),
            "applied_on": optional_date(ui.applied_on_edit) or None,
            "branch_reviewed_on": optional_date(ui.branch_reviewed_on_edit) or None,
            "approved_on": optional_date(ui.approved_on_edit) or None,
            "paid_on": optional_date(ui.paid_on_edit) or None,
            "notes": ui.notes_edit.text().strip(),
            **self._case_data(),
        }

    def set_member(self, member_id: int, label: str) -> None:
        self.member_id = member_id
        self.ui.member_value.setText(label or f"会员 #{member_id}")

    # ---- reactions
    def choose_member(self) -> None:
        chosen = self._pick_member()
        if chosen is not None:
            self.set_member(*chosen)
            self.run_check()

    def _refresh_occasions(self) -> None:
        combo = self.ui.occasion_combo
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("")
        combo.addItems(self._occasions(self.ui.type_combo.currentText()))
        combo.setCurrentText(current)
        combo.blockSignals(False)

    def _update_goods(self) -> None:
        goods = self.ui.form_combo.currentText() == "实物"
        self.ui.goods_edit.setEnabled(goods)
        self.ui.amount_label.setText("折合金额（元）" if goods else "金额（元）")

    def _date_changed(self, date: QDate) -> None:
        if self._year_follows_date:
            self.ui.year_spin.blockSignals(True)
            self.ui.year_spin.setValue(date.year())
            self.ui.year_spin.blockSignals(False)

    def _year_edited(self, year: int) -> None:
        self._year_follows_date = year == self.ui.pay_date_edit.date().year()

    def run_check(self) -> None:
        """Show the year's standard for the type and the warnings the payment would raise."""
        if self._check is None:
            return
        data = self.data()
        if self.member_id is None:
            self.ui.standard_label.setText(self._check({**data, "member_id": None})[0])
            self.ui.check_label.setText("")
            return
        try:
            parse_yuan(data["amount_fen"])
        except ValidationError:
            data["amount_fen"] = "0.01"  # still show status / frequency warnings while typing
        standard, warnings = self._check(data)
        self.ui.standard_label.setText(standard)
        self.ui.check_label.setText(("保存前请注意：\n" + warnings) if warnings else "")

    # ---- attachments
    def add_file(self) -> None:
        if self._choose_file is None:
            return
        path = self._choose_file()
        if path is None:
            return
        self.new_files.append(Path(path))
        item = QListWidgetItem(f"{Path(path).name}（待保存）")
        item.setData(256, None)
        item.setData(257, str(path))
        self.ui.attachments_list.addItem(item)

    def remove_file(self) -> None:
        item = self.ui.attachments_list.currentItem()
        if item is None:
            return
        attachment_id = item.data(256)
        if attachment_id is not None:
            self.removed_attachments.append(int(attachment_id))
        else:
            path = Path(item.data(257))
            self.new_files = [p for p in self.new_files if p != path]
        self.ui.attachments_list.takeItem(self.ui.attachments_list.row(item))

    def open_file(self) -> None:
        item = self.ui.attachments_list.currentItem()
        if item is not None and item.data(256) is not None and self._open_attachment is not None:
            self._open_attachment(int(item.data(256)))

    # ---- saving
    def show_errors(self, errors: dict[str, str]) -> None:
        for name in FIELD_WIDGETS.values():
            getattr(self.ui, name).setStyleSheet("")
        for key in errors:
            name = FIELD_WIDGETS.get(key)
            if name:
                getattr(self.ui, name).setStyleSheet(ERROR_STYLE)
        self.ui.summary_label.setText("\n".join(errors.values()))

    def save(self) -> None:
        data = self.data()
        data["attachments"] = list(self.new_files)
        data["remove_attachments"] = list(self.removed_attachments)
        errors = self._submit(data)
        if errors:
            self.show_errors(errors)
            return
        self.result_data = data
        self.accept()
