"""工会活动 tab: plan, announce, fill, run, score and account for union activities."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.activities.activities_view import ActivitiesView
from guilin_union.ui.context import AppContext


def create_tab(ctx: AppContext) -> QWidget:
    return ActivitiesView(ctx)
