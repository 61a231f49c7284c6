"""设置 ▸ 分工会管理: add, rename, merge, deactivate, set chair; delete only if unused; and
the 工会小组 of one 分工会 (issue 24): add, rename, choose the 组长, remove."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from guilin_union.services.members import branches as branches_service
from guilin_union.services.members import record as mr
from guilin_union.ui import ops
from guilin_union.ui.context import AppContext
from guilin_union.ui.table_model import ColumnSpec, list_model, set_rows
from guilin_union.ui.widgets.dialog_frame import dialog_layout
from guilin_union.ui.widgets.list_helpers import fit_columns, make_id_table

COLUMNS = [
    ColumnSpec("code", "代码", align="center"),
    ColumnSpec("name", "分工会名称"),
    ColumnSpec("chair", "分工会主席"),
    ColumnSpec("member_count", "会员数", align="center"),
    ColumnSpec("active", "状态", align="center", formatter=lambda v, _b: "启用" if v else "已停用"),
]


GROUP_COLUMNS = [
    ColumnSpec("name", "小组"),
    ColumnSpec("leader", "组长", formatter=lambda v, _g: v or "（未定）"),
    ColumnSpec("members", "人数"),
]
BRANCHES_HINT = "每名会员属于一个分工会。有会员的分工会不能删除，可以合并到其他分工会或停用。"


class BranchesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = dialog_layout(self, "分工会管理", BRANCHES_HINT, wrap=True, size=(720, 520))
        self.model = list_model(COLUMNS)
        self.branches_table = make_id_table(
            self.model, object_name="branches_table", multi=False, sortable=False
        )
        layout.addWidget(self.branches_table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("新增…")
        self.rename_button = QPushButton("重命名…")
        self.chair_button = QPushButton("设置主席…")
        self.merge_button = QPushButton("合并到…")
        self.toggle_button = QPushButton("停用/启用")
        self.delete_button = QPushButton("删除")
        self.groups_button = QPushButton("工会小组…")
        self.close_button = QPushButton("关闭")
        for b in (
            self.add_button,
            self.rename_button,
            self.chair_button,
            self.merge_button,
            self.toggle_button,
            self.delete_button,
            self.groups_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_branch)
        self.rename_button.clicked.connect(self.rename_branch)
        self.chair_button.clicked.connect(self.set_chair)
        self.merge_button.clicked.connect(self.merge_branch)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.delete_button.clicked.connect(self.delete_branch)
        self.groups_button.clicked.connect(self.edit_groups)
        self.close_button.clicked.connect(self.accept)
        self.reload()

    def reload(self) -> None:
        self._branches = branches_service.list_branches(self.ctx.db)
        set_rows(self.model, [asdict(b) for b in self._branches])
        fit_columns(self.branches_table, stretch=1)

    def edit_groups(self):
        """The 工会小组 of the selected 分工会 (issue 24)."""
        branch = self.current()
        if branch is None:
            self.ctx.prompts.info(self, "工会小组", "请先选择一个分工会。")
            return None
        dialog = GroupsDialog(self.ctx, branch.id, branch.name, self)
        dialog.finished.connect(lambda _r: self.reload())
        dialog.open()
        return dialog

    def current(self):
        row = self.branches_table.currentIndex().row()
        return self._branches[row] if 0 <= row < len(self._branches) else None

    def _run(self, title: str, action: Callable[[Any], Any]) -> None:
        """A change through the runner: refusals shown, screens told, undo when the service
        gives an inverse (Edit ▸ Undo)."""
        ops.CollectionOp(self.ctx, self, title, action).success(lambda _r: self.reload()).run()

    def add_branch(self) -> None:
        name = self.ctx.prompts.ask_text(self, "新增分工会", "分工会名称：")
        if name:
            self._run(f"新增分工会 {name}", lambda db: branches_service.add_branch(db, name))

    def rename_branch(self) -> None:
        b = self.current()
        if b is None:
            return
        name = self.ctx.prompts.ask_text(self, "重命名分工会", "新名称：", b.name)
        if name and name != b.name:
            self._run(
                f"重命名分工会 {b.name}", lambda db: branches_service.rename_branch(db, b.id, name)
            )

    def set_chair(self) -> None:
        b = self.current()
        if b is None:
            return
        chair = self.ctx.prompts.ask_text(
            self, "设置分工会主席", f"{b.name}主席姓名：", b.chair or ""
        )
        if chair is not None:
            self._run(
                f"设置分工会主席 {b.name}", lambda db: branches_service.set_chair(db, b.id, chair)
            )

    def merge_branch(self) -> None:
        b = self.current()
        if b is None:
            return
        targets = [x.name for x in self._branches if x.id != b.id and x.active]
        target = self.ctx.prompts.ask_item(
            self, "合并分工会", f"把“{b.name}”的全部会员并入：", targets
        )
        if not target:
            return
        target_id = branches_service.find_branch_id(self.ctx.db, target)
        if self.ctx.prompts.confirm(
            self,
            "合并分工会",
            f"确定把“{b.name}”的 {b.member_count} 名会员并入“{target}”？\n“{b.name}”将被停用。",
        ):
            self._run("合并分工会", lambda db: branches_service.merge_branches(db, b.id, target_id))

    def toggle_active(self) -> None:
        b = self.current()
        if b is not None:
            self._run(
                f"{'停用' if b.active else '启用'}分工会 {b.name}",
                lambda db: branches_service.set_active(db, b.id, not b.active),
            )

    def delete_branch(self) -> None:
        b = self.current()
        if b is not None and self.ctx.prompts.confirm(
            self, "删除分工会", f"确定删除“{b.name}”？", ok_text="删除"
        ):
            self._run(f"删除分工会 {b.name}", lambda db: branches_service.delete_branch(db, b.id))


GROUPS_HINT = "分工会下可设工会小组，每名会员最多属于一个小组；组长须是本分工会会员。"


class GroupsDialog(QDialog):
    def __init__(
        self, ctx: AppContext, branch_id: int, branch_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.branch_id = branch_id
        layout = dialog_layout(self, f"{branch_name} · 工会小组", GROUPS_HINT)
        self.model = list_model(GROUP_COLUMNS)
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
