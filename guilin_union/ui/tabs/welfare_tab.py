"""慰问 tab: 慰问记录, 批量发放, 慰问标准, 困难帮扶, 统计与复核, plus 慰问设置.

Only the 慰问记录 page is built with the tab; the others when first shown or while the
program is idle (issue 11).
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from guilin_union.core.errors import ValidationError
from guilin_union.services import settings as settings_service
from guilin_union.services.changes import Changes
from guilin_union.services.welfare import config
from guilin_union.ui.context import AppContext
from guilin_union.ui.lazy_tabs import LazyTabs
from guilin_union.ui.welfare.batches_view import BatchesView
from guilin_union.ui.welfare.hardship_view import HardshipView
from guilin_union.ui.welfare.payments_view import PaymentsView
from guilin_union.ui.welfare.standards_view import StandardsView
from guilin_union.ui.welfare.stats_view import StatsView


class WelfareTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("welfare_pages")
        self.pages.setDocumentMode(True)
        self.lazy_pages = LazyTabs(self.pages)
        self.lazy_pages.add("慰问记录", lambda: PaymentsView(ctx))
        self.lazy_pages.add("节日批量发放", lambda: BatchesView(ctx))
        self.lazy_pages.add("慰问标准", lambda: StandardsView(ctx))
        self.lazy_pages.add("困难帮扶档案", lambda: HardshipView(ctx, open_batch=self.open_batch))
        self.lazy_pages.add("统计与复核", lambda: StatsView(ctx))
        self.lazy_pages.activate()
        self.settings_button = QPushButton("慰问设置…")
        self.settings_button.setObjectName("welfare_settings_button")
        self.settings_button.setFlat(True)
        self.settings_button.clicked.connect(self.edit_settings)
        self.pages.setCornerWidget(self.settings_button)
        layout.addWidget(self.pages)

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

    def pending_pages(self) -> int:
        return len(self.lazy_pages.pending())

    def on_changes(self, changes: Changes) -> None:
        # Pages not built yet read fresh data when they are built.
        for page in self.lazy_pages.built_pages().values():
            handler = getattr(page, "on_changes", None)
            if handler is not None:
                handler(changes)

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
