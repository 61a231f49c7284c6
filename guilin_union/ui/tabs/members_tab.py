"""会员入会 tab: the register, 申请审批 (the intake workflow), 会费 and 会员统计."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.intake.applications_view import ApplicationsView
from guilin_union.ui.intake.dues_view import DuesView
from guilin_union.ui.intake.member_pages import register_pages
from guilin_union.ui.intake.stats_view import StatsView
from guilin_union.ui.members.register_view import MemberRegisterView

# The member form shows the 会籍变更 history and the 会费 page of each member.
register_pages()


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
        self.applications_view = ApplicationsView(ctx)
        self.dues_view = DuesView(ctx)
        self.stats_view = StatsView(ctx)
        self.pages.addTab(self.register_view, "会员名册")
        self.pages.addTab(self.applications_view, "申请审批")
        self.pages.addTab(self.dues_view, "会费")
        self.pages.addTab(self.stats_view, "会员统计")
        layout.addWidget(self.pages)

    def on_changes(self, changes: Changes) -> None:
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            if hasattr(page, "on_changes"):
                page.on_changes(changes)


def create_tab(ctx: AppContext) -> QWidget:
    return MembersTab(ctx)
