"""慰问 tab: 慰问记录, 批量发放, 慰问标准, 困难帮扶, 统计与复核, plus 慰问设置.

Only the 慰问记录 page is built with the tab; the others when first shown or while the
program is idle (issue 11).
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from guilin_union.core.errors import ValidationError
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.welfare import config
from guilin_union.ui.context import AppContext
from guilin_union.ui.welfare.batches_view import BatchesView
from guilin_union.ui.welfare.hardship_view import HardshipView
from guilin_union.ui.welfare.payments_view import PaymentsView
from guilin_union.ui.welfare.standards_view import StandardsView
from guilin_union.ui.welfare.stats_view import StatsView
from guilin_union.ui.widgets.paged_tab import PagedTab


class WelfareTab(PagedTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        pages = [
            ("慰问记录", lambda: PaymentsView(ctx)),
            ("节日批量发放", lambda: BatchesView(ctx)),
            ("慰问标准", lambda: StandardsView(ctx)),
            ("困难帮扶档案", lambda: HardshipView(ctx, open_batch=self.open_batch)),
            ("统计与复核", lambda: StatsView(ctx)),
        ]
        super().__init__(ctx, "welfare_pages", pages, parent)
        self.settings_button = QPushButton("慰问设置…")
        self.settings_button.setObjectName("welfare_settings_button")
        self.settings_button.setFlat(True)
        self.settings_button.clicked.connect(self.edit_settings)
        self.pages.setCornerWidget(self.settings_button)

    # The pages by name (each is built on first use).
    @property
    def payments_view(self) -> PaymentsView:
        return self.lazy_pages["慰问记录"]  # type: ignore[return-value]

    @property
    def batches_view(self) -> BatchesView:
        return self.lazy_pages["节日批量发放"]  # type: ignore[return-value]

    @property
    def standards_view(self) -> StandardsView:
        return self.lazy_pages["慰问标准"]  # type: ignore[return-value]

    @property
    def hardship_view(self) -> HardshipView:
        return self.lazy_pages["困难帮扶档案"]  # type: ignore[return-value]

    @property
    def stats_view(self) -> StatsView:
        return self.lazy_pages["统计与复核"]  # type: ignore[return-value]

    def export_current(self) -> None:
        """文件 ▸ 导出…: the payment list as shown."""
        self.pages.setCurrentWidget(self.payments_view)
        self.payments_view.export_excel()

    def open_batch(self, **preset) -> None:
        self.pages.setCurrentWidget(self.batches_view)
        self.batches_view.new_batch(**preset)

    def edit_settings(self) -> None:
        from guilin_union.ui.welfare.settings_dialog import WelfareSettingsDialog

        dialog = WelfareSettingsDialog(
            settings_service.get_many(self.ctx.db, list(config.SETTING_KEYS)), self
        )
        if not dialog.exec():
            return
        try:
            config.save_lists(self.ctx.db, dialog.values)
        except ValidationError as exc:
            self.ctx.prompts.warning(self, "慰问设置", exc.message)
            return
        self.ctx.notify(Changes.of("settings", config.AREA))


def create_tab(ctx: AppContext) -> QWidget:
    return WelfareTab(ctx)
