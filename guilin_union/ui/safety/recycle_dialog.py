"""编辑 ▸ 回收站…: deleted records of every area, restored with their links or purged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.safety import recycle as safety_recycle
from guilin_union.services.safety.log import Describer, time_text
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.safety.widgets import ListSource, make_table, selected_rows, set_widths
from guilin_union.ui.table_model import ColumnSpec, IdTableModel
from guilin_union.ui.widgets.list_helpers import make_search_edit

GROUP_COLUMNS = [
    ColumnSpec("deleted_at", "删除时间", sort_key="deleted_at"),
    ColumnSpec("summary", "内容", sort_key="summary"),
    ColumnSpec("row_count", "记录数", sort_key="row_count", align="right"),
    ColumnSpec("os_user", "删除人", sort_key="os_user"),
    ColumnSpec("note", "说明"),
    ColumnSpec("expires", "自动清除日期", sort_key="expires"),
    ColumnSpec("state", "状态", sort_key="state"),
]
ROW_COLUMNS = [
    ColumnSpec("table", "数据表"),
    ColumnSpec("row_id", "原编号", align="right"),
    ColumnSpec("kind", "关系"),
    ColumnSpec("values", "内容"),
]


class GroupSource:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.include_restored = False
        self.search = ""
        self.groups: dict[int, dict[str, Any]] = {}

    def ids(self, sort_key: str | None, descending: bool) -> list[int]:
        groups = safety_recycle.list_groups(
            self.ctx.db, include_restored=self.include_restored, search=self.search
        )
        self.groups = {}
        for g in groups:
            state = (
                "已恢复"
                if g.restored_at
                else ("部分已恢复" if g.pending < g.row_count else "可恢复")
            )
            self.groups[g.id] = {
                "id": g.id,
                "deleted_at": time_text(g.deleted_at),
                "summary": g.summary,
                "row_count": g.row_count,
                "os_user": g.os_user,
                "note": g.note or "",
                "expires": safety_recycle.expires_on(self.ctx.db, g),
                "state": state,
            }
        ordered = [g.id for g in groups]
        if sort_key:
            ordered.sort(key=lambda i: self.groups[i].get(sort_key) or "", reverse=descending)
        return ordered

    def rows(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        return {i: self.groups[i] for i in ids if i in self.groups}


class RecycleBinDialog(QDialog):
    """Restore or purge groups; every restore is one transaction, logged row by row."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("回收站")
        self.resize(1080, 640)
        self.source = GroupSource(ctx)
        self.model = IdTableModel(GROUP_COLUMNS, self.source, self)
        self.rows_source = ListSource()
        self.rows_model = IdTableModel(ROW_COLUMNS, self.rows_source, self)
        self._build()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        days = safety_recycle.retention_days(self.ctx.db)
        intro = QLabel(
            f"这里是各页签中删除的记录（会员、慰问、活动、提案等）。同一次操作删除的记录放在一起，恢复时连同关联一起恢复。"
            f"\n删除满 {days} 天的记录会自动彻底清除（可在“设置 ▸ 备份设置…”中修改天数）。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.search_edit = make_search_edit("recycle_search_edit", "搜索内容")
        self.show_restored_check = QCheckBox("也显示已恢复的")
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.show_restored_check)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.groups_table = make_table(
            self.model, object_name="recycle_groups_table", multi=True, stretch_column=1
        )
        self.groups_table.setSortingEnabled(True)
        splitter.addWidget(self.groups_table)
        self.rows_table = make_table(
            self.rows_model, object_name="recycle_rows_table", stretch_column=3
        )
        splitter.addWidget(self.rows_table)
        splitter.setSizes([380, 200])
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton("恢复所选")
        self.restore_button.setObjectName("recycle_restore_button")
        self.purge_button = QPushButton("彻底删除所选…")
        self.purge_button.setObjectName("recycle_purge_button")
        self.count_label = QLabel()
        close = QPushButton("关闭")
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.search_edit.textChanged.connect(lambda _t: self.reload())
        self.show_restored_check.toggled.connect(lambda _on: self.reload())
        self.groups_table.selectionModel().currentRowChanged.connect(
            lambda cur, _p: self.show_rows(cur.row())
        )
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        close.clicked.connect(self.accept)
        writable = not self.ctx.read_only
        self.restore_button.setEnabled(writable)
        self.purge_button.setEnabled(writable)
        set_widths(self.groups_table, [150, 0, 60, 90, 160, 100, 80])
        set_widths(self.rows_table, [120, 70, 90])

    def reload(self) -> None:
        self.source.include_restored = self.show_restored_check.isChecked()
        self.source.search = self.search_edit.text()
        self.model.reload()
        self.count_label.setText(f"共 {self.model.rowCount()} 项")
        self.rows_source.items = []
        self.rows_model.reload()
        if self.model.rowCount():
            self.groups_table.selectRow(0)

    def show_rows(self, row: int) -> None:
        group_id = self.model.row_id(row)
        items = []
        if group_id is not None:
            rows = safety_recycle.group_rows(self.ctx.db, group_id)
            words = Describer(self.ctx.db)
            # A deleted member's own name is in the group itself, not in the register any more.
            for r in rows:
                if r.table == "members":
                    number = r.values.get("member_no")
                    name = str(r.values.get("name"))
                    words.remember("member_id", r.row_id, f"{name}（{number}）" if number else name)
            for r in rows:
                shown = safety_recycle.row_display(r, describer=words)
                shown["kind"] = (
                    "已恢复" if shown["restored"] else ("随上一条删除" if shown["cascade"] else "")
                )
                items.append(shown)
        self.rows_source.items = items
        self.rows_model.reload()

    def selected_group_ids(self) -> list[int]:
        return [
            gid
            for r in selected_rows(self.groups_table)
            if (gid := self.model.row_id(r)) is not None
        ]

    def restore_selected(self) -> list[int]:
        """Restore every selected group; stops at the first one that cannot be restored."""
        restored: list[int] = []
        for group_id in self.selected_group_ids():
            # A refusal (ConflictError / NotFoundError …) is shown as 无法恢复 and stops.
            result = ops.CollectionOp(
                self.ctx,
                self,
                "无法恢复",
                lambda db, g=group_id: safety_recycle.restore_group(db, g),
            ).run()
            if result is None:
                break
            restored.append(group_id)
        if restored:
            self.ctx.prompts.info(self, "回收站", f"已恢复 {len(restored)} 项。")
        self.reload()
        return restored

    def purge_selected(self) -> int:
        ids = self.selected_group_ids()
        if not ids:
            self.ctx.prompts.warning(self, "回收站", "请先选择要彻底删除的项目。")
            return 0
        if not self.ctx.prompts.confirm(
            self,
            "彻底删除",
            f"彻底删除所选的 {len(ids)} 项？删除后不能再从回收站恢复。",
            ok_text="彻底删除",
        ):
            return 0
        result = ops.CollectionOp(
            self.ctx, self, "彻底删除", lambda db: safety_recycle.purge_groups(db, ids)
        ).run()
        self.reload()
        return 0 if result is None else len(ids)
