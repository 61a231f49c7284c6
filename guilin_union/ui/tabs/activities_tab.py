"""工会活动 tab: plan, announce, fill, run, score and account for union activities."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.activities.activities_view import ActivitiesView
from guilin_union.ui.activities.history import member_activities_page
from guilin_union.ui.context import AppContext
from guilin_union.ui.members import history

# The member form shows the activities a member took part in.
history.register("参加活动", member_activities_page)


def create_tab(ctx: AppContext) -> QWidget:
    return ActivitiesView(ctx)
