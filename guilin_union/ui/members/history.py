"""Pages shown under a member's form (status history, activities, payments …).

Each area registers a provider when its tab module is imported; the member dialog asks every
provider for a page. Keeps the member form ignorant of the areas that hang off a member.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

# (title, factory(ctx, member_id) -> QWidget | None)
MemberPageFactory = Callable[[object, int], QWidget | None]
PROVIDERS: list[tuple[str, MemberPageFactory]] = []
# Titles whose factory always returns a page: behind the form's first page they are built
# only when shown or used (issue 11: the member form opens in under 50 ms).
ALWAYS_PRESENT: set[str] = set()


def register(title: str, factory: MemberPageFactory, *, always: bool = False) -> None:
    """Add a page to every member form. ``always=True`` promises that ``factory`` never
    returns None, so the page may wait until it is first shown."""
    if all(t != title for t, _ in PROVIDERS):
        PROVIDERS.append((title, factory))
    if always:
        ALWAYS_PRESENT.add(title)


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
            self._page = self._build()
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
    for title, factory in load_providers():
        if pages and title in ALWAYS_PRESENT:
            pages.append((title, LazyPage(lambda factory=factory: factory(ctx, member_id))))  # type: ignore[misc]
            continue
        page = factory(ctx, member_id)
        if page is not None:
            pages.append((title, page))
    return pages


def load_providers() -> list[tuple[str, MemberPageFactory]]:
    """Every area's pages. Areas register when their tab module is imported, and the main
    window builds tabs only when needed (issue 11), so the form imports them all first
    (already imported after start-up, when the tabs have been prepared)."""
    import importlib

    from guilin_union.ui.tabs import TABS

    for _title, module_name in TABS:
        importlib.import_module(module_name)
    return list(PROVIDERS)
