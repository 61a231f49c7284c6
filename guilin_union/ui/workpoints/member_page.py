"""The member form's page “负责的工作要点”: the items whose 责任人 is this member (by name)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from guilin_union.services.members import member_names
from guilin_union.services.workpoints.queries import items_owned_by
from guilin_union.ui import palette
from guilin_union.ui.table_model import columns, list_model
from guilin_union.ui.workpoints.common import make_table, shorten

COLUMNS = columns(
    "year 年度 | heading 要点 | deadline 完成时限 | status 状态 | latest_note 最新进展",
    formatters={
        "heading": lambda value, row: f"{row['label']}{shorten(value, 40)}",
        "status": lambda value, row: value + ("·逾期" if row["overdue"] else ""),
        "latest_note": lambda value, _row: shorten(value, 40),
    },
)


def member_workpoints_page(ctx, member_id: int) -> QWidget | None:
    """None when the member owns no item (the form then shows no empty page)."""
    names = member_names(ctx.db, [member_id])
    items: list[dict[str, Any]] = items_owned_by(ctx.db, names[0]) if names else []
    if not items:
        return None
    page = QWidget()
    layout = QVBoxLayout(page)
    table = make_table(list_model(COLUMNS, items), object_name="member_workpoints_table")
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    note = QLabel("按责任人姓名匹配；同名的会员会显示相同的条目。")
    note.setStyleSheet(palette.MUTED_TEXT_STYLE)
    layout.addWidget(table)
    layout.addWidget(note)
    return page
