"""The form of one year's standard for one condolence type. Never writes: hands a dict to
``submit`` and shows the error that comes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from guilin_union.core.money import format_fen
from guilin_union.services import welfare_config as config
from guilin_union.services.welfare_standards import Standard
from guilin_union.ui.forms.ui_welfare_standard_dialog import Ui_WelfareStandardDialog
from guilin_union.ui.welfare.common import ERROR_STYLE

Submit = Callable[[dict[str, Any]], dict[str, str] | None]
FIELD_WIDGETS = {
    "cap_fen": "cap_edit",
    "form": "form_combo",
    "rule_kind": "rule_kind_combo",
    "max_per_year": "max_per_year_spin",
    "yearly_cap_fen": "yearly_cap_edit",
    "payer": "payer_combo",
}


class StandardDialog(QDialog):
    def __init__(self, standard: Standard, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelfareStandardDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.standard = standard
        ui = self.ui
        ui.form_combo.addItems(list(config.STANDARD_FORMS))
        ui.rule_kind_combo.addItems(list(config.RULE_KINDS))
        ui.payer_combo.addItems(list(config.PAYERS))
        ui.year_value.setText(f"{standard.year}年")
        ui.type_value.setText(standard.type)
        ui.cap_edit.setText(
            "" if standard.cap_fen is None else format_fen(standard.cap_fen).replace(",", "")
        )
        ui.form_combo.setCurrentText(standard.form)
        ui.rule_kind_combo.setCurrentText(standard.rule_kind)
        ui.max_per_year_spin.setValue(standard.max_per_year or 1)
        ui.yearly_cap_edit.setText(
            ""
            if standard.yearly_cap_fen is None
            else format_fen(standard.yearly_cap_fen).replace(",", "")
        )
        ui.payer_combo.setCurrentText(standard.payer)
        ui.evidence_edit.setText(standard.evidence)
        ui.retired_check.setChecked(standard.retired_eligible)
        ui.source_edit.setText(standard.source)
        ui.notes_edit.setText(standard.notes)
        self.setWindowTitle(f"{standard.year}年“{standard.type}”慰问标准")
        ui.rule_kind_combo.currentTextChanged.connect(lambda _t: self._update())
        ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ui.button_box.accepted.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        self._update()

    def _update(self) -> None:
        rule = self.ui.rule_kind_combo.currentText()
        self.ui.max_per_year_spin.setEnabled(rule == "每年限次")
        self.ui.yearly_cap_label.setText(
            "每人每年总额上限（元）" + ("（必填）" if rule == "每年限额" else "")
        )

    def data(self) -> dict[str, Any]:
        ui = self.ui
        rule = ui.rule_kind_combo.currentText()
        return {
            "year": self.standard.year,
            "type": self.standard.type,
            "cap_fen": ui.cap_edit.text().strip() or None,
            "form": ui.form_combo.currentText(),
            "rule_kind": rule,
            "max_per_year": ui.max_per_year_spin.value() if rule == "每年限次" else None,
            "yearly_cap_fen": ui.yearly_cap_edit.text().strip() or None,
            "payer": ui.payer_combo.currentText(),
            "evidence": ui.evidence_edit.text().strip(),
            "retired_eligible": ui.retired_check.isChecked(),
            "source": ui.source_edit.text().strip(),
            "notes": ui.notes_edit.text().strip(),
        }

    def save(self) -> None:
        errors = self._submit(self.data())
        for name in FIELD_WIDGETS.values():
            getattr(self.ui, name).setStyleSheet("")
        if errors:
            for key in errors:
                if key in FIELD_WIDGETS:
                    getattr(self.ui, FIELD_WIDGETS[key]).setStyleSheet(ERROR_STYLE)
            self.ui.summary_label.setText("\n".join(errors.values()))
            return
        self.accept()
