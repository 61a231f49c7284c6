"""会员入会 tab: the register, 申请审批 (the intake workflow), 会费 and 会员统计.

Only the register is built with the tab; the other pages are built when first shown or while
the program is idle (issue 11: the 会费 page alone sums a year of dues for every member).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.members.register_view import MemberRegisterView
from guilin_union.ui.widgets.paged_tab import PagedTab


def _applications(ctx: AppContext) -> QWidget:
    from guilin_union.ui.intake.applications_view import ApplicationsView

    return ApplicationsView(ctx)


def _dues(ctx: AppContext) -> QWidget:
    from guilin_union.ui.intake.dues_view import DuesView

    return DuesView(ctx)


def _stats(ctx: AppContext) -> QWidget:
    from guilin_union.ui.intake.stats_view import StatsView

    return StatsView(ctx)


class MembersTab(PagedTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        pages = [
            ("会员名册", lambda: MemberRegisterView(ctx)),
            ("申请审批", lambda: _applications(ctx)),
            ("会费", lambda: _dues(ctx)),
            ("会员统计", lambda: _stats(ctx)),
        ]
        super().__init__(ctx, "members_pages", pages, parent)

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


def create_tab(ctx: AppContext) -> QWidget:
    return MembersTab(ctx)
