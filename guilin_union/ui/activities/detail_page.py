"""概况 page: the activity's details at a glance, its summary text and its attachments."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.core.errors import UserError
from guilin_union.core.money import format_fen_yuan
from guilin_union.services import activities as activities_service
from guilin_union.services.activities import budget as budget_service
from guilin_union.ui import ops
from guilin_union.ui.activities.common import ActivityPage
from guilin_union.ui.widgets.list_helpers import push_buttons


def _cn(value: str | None) -> str:
    """A date as the screens show it (docs/STYLE.md: 2026-12-07; printouts use 年月日)."""
    return str(value)[:10] if value else ""


class DetailPage(ActivityPage):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.activity_id: int | None = None
        layout = QVBoxLayout(self)
        self.info_label = QLabel()
        self.info_label.setObjectName("activity_info_label")
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setWordWrap(True)
        self.info_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.info_label)

        lower = QHBoxLayout()
        summary_box = QGroupBox("活动总结（活动结束后填写，印在活动总结表上）")
        summary_layout = QVBoxLayout(summary_box)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("activity_summary_edit")
        self.summary_edit.setPlaceholderText("活动开展情况、参加人数、取得的成效、存在的不足……")
        summary_layout.addWidget(self.summary_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_summary_button = QPushButton("保存总结")
        self.save_summary_button.clicked.connect(self.save_summary)
        row.addWidget(self.save_summary_button)
        summary_layout.addLayout(row)
        lower.addWidget(summary_box, 3)

        files_box = QGroupBox("照片和附件（复制到数据文件旁的 attachments 文件夹）")
        files_layout = QVBoxLayout(files_box)
        self.attachments_list = QListWidget()
        self.attachments_list.setObjectName("activity_attachments_list")
        self.attachments_list.itemDoubleClicked.connect(lambda _i: self.open_attachment())
        files_layout.addWidget(self.attachments_list)
        buttons = QHBoxLayout()
        self.add_file_button, self.open_file_button, self.remove_file_button = push_buttons(
            "添加…", "打开", "移除", layout=buttons
        )
        buttons.addStretch(1)
        files_layout.addLayout(buttons)
        self.add_file_button.clicked.connect(self.add_attachment)
        self.open_file_button.clicked.connect(self.open_attachment)
        self.remove_file_button.clicked.connect(self.remove_attachment)
        lower.addWidget(files_box, 2)
        layout.addLayout(lower, 1)

    def refresh(self) -> None:
        files = (self.add_file_button, self.open_file_button, self.remove_file_button)
        self.enable_controls(self.summary_edit, self.save_summary_button, *files)
        self.attachments_list.clear()
        if self.activity_id is None:
            self.info_label.setText(
                "<p style='color:#666'>请在左侧选择一项活动，或点击“新建活动”。</p>"
            )
            self.summary_edit.setPlainText("")
            return
        try:
            a = activities_service.get_activity(self.ctx.db, self.activity_id)
        except UserError:
            self.activity_id = None
            self.refresh()
            return
        budget = budget_service.budget_summary(self.ctx.db, self.activity_id)
        when = _cn(a["start_date"]) + (
            f" 至 {_cn(a['end_date'])}"
            if a["end_date"] and a["end_date"] != a["start_date"]
            else ""
        )
        places = f"{a['places']} 人（已占 {a['places_used']}）" if a["places"] else "不限"
        rows = [
            ("类型", a["type"]),
            ("主办", a["organiser"]),
            ("时间", when),
            ("地点", a["place"] or "待定"),
            ("报名截止", _cn(a["signup_deadline"]) or "—"),
            ("名额", places),
            ("每人限报", f"{a['event_limit']} 项" if a["event_limit"] else "不限"),
            (
                "报名情况",
                f"报名 {a['registered']} 人，候补 {a['waiting']} 人，取消 {a['cancelled']} 人，签到 {a['attended']} 人",
            ),
            (
                "项目",
                "、".join(
                    e["name"] + ("（团体）" if e["kind"] == "团体" else "") for e in a["events"]
                )
                or "未设项目",
            ),
            (
                "经费",
                f"预算 {format_fen_yuan(budget.planned)}，已支出 {format_fen_yuan(budget.actual)}",
            ),
        ]
        if a["workpoint_label"]:
            rows.append(("工作要点", a["workpoint_label"]))
        if a["description"]:
            rows.append(("活动内容", a["description"]))
        cells = "".join(
            f"<tr><td style='color:#555; padding:2px 12px 2px 0; white-space:nowrap' valign='top'>{html.escape(k)}</td>"
            f"<td style='padding:2px 0'>{html.escape(str(v)).replace(chr(10), '<br>')}</td></tr>"
            for k, v in rows
        )
        status_color = {"已取消": "#888", "报名中": "#1565c0", "进行中": "#1b5e20"}.get(
            a["status"], "#333"
        )
        self.info_label.setText(
            f"<h3 style='margin:0'>{html.escape(a['name'])} "
            f"<span style='font-size:small; color:{status_color}'>【{html.escape(a['status'])}】</span></h3>"
            f"<table>{cells}</table>"
        )
        self.summary_edit.setPlainText(a["summary"] or "")
        for attachment in activities_service.list_attachments(self.ctx.db, self.activity_id):
            text = attachment["original_name"] + (
                f"　{attachment['caption']}" if attachment["caption"] else ""
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, attachment["id"])
            self.attachments_list.addItem(item)

    def save_summary(self) -> None:
        if self.activity_id is None:
            return
        activity_id, text = self.activity_id, self.summary_edit.toPlainText()
        ops.CollectionOp(
            self.ctx,
            self,
            "修改活动总结",
            lambda d: activities_service.set_summary(d, activity_id, text),
        ).run()

    def add_attachment(self) -> None:
        if self.activity_id is None:
            return
        path = self.ctx.prompts.open_file(
            self,
            "添加照片或附件",
            self.ctx.last_folder("attachments"),
            "照片和文件 (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xls *.xlsx);;所有文件 (*)",
        )
        if path is None:
            return
        activity_id = self.activity_id
        try:
            ops.CollectionOp(
                self.ctx,
                self,
                "添加活动附件",
                lambda d: activities_service.add_attachment(d, activity_id, path),
            ).success(lambda _r: self.ctx.remember_folder(path, "attachments")).run()
        except OSError as exc:  # the copy into the attachments folder failed
            self.ctx.prompts.error(self, "无法添加附件", str(exc))

    def _selected_attachment(self) -> int | None:
        item = self.attachments_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def open_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        from guilin_union.ui.open_file import open_document

        try:
            path = activities_service.attachment_path(self.ctx.db, attachment_id)
        except (UserError, OSError) as exc:
            self.ctx.prompts.error(self, "无法打开", str(exc))
            return
        if not path.exists():
            self.ctx.prompts.warning(self, "无法打开", f"附件文件不存在：\n{path}")
            return
        open_document(path)

    def remove_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        if not self.ctx.prompts.confirm(
            self,
            "移除附件",
            "从活动中移除所选附件吗？（文件仍保留在 attachments 文件夹中）",
            ok_text="移除",
        ):
            return
        ops.CollectionOp(
            self.ctx,
            self,
            "移除活动附件",
            lambda d: activities_service.remove_attachment(d, attachment_id),
        ).run()
