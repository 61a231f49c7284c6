"""会员入会 tab: the register, plus pages that the intake issue adds (applications, dues)."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.members.register_view import MemberRegisterView


class MembersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("members_pages")
        self.pages.setDocumentMode(True)
        self.register_view = MemberRegisterView(ctx)
        self.pages.addTab(self.register_view, "会员名册")
        layout.addWidget(self.pages)

    def on_changes(self, changes: Changes) -> None:
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            if hasattr(page, "on_changes"):
                page.on_changes(changes)


def create_tab(ctx: AppContext) -> QWidget:
    return MembersTab(ctx)
