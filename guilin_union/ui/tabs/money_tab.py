"""经费 tab: 会费台账 and 经费预算 (issue 21). Only the first page is built with the tab; the
other when first shown or while the program is idle."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.lazy_tabs import LazyTabs
from guilin_union.ui.money.budget_view import BudgetView
from guilin_union.ui.money.ledger_view import LedgerView


class MoneyTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("money_pages")
        self.pages.setDocumentMode(True)
        self.lazy_pages = LazyTabs(self.pages)
        self.lazy_pages.add("会费台账", lambda: LedgerView(ctx))
        self.lazy_pages.add("经费预算", lambda: BudgetView(ctx))
        self.lazy_pages.activate()
        layout.addWidget(self.pages)

    @property
    def ledger_view(self) -> LedgerView:
        return self.lazy_pages["会费台账"]  # type: ignore[return-value]

    @property
    def budget_view(self) -> BudgetView:
        return self.lazy_pages["经费预算"]  # type: ignore[return-value]

    def export_current(self) -> None:
        """导出… (Ctrl+E): the ledger month shown, or the year's execution table."""
        if self.pages.tabText(self.pages.currentIndex()) == "经费预算":
            self.budget_view.print_report("execution", ".xlsx")
        else:
            self.ledger_view.export_excel()

    def pending_pages(self) -> int:
        return len(self.lazy_pages.pending())

    def on_changes(self, changes: Changes) -> None:
        for page in self.lazy_pages.built_pages().values():
            handler = getattr(page, "on_changes", None)
            if handler is not None:
                handler(changes)


def create_tab(ctx: AppContext) -> QWidget:
    return MoneyTab(ctx)
