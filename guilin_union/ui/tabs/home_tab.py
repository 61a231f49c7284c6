"""首页 tab (issue 23): reminders, the year's figures, the state of the backups."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext


def create_tab(ctx: AppContext) -> QWidget:
    from guilin_union.ui.home.page import HomePage

    return HomePage(ctx)
