"""The form of one year's standard for one condolence type. Never writes: hands a dict to
``submit`` and shows the error that comes back."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from guilin_union.core.money import format_fen
from guilin_union.core.welfare import PAYERS, RULE_KINDS, STANDARD_FORMS
from guilin_union.services.welfare.standards import Standard
from guilin_union.ui.forms.ui_welfare_standard_dialog import Ui_WelfareStandardDialog
from guilin_union.ui.welfare.common import ERROR_STYLE, place_beside
from guilin_union.ui.widgets.date_fields import optional_date, optional_date_edit, set_optional_date
from guilin_union.ui.widgets.dialog_buttons import save_cancel
from guilin_union.ui.widgets.form_dialog import Submit

FIELD_WIDGETS = {
    "cap_fen": "cap_edit",
    "form": "form_combo",
    "rule_kind": "rule_kind_combo",
    "max_per_year": "max_per_year_spin",
    "yearly_cap_fen": "yearly_cap_edit",
    "payer": "payer_combo",
    "min_fen": "min_edit",
    "frequency_key": "frequency_key_combo",
    "event_after": "event_after_edit",
    "report_within_days": "report_within_spin",
    "average_cap_fen": "average_cap_edit",
    "eligible_gender": "gender_combo",
    "excluded_employment": "excluded_employment_edit",
    "sub_kinds": "sub_kinds_edit",
}


def _yuan(fen: int | None) -> str:
    return "" if fen is None else format_fen(fen).replace(",", "")


def sub_kinds_text(kinds: list[dict[str, Any]]) -> str:
    """``手术 200-600；外地 -1500`` (name, minimum–cap in 元; either side may be empty)."""
    parts = []
    for k in kinds:
        low, cap = _yuan(k.get("min_fen")), _yuan(k.get("cap_fen"))
        parts.append(f"{k['name']} {low}-{cap}" if (low or cap) else k["name"])
    return "；".join(parts)


def parse_sub_kinds(text: str) -> list[dict[str, Any]]:
    """The inverse of :func:`sub_kinds_text` (amounts stay text: the service parses them).

    >>> parse_sub_kinds("手术 200-600；外地 -1500；其他")
    [{'name': '手术', 'min_fen': '200', 'cap_fen': '600'}, {'name': '外地', 'min_fen': None, 'cap_fen': '1500'}, {'name': '其他', 'min_fen': None, 'cap_fen': None}]
    """
    kinds = []
    for part in text.replace(";", "；").split("；"):
        part = part.strip()
        if not part:
            continue
        name, _, amounts = part.partition(" ")
        low, _, cap = amounts.strip().partition("-")
        kinds.append({"name": name, "min_fen": low.strip() or None, "cap_fen": cap.strip() or None})
    return kinds


class StandardDialog(QDialog):
    def __init__(self, standard: Standard, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelfareStandardDialog()
        self.ui.setupUi(self)
        self._submit = submit
        self.standard = standard
        ui = self.ui
        ui.form_combo.addItems(list(STANDARD_FORMS))
        ui.rule_kind_combo.addItems(list(RULE_KINDS))
        ui.payer_combo.addItems(list(PAYERS))
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
        self._build_case_rules(standard)
        self.setWindowTitle(f"{standard.year}年“{standard.type}”慰问标准")
        ui.rule_kind_combo.currentTextChanged.connect(lambda _t: self._update())
        save_cancel(ui.button_box, self, self.save)
        self._update()

    def _build_case_rules(self, standard: Standard) -> None:
        """按事由核对 (issue 22): range, frequency key, event window, eligibility, sub-kinds —
        a second column beside the Designer form, so the dialog stays low enough."""
        from guilin_union.core.welfare_cases import FREQUENCY_KEYS

        ui = self.ui
        group = QGroupBox("按标准原文核对（可选）")
        form = QFormLayout(group)
        ui.min_edit = QLineEdit(_yuan(standard.min_fen))
        ui.min_edit.setPlaceholderText("如 300（低于下限也提示）")
        form.addRow("金额下限（元）", ui.min_edit)
        ui.frequency_key_combo = QComboBox()
        ui.frequency_key_combo.addItems(list(FREQUENCY_KEYS))
        ui.frequency_key_combo.setCurrentText(standard.frequency_key)
        ui.frequency_key_combo.setToolTip(
            "次数按会员、按亲属（如每位亲属一次）或按病因（同类疾病每年一次）计算"
        )
        form.addRow("次数按", ui.frequency_key_combo)
        ui.event_after_edit = QDateEdit()
        optional_date_edit(ui.event_after_edit)  # 未设定: no limit
        set_optional_date(ui.event_after_edit, standard.event_after)
        ui.event_after_edit.setToolTip("不限时选“未设定”")
        form.addRow("事件须在此日之后", ui.event_after_edit)
        ui.report_within_spin = QSpinBox()
        ui.report_within_spin.setRange(0, 3650)
        ui.report_within_spin.setSpecialValueText("不限")
        ui.report_within_spin.setSuffix(" 天")
        ui.report_within_spin.setValue(standard.report_within_days or 0)
        form.addRow("事发后几日内上报", ui.report_within_spin)
        ui.average_cap_edit = QLineEdit(_yuan(standard.average_cap_fen))
        ui.average_cap_edit.setPlaceholderText("批量发放的人均上限")
        form.addRow("人均不超过（元）", ui.average_cap_edit)
        ui.gender_combo = QComboBox()
        ui.gender_combo.addItems(["不限", "女", "男"])
        ui.gender_combo.setCurrentText(standard.eligible_gender or "不限")
        form.addRow("限定性别", ui.gender_combo)
        ui.excluded_employment_edit = QLineEdit("、".join(standard.excluded_employment))
        ui.excluded_employment_edit.setPlaceholderText("如 返聘、临时")
        form.addRow("不适用的用工形式", ui.excluded_employment_edit)
        ui.sub_kinds_edit = QLineEdit(sub_kinds_text(standard.sub_kinds))
        ui.sub_kinds_edit.setPlaceholderText("如 手术 200-600；外地 -1500")
        form.addRow("细项及金额", ui.sub_kinds_edit)
        hint = QLabel("细项（如本地/外地、手术）与本类型共用年度次数。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form.addRow(hint)
        place_beside(ui.main_layout, ui.standard_form, group)
        ui.case_rules_group = group

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
            "min_fen": ui.min_edit.text().strip() or None,
            "frequency_key": ui.frequency_key_combo.currentText(),
            "event_after": optional_date(ui.event_after_edit) or None,
            "report_within_days": ui.report_within_spin.value() or None,
            "average_cap_fen": ui.average_cap_edit.text().strip() or None,
            "eligible_gender": None
            if ui.gender_combo.currentText() == "不限"
            else ui.gender_combo.currentText(),
            "excluded_employment": [
                t.strip()
                for t in ui.excluded_employment_edit.text().replace("，", "、").split("、")
                if t.strip()
            ],
            "sub_kinds": parse_sub_kinds(ui.sub_kinds_edit.text()),
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
