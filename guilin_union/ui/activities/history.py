"""“参加活动” page on the member form: every activity the member took part in."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from guilin_union.services.activities.registration import member_history
from guilin_union.ui.activities.common import PARTICIPANT_STATUS_COLORS, setup_table

HEADERS = ["年度", "日期", "活动", "类型", "角色", "项目", "状态", "成绩"]


def member_activities_page(ctx: Any, member_id: int) -> QWidget | None:
    """The page for ``ui.members.history.register`` (None only if the query fails)."""
    try:
        rows = member_history(ctx.db, member_id)
    except sqlite3.Error:
        return None
    page = QWidget()
    page.setObjectName("member_activities_page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    if not rows:
        layout.addWidget(QLabel("尚未参加过工会活动。"))
        layout.addStretch(1)
        return page
    table = QTableWidget(len(rows), len(HEADERS))
    table.setObjectName("member_activities_table")
    table.setHorizontalHeaderLabels(HEADERS)
    setup_table(table, multi=False)
    from PySide6.QtGui import QColor

    for r, row in enumerate(rows):
        values = [
            row["year"],
            row["start_date"],
            row["activity"],
            row["type"],
            row["role"],
            row["events_text"],
            row["status"],
            row["result"],
        ]
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value or ""))
            color = PARTICIPANT_STATUS_COLORS.get(row["status"])
            if c == 6 and color:
                item.setForeground(QColor(color))
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    layout.addWidget(table)
    attended = sum(1 for r in rows if r["status"] == "已参加")
    layout.addWidget(QLabel(f"共 {len(rows)} 项活动记录，其中已参加 {attended} 项。"))
    return page
