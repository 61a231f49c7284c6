"""Pages shown under a member's form (status history, activities, payments …).

Which pages, and in which order, is listed in ``ui/members/form_pages.py`` (issue 19: one
explicit place, not registration as a side effect of importing tab modules). Keeps the
member form ignorant of the areas that hang off a member.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from guilin_union.ui.members.form_pages import member_form_pages


class LazyPage(QWidget):
    """Stands in a tab of the member form for a page built when first shown or used.

    Attribute access and ``findChild`` reach the real page (building it first), so code
    that holds the tab's widget works with it as with the page itself.
    """

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> QWidget:
        if self._page is None:
            # A factory that could not read its records (it returns None) says so here.
            self._page = self._build() or QLabel("暂时无法读取这些记录。")
            self.layout().addWidget(self._page)
            if self.isVisible():
                self._page.show()
        return self._page

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        self.page()
        super().showEvent(event)

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the stand-in lacks: the page's own widgets and methods.
        if name.startswith("__") or "_page" not in self.__dict__:
            raise AttributeError(name)
        return getattr(self.page(), name)

    def findChild(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 (Qt name)
        self.page()
        return super().findChild(*args, **kwargs)

    def findChildren(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 (Qt name)
        self.page()
        return super().findChildren(*args, **kwargs)


def pages_for(ctx: object, member_id: int) -> list[tuple[str, QWidget]]:
    """The form's pages for one member: the first built now (it is on screen), the ones that
    always exist behind it built when needed, the others now (they may have nothing to show)."""
    pages: list[tuple[str, QWidget]] = []
    for spec in member_form_pages():
        factory = spec.factory
        if pages and spec.always:
            pages.append((spec.title, LazyPage(lambda factory=factory: factory(ctx, member_id))))  # type: ignore[misc]
            continue
        page = factory(ctx, member_id)
        if page is not None:
            pages.append((spec.title, page))
    return pages
