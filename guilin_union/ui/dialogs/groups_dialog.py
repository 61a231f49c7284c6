"""工会小组 of one 分工会 (issue 24): add, rename, choose the 组长, remove."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from guilin_union.services.members import record as mr
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, list_model, set_rows
from guilin_union.ui.widgets.list_helpers import fit_columns, make_id_table

COLUMNS = [
    ColumnSpec("name", "小组"),
    ColumnSpec("leader", "组长", formatter=lambda v, _g: v or "（未定）"),
    ColumnSpec("members", "人数"),
]


class GroupsDialog(QDialog):
    def __init__(
        self, ctx: AppContext, branch_id: int, branch_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.branch_id = branch_id
        self.setWindowTitle(f"{branch_name} · 工会小组")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("分工会下可设工会小组，每名会员最多属于一个小组；组长须是本分工会会员。")
        )
        self.model = list_model(COLUMNS)
        self.table = make_id_table(
            self.model, object_name="groups_table", multi=False, sortable=False, stretch_last=True
        )
        layout.addWidget(self.table)
        self.empty_label = QLabel("还没有工会小组。")
        self.empty_label.setStyleSheet("color: #666;")
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("新增(&N)…")
        self.rename_button = QPushButton("重命名(&R)…")
        self.leader_button = QPushButton("设置组长(&L)…")
        self.delete_button = QPushButton("删除(&D)")
        self.close_button = QPushButton("关闭")
        for b in (self.add_button, self.rename_button, self.leader_button, self.delete_button):
            b.setEnabled(not ctx.read_only)
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_group)
        self.rename_button.clicked.connect(self.rename_group)
        self.leader_button.clicked.connect(self.set_leader)
        self.delete_button.clicked.connect(self.delete_group)
        self.close_button.clicked.connect(self.accept)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.resize(520, 360)
        self.reload()

    def reload(self) -> None:
        self.groups = mr.list_groups(self.ctx.db, self.branch_id)
        set_rows(self.model, self.groups)
        fit_columns(self.table)
        self.empty_label.setVisible(not self.groups)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current() is not None and not self.ctx.read_only
        for b in (self.rename_button, self.leader_button, self.delete_button):
            b.setEnabled(chosen)

    def current(self) -> dict | None:
        row = self.table.currentIndex().row()
        chosen = self.table.selectionModel().hasSelection()
        return self.groups[row] if chosen and 0 <= row < len(self.groups) else None

    def _save(self, title: str, name: str, leader: int | None, group_id: int | None) -> None:
        branch = self.branch_id
        ops.CollectionOp(
            self.ctx,
            self,
            title,
            lambda db: mr.save_group(db, branch, name, leader_member_id=leader, group_id=group_id),
        ).run()
        self.reload()

    def add_group(self) -> None:
        name = self.ctx.prompts.ask_text(self, "新增工会小组", "小组名称：")
        if name:
            self._save("新增工会小组", name, None, None)

    def rename_group(self) -> None:
        group = self.current()
        if group is None:
            return
        name = self.ctx.prompts.ask_text(self, "重命名工会小组", "小组名称：", group["name"])
        if name:
            self._save("重命名工会小组", name, group["leader_member_id"], group["id"])

    def set_leader(self) -> None:
        group = self.current()
        if group is None:
            return
        picked = self.ctx.prompts.pick_members(self.ctx, self, title="选择组长", multi=False)
        if picked:
            self._save("设置组长", group["name"], picked[0], group["id"])

    def delete_group(self) -> None:
        group = self.current()
        if group is None:
            return
        if not self.ctx.prompts.confirm(
            self,
            "删除工会小组",
            f"删除“{group['name']}”？组员仍留在本分工会，只是不再属于这个小组。",
        ):
            return
        gid = group["id"]
        ops.CollectionOp(self.ctx, self, "删除工会小组", lambda db: mr.delete_group(db, gid)).run()
        self.reload()
