"""代表团 of a term: add, rename, order, delete; one per 分工会 with one click."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from guilin_union.services import congress
from guilin_union.services.changes import Changes
from guilin_union.services.congress import delegates as delegates_service
from guilin_union.ui import ops
from guilin_union.ui.congress.common import MUTED_COLOR
from guilin_union.ui.context import AppContext
from guilin_union.ui.widgets.list_editor import ListEditorDialog
from guilin_union.ui.widgets.list_helpers import delete_confirmed


class DelegationsDialog(ListEditorDialog):
    defaults_button: QPushButton

    def __init__(self, ctx: AppContext, term_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.term_id = term_id
        self.setWindowTitle(f"{congress.get_term(ctx.db, term_id).label}代表团")
        self.resize(520, 460)
        self._build(
            list_name="delegations_list",
            hint="团长在“代表”页选中代表后点“设为团长”。删除前须先把代表调到其他代表团。",
            extra=[("defaults_button", "按分工会补齐")],
            hint_color=MUTED_COLOR,
        )
        self.defaults_button.clicked.connect(self.defaults)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self._fill(
            (
                (g.id, f"{g.name}（{g.delegate_count} 人{self._head_text(g.head_name)}）")
                for g in delegates_service.list_delegations(self.ctx.db, self.term_id)
            ),
            select,
        )

    @staticmethod
    def _head_text(head_name: str | None) -> str:
        return f"，团长：{head_name}" if head_name else "，未指定团长"

    def _done(self, result: object, select: int | None = None) -> None:
        if result is not None:
            self.reload(select)

    def add(self) -> None:
        name = self.ctx.prompts.ask_text(self, "新增代表团", "代表团名称：")
        if name:
            result = ops.CollectionOp(
                self.ctx,
                self,
                "新增代表团",
                lambda db: delegates_service.add_delegation(db, self.term_id, name),
            ).run()
            self._done(result, getattr(result, "row_id", None))

    def rename(self) -> None:
        delegation_id = self.current_id()
        if delegation_id is None:
            return
        old = delegates_service.get_delegation(self.ctx.db, delegation_id).name
        name = self.ctx.prompts.ask_text(self, "重命名代表团", "新名称：", old)
        if name:
            self._done(
                ops.CollectionOp(
                    self.ctx,
                    self,
                    "重命名代表团",
                    lambda db: delegates_service.rename_delegation(db, delegation_id, name),
                ).run(),
                delegation_id,
            )

    def move(self, delta: int) -> None:
        delegation_id = self.current_id()
        if delegation_id is not None:
            self._done(
                ops.CollectionOp(
                    self.ctx,
                    self,
                    "调整顺序",
                    lambda db: delegates_service.move_delegation(db, delegation_id, delta),
                ).run(),
                delegation_id,
            )

    def delete(self) -> None:
        self._done(
            delete_confirmed(
                self.ctx,
                self,
                self.current_id(),
                title="删除代表团",
                question="确定删除所选代表团吗？",
                delete=delegates_service.delete_delegation,
            )
        )

    def defaults(self) -> None:
        result = ops.CollectionOp(
            self.ctx,
            self,
            "按分工会补齐",
            lambda db: delegates_service.ensure_default_delegations(db, self.term_id),
        ).run()
        if result is not None:
            self.reload()
            self.ctx.prompts.info(self, "按分工会补齐", f"新增 {result.row_id} 个代表团。")
            self.ctx.notify(Changes.of("congress"))
