"""Record dialogs of the intake area: application form, status change, dues settings."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from guilin_union.core.errors import ValidationError
from guilin_union.services.intake import dues as dues_service
from guilin_union.services.members import numbers as member_numbers
from guilin_union.services.members.status import allowed_actions
from guilin_union.ui.forms.ui_intake_dues_settings import Ui_IntakeDuesSettingsDialog
from guilin_union.ui.forms.ui_member_status_change import Ui_MemberStatusChangeDialog
from guilin_union.ui.members.member_dialog import MemberDialog
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, SubmitMessageOnSave


class ApplicationDialog(MemberDialog):
    """The register's form, used for an 入会申请: the fields that only exist once a person is
    a member (会员编号, 会籍状态, 入会日期) are hidden — approval fills them in."""

    HIDDEN = ("member_no", "status", "join_date")

    def __init__(
        self,
        branches: list[str],
        submit: Submit,
        *,
        data: dict[str, Any] | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(branches, submit, data=data, parent=parent)
        for key in self.HIDDEN:
            widget = self.widget(key)
            for form in (self.ui.personal_form, self.ui.work_form):
                if form.indexOf(widget) >= 0:
                    form.setRowVisible(widget, False)
            error = self._error_labels.get(key)
            if error is not None:
                for form in (self.ui.personal_form, self.ui.work_form):
                    if form.indexOf(error) >= 0:
                        form.setRowVisible(error, False)
        self.setWindowTitle(
            "入会申请（只读）" if read_only else ("修改入会申请" if data else "新增入会申请")
        )
        if read_only:
            for child in self.findChildren(QWidget):
                if child.objectName().endswith(("_edit", "_combo", "_check")):
                    child.setEnabled(False)
            save = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
            save.setVisible(False)
            self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("关闭")


class StatusChangeDialog(SubmitMessageOnSave, QDialog):
    """Choose the change, its date, reason and document number. Returns values; the caller
    writes (and shows the service's refusal here, next to the form)."""

    def __init__(
        self,
        name: str,
        current: str,
        submit: Callable[[dict[str, Any]], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MemberStatusChangeDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.ui.member_label.setText(f"会员：{name}　　当前会籍状态：{current}")
        allowed = allowed_actions(current)
        self.ui.action_combo.addItems(allowed)
        self.ui.date_edit.setDate(QDate.currentDate())
        self.ui.date_edit.setMaximumDate(QDate.currentDate())
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText("办理")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.button_box.accepted.connect(self.save)
        self.ui.button_box.rejected.connect(self.reject)
        if not allowed:
            self.ui.error_label.setText(f"当前为“{current}”，不能再办理会籍变更。")
            self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def values(self) -> dict[str, Any]:
        d = self.ui.date_edit.date()
        return {
            "new_status": self.ui.action_combo.currentText(),
            "on": _dt.date(d.year(), d.month(), d.day()),
            "reason": self.ui.reason_edit.text(),
            "document_no": self.ui.document_edit.text(),
        }


class DuesSettingsDialog(QDialog):
    """Rate, truncation unit, start rule and the member-number rule (all settings)."""

    START_RULES = (("join_month", "入会当月起"), ("next_month", "入会次月起"))

    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IntakeDuesSettingsDialog()
        self.ui.setupUi(self)
        for key, label in self.START_RULES:
            self.ui.start_combo.addItem(label, key)
        self.ui.rate_edit.setText(str(values["dues_rate_percent"]))
        self.ui.unit_edit.setText(f"{int(values['dues_base_unit_fen']) / 100:g}")
        index = self.ui.start_combo.findData(values["dues_start_rule"])
        self.ui.start_combo.setCurrentIndex(max(index, 0))
        self.ui.number_rule_edit.setText(str(values["member_no_rule"]))
        self.ui.digits_spin.setValue(int(values["member_no_sequence_digits"]))
        self.result_values: dict[str, Any] | None = None
        save_cancel(self.ui.button_box, self, self.save)

    def save(self) -> None:
        from guilin_union.core.money import parse_yuan

        try:
            rate_text = self.ui.rate_edit.text().strip().rstrip("%")
            dues_service.rate_decimal(rate_text)
            unit = parse_yuan(self.ui.unit_edit.text(), field="dues_base_unit_fen")
            rule = member_numbers.validate_rule(self.ui.number_rule_edit.text())
        except ValidationError as exc:
            self.ui.error_label.setText(exc.message)
            return
        self.result_values = {
            "dues_rate_percent": rate_text,
            "dues_base_unit_fen": unit,
            "dues_start_rule": self.ui.start_combo.currentData(),
            "member_no_rule": rule,
            "member_no_sequence_digits": self.ui.digits_spin.value(),
        }
        self.accept()
