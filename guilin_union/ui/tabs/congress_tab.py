"""教职工代表大会 tab: sessions, delegates, agenda, sign-in with the quorum, votes, proposals."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext


def create_tab(ctx: AppContext) -> QWidget:
    from guilin_union.ui.congress.page import CongressTab

    return CongressTab(ctx)
