"""The member form's page “负责的工作要点”: the items whose 责任人 is this member (by name)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.members import member_names
from guilin_union.services.workpoints.queries import items_owned_by
from guilin_union.ui.workpoints.common import MUTED_COLOR, setup_table, shorten


def member_workpoints_page(ctx, member_id: int) -> QWidget | None:
    """None when the member owns no item (the form then shows no empty page)."""
    names = member_names(ctx.db, [member_id])
    items = items_owned_by(ctx.db, names[0]) if names else []
    if not items:
        return None
    page = QWidget()
    layout = QVBoxLayout(page)
    table = QTableWidget(len(items), 5)
    table.setObjectName("member_workpoints_table")
    table.setHorizontalHeaderLabels(["年度", "要点", "完成时限", "状态", "最新进展"])
    setup_table(table)
    for r, item in enumerate(items):
        values = [
            str(item["year"]),
            f"{item['label']}{shorten(item['heading'], 40)}",
            item["deadline"] or "",
            item["status"] + ("·逾期" if item["overdue"] else ""),
            shorten(item["latest_note"], 40),
        ]
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    note = QLabel("按责任人姓名匹配；同名的会员会显示相同的条目。")
    note.setStyleSheet(f"color: {MUTED_COLOR};")
    layout.addWidget(table)
    layout.addWidget(note)
    return page
