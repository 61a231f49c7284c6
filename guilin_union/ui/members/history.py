"""Pages shown under a member's form (status history, activities, payments …).

Which pages, and in which order, is listed in ``ui/members/form_pages.py`` (issue 19: one
explicit place, not registration as a side effect of importing tab modules). Keeps the
member form ignorant of the areas that hang off a member.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from guilin_union.ui.members.form_pages import (
    UNREADABLE_TEXT,
    MemberPageFactory,
    RecordsUnreadable,
    member_form_pages,
)


class LazyPage(QWidget):
    """Stands in a tab of the member form for a page built when first shown or used.

    Attribute access and ``findChild`` reach the real page (building it first), so code
    that holds the tab's widget works with it as with the page itself. A build that raises
    :class:`RecordsUnreadable` is shown as a sentence saying the records cannot be read.
    """

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def page(self) -> QWidget:
        if self._page is None:
            self._page = _readable(self._build)
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


def _readable(build: Callable[[], QWidget | None]) -> QWidget | None:
    """What ``build`` makes, or a label saying the records cannot be read when it raises
    :class:`RecordsUnreadable` (None stays None: nothing to show)."""
    try:
        return build()
    except RecordsUnreadable:
        return QLabel(UNREADABLE_TEXT)


def _always(factory: MemberPageFactory, ctx: object, member_id: int) -> Callable[[], QWidget]:
    """The build of a page that always exists: its factory must not return None."""

    def build() -> QWidget:
        page = factory(ctx, member_id)
        if page is None:
            raise TypeError(f"{factory.__name__} is an always page and returned None")
        return page

    return build


def pages_for(ctx: object, member_id: int) -> list[tuple[str, QWidget]]:
    """The form's pages for one member: the first built now (it is on screen), the ones that
    always exist behind it built when needed, the others now (they may have nothing to show,
    then they are left out). A page whose records cannot be read says so in its tab."""
    pages: list[tuple[str, QWidget]] = []
    for spec in member_form_pages():
        build: Callable[[], QWidget | None]
        if spec.always:
            always = _always(spec.factory, ctx, member_id)
            if pages:
                pages.append((spec.title, LazyPage(always)))
                continue
            build = always
        else:
            build = partial(spec.factory, ctx, member_id)
        page = _readable(build)
        if page is not None:
            pages.append((spec.title, page))
    return pages
