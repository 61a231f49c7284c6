"""首页提醒设置: every horizon the reminders use, and the retirement rule's original age."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.dialog_buttons import accept_cancel_buttons

# (setting key, label, minimum, maximum, suffix)
HORIZONS = (
    ("home_proposal_due_days", "提案答复到期前提醒", 1, 120, " 天"),
    ("workpoints_due_soon_days", "工作要点到期前提醒", 1, 180, " 天"),
    ("home_signup_days", "活动报名截止前提醒", 1, 90, " 天"),
    ("home_retirement_months", "到龄退休提前提醒", 1, 36, " 个月"),
    ("home_retirement_past_months", "已到龄仍在会的提醒", 0, 120, " 个月"),
)


class HomeSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from guilin_union.services import settings
        from guilin_union.services.home import reminders, retirements  # noqa: F401 (defaults)

        self.ctx = ctx
        self.setWindowTitle("首页提醒设置")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for key, label, low, high, suffix in HORIZONS:
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            spin.setValue(int(settings.get(ctx.db, key) or low))
            form.addRow(label + "：", spin)
            self.spins[key] = spin
        self.female_age = QComboBox()
        self.female_age.addItem("55 周岁（管理和专业技术岗位）", 55)
        self.female_age.addItem("50 周岁（工人岗位）", 50)
        current = int(settings.get(ctx.db, "retirement_female_original_age") or 55)
        self.female_age.setCurrentIndex(0 if current == 55 else 1)
        form.addRow("女职工原退休年龄（默认）：", self.female_age)
        self.female_50 = QLineEdit(
            "、".join(settings.get(ctx.db, "retirement_female_50_values") or [])
        )
        self.female_50.setToolTip("用工形式或岗位中含这些文字的女职工，原退休年龄按 50 周岁计算")
        form.addRow("按 50 周岁的岗位：", self.female_50)
        layout.addLayout(form)
        buttons = accept_cancel_buttons(self, self.save)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {key: spin.value() for key, spin in self.spins.items()}
        values["retirement_female_original_age"] = int(self.female_age.currentData())
        text = self.female_50.text().replace("，", "、").replace(",", "、")
        values["retirement_female_50_values"] = [t.strip() for t in text.split("、") if t.strip()]
        return values

    def save(self) -> None:
        from guilin_union.services.home.reminders import save_settings

        values = self.values()
        if ops.CollectionOp(
            self.ctx, self, "首页提醒设置", lambda db: save_settings(db, values)
        ).run():
            self.accept()
