"""The budget line form: planned (预算) or actual (支出), category, amount in 元."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from guilin_union.core.activities import BUDGET_KINDS
from guilin_union.core.money import format_fen
from guilin_union.ui.activities.common import show_field_errors
from guilin_union.ui.forms.ui_activity_budget_dialog import Ui_ActivityBudgetDialog
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit, SubmitOnSave

FIELD_WIDGETS = {
    "kind": "kind_combo",
    "category": "category_combo",
    "amount": "amount_edit",
    "spent_on": "spent_on_edit",
    "description": "description_edit",
    "voucher_no": "voucher_no_edit",
}


class BudgetDialog(SubmitOnSave, QDialog):
    def __init__(
        self,
        submit: Submit,
        *,
        categories: Sequence[str],
        kind: str = "预算",
        data: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ActivityBudgetDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.result_data: dict[str, Any] | None = None
        ui = self.ui
        optional_date_edit(ui.spent_on_edit)
        ui.kind_combo.addItems(list(BUDGET_KINDS))
        ui.category_combo.addItems(list(categories))
        ui.kind_combo.setCurrentText((data or {}).get("kind") or kind)
        if data:
            if ui.category_combo.findText(data["category"]) < 0:
                ui.category_combo.addItem(data["category"])
            ui.category_combo.setCurrentText(data["category"])
            ui.amount_edit.setText(format_fen(data["amount"]))
            set_optional_date(ui.spent_on_edit, data.get("spent_on"))
            ui.description_edit.setText(data.get("description") or "")
            ui.voucher_no_edit.setText(data.get("voucher_no") or "")
        ui.kind_combo.currentTextChanged.connect(self._kind_changed)
        self._kind_changed(ui.kind_combo.currentText())
        self.setWindowTitle("修改经费" if data else "添加经费")
        save_cancel(ui.button_box, self, self.save)

    def _kind_changed(self, kind: str) -> None:
        actual = kind == "支出"
        for widget in (
            self.ui.spent_on_edit,
            self.ui.spent_on_label,
            self.ui.voucher_no_edit,
            self.ui.voucher_no_label,
        ):
            widget.setVisible(actual)

    def data(self) -> dict[str, Any]:
        ui = self.ui
        actual = ui.kind_combo.currentText() == "支出"
        return {
            "kind": ui.kind_combo.currentText(),
            "category": ui.category_combo.currentText(),
            "amount": ui.amount_edit.text(),
            "spent_on": optional_date(ui.spent_on_edit) if actual else None,
            "description": ui.description_edit.text(),
            "voucher_no": ui.voucher_no_edit.text() if actual else None,
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self.ui, FIELD_WIDGETS, errors)
