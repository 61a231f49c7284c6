"""设置 ▸ 单位信息: the names printed on every document (a Designer form)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QSpinBox, QWidget

from guilin_union.ui.forms.ui_institution_dialog import Ui_InstitutionDialog
from guilin_union.ui.widgets.dialog_buttons import save_cancel

TEXT_KEYS = (
    "institution_name",
    "union_name",
    "union_short_name",
    "document_prefix",
    "union_chair_title",
    "signer_handler",
    "signer_witness",
    "signer_branch_chair",
)


class InstitutionDialog(QDialog):
    """Returns the edited values in ``values``; the caller saves them through the service."""

    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InstitutionDialog()
        self.ui.setupUi(self)
        for key in TEXT_KEYS:
            getattr(self.ui, f"{key}_edit").setText(str(values.get(key) or ""))
        self.ui.mask_personal_numbers_check.setChecked(
            bool(values.get("mask_personal_numbers", True))
        )
        # The binding edge of every printout (left on portrait pages, top on landscape ones).
        self.binding_spin = QSpinBox(self)
        self.binding_spin.setRange(15, 40)
        self.binding_spin.setSuffix(" 毫米")
        self.binding_spin.setToolTip(
            "打印件装订一侧的边距：竖版在左侧，横版在上侧；其余三边 20 毫米"
        )
        try:
            binding = int(values.get("print_binding_margin_mm") or 28)
        except (TypeError, ValueError):
            binding = 28
        self.binding_spin.setValue(binding)
        self.ui.form_layout.addRow("打印装订边距：", self.binding_spin)
        save_cancel(self.ui.button_box, self, self.save)
        self.values: dict[str, Any] = {}

    def save(self) -> None:
        values: dict[str, Any] = {
            k: getattr(self.ui, f"{k}_edit").text().strip() for k in TEXT_KEYS
        }
        missing = [
            self.ui.__dict__[f"{k}_label"].text()
            for k in ("institution_name", "union_name")
            if not values[k]
        ]
        if missing:
            self.ui.summary_label.setText("、".join(missing) + "不能为空")
            return
        values["mask_personal_numbers"] = self.ui.mask_personal_numbers_check.isChecked()
        values["print_binding_margin_mm"] = self.binding_spin.value()
        self.values = values
        self.accept()
