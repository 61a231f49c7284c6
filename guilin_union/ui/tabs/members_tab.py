"""会员入会 tab: the register, 申请审批 (the intake workflow), 会费 and 会员统计.

Only the register is built with the tab; the other pages are built when first shown or while
the program is idle (issue 11: the 会费 page alone sums a year of dues for every member).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.lazy_tabs import LazyTabs
from guilin_union.ui.members.register_view import MemberRegisterView


def _applications(ctx: AppContext) -> QWidget:
    from guilin_union.ui.intake.applications_view import ApplicationsView

    return ApplicationsView(ctx)


def _dues(ctx: AppContext) -> QWidget:
    from guilin_union.ui.intake.dues_view import DuesView

    return DuesView(ctx)


def _stats(ctx: AppContext) -> QWidget:
    from guilin_union.ui.intake.stats_view import StatsView

    return StatsView(ctx)


class MembersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("members_pages")
        self.pages.setDocumentMode(True)
        self.lazy_pages = LazyTabs(self.pages)
        self.lazy_pages.add("会员名册", lambda: MemberRegisterView(ctx))
        self.lazy_pages.add("申请审批", lambda: _applications(ctx))
        self.lazy_pages.add("会费", lambda: _dues(ctx))
        self.lazy_pages.add("会员统计", lambda: _stats(ctx))
        self.lazy_pages.activate()
        layout.addWidget(self.pages)

    # The pages by name (each is built on first use).
    @property
    def register_view(self) -> MemberRegisterView:
        return self.lazy_pages["会员名册"]  # type: ignore[return-value]

    @property
    def applications_view(self) -> QWidget:
        return self.lazy_pages["申请审批"]

    @property
    def dues_view(self) -> QWidget:
        return self.lazy_pages["会费"]

    @property
    def stats_view(self) -> QWidget:
        return self.lazy_pages["会员统计"]

    def pending_pages(self) -> int:
        return len(self.lazy_pages.pending())

    def on_changes(self, changes: Changes) -> None:
        for page in self.lazy_pages.built_pages().values():
            if hasattr(page, "on_changes"):
                page.on_changes(changes)


def create_tab(ctx: AppContext) -> QWidget:
    return MembersTab(ctx)
