"""慰问 tab: 慰问记录, 批量发放, 慰问标准, 困难帮扶, 统计与复核, plus 慰问设置.

Importing this module registers the member form's 慰问记录 page.
"""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from guilin_union.core.errors import ValidationError
from guilin_union.services import settings as settings_service
from guilin_union.services import welfare_config as config
from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.members import history
from guilin_union.ui.welfare.batches_view import BatchesView
from guilin_union.ui.welfare.hardship_view import HardshipView
from guilin_union.ui.welfare.member_page import member_page
from guilin_union.ui.welfare.payments_view import PaymentsView
from guilin_union.ui.welfare.standards_view import StandardsView
from guilin_union.ui.welfare.stats_view import StatsView

history.register("慰问记录", member_page)


class WelfareTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName("welfare_pages")
        self.pages.setDocumentMode(True)
        self.payments_view = PaymentsView(ctx)
        self.batches_view = BatchesView(ctx)
        self.standards_view = StandardsView(ctx)
        self.hardship_view = HardshipView(ctx, open_batch=self.open_batch)
        self.stats_view = StatsView(ctx)
        for page, title in ((self.payments_view, "慰问记录"), (self.batches_view, "节日批量发放"),
                            (self.standards_view, "慰问标准"), (self.hardship_view, "困难帮扶档案"),
                            (self.stats_view, "统计与复核")):
            self.pages.addTab(page, title)
        self.settings_button = QPushButton("慰问设置…")
        self.settings_button.setObjectName("welfare_settings_button")
        self.settings_button.setFlat(True)
        self.settings_button.clicked.connect(self.edit_settings)
        self.pages.setCornerWidget(self.settings_button)
        layout.addWidget(self.pages)

    def on_changes(self, changes: Changes) -> None:
        for i in range(self.pages.count()):
            handler = getattr(self.pages.widget(i), "on_changes", None)
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

        dialog = WelfareSettingsDialog(settings_service.get_many(self.ctx.db, list(config.SETTING_KEYS)), self)
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
