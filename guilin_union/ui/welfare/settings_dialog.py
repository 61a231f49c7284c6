"""慰问设置: the lists the welfare rules use (types, festivals, hardship categories, the
送温暖/金秋助学 items) and the duplicate window. Never writes: ``values`` is read by the
caller, which saves through the service."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from guilin_union.ui.widgets.dialog_buttons import accept_cancel_buttons
from guilin_union.ui.widgets.dialog_frame import dialog_layout
from guilin_union.ui.widgets.list_helpers import make_hint

LISTS = (
    ("welfare_types", "慰问类型"),
    ("welfare_festivals", "节日"),
    ("welfare_hardship_categories", "困难类别"),
    ("welfare_hardship_occasions", "困难帮扶项目"),
)
INTRO = "每行一项。修改类型名称不会改动已登记的记录；删除的类型不再出现在新登记和新标准中。"


class WelfareSettingsDialog(QDialog):
    def __init__(self, current: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = dialog_layout(self, "慰问设置", INTRO, wrap=True, size=(560, 620))
        form = QFormLayout()
        self.edits: dict[str, QPlainTextEdit] = {}
        for key, label in LISTS:
            edit = QPlainTextEdit("\n".join(current.get(key) or []))
            edit.setObjectName(f"{key}_edit")
            edit.setMaximumHeight(120)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.duplicate_spin = QSpinBox()
        self.duplicate_spin.setRange(0, 366)
        self.duplicate_spin.setSuffix(" 天")
        self.duplicate_spin.setValue(int(current.get("welfare_duplicate_days") or 30))
        form.addRow("重复登记提醒", self.duplicate_spin)
        layout.addLayout(form)
        layout.addWidget(
            make_hint(
                "同一会员同一类型（同一事项）的两笔慰问在这个天数之内，登记时提示“可能重复”。"
            )
        )
        self.summary_label = QLabel()
        self.summary_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.summary_label)
        buttons = accept_cancel_buttons(self)
        layout.addWidget(buttons)

    @property
    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            key: [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]
            for key, edit in self.edits.items()
        }
        data["welfare_duplicate_days"] = self.duplicate_spin.value()
        return data
