"""活动设置: the lists and numbers the activity rules depend on (types, roles, expense
categories, awards, the point scheme…), edited in one place. Stored in the database so they
travel with the data."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.activities import TIE_RULES
from guilin_union.services import activities as activities_service
from guilin_union.services import settings as settings_service
from guilin_union.ui.activities.common import ERROR_STYLE, submit_op
from guilin_union.ui.widgets.dialog_buttons import accept_cancel_buttons
from guilin_union.ui.widgets.list_helpers import make_label

LIST_HINTS = {
    "activity_types": "新建活动时可选的类型",
    "activity_roles": "第一项为默认角色",
    "activity_expense_categories": "经费预算和支出的科目",
    "activity_awards": "录入成绩时可选，也可直接输入",
    "activity_roles_outside_places": "这些角色报名不占名额",
    "activity_eligible_statuses": "只有这些会籍状态的会员可以报名",
}


class ActivitySettingsDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("活动设置")
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        intro = QLabel("每行一项。这些设置保存在数据文件中，随数据一起备份。")
        intro.setStyleSheet("color: #555;")
        layout.addWidget(intro)
        grid = QGridLayout()
        self.list_edits: dict[str, QPlainTextEdit] = {}
        db = ctx.db
        for index, (key, label) in enumerate(activities_service.LIST_SETTINGS.items()):
            box = QGroupBox(label)
            box_layout = QVBoxLayout(box)
            edit = QPlainTextEdit("\n".join(activities_service.setting_list(db, key)))
            edit.setObjectName(f"{key}_edit")
            edit.setToolTip(LIST_HINTS.get(key, ""))
            box_layout.addWidget(edit)
            hint = QLabel(LIST_HINTS.get(key, ""))
            hint.setStyleSheet("color: #777;")
            hint.setWordWrap(True)
            box_layout.addWidget(hint)
            grid.addWidget(box, index // 3, index % 3)
            self.list_edits[key] = edit
        layout.addLayout(grid, 1)
        form = QFormLayout()
        self.scheme_edit = QLineEdit(str(settings_service.get(db, "activity_point_scheme")))
        self.scheme_edit.setObjectName("activity_point_scheme_edit")
        self.scheme_edit.setPlaceholderText("第1名起各名次的得分，如 7,5,4,3,2,1")
        form.addRow("团体总分计分办法", self.scheme_edit)
        self.tie_combo = QComboBox()
        self.tie_combo.addItem("平分（平分所占名次的分数）", "平分")
        self.tie_combo.addItem("同分（各得该名次的分数）", "同分")
        current = settings_service.get(db, "activity_tie_points")
        self.tie_combo.setCurrentIndex(
            max(self.tie_combo.findData(current if current in TIE_RULES else "平分"), 0)
        )
        form.addRow("名次并列时", self.tie_combo)
        layout.addLayout(form)
        self.summary_label = make_label("summary_label", wrap=True)
        self.summary_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.summary_label)
        buttons = accept_cancel_buttons(self, self.save)
        self.button_box = buttons
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {key: edit.toPlainText() for key, edit in self.list_edits.items()}
        data["activity_point_scheme"] = self.scheme_edit.text()
        data["activity_tie_points"] = self.tie_combo.currentData()
        return data

    def save(self) -> None:
        values = self.values()
        errors = submit_op(
            self.ctx, self, "活动设置", lambda d: activities_service.save_settings(d, values)
        )
        if errors is None:
            self.accept()
            return
        for key, edit in self.list_edits.items():
            edit.setStyleSheet(ERROR_STYLE if key in errors else "")
        self.scheme_edit.setStyleSheet(ERROR_STYLE if "activity_point_scheme" in errors else "")
        self.summary_label.setText("\n".join(errors.values()))
