"""The pages under the member form, area by area, in order: the one place that says which
pages a member's form has (issue 19). Called when a member form is built, so the pages do
not depend on which tab modules happen to have been imported.

Each area keeps its page in its own package (``ui/<area>/``); this module only lists them.
To add a page: write ``factory(ctx, member_id) -> QWidget | None`` in the area's package
and add a :class:`MemberPage` line below. The factory returns None only for "nothing to
show for this member" (the form then has no such tab); records it cannot read it reports by
raising :class:`RecordsUnreadable` (the tab then says so).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

#: factory(ctx, member_id) -> the page, or None when the area has nothing for this member;
#: it raises :class:`RecordsUnreadable` when it cannot read the member's records
MemberPageFactory = Callable[[object, int], QWidget | None]

#: What the member form's tab says instead of a page whose records cannot be read.
UNREADABLE_TEXT = "暂时无法读取这些记录。"


class RecordsUnreadable(Exception):
    """Raised by a page factory that cannot read the member's records (a failed query):
    the form shows :data:`UNREADABLE_TEXT` in that tab. Not the same as returning None,
    which means the area has nothing for this member."""


@dataclass(frozen=True)
class MemberPage:
    title: str
    factory: MemberPageFactory
    #: the factory never returns None (it always has a page, if only to say there is
    #: nothing yet, or it raises RecordsUnreadable), so behind the form's first page the page
    #: is built only when shown or used (issue 11: the member form opens in under 50 ms)
    always: bool = False


def member_form_pages() -> list[MemberPage]:
    """The member form's pages in the order of its tabs: the member's own (会员入会), then
    the other areas in the order of the main window's tabs."""
    from guilin_union.ui.activities.history import member_activities_page
    from guilin_union.ui.congress.member_history import member_page as congress_page
    from guilin_union.ui.intake.member_pages import dues_page, status_history_page
    from guilin_union.ui.members.record_page import member_record_page
    from guilin_union.ui.welfare.member_page import member_page as welfare_page
    from guilin_union.ui.workpoints.member_page import member_workpoints_page

    return [
        # 会员入会
        MemberPage("会籍变更", status_history_page, always=True),
        MemberPage("登记表信息", member_record_page, always=True),  # issue 24
        MemberPage("会费", dues_page, always=True),
        # 工作要点
        MemberPage("负责的工作要点", member_workpoints_page),
        # 教代会: this person's mandates and proposals
        MemberPage("教代会", congress_page),
        # 活动
        MemberPage("参加活动", member_activities_page, always=True),
        # 慰问
        MemberPage("慰问记录", welfare_page, always=True),
    ]


def page_factory(title: str) -> MemberPageFactory:
    """The factory of one page by its title (KeyError when the form has no such page)."""
    return {page.title: page.factory for page in member_form_pages()}[title]
