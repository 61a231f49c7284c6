"""职能部门 that handle proposals: a maintained list (add, rename, order, deactivate, delete)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from guilin_union.services import proposals
from guilin_union.ui import ops
from guilin_union.ui.congress.common import MUTED_COLOR
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.list_editor import ListEditorDialog
from guilin_union.ui.widgets.list_helpers import delete_confirmed


class DepartmentsDialog(ListEditorDialog):
    toggle_button: QPushButton

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("职能部门（提案承办单位）")
        self.resize(460, 480)
        self._build(
            list_name="departments_list",
            hint="承办过提案的部门不能删除，可停用（停用后不再出现在交办的选择中，历史记录不变）。",
            extra=[("toggle_button", "停用/启用")],
            extra_at=4,
            hint_color=MUTED_COLOR,
        )
        self.toggle_button.clicked.connect(self.toggle)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self._fill(
            (
                (
                    d.id,
                    d.name
                    + ("（已停用）" if not d.active else "")
                    + (f"　承办 {d.usage} 件次" if d.usage else ""),
                )
                for d in proposals.list_departments(self.ctx.db)
            ),
            select,
        )

    def add(self) -> None:
        name = self.ctx.prompts.ask_text(self, "新增部门", "部门名称：")
        if name:
            result = ops.CollectionOp(
                self.ctx, self, "新增部门", lambda db: proposals.add_department(db, name)
            ).run()
            if result is not None:
                self.reload(result.row_id)

    def rename(self) -> None:
        dept = self.current_id()
        if dept is None:
            return
        old = next(d.name for d in proposals.list_departments(self.ctx.db) if d.id == dept)
        name = self.ctx.prompts.ask_text(self, "重命名部门", "新名称：", old)
        if (
            name
            and ops.CollectionOp(
                self.ctx, self, "重命名部门", lambda db: proposals.rename_department(db, dept, name)
            ).run()
        ):
            self.reload(dept)

    def move(self, delta: int) -> None:
        dept = self.current_id()
        if (
            dept is not None
            and ops.CollectionOp(
                self.ctx, self, "调整顺序", lambda db: proposals.move_department(db, dept, delta)
            ).run()
        ):
            self.reload(dept)

    def toggle(self) -> None:
        dept = self.current_id()
        if dept is None:
            return
        active = next(d.active for d in proposals.list_departments(self.ctx.db) if d.id == dept)
        if ops.CollectionOp(
            self.ctx,
            self,
            "停用/启用",
            lambda db: proposals.set_department_active(db, dept, not active),
        ).run():
            self.reload(dept)

    def delete(self) -> None:
        if delete_confirmed(
            self.ctx,
            self,
            self.current_id(),
            title="删除部门",
            question="确定删除所选部门吗？",
            delete=proposals.delete_department,
        ):
            self.reload()
