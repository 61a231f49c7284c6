"""经费 tab: 会费台账 and 经费预算 (issue 21). Only the first page is built with the tab; the
other when first shown or while the program is idle."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from guilin_union.ui.context import AppContext
from guilin_union.ui.money.budget_view import BudgetView
from guilin_union.ui.money.ledger_view import LedgerView
from guilin_union.ui.widgets.paged_tab import PagedTab


class MoneyTab(PagedTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        pages = [("会费台账", lambda: LedgerView(ctx)), ("经费预算", lambda: BudgetView(ctx))]
        super().__init__(ctx, "money_pages", pages, parent)

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


def create_tab(ctx: AppContext) -> QWidget:
    return MoneyTab(ctx)
