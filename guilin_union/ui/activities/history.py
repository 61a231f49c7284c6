"""“参加活动” page on the member form: every activity the member took part in."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from guilin_union.services.activities.registration import member_history
from guilin_union.ui.activities.common import PARTICIPANT_STATUS_COLORS, list_table
from guilin_union.ui.members.form_pages import RecordsUnreadable
from guilin_union.ui.table_model import columns, list_model

COLUMNS = columns(
    "year 年度 | start_date 日期 | activity 活动 | type 类型 | role 角色 | events_text 项目"
    " | status 状态 | result 成绩",
    colors={"status": lambda row: PARTICIPANT_STATUS_COLORS.get(row["status"])},
)
HEADERS = [c.header for c in COLUMNS]


def member_activities_page(ctx: Any, member_id: int) -> QWidget:
    """The 参加活动 page of the member form (always a page; RecordsUnreadable when the
    query fails, and the form's tab then says so)."""
    try:
        rows = member_history(ctx.db, member_id)
    except sqlite3.Error as exc:
        raise RecordsUnreadable from exc
    page = QWidget()
    page.setObjectName("member_activities_page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    if not rows:
        layout.addWidget(QLabel("尚未参加过工会活动。"))
        layout.addStretch(1)
        return page
    table = list_table(
        list_model(COLUMNS, rows), object_name="member_activities_table", multi=False
    )
    table.resizeColumnsToContents()
    layout.addWidget(table)
    attended = sum(1 for r in rows if r["status"] == "已参加")
    layout.addWidget(QLabel(f"共 {len(rows)} 项活动记录，其中已参加 {attended} 项。"))
    return page
