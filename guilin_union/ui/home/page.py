"""首页: 待办事项 (each line opens the record it is about), this year's key figures with small
charts, and what the data-safety layer knows (newest backup, read-only/damaged file)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.changes import Changes
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.home.bars import BarChart
from guilin_union.ui.widgets.list_helpers import make_label

UNDATED_KINDS = ("birthday", "application_waiting", "workpoint_no_owner", "delegate_not_active")
GROUP_ORDER = ("提案", "工作要点", "会员", "入会", "教代会", "活动", "慰问", "会费", "其他")
TARGET_ROLE = Qt.ItemDataRole.UserRole


class HomePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Any = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.safety_label = make_label("home_safety", wrap=True)
        top.addWidget(self.safety_label, 1)
        top.addWidget(QLabel("年度："))
        self.year_combo = QComboBox()
        this_year = _dt.date.today().year
        for year in range(this_year, this_year - 6, -1):
            self.year_combo.addItem(f"{year}年", year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.year_combo)
        self.refresh_button = QPushButton("刷新(&R)")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        self.summary_pdf_button = QPushButton("年度工作总结…")
        self.summary_pdf_button.setToolTip("生成本年度各项工作的数据总结（PDF）")
        self.summary_pdf_button.clicked.connect(lambda: self.write_summary("pdf"))
        top.addWidget(self.summary_pdf_button)
        self.summary_docx_button = QPushButton("Word 稿…")
        self.summary_docx_button.setToolTip("生成可编辑的 Word 稿，便于改写成年度工作总结")
        self.summary_docx_button.clicked.connect(lambda: self.write_summary("docx"))
        top.addWidget(self.summary_docx_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.todo_title = QLabel("<b>待办事项</b>")
        left_layout.addWidget(self.todo_title)
        self.todo_tree = QTreeWidget()
        self.todo_tree.setObjectName("home_todo")
        self.todo_tree.setHeaderLabels(["日期", "事项"])
        self.todo_tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("2026-12-07") + 48)
        self.todo_tree.setAlternatingRowColors(True)
        self.todo_tree.itemActivated.connect(self._activated)
        self.todo_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.todo_tree.customContextMenuRequested.connect(self._context_menu)
        left_layout.addWidget(self.todo_tree, 1)
        hint = QLabel("双击一行打开相关记录。提醒的期限在“设置”中修改。")
        hint.setStyleSheet("color: #666;")
        left_layout.addWidget(hint)
        splitter.addWidget(left)

        self.figures_area = QScrollArea()
        self.figures_area.setWidgetResizable(True)
        self.figures_area.setFrameShape(QFrame.Shape.NoFrame)
        self.figures_host = QWidget()
        self.figures_layout = QVBoxLayout(self.figures_host)
        self.figures_layout.addWidget(QLabel("正在统计…"))
        self.figures_area.setWidget(self.figures_host)
        splitter.addWidget(self.figures_area)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 380])
        self.figures_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(splitter, 1)
        self._loaded = False  # the figures are read when the page is first shown

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    # ---- data
    def year(self) -> int:
        return int(self.year_combo.currentData() or _dt.date.today().year)

    def reload(self) -> None:
        from guilin_union.services.home import home_data

        self._loaded = True
        year = self.year()
        ops.QueryOp(self.ctx, self, "首页统计", lambda db: home_data(db, year)).success(
            self.show_data
        ).run_in_background()

    def show_data(self, data: Any) -> None:
        self.data = data
        self._fill_reminders(data.reminders)
        self._fill_figures(data.summary)
        parts = []
        if self.ctx.read_only:
            parts.append("<span style='color:#b00020'>数据文件以只读方式打开，不能修改。</span>")
        parts.append(
            f"最近一次备份：{data.newest_backup}"
            if data.newest_backup
            else "<span style='color:#b00020'>还没有备份</span>（文件 ▸ 立即备份）"
        )
        self.safety_label.setText("　".join(parts))

    def _fill_reminders(self, reminders: list) -> None:
        tree = self.todo_tree
        tree.clear()
        today = _dt.date.today().isoformat()
        groups: dict[str, QTreeWidgetItem] = {}
        for name in GROUP_ORDER:
            lines = [r for r in reminders if r.group == name]
            if not lines:
                continue
            overdue = sum(1 for r in lines if r.date < today and r.kind not in UNDATED_KINDS)
            label = (
                f"{name}（{len(lines)} 条"
                + (f"，其中 {overdue} 条已到期" if overdue else "")
                + "）"
            )
            group = QTreeWidgetItem([label])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)  # only takes effect once the item is in the tree
            groups[name] = group
            for r in lines:
                item = QTreeWidgetItem([r.date, r.title])
                item.setData(0, TARGET_ROLE, (r.target_type, r.target_id, r.detail))
                if r.detail:
                    item.setToolTip(1, r.detail)
                if r.date < today and r.kind not in (
                    "birthday",
                    "application_waiting",
                    "workpoint_no_owner",
                ):
                    item.setForeground(0, Qt.GlobalColor.darkRed)
                group.addChild(item)
            group.setExpanded(len(lines) <= 12)
        self.todo_title.setText(
            f"<b>待办事项</b>（共 {len(reminders)} 条）"
            if reminders
            else "<b>待办事项</b>：目前没有需要处理的事项"
        )
        if not reminders:
            tree.addTopLevelItem(QTreeWidgetItem(["", "没有待办事项。"]))

    def _fill_figures(self, summary: Any) -> None:
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.addWidget(QLabel(f"<b>{summary.year}年主要数据</b>"))
        for area in summary.areas:
            box = QGroupBox(area.title)
            grid = QGridLayout(box)
            for i, figure in enumerate(area.figures):
                grid.addWidget(QLabel(figure.label), i, 0)
                value = QLabel(f"<b>{figure.text}</b>")
                value.setObjectName(f"figure_{area.key}_{i}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(value, i, 1)
            grid.setColumnStretch(0, 1)
            row = len(area.figures)
            for chart in area.charts[:1]:
                if chart.values and any(chart.values):
                    grid.addWidget(BarChart(chart), row, 0, 1, 2)
                    row += 1
            layout.addWidget(box)
        layout.addStretch(1)
        self.figures_area.setWidget(host)
        self.figures_host = host

    # ---- actions
    def write_summary(self, kind: str) -> None:
        from guilin_union.services.home.outputs import write_year_summary

        year = self.year()
        ops.save_output(
            self.ctx,
            self,
            "年度工作总结",
            lambda db, path: write_year_summary(db, path, year),
            default_name=f"{year}年工会工作总结（数据部分）.{kind}",
            filters="PDF 文件 (*.pdf)" if kind == "pdf" else "Word 文档 (*.docx)",
        )

    def edit_settings(self) -> None:
        from guilin_union.ui.home.settings_dialog import HomeSettingsDialog

        if HomeSettingsDialog(self.ctx, self).exec():
            self.reload()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            self.open_target(target[0], target[1])

    def _context_menu(self, pos) -> None:
        from PySide6.QtWidgets import QMenu

        item = self.todo_tree.itemAt(pos)
        target = item.data(0, TARGET_ROLE) if item is not None else None
        if not target:
            return
        menu = QMenu(self)
        menu.addAction("打开(&O)", lambda: self.open_target(target[0], target[1]))
        if target[0] == "member" and "退休" in (target[2] or ""):
            menu.addAction("办理退休（会籍变更）…", lambda: self.retire(target[1]))
            menu.addAction("登记退休慰问…", lambda: self.retirement_payment(target[1]))
            menu.addAction("查看教代会代表任职", lambda: self.open_target("delegate", None))
        menu.exec(self.todo_tree.viewport().mapToGlobal(pos))

    def retire(self, member_id: int):
        """The member form at its 会籍变更 page (退休 is recorded there with its date)."""
        window = self.window()
        page = window.tab_widgets["会员入会"]
        window.tabs.setCurrentWidget(page)
        dialog = page.register_view.edit_member(member_id)
        tabs = dialog.ui.history_tabs
        for i in range(tabs.count()):
            if tabs.tabText(i) == "会籍变更":
                tabs.setCurrentIndex(i)
        return dialog

    def retirement_payment(self, member_id: int):
        """A new 退休 condolence payment for the member, in the 慰问 tab."""
        window = self.window()
        page = window.tab_widgets["慰问"]
        window.tabs.setCurrentWidget(page)
        page.pages.setCurrentWidget(page.payments_view)
        dialog = page.payments_view.add_payment(member_id)
        dialog.ui.type_combo.setCurrentText("退休")
        return dialog

    def open_target(self, kind: str, target_id: int | None) -> bool:
        """Switch to the tab that holds the record and show it; False when it cannot."""
        from guilin_union.services import home

        window = self.window()
        tabs = getattr(window, "tab_widgets", None)
        if tabs is None:
            return False

        def show(title: str) -> QWidget:
            page = tabs[title]
            window.tabs.setCurrentWidget(page)
            return page

        db = self.ctx.db
        if kind == "member" and target_id is not None:
            show("会员入会").register_view.edit_member(target_id)
        elif kind == "applications":
            page = show("会员入会")
            page.pages.setCurrentWidget(page.applications_view)
        elif kind == "proposal" and target_id is not None:
            page = show("教代会")
            session = home.proposal_session(db, target_id)
            if session is not None and hasattr(page, "select_session"):
                page.select_session(session)
            if hasattr(page, "proposals_view"):
                page.pages.setCurrentWidget(page.proposals_view)
        elif kind == "delegate":
            page = show("教代会")
            if hasattr(page, "delegates_view"):
                page.pages.setCurrentWidget(page.delegates_view)
        elif kind in ("workpoint_item", "workpoint_plan") and target_id is not None:
            page = show("工作要点")
            plan = (
                home.workpoint_item_plan(db, target_id) if kind == "workpoint_item" else target_id
            )
            if plan is not None:
                page.select_plan(plan)
            if kind == "workpoint_item":
                page._item_requested(target_id)
        elif kind == "activity" and target_id is not None:
            show("活动").select_activity(target_id)
        elif kind == "welfare_payment" and target_id is not None:
            page = show("慰问")
            view = getattr(page, "payments_view", None)
            if view is not None:
                view.edit_payment(target_id)
        elif kind == "birthday_month" and target_id is not None:
            from guilin_union.ui.home.birthdays import BirthdaysDialog

            BirthdaysDialog(self.ctx, target_id % 100, self).exec()
        else:
            return False
        return True

    def on_changes(self, changes: Changes) -> None:
        if not changes.areas:
            return
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False  # read again when shown
