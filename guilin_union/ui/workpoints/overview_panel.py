"""The overview at the top of the tab: how the plan stands, per section, and what needs
attention (overdue items, items without an owner, items due soon)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services import settings
from guilin_union.services.workpoints.queries import PlanOverview, overview
from guilin_union.ui import palette
from guilin_union.ui.table_model import columns, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import make_label
from guilin_union.ui.workpoints.common import STATUS_COLORS, make_table, shorten


def _overdue(row: dict[str, Any]) -> str | None:
    return palette.WARNING if row.get("overdue") else None


#: One row per section; 完成进度 is a progress bar laid over its (empty) cell.
SECTION_COLUMNS = columns(
    "label 板块 | total 条目 中 | done 已完成 中 | in_progress 进行中 中"
    " | not_started 未开始 中 | overdue 逾期 中 | progress 完成进度",
    colors={"overdue": _overdue},
)
SECTION_HEADERS = [c.header for c in SECTION_COLUMNS]


class OverviewPanel(QFrame):
    """``filter_requested("overdue" | "no_owner" | "all")`` asks the list to show those items;
    ``item_requested(id)`` asks it to select one (a section's first item)."""

    filter_requested = Signal(str)
    item_requested = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workpoints_overview")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.data: PlanOverview | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)

        left = QVBoxLayout()
        self.totals_label = QLabel()
        self.totals_label.setObjectName("overview_totals_label")
        self.totals_label.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.progress = QProgressBar()
        self.progress.setObjectName("overview_progress")
        self.progress.setTextVisible(True)
        self.progress.setFormat("完成 %p%")
        self.progress.setMaximumWidth(360)
        left.addWidget(self.totals_label)
        left.addWidget(self.progress)
        self.overdue_button = self._link_button("overdue_button")
        self.no_owner_button = self._link_button("no_owner_button")
        self.due_soon_label = make_label("due_soon_label", wrap=True)
        self.all_button = self._link_button("all_items_button")
        self.all_button.setText("显示全部条目")
        left.addWidget(self.overdue_button)
        left.addWidget(self.no_owner_button)
        left.addWidget(self.due_soon_label)
        left.addWidget(self.all_button)
        left.addStretch(1)
        layout.addLayout(left, 2)

        self.sections_model = list_model(SECTION_COLUMNS)
        self.sections_table = make_table(self.sections_model, object_name="overview_sections_table")
        header = self.sections_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(SECTION_HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(SECTION_HEADERS) - 1, QHeaderView.ResizeMode.Fixed)
        self.sections_table.verticalHeader().setDefaultSectionSize(24)
        self.sections_table.doubleClicked.connect(
            lambda index: self._section_clicked(index.row(), index.column())
        )
        self.sections_table.clicked.connect(
            lambda index: self._section_clicked(index.row(), index.column())
        )
        layout.addWidget(self.sections_table, 5)

        self.overdue_button.clicked.connect(lambda: self.filter_requested.emit("overdue"))
        self.no_owner_button.clicked.connect(lambda: self.filter_requested.emit("no_owner"))
        self.all_button.clicked.connect(lambda: self.filter_requested.emit("all"))

    @staticmethod
    def _link_button(name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet("text-align: left; padding: 1px 2px;")
        return button

    def show_plan(self, plan_id: int | None, today: _dt.date | None = None) -> None:
        self.data = overview(self.ctx.db, plan_id, today=today) if plan_id is not None else None
        data = self.data
        if data is None:
            self.totals_label.setText("")
            set_rows(self.sections_model, [])
            for widget in (self.overdue_button, self.no_owner_button, self.all_button):
                widget.hide()
            self.due_soon_label.clear()
            self.progress.setValue(0)
            return
        t = data.totals
        self.totals_label.setText(
            f"需跟踪 {t.total} 项：已完成 {t.done}　进行中 {t.in_progress}　未开始 {t.not_started}"
            + (f"　已取消 {t.cancelled}" if t.cancelled else "")
        )
        self.progress.setMaximum(max(1, t.total - t.cancelled))
        self.progress.setValue(t.done)
        self.overdue_button.setText(
            f"⚠ 逾期未完成 {len(data.overdue)} 项（点击查看）"
            if data.overdue
            else "✓ 没有逾期的条目"
        )
        self.overdue_button.setStyleSheet(
            f"text-align: left; padding: 1px 2px; color: {palette.WARNING if data.overdue else STATUS_COLORS['已完成']};"
        )
        self.overdue_button.setEnabled(bool(data.overdue))
        self.no_owner_button.setText(
            f"未定责任人 {len(data.no_owner)} 项（点击查看）"
            if data.no_owner
            else "✓ 每项都已定责任人"
        )
        self.no_owner_button.setEnabled(bool(data.no_owner))
        days = int(settings.get(self.ctx.db, "workpoints_due_soon_days") or 30)
        if data.due_soon:
            names = "、".join(
                f"{n['label']}{shorten(n['heading'], 12)}（{n['deadline']}）"
                for n in data.due_soon[:3]
            )
            self.due_soon_label.setText(
                f"{days}天内到期 {len(data.due_soon)} 项：{names}"
                + ("等" if len(data.due_soon) > 3 else "")
            )
        else:
            self.due_soon_label.setText(f"{days}天内没有到期的条目")
        for widget in (self.overdue_button, self.no_owner_button, self.all_button):
            widget.show()
        self._fill_sections(data)

    def _fill_sections(self, data: PlanOverview) -> None:
        table = self.sections_table
        set_rows(
            self.sections_model,
            [
                {
                    "label": section.label,
                    "total": section.total,
                    "done": section.done,
                    "in_progress": section.in_progress,
                    "not_started": section.not_started,
                    "overdue": section.overdue,
                    "first_item_id": section.items[0]["id"] if section.items else None,
                }
                for section in data.sections
            ],
        )
        for row, section in enumerate(data.sections):
            base = section.total - section.cancelled
            bar = QProgressBar()
            bar.setMaximum(max(1, base))
            bar.setValue(section.done)
            bar.setFormat(f"{round(section.done_rate * 100)}%" if base else "—")
            bar.setMaximumHeight(18)
            table.setIndexWidget(self.sections_model.index(row, 6), bar)
        table.setColumnWidth(6, 110)
        # As tall as its rows (up to six), so the list below keeps the room.
        rows = min(max(len(data.sections), 1), 6)
        table.setFixedHeight(
            table.horizontalHeader().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 4
        )

    def _section_clicked(self, row: int, _column: int) -> None:
        section = self.sections_model.row_data(row)
        item_id = section.get("first_item_id") if section is not None else None
        if item_id is not None:
            self.item_requested.emit(int(item_id))
