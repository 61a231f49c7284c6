"""A tab made of pages (会员入会, 慰问, 经费): a document-mode QTabWidget whose pages are
built on first use or while the program is idle (LazyTabs), with the tab's change
notifications passed on to the pages already built."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from guilin_union.services.changes import Changes
from guilin_union.ui.context import AppContext
from guilin_union.ui.lazy_tabs import LazyTabs

PageSpec = tuple[str, Callable[[], QWidget]]


class PagedTab(QWidget):
    """``pages``: (title, build) in tab order; only the first is built with the tab."""

    def __init__(
        self,
        ctx: AppContext,
        object_name: str,
        pages: Sequence[PageSpec],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget()
        self.pages.setObjectName(object_name)
        self.pages.setDocumentMode(True)
        self.lazy_pages = LazyTabs(self.pages)
        for title, build in pages:
            self.lazy_pages.add(title, build)
        self.lazy_pages.activate()
        layout.addWidget(self.pages)

    def pending_pages(self) -> int:
        return len(self.lazy_pages.pending())

    def on_changes(self, changes: Changes) -> None:
        # Pages not built yet read fresh data when they are built.
        for page in self.lazy_pages.built_pages().values():
            handler = getattr(page, "on_changes", None)
            if handler is not None:
                handler(changes)
